import Foundation
import Synchronization

/// Whether anyone — this process or another — committed to a SQLite database in write-ahead-log mode since the
/// last look, read from the WAL index that every connection to the database shares (the `-shm` file, mapped
/// read-only): its header, which SQLite rewrites at every commit and whose documented layout ("WAL-index format",
/// sqlite.org/walformat.html) holds the last frame, the log's salts and their checksum. SQLite writes the header's
/// second copy, then the first; a look reads the first, then the second, and finds them different while a commit
/// is under way, which it answers as a change.
///
/// Closing any descriptor of a file drops every lock the process holds on it (POSIX record locks), SQLite's own
/// included — and SQLite's shared lock on the index is what tells another process opening the database that the
/// index is in use and must not be rebuilt or shrunk (sqlite.org/howtocorrupt.html, 2.2). So the descriptor
/// opened here stays open until ``release()``, which the database calls only after its SQLite connections have
/// closed; while they are open the index keeps its size, so the mapping never points past the file's end.
final class SQLiteWALStamp: Sendable {
    private struct Mapping: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let length: Int
        let descriptor: Int32
    }

    /// The two copies of the header, 48 bytes each, at the start of the index.
    private static let headerBytes = 48
    private static let words = headerBytes / 8
    private let mapping: Mapping
    private let last = Mutex<(seen: Bool, words: InlineArray<6, UInt64>)>((false, InlineArray(repeating: 0)))
    private let released = Mutex(false)

    /// Whether the index could be mapped and its header is one SQLite has written; a stamp that is not usable
    /// still holds its descriptor until ``release()``.
    let usable: Bool

    /// Maps the index of the database at `path` (symbolic links resolved, as SQLite does). Not usable when there
    /// is none (not in write-ahead-log mode), it cannot be mapped, or its header is not one SQLite has written
    /// (iVersion 3007000, isInit set).
    init(databasePath path: String) {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let descriptor = open(resolved + "-shm", O_RDONLY | O_CLOEXEC)
        var status = stat()
        let length = 2 * Self.headerBytes
        guard descriptor >= 0, fstat(descriptor, &status) == 0, status.st_size >= length,
            let base = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED
        else {
            mapping = Mapping(base: UnsafeMutableRawPointer(bitPattern: 8)!, length: 0, descriptor: descriptor)
            usable = false
            return
        }
        let version = base.load(as: UInt32.self)
        let initialised = base.load(fromByteOffset: 12, as: UInt8.self)
        guard version == 3_007_000, initialised == 1 else {
            munmap(base, length)
            mapping = Mapping(base: UnsafeMutableRawPointer(bitPattern: 8)!, length: 0, descriptor: descriptor)
            usable = false
            return
        }
        mapping = Mapping(base: base, length: length, descriptor: descriptor)
        usable = true
    }

    private func word(_ copy: Int, _ index: Int) -> UInt64 {
        // One aligned 8-byte load each (the mapping starts on a page), which the processor does not tear.
        mapping.base.load(fromByteOffset: copy * Self.headerBytes + index * 8, as: UInt64.self)
    }

    /// Whether the database changed since the last call (true at the first); nil while a commit is under way.
    func changed() -> Bool? {
        var first = InlineArray<6, UInt64>(repeating: 0)
        var second = InlineArray<6, UInt64>(repeating: 0)
        for index in 0..<Self.words { first[index] = word(0, index) }
        atomicMemoryFence(ordering: .sequentiallyConsistent)
        for index in 0..<Self.words { second[index] = word(1, index) }
        for index in 0..<Self.words where first[index] != second[index] { return nil }
        return last.withLock { last in
            var same = last.seen
            for index in 0..<Self.words where last.words[index] != first[index] { same = false }
            last = (true, first)
            return !same
        }
    }

    /// Unmaps the index; `changed()` may not be called afterwards.
    func unmap() {
        if mapping.length > 0 { munmap(mapping.base, mapping.length) }
    }

    /// Closes the descriptor, once this process's SQLite connections to the database are closed.
    func release() {
        let first = released.withLock { released in
            defer { released = true }
            return !released
        }
        if first, mapping.descriptor >= 0 { close(mapping.descriptor) }
    }
}
