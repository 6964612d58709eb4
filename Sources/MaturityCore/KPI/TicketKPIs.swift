/// KPIs computed from the ticket export an assessment names (SPEC §8).
public enum TicketKPIs {
    /// Computes the KPIs of `source`, its paths relative to the assessment's folder.
    public static func compute(_ source: TicketSource, assessment: Assessment) throws(DiagnosticError) -> [KPIValue] {
        // The streaming ticket reader is its own piece of work (issue 5); until it lands, say so plainly.
        throw DiagnosticError(
            .error(
                "computing KPIs from a ticket export is not available in this build", at: source.location,
                hint: "give the KPI values under 'metrics:' instead"))
    }
}
