import Foundation

/// What an audit result carries beyond the scores: the comparison with the self-assessment and the
/// auditor's sign-off over every input file.
public struct AuditSeal: Sendable {
    public var comparison: AuditComparison?
    public var signOff: SignOff?

    public init(comparison: AuditComparison? = nil, signOff: SignOff? = nil) {
        self.comparison = comparison
        self.signOff = signOff
    }
}

extension Engine {
    /// The self-versus-auditor comparison, for an audit.
    public func auditComparison(_ loaded: LoadedAssessment, result: AssessmentResult) -> AuditComparison? {
        guard loaded.assessment.kind == .audit else { return nil }
        return AuditComparison(
            result: result, assessment: loaded.assessment, catalog: loaded.catalog, kpis: loaded.kpis)
    }

    /// For an audit: the comparison; for every audit kind (audit, surveillance, special): a sign-off when the
    /// assessment names its auditor. `resultFolder` is
    /// the folder the result will be written in, so the sign-off records the inputs' paths relative to it.
    public func seal(_ loaded: LoadedAssessment, result: AssessmentResult, resultFolder: String)
        throws(DiagnosticError) -> AuditSeal
    {
        let comparison = auditComparison(loaded, result: result)
        let signOff = try signOff(
            loaded, resultDigest: ResultJSON.resultDigest(result, audit: comparison), resultFolder: resultFolder)
        return AuditSeal(comparison: comparison, signOff: signOff)
    }

    /// The result JSON of a scored assessment, sealed when it is a signed audit.
    public func resultJSON(
        _ loaded: LoadedAssessment, result: AssessmentResult, seal: AuditSeal, plan: JSONValue? = nil
    ) -> String {
        ResultJSON.render(result, audit: seal.comparison, signOff: seal.signOff, plan: plan)
    }

    /// Checks the signed result at `input` and every file it rests on against its sign-off. The assessment and
    /// catalog are looked for where the sign-off recorded them (beside the result first), unless given.
    /// `expectedDigest` is the digest printed on the signed paper report; `keys`, the body's published keys, checks
    /// the result's Ed25519 signatures.
    public func verify(
        _ input: InputPath, assessment: String? = nil, catalog: String? = nil, expectedDigest: String? = nil,
        keys: KeyRing? = nil, currentFolder: String
    ) throws(DiagnosticError) -> Verification {
        let document: JSONDocument
        do {
            document = try JSONDocument.load(path: input.path, displayPath: input.shown, files: files)
        } catch {
            var diagnostics = error.diagnostics
            if let first = diagnostics.first, first.hint == nil {
                diagnostics[0].hintText = .verifyReadsAssessJSON
            }
            throw DiagnosticError(diagnostics)
        }
        let json = JSONValue(document.root)
        let signOff: SignOff
        let recorded: String
        switch ResultJSON.signOff(from: json) {
        case .success(let read):
            (signOff, recorded) = (read.0, read.digest)
        case .failure(let problem):
            throw DiagnosticError(
                .error(
                    .member(problem.path, problem.problem), at: .start(of: input.shown),
                    hint: problem.path == ResultJSON.Key.signOff ? .onlyAuditResultsAreSigned : .signOffBlockDamaged))
        }

        let resultFolder = PathText.folder(of: input.path)
        func locate(_ recorded: String) -> String {
            if recorded.hasPrefix("/") { return recorded }
            let joined = PathText.join(resultFolder, recorded)
            if let besideResult = files.realPath(joined) { return besideResult }
            return PathText.join(currentFolder, recorded)
        }
        let assessmentPath = assessment ?? locate(signOff.assessmentPath)
        let catalogPath = catalog ?? locate(signOff.catalogPath)
        var checks = signOff.parts.map { part -> Verification.FileCheck in
            let file = SignOffFiles.file(
                of: part, assessmentPath: assessmentPath, catalogPath: catalogPath, files: files)
            guard let hash = files.sha256(ofFile: file) else {
                return Verification.FileCheck(part: part, status: .missing(lookedAt: display(file)))
            }
            return Verification.FileCheck(part: part, status: hash == part.sha256 ? .unchanged : .changed(now: hash))
        }
        checks += unsignedCatalogFiles(signOff, assessmentPath: assessmentPath, catalogPath: catalogPath)
        let resultUnchanged = ResultJSON.digest(of: json) == signOff.resultDigest
        var changes: [JSONDiff.Change] = []
        if !resultUnchanged {
            changes = rescoredChanges(json, assessmentPath: assessmentPath, catalogPath: catalogPath)
        }
        var verification = Verification(
            resultFile: input.shown, signOff: signOff, recordedDigest: recorded, expectedDigest: expectedDigest,
            resultUnchanged: resultUnchanged, resultChanges: changes, files: checks,
            organisation: json[ResultJSON.Key.organisation]?[ResultJSON.Key.name]?.stringValue)
        verification.locations = Verification.locations(in: document, firstChange: changes.first?.path)
        verification.keysGiven = keys != nil
        verification.signatures = Verification.signatureChecks(
            in: document.root, signOff: signOff, recordedDigest: signOff.digest, ring: keys)
        return verification
    }

    /// Files the catalog reads now that the sign-off does not list — a domain file added, or `domains:`
    /// pointing somewhere new: the catalog is read again and every file it reads must be a signed one, even
    /// when it no longer loads (a file added with an error in it is still a file the sign-off does not cover).
    func unsignedCatalogFiles(_ signOff: SignOff, assessmentPath: String, catalogPath: String)
        -> [Verification.FileCheck]
    {
        let signed = Set(
            signOff.parts.filter { $0.role == .catalog }.compactMap { part in
                files.realPath(
                    SignOffFiles.file(of: part, assessmentPath: assessmentPath, catalogPath: catalogPath, files: files))
            })
        return CatalogLoader.filesRead(path: catalogPath, files: files).filter { !signed.contains($0.path) }.map {
            file in
            let part = SignOff.Part(role: .catalog, path: file.name, sha256: files.sha256(ofFile: file.path) ?? "")
            return Verification.FileCheck(part: part, status: .notSigned)
        }
    }

    /// What differs between a result and the same audit scored again from its inputs as they are now.
    func rescoredChanges(_ json: JSONValue, assessmentPath: String, catalogPath: String) -> [JSONDiff.Change] {
        guard let loaded = try? loadAssessment(InputPath(assessmentPath), catalog: InputPath(catalogPath)),
            let rescored = try? score(
                loaded, target: json[ResultJSON.Key.target]?.stringValue,
                showingPath: json[ResultJSON.Key.pathWithheld]?.boolValue == false)
        else { return [] }
        let comparison = auditComparison(loaded, result: rescored)
        guard let fresh = try? JSONValue.parse(Data(ResultJSON.render(rescored, audit: comparison).utf8))
        else { return [] }
        return JSONDiff.changes(
            from: Self.scoredPart(of: json, like: fresh), to: fresh.removing(ResultJSON.unsealedKeys))
    }
}

extension Verification {
    /// Where, in the result file, the sign-off's entries and the first edited value are.
    static func locations(in document: JSONDocument, firstChange: String?) -> Locations {
        var locations = Locations()
        let block = document.root[ResultJSON.Key.signOff]
        locations.digest = block?[ResultJSON.SignOffKey.digest]?.location
        if case .array(let files)? = block?[ResultJSON.SignOffKey.files]?.value {
            for file in files {
                guard case .string(let role)? = file[ResultJSON.SignOffKey.role]?.value,
                    case .string(let path)? = file[ResultJSON.SignOffKey.path]?.value
                else { continue }
                locations.parts["\(role) \(path)"] = file.location
            }
        }
        if let firstChange { locations.firstChange = document.root.node(atDiffPath: firstChange)?.location }
        return locations
    }
}

extension JSONDocument.Node {
    /// The node at a `JSONDiff` path such as `criteria[SP-04].level` or `domains[2].score`: a bracketed key
    /// names the array item with that `id`, else the item at that index.
    public func node(atDiffPath path: String) -> JSONDocument.Node? {
        var node = self
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.first == "." { rest = rest.dropFirst() }
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
                guard case .array(let items) = node.value else { return nil }
                if let found = items.first(where: {
                    if case .string(let id)? = $0[ResultJSON.Key.id]?.value { return id == key }
                    return false
                }) {
                    node = found
                } else if let index = Int(key), items.indices.contains(index) {
                    node = items[index]
                } else {
                    return nil
                }
            } else {
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                guard let next = node[String(rest[..<end])] else { return nil }
                node = next
                rest = rest[end...]
            }
        }
        return node
    }
}
