/// What `maturity verify` found: each part of a signed audit result checked against its sign-off.
public struct Verification: Sendable {
    public enum Status: Sendable, Hashable {
        case unchanged
        case changed(now: String)
        case missing(lookedAt: String)
        /// Read by the catalog now, but not among the signed files.
        case notSigned
    }

    public struct FileCheck: Sendable, Hashable {
        public var part: SignOff.Part
        public var status: Status

        public init(part: SignOff.Part, status: Status) {
            self.part = part
            self.status = status
        }
    }

    public var resultFile: String
    public var signOff: SignOff
    /// The digest written in the result.
    public var recordedDigest: String
    /// The digest the user expects (from the signed paper report), if given.
    public var expectedDigest: String?
    /// Whether the result's content still hashes to the sign-off's result digest.
    public var resultUnchanged: Bool
    /// What differs between the result and a fresh scoring of its inputs: "path: result → inputs".
    public var resultChanges: [JSONDiff.Change]
    public var files: [FileCheck]
    public var organisation: String?
    /// Where, in the result file, each part's entry (`role path`), the digest and the first edited value are.
    public var locations = Locations()
    /// The Ed25519 signatures the result carries, each checked against the key list when one was given.
    public var signatures: [SignatureCheck] = []
    /// Whether a key list was given to check the signatures against.
    public var keysGiven = false

    public struct Locations: Sendable {
        public var parts: [String: SourceLocation] = [:]
        public var digest: SourceLocation?
        public var firstChange: SourceLocation?

        public init() {}

        public static func key(_ part: SignOff.Part) -> String { "\(part.role.rawValue) \(part.path)" }
    }

    public init(
        resultFile: String, signOff: SignOff, recordedDigest: String, expectedDigest: String?, resultUnchanged: Bool,
        resultChanges: [JSONDiff.Change], files: [FileCheck], organisation: String?
    ) {
        self.resultFile = resultFile
        self.signOff = signOff
        self.recordedDigest = recordedDigest
        self.expectedDigest = expectedDigest
        self.resultUnchanged = resultUnchanged
        self.resultChanges = resultChanges
        self.files = files
        self.organisation = organisation
    }

    /// The sign-off block's own digest matches its parts.
    public var blockIntact: Bool { signOff.digest == recordedDigest }
    public var expectedMatches: Bool { expectedDigest.map { $0.lowercased() == recordedDigest } ?? true }

    public var verified: Bool {
        blockIntact && expectedMatches && resultUnchanged
            && files.allSatisfy { $0.status == .unchanged } && signaturesValid
    }

    /// Every problem as a diagnostic naming the file concerned.
    public var diagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        let result = SourceLocation.start(of: resultFile)
        if !blockIntact {
            out.append(
                .error(.signOffBlockEdited, at: result, hint: .onlyAssessWritesSignOff))
        }
        if let expected = expectedDigest, !expectedMatches {
            out.append(
                .error(
                    .digestIsNotTheSigned(recordedDigest, expected: expected.lowercased()), at: result,
                    hint: .notTheResultTheAuditorSigned))
        }
        if !resultUnchanged {
            out.append(
                .error(
                    .resultEdited(resultChanges), at: locations.firstChange ?? result, hint: .scoresComeFromAssess))
        }
        for check in files {
            switch check.status {
            case .unchanged: break
            case .changed(let now):
                out.append(
                    .error(
                        .signedFileChanged(check.part, now: now),
                        at: locations.parts[Locations.key(check.part)] ?? result))
            case .missing(let path):
                out.append(
                    .error(
                        .signedFileMissing(check.part, lookedAt: path),
                        at: locations.parts[Locations.key(check.part)] ?? result,
                        hint: check.part.role == .catalog || check.part.role == .assessment
                            ? .pointToItWith(check.part.role) : nil))
            case .notSigned:
                out.append(
                    .error(.fileNotSigned(check.part), at: result, hint: .domainFileAddedSinceSignOff))
            }
        }
        return out + signatureDiagnostics
    }

    /// "criteria[SP-01].level: 4 in the result, 3 from its inputs".
    public static func describe(_ change: JSONDiff.Change, in language: Language = .en) -> String {
        Diagnostic.Message.changedValue(change).text(in: language)
    }

    public static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}
