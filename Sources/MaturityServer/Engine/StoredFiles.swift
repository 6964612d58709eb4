import Foundation
import MaturityCore
import MaturityStore

/// The files of a stored assessment as the engine sees them: the ones it reads held in memory (the
/// assessment, the catalog, the ticket export and its mapping, the plan), the others — evidence, which
/// loading only checks is there and a sign-off only hashes — known by the size and SHA-256 the store keeps,
/// so scoring an edit does not read every uploaded file again.
struct StoredFiles: FileSource {
    let held: MemoryFiles
    /// Files known by their stored digest and size, by normalised path.
    let known: [String: (sha256: String, size: Int)]
    let folders: Set<String>

    /// `held` by path, and `records` (the assessment's file records) placed under `root`; a path in both is
    /// held. `digests` gives the SHA-256 of held files already known (the catalog's, computed once).
    init(held: [String: Data], records: [FileRecord], root: String, digests: [String: String] = [:]) {
        self.held = MemoryFiles(held)
        var known: [String: (sha256: String, size: Int)] = [:]
        for (path, sha256) in digests { known[MemoryFiles.normalise(path)] = (sha256, 0) }
        var folders: Set<String> = []
        for record in records {
            let path = MemoryFiles.normalise(root + "/" + record.path)
            guard self.held.kind(path) == .missing else { continue }
            known[path] = (record.sha256, record.size)
            var folder = PathText.folder(of: path)
            while folder != "/", !folder.isEmpty, folders.insert(folder).inserted {
                folder = PathText.folder(of: folder)
            }
        }
        self.known = known
        self.folders = folders
    }

    func kind(_ path: String) -> FileKind {
        let found = held.kind(path)
        guard found == .missing else { return found }
        let clean = MemoryFiles.normalise(path)
        if let file = known[clean] { return .regular(size: file.size) }
        return folders.contains(clean) ? .folder : .missing
    }

    func contents(_ path: String) throws(FileReadError) -> Data {
        if held.kind(path).isRegular { return try held.contents(path) }
        // Scoring never reads an evidence file's bytes; anything that would gets a plain refusal, not a guess.
        throw FileReadError(kind(path).isRegular ? "not read by the server when scoring" : "no such file")
    }

    func sha256(ofFile path: String) -> String? {
        let clean = MemoryFiles.normalise(path)
        if let file = known[clean] { return file.sha256 }
        return held.sha256(ofFile: clean)
    }

    func names(inFolder path: String) throws(FileReadError) -> [String] {
        let clean = MemoryFiles.normalise(path)
        var names = Set((try? held.names(inFolder: clean)) ?? [])
        let prefix = clean == "/" ? "/" : clean + "/"
        for file in known.keys where file.hasPrefix(prefix) && held.kind(file) == .missing {
            names.insert(String(file.dropFirst(prefix.count).prefix { $0 != "/" }))
        }
        if names.isEmpty, kind(clean) != .folder { return try held.names(inFolder: clean) }
        return Array(names)
    }

    func realPath(_ path: String) -> String? {
        let clean = MemoryFiles.normalise(path)
        return kind(clean) == .missing ? nil : clean
    }

    func diskPath(_ path: String) -> String? { nil }
}
