import Foundation
import Synchronization

/// Whether anyone — this process or another — committed to a SQLite database in write-ahead-log mode since the
/// last look, read from the WAL index that every connection to the database shares (the `-shm` file, mapped
/// read-only): its header, which SQLite rewrites at every commit and whose documented layout ("WAL-index format",
/// sqlite.org/walformat.html) holds the last frame, the log's salts and their checksum. SQLite writes the header's
/// two copies one after the other; a look that finds them different (a commit under way) answers "changed".
///
/// The file is mapped only while this process holds the database open (SQLite shrinks the file only when the
/// last connection to the database opens or closes it), and unmapped before its connections close.
final class SQLiteWALStamp: Sendable {
    private struct Mapping: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let length: Int
    }

    /// The two copies of the header, 48 bytes each, at the start of the index.
    private static let headerBytes = 48
    private let mapping: Mapping
    private let last = Mutex<[UInt64]?>(nil)

    /// Maps the index of the database at `path`; nil when it has none (not in write-ahead-log mode) or it cannot
    /// be mapped.
    init?(databasePath path: String) {
        let descriptor = open(path + "-shm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        let length = 2 * Self.headerBytes
        guard fstat(descriptor, &status) == 0, status.st_size >= length else { return nil }
        guard let base = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED else {
            return nil
        }
        mapping = Mapping(base: base, length: length)
    }

    /// The header's words when its two copies agree.
    private func header() -> [UInt64]? {
        let words = Self.headerBytes / 8
        let first = (0..<words).map { mapping.base.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
        atomicMemoryFence(ordering: .sequentiallyConsistent)
        let second = (0..<words).map {
            mapping.base.loadUnaligned(fromByteOffset: Self.headerBytes + $0 * 8, as: UInt64.self)
        }
        return first == second ? first : nil
    }

    /// Whether the database changed since the last call (true at the first); nil while a commit is under way.
    func changed() -> Bool? {
        guard let now = header() else { return nil }
        return last.withLock { last in
            defer { last = now }
            return last != now
        }
    }

    /// Unmaps the index; `changed()` may not be called afterwards.
    func unmap() {
        munmap(mapping.base, mapping.length)
    }
}
