import Foundation

/// How `maturity serve` runs: where it listens, and the limits of what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest zip accepted by `POST /api/v1/import` (bytes of the upload).
    public var maximumUploadBytes: Int
    /// Largest a zip may unpack to, all files together.
    public var maximumUnpackedBytes: Int
    /// Folders holding the shipped catalogs (`Criteria/`), recorded in the store at start.
    public var criteriaFolders: [String]
    /// Public certificate verifications each client may make a minute (`GET /certificates/{number}`).
    public var verificationsPerMinute = 120
    /// A session unused this long (seconds) ends.
    public var sessionIdle: TimeInterval = 2 * 3600
    /// A session ends this long (seconds) after sign-in, used or not.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// Served behind a TLS-terminating proxy: cookies are marked Secure, the client address is X-Forwarded-For's.
    public var behindProxy = false
    /// The first failed sign-in's delay in seconds (it doubles with each further failure, up to 8 times).
    public var loginDelay: TimeInterval = 0.5
    /// Failed sign-ins for one name within 15 minutes before every attempt is refused (three times as many for
    /// one address).
    public var loginAttempts = 10

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maximumUploadBytes: Int = 256 << 20,
        maximumUnpackedBytes: Int = 512 << 20, criteriaFolders: [String] = []
    ) {
        self.host = host
        self.port = port
        self.maximumUploadBytes = maximumUploadBytes
        self.maximumUnpackedBytes = maximumUnpackedBytes
        self.criteriaFolders = criteriaFolders
    }

    /// Without accounts the server must not be reachable from other machines: only loopback addresses.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
