import Foundation
import MaturityCore
import MaturityStore

/// The files of a stored assessment as the engine sees them: the ones it reads held in memory (the
/// assessment, the catalog, the ticket export and its mapping, the plan), the others — evidence, which
/// loading only checks is there and a sign-off only hashes — known by the size and SHA-256 the store keeps,
/// so scoring an edit does not read every uploaded file again.
struct StoredFiles: FileSource {
    let held: MemoryFiles
    /// The files known by their stored digest and size, by normalised path, and their folders: worked out when
    /// first asked about (loading an edit's assessment, or a sign-off), not for every scoring, which asks
    /// about neither once the edit's check has loaded the assessment.
    private let index: Once<Index>

    struct Index: Sendable {
        var known: [String: (sha256: String, size: Int)] = [:]
        var folders: Set<String> = []
    }

    var known: [String: (sha256: String, size: Int)] { index.value.known }
    var folders: Set<String> { index.value.folders }

    /// `held` by path, and `records` (the assessment's file records) placed under `root`; a path in both is
    /// held. `digests` gives the SHA-256 of held files already known (the catalog's, computed once).
    init(held: [String: Data], records: [FileRecord], root: String, digests: [String: String] = [:]) {
        let held = MemoryFiles(held)
        self.held = held
        self.index = Once {
            var index = Index()
            for (path, sha256) in digests { index.known[MemoryFiles.normalise(path)] = (sha256, 0) }
            for record in records {
                let path = MemoryFiles.normalise(root + "/" + record.path)
                guard held.kind(path) == .missing else { continue }
                index.known[path] = (record.sha256, record.size)
                var folder = PathText.folder(of: path)
                while folder != "/", !folder.isEmpty, index.folders.insert(folder).inserted {
                    folder = PathText.folder(of: folder)
                }
            }
            return index
        }
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
