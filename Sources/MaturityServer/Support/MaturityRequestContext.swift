import Hummingbird

/// The request context of every route: a body limit large enough for a zipped assessment folder.
public struct MaturityRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Bodies decoded as JSON are small; uploads read their body themselves with their own limit.
    public var maxUploadSize: Int { 1 << 20 }
}
