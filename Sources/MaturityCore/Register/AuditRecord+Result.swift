import Foundation

extension AuditRecord {
    /// What the register keeps of a sealed result: `json` is the result, `signOff` its sign-off (whose digest is
    /// the record's id), `signedBy` the auditors whose signatures verified.
    public init?(result json: JSONValue, signOff: SignOff, signedBy: [String]) {
        typealias Key = ResultJSON.Key
        guard let kindText = json[Key.kind]?.stringValue, let kind = Assessment.Kind(rawValue: kindText), kind.isAudit,
            let date = json[Key.date]?.stringValue.flatMap({ Day(iso: $0) }),
            let organisation = json[Key.organisation]?[Key.name]?.stringValue,
            let catalogId = json[Key.catalog]?[Key.id]?.stringValue,
            let catalogVersion = json[Key.catalog]?[Key.version]?.stringValue,
            let rating = json[Key.rating]?.stringValue
        else { return nil }
        var overall: Double?
        if case .number(let value)? = json[Key.overall] { overall = value }
        let findings = (json[Key.findings]?.arrayValue ?? []).compactMap { finding -> FindingSummary? in
            guard finding[Key.status]?.stringValue == Finding.Status.open.rawValue,
                let id = finding[Key.id]?.stringValue,
                let grade = finding[Key.grade]?.stringValue.flatMap(FindingGrade.init(rawValue:)),
                grade == .major || grade == .minor
            else { return nil }
            return FindingSummary(
                id: id, grade: grade, criterion: finding[Key.criterion]?.stringValue,
                text: finding[Key.text]?.stringValue ?? "", due: finding[Key.due]?.stringValue.flatMap { Day(iso: $0) })
        }
        self.init(
            id: signOff.digest, organisation: organisation, site: json[Key.organisation]?[Key.site]?.stringValue,
            kind: kind,
            date: date, catalogId: catalogId, catalogVersion: catalogVersion, profile: json[Key.profile]?.stringValue,
            rating: rating, overall: overall,
            reviewDecision: json[Key.decision]?.stringValue.flatMap(ReviewDecision.init(rawValue:)),
            auditor: signOff.auditor, signedBy: signedBy, openFindings: findings)
        closedFindings = (json[Key.findings]?.arrayValue ?? []).compactMap { finding in
            finding[Key.status]?.stringValue == Finding.Status.closed.rawValue ? finding[Key.id]?.stringValue : nil
        }
    }
}

extension Engine {
    /// The audit record of the sealed result at `input`, once it verifies: its sign-off block and its content
    /// unchanged, no file it lists changed (files not found beside it are warnings: a body often receives the
    /// result alone), every signature valid against `keys`, and — unless `requireSignature` is false — signed
    /// by the auditor it names. Every problem is an error naming the file.
    public func auditRecord(
        _ input: InputPath, keys: KeyRing, requireSignature: Bool = true, currentFolder: String
    ) throws(DiagnosticError) -> (record: AuditRecord, warnings: [Diagnostic]) {
        var verification = try verify(input, keys: keys, currentFolder: currentFolder)
        var warnings: [Diagnostic] = []
        let missing = verification.files.filter {
            if case .missing = $0.status { return true }
            return false
        }
        if !missing.isEmpty {
            warnings.append(
                .warning(
                    .filesNotFound(missing.count, of: verification.files.count, first: missing[0].part),
                    at: .start(of: input.shown), hint: .importFromAuditFolder))
            verification.files.removeAll { missing.contains($0) }
        }
        // An unsigned result is named as such below (or accepted without a signature), not as a key-list check.
        if verification.signatures.isEmpty { verification.keysGiven = false }
        var problems = verification.diagnostics
        if problems.isEmpty, requireSignature,
            !verification.signatures.contains(where: { $0.isValid && $0.signature?.role == .auditor })
        {
            problems.append(
                .error(
                    .noValidAuditorSignature(input.shown), at: .start(of: input.shown),
                    hint: .auditorSignsOrAllowUnsigned))
        }
        if !problems.isEmpty {
            throw DiagnosticError(
                problems + [
                    .error(
                        .refusedDoesNotVerify(input.shown), at: .start(of: input.shown),
                        hint: .onlySealedAndSignedEnters)
                ])
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(read(input, what: .resultLabel), file: input.shown)
        }
        let signers = verification.signatures.filter(\.isValid).compactMap { $0.signature?.signer }
        guard let record = AuditRecord(result: json, signOff: verification.signOff, signedBy: signers) else {
            throw DiagnosticError(
                .error(.notAnAuditResult(input.shown), at: .start(of: input.shown)))
        }
        return (record, warnings)
    }
}
