import MaturityCore

/// Every subject's renderers by format: the one map front ends use.
public enum Reports {
    /// An assessment (and an audit): text, Markdown, the result JSON, one HTML page.
    public static let assessment = RendererTable<ReportContext>([
        .text: TextReport.self, .md: MarkdownReport.self, .json: ResultJSONReport.self, .html: HTMLReport.self,
    ])

    /// A surveillance review; its JSON reads back as the next review's previous result.
    public static let review = RendererTable<ReviewContext>([
        .text: ReviewTextReport.self, .md: ReviewMarkdownReport.self, .json: ReviewJSONReport.self,
        .html: ReviewHTMLReport.self,
    ])

    /// An organisation's results over time.
    public static let history = RendererTable<HistoryReport>(functions: [
        .text: { $0.text() }, .md: { $0.markdown() }, .json: { $0.json() }, .html: { HistoryHTMLReport($0).render() },
    ])

    /// A plan for people, spreadsheets and calendars, or the plan file itself.
    public static let plan = RendererTable<PlanExport>(functions: [
        .yaml: { PlanYAML.render($0.plan) }, .md: { $0.markdown() }, .csv: { $0.csv() }, .ics: { $0.ics() },
        .html: { $0.html() },
    ])

    /// The actions due, by owner.
    public static let planDue = RendererTable<PlanDueReport>(functions: [
        .text: { $0.text() }, .md: { $0.markdown() }, .json: { $0.json() },
    ])

    /// KPIs from a ticket export.
    public static let kpi = RendererTable<TicketKPIReport>(functions: [
        .text: { $0.text() }, .json: { TicketKPIReport.json($0.measurement) },
    ])

    /// The catalogs in Criteria/, one line each.
    public static let catalogIndex = RendererTable<CatalogIndex>(functions: [
        .text: { $0.text() }, .md: { $0.markdown() }, .json: { $0.json() },
    ])

    /// A catalog's domains and criteria.
    public static let catalog = RendererTable<CatalogListing>(functions: [
        .text: { $0.text() }, .md: { $0.markdown() }, .json: { $0.json() },
    ])
}

/// The result JSON of an assessment, with the plan an `assess --plan` report shows.
public struct ResultJSONReport: Renderer {
    let context: ReportContext

    public init(_ context: ReportContext) {
        self.context = context
    }

    public func render() -> String {
        ResultJSON.render(context.result, audit: context.audit, signOff: context.signOff, plan: context.plan?.json)
    }
}

/// The review's JSON: the current result with the review added.
public struct ReviewJSONReport: Renderer {
    let context: ReviewContext

    public init(_ context: ReviewContext) {
        self.context = context
    }

    public func render() -> String {
        ReviewJSON.render(context.review, signOff: context.signOff)
    }
}
