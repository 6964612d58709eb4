import Foundation
import MaturityCore
import ZIPFoundation

/// The parts of an xlsx zip, read with the limits checked while inflating: a part that inflates past
/// its limit is stopped there, whatever size its header claims.
struct ZipParts {
    let archive: Archive
    let file: String
    let limits: SheetLimits
    /// Part name (lower case, no leading slash) → entry.
    var entries: [String: Entry] = [:]
    var inflated = 0

    init(data: Data, file: String, limits: SheetLimits) throws(DiagnosticError) {
        self.file = file
        self.limits = limits
        if data.count > limits.fileBytes {
            throw DiagnosticError(SheetProblem.fileTooLarge(file, bytes: data.count, limit: limits.fileBytes))
        }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw DiagnosticError(SheetProblem.compoundFile(file))
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw DiagnosticError(SheetProblem.notZip(file))
        }
        archive = try ZipParts.open(data, file: file)
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.entries {
                throw DiagnosticError(SheetProblem.tooManyEntries(file, limit: limits.entries))
            }
            guard entry.type == .file else { continue }
            let name = ZipParts.normalise(entry.path)
            if entries[name] != nil {
                throw DiagnosticError(SheetProblem.duplicatePart(file, part: entry.path))
            }
            entries[name] = entry
        }
    }

    /// The archive over a private copy of `data` on disk, unlinked at once (the open file stays
    /// readable). ZIPFoundation's in-memory archives crash on a damaged zip whose offsets point past
    /// its end (found by fuzzing); reading past the end of a file just reads nothing.
    static func open(_ data: Data, file: String) throws(DiagnosticError) -> Archive {
        let path = NSTemporaryDirectory() + "maturity-xlsx-\(getpid())-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw DiagnosticError(.error(.noRoomForCopy(file), at: .file(file)))
        }
        defer { unlink(path) }
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw DiagnosticError(SheetProblem.damagedZip(file))
        }
    }

    /// `/xl\Workbook.xml` → `xl/workbook.xml`: OPC part names are case-insensitive.
    static func normalise(_ path: String) -> String {
        var name = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while name.hasPrefix("/") { name.removeFirst() }
        return name
    }

    func contains(_ part: String) -> Bool {
        entries[ZipParts.normalise(part)] != nil
    }

    struct Overflow: Error {}

    /// The inflated bytes of `part`, or nil when the zip has no such part.
    mutating func read(_ part: String) throws(DiagnosticError) -> Data? {
        guard let entry = entries[ZipParts.normalise(part)] else { return nil }
        let left = limits.totalBytes - inflated
        let limit = min(limits.partBytes, left)
        var out = Data()
        do {
            let checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                if out.count + chunk.count > limit { throw Overflow() }
                out.append(chunk)
            }
            if checksum != entry.checksum {
                throw DiagnosticError(SheetProblem.damagedPart(file, part: part))
            }
        } catch let error as DiagnosticError {
            throw error
        } catch is Overflow {
            if limit < limits.partBytes {
                throw DiagnosticError(SheetProblem.totalTooLarge(file, limit: limits.totalBytes))
            }
            throw DiagnosticError(SheetProblem.partTooLarge(file, part: part, limit: limits.partBytes))
        } catch {
            throw DiagnosticError(SheetProblem.damagedPart(file, part: part))
        }
        inflated += out.count
        return out
    }
}
