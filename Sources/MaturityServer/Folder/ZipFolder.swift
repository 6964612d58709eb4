import Foundation
import ZIPFoundation

/// An assessment folder carried as a zip: read with limits a hostile archive cannot get past, and
/// written deterministically (same files, same bytes).
public enum ZipFolder {
    /// What an uploaded archive may hold.
    public struct Limits: Sendable {
        /// Largest single file once unpacked.
        public var fileBytes: Int
        /// All files together once unpacked.
        public var totalBytes: Int
        /// Number of entries.
        public var entries: Int

        public init(fileBytes: Int, totalBytes: Int = 512 << 20, entries: Int = 10_000) {
            self.fileBytes = fileBytes
            self.totalBytes = totalBytes
            self.entries = entries
        }
    }

    /// Why an archive was refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notAZip
        case unsafePath(String)
        case link(String)
        case tooManyEntries(limit: Int)
        case fileTooLarge(path: String, limit: Int)
        case totalTooLarge(limit: Int)
        case duplicate(String)
        case damaged(path: String)

        public var description: String {
            switch self {
            case .notAZip: return "the upload is not a zip archive"
            case .unsafePath(let path):
                return "'\(path)' is not a relative path inside the folder (absolute, '..', or a backslash)"
            case .link(let path): return "'\(path)' is a symbolic link; the archive must hold plain files"
            case .tooManyEntries(let limit): return "the archive has more than \(limit) entries"
            case .fileTooLarge(let path, let limit): return "'\(path)' unpacks to more than \(limit) bytes"
            case .totalTooLarge(let limit): return "the archive unpacks to more than \(limit) bytes"
            case .duplicate(let path): return "'\(path)' is in the archive twice"
            case .damaged(let path): return "'\(path)' cannot be unpacked (damaged or unsupported compression)"
            }
        }
    }

    /// The files of the archive by path. Directories are skipped; when every file sits in one top folder
    /// (a zipped folder), that folder is dropped from the paths. Sizes are counted while unpacking, not
    /// taken from the headers, so a zip bomb stops at the limit without filling memory or disk.
    public static func read(_ data: Data, limits: Limits) throws(Problem) -> [String: Data] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAZip
        }
        var files: [String: Data] = [:]
        var total = 0
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.entries { throw .tooManyEntries(limit: limits.entries) }
            let path = entry.path
            if entry.type == .symlink { throw .link(path) }
            guard let clean = safePath(path) else { throw .unsafePath(path) }
            if entry.type == .directory { continue }
            if isIgnored(clean) { continue }
            if files[clean] != nil { throw .duplicate(clean) }
            if entry.uncompressedSize > UInt64(limits.fileBytes) {
                throw .fileTooLarge(path: clean, limit: limits.fileBytes)
            }
            var bytes = Data()
            var overflow: Problem?
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > limits.fileBytes {
                        overflow = .fileTooLarge(path: clean, limit: limits.fileBytes)
                    } else if total + bytes.count > limits.totalBytes {
                        overflow = .totalTooLarge(limit: limits.totalBytes)
                    }
                    if overflow != nil { throw CancellationError() }
                }
            } catch {
                throw overflow ?? .damaged(path: clean)
            }
            total += bytes.count
            files[clean] = bytes
        }
        return stripCommonFolder(files)
    }

    /// Files an archiver adds that are not part of the folder.
    static func isIgnored(_ path: String) -> Bool {
        path.hasPrefix("__MACOSX/") || path.hasSuffix("/.DS_Store") || path == ".DS_Store"
    }

    /// `path` without `./` parts, or nil when it is absolute, climbs out, or uses backslashes.
    static func safePath(_ path: String) -> String? {
        if path.hasPrefix("/") || path.contains("\\") || path.contains("\0") { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        if parts.isEmpty { return path.hasSuffix("/") ? "" : nil }
        return parts.joined(separator: "/")
    }

    static func stripCommonFolder(_ files: [String: Data]) -> [String: Data] {
        guard files["assessment.yaml"] == nil,
            let first = files.keys.first?.split(separator: "/").first,
            files.keys.allSatisfy({ $0.hasPrefix(first + "/") })
        else { return files }
        var stripped: [String: Data] = [:]
        for (path, data) in files { stripped[String(path.dropFirst(first.count + 1))] = data }
        return stripped
    }

    /// A zip of `files` (paths in sorted order, fixed timestamps, deflated), identical for identical files.
    public static func write(_ files: [String: Data]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the earliest a zip can say
        for path in files.keys.sorted() {
            let data = files[path]!  // the key was just read from the dictionary
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
