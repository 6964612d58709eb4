import Crypto
import Foundation

/// The auditor's seal on an audit result: a SHA-256 digest over the result, the catalog, the
/// assessment and every file it cites, with the auditor's name and the date. `maturity verify`
/// recomputes every part and names the one that changed.
public struct SignOff: Sendable, Hashable {
    /// One input file and its hash.
    public struct Part: Sendable, Hashable {
        public enum Role: String, Sendable, Hashable, CaseIterable {
            case assessment
            case catalog
            case evidence
            case tickets
            case mapping
            /// A review's previous result and plan, as the assessment's folder reaches them.
            case previous
            case plan
        }

        public var role: Role
        /// The assessment's file name; catalog files relative to the catalog folder (or the catalog's file
        /// name); evidence, ticket and mapping files as the assessment names them (relative to its folder).
        public var path: String
        public var sha256: String

        public init(role: Role, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    public static let format = "maturity-signoff-1"

    public var auditor: String
    public var date: Day
    /// SHA-256 of the result JSON without its `signoff` and `plan` keys.
    public var resultDigest: String
    /// In a fixed order: by role, then path.
    public private(set) var parts: [Part]
    /// Where the assessment and the catalog were when the result was made, to find them again.
    /// Locators only: moving the files does not break the seal.
    public var assessmentPath: String
    public var catalogPath: String

    public init(
        auditor: String, date: Day, resultDigest: String, parts: [Part], assessmentPath: String, catalogPath: String
    ) {
        self.auditor = auditor
        self.date = date
        self.resultDigest = resultDigest
        self.parts = parts.sorted(by: Self.order)
        self.assessmentPath = assessmentPath
        self.catalogPath = catalogPath
    }

    /// The text the digest is taken over: one line per part, in a fixed order.
    public var manifest: String {
        var lines = [Self.format, "auditor \(Self.escape(auditor))", "date \(date)", "result \(resultDigest)"]
        for part in parts {
            lines.append("\(part.role.rawValue) \(part.sha256) \(Self.escape(part.path))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// SHA-256 of the manifest, hexadecimal.
    public var digest: String { Self.sha256(Data(manifest.utf8)) }

    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * SHA256.byteCount)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func order(_ a: Part, _ b: Part) -> Bool {
        a.role != b.role ? a.role.caseOrder < b.role.caseOrder : a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
    }

    /// Names may hold spaces or line breaks; keep one part per line.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Reads and hashes the files an audit result rests on.
public enum SignOffFiles {
    /// Every file the catalog was read from, wherever it is (domain files may sit in sub-folders): exactly
    /// what the loader read, so that a file it reads later without a new sign-off shows.
    public static func catalogParts(_ catalog: Catalog, files: any FileSource = DiskFiles()) throws(DiagnosticError)
        -> [SignOff.Part]
    {
        var parts: [SignOff.Part] = []
        for file in catalog.files {
            parts.append(try part(.catalog, name: file.name, file: file.path, files: files))
        }
        return parts
    }

    /// The assessment file and every file it names: evidence, ticket export, mapping.
    public static func assessmentParts(path: String, assessment: Assessment, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> [SignOff.Part]
    {
        let folder = assessment.baseDirectory ?? PathText.folder(of: path)
        var parts = [try part(.assessment, name: PathText.lastComponent(of: path), file: path, files: files)]
        var named: [(SignOff.Part.Role, String)] = assessment.evidence.compactMap { item in
            item.file.map { (.evidence, $0) }
        }
        if let tickets = assessment.tickets {
            named.append((.tickets, tickets.file))
            if let mapping = tickets.mapping { named.append((.mapping, mapping)) }
        }
        var seen = Set<String>()
        for (role, name) in named where seen.insert("\(role.rawValue) \(name)").inserted {
            let file = name.hasPrefix("/") ? name : PathText.join(folder, name)
            parts.append(try part(role, name: name, file: file, files: files))
        }
        return parts
    }

    static func part(_ role: SignOff.Part.Role, name: String, file: String, files: any FileSource)
        throws(DiagnosticError) -> SignOff.Part
    {
        guard let hash = files.sha256(ofFile: file) else {
            throw DiagnosticError(.error(.cannotReadSignedFile(role, file), at: .file(file)))
        }
        return SignOff.Part(role: role, path: name, sha256: hash)
    }

    /// Where a part's file is now, given where the assessment and the catalog (file or folder) are.
    public static func file(
        of part: SignOff.Part, assessmentPath: String, catalogPath: String, files: any FileSource = DiskFiles()
    ) -> String {
        switch part.role {
        case .assessment:
            return assessmentPath
        case .catalog:
            return files.kind(catalogPath) == .folder ? PathText.join(catalogPath, part.path) : catalogPath
        case .evidence, .tickets, .mapping, .previous, .plan:
            let folder = PathText.folder(of: assessmentPath)
            return part.path.hasPrefix("/") ? part.path : PathText.join(folder, part.path)
        }
    }
}
