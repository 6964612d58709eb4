import MaturityCore

/// Dates as spreadsheets store them: a serial number of days. In the 1900 date system (Excel's
/// default, and what the tool writes) serial 1 is 1900-01-01 and serial 60 the 29 February 1900 that
/// never was (kept for Lotus 1-2-3), so serials from 61 on are days since 1899-12-30. In the 1904
/// system (old Mac Excel) serial 0 is 1904-01-01; the reader converts those by adding 1462 days.
public enum SerialDate {
    /// Days between the two systems' serial numbers of the same date.
    public static let offset1904 = 1462.0
    /// Serial number of 1970-01-01 in the 1900 system.
    static let epoch = 25569

    /// The 1900-system serial number of `day` (days from 1900-03-01 on are exact; earlier ones follow
    /// the 1900 system's numbering).
    public static func serial(_ day: Day) -> Double {
        let days = day.daysSinceEpoch
        let serial = days + epoch
        return Double(serial >= 61 ? serial : serial - 1)
    }

    /// The date of a 1900-system serial number, its time of day dropped; nil for serial 60 (a date
    /// that does not exist), for serials before 1 and for years after 9999.
    public static func day(_ serial: Double) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if whole == 60 { return nil }
        let days = whole >= 61 ? whole - epoch : whole - epoch + 1
        return Day(daysSinceEpoch: days)
    }
}
