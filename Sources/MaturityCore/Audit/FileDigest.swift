import Crypto
import Foundation

/// SHA-256 of a file read in 1 MB pieces: memory stays flat however large the evidence file.
public enum FileDigest {
    static let chunkBytes = 1 << 20

    /// The hexadecimal SHA-256 of the regular file at `path`, or nil when it is missing, not a regular
    /// file (a pipe would block, a device never end) or cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard FileKind.of(path) == .regular else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, chunkBytes)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return SignOff.hex(hasher.finalize())
    }
}
