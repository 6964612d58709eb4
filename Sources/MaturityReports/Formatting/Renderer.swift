/// The formats reports are written in; each subject offers some of them.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case md
    case json
    case html
    case csv
    case ics
    case yaml
}

/// One subject's report in one format: made from the subject's context, rendered to a string.
public protocol Renderer<Context>: SendableMetatype {
    associatedtype Context
    init(_ context: Context)
    func render() -> String
}

/// A subject's renderers by format: what a front end (command line, server) looks a requested format up
/// in, instead of switching over formats itself.
public struct RendererTable<Context>: Sendable {
    let renderers: [ReportFormat: @Sendable (Context) -> String]

    /// A table of renderer types.
    public init(_ types: [ReportFormat: any Renderer<Context>.Type]) {
        var renderers: [ReportFormat: @Sendable (Context) -> String] = [:]
        for (format, type) in types {
            renderers[format] = { context in type.init(context).render() }
        }
        self.renderers = renderers
    }

    /// A table of render functions, for subjects that render several formats from one value.
    public init(functions: [ReportFormat: @Sendable (Context) -> String]) {
        self.renderers = functions
    }

    /// The formats this subject can be rendered in, in `ReportFormat` order.
    public var formats: [ReportFormat] { ReportFormat.allCases.filter { renderers[$0] != nil } }

    /// The report in `format`, or nil when the subject has no such format.
    public func render(_ context: Context, as format: ReportFormat) -> String? {
        renderers[format]?(context)
    }
}
