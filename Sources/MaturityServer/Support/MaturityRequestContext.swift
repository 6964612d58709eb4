import Hummingbird
import NIOCore

/// The request context of every route: a body limit large enough for a zipped assessment folder.
public struct MaturityRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, for rate limits on public pages.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies decoded as JSON are small; uploads read their body themselves with their own limit.
    public var maxUploadSize: Int { 1 << 20 }
}
