/// How much of a workbook the reader takes before it stops with an error. Each limit is checked while
/// reading — inflated bytes are counted as they come out of the zip, rows as they are parsed — never
/// taken from what the file says about itself.
public struct SheetLimits: Sendable, Hashable {
    /// The xlsx file as stored.
    public var fileBytes: Int
    /// Entries in the zip.
    public var entries: Int
    /// One part (a sheet's XML, the shared strings) once inflated.
    public var partBytes: Int
    /// All parts read, once inflated.
    public var totalBytes: Int
    /// The highest row number a sheet that is read may use (a catalog of 50,000 criteria fits).
    public var rows: Int
    /// The highest column number a sheet that is read may use.
    public var columns: Int
    /// Characters in one cell (Excel's own limit).
    public var cellCharacters: Int
    /// Problems reported before the reader stops.
    public var problems: Int

    public init(
        fileBytes: Int = 32 << 20, entries: Int = 4096, partBytes: Int = 64 << 20, totalBytes: Int = 160 << 20,
        rows: Int = 100_000, columns: Int = 1024, cellCharacters: Int = 32_767, problems: Int = 100
    ) {
        self.fileBytes = fileBytes
        self.entries = entries
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.rows = rows
        self.columns = columns
        self.cellCharacters = cellCharacters
        self.problems = problems
    }

    public static let standard = SheetLimits()
}
