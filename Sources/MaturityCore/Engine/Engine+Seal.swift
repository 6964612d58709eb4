import Foundation

extension Assessment.Kind {
    /// An audit by a certification body's team (initial, surveillance or special), which is sealed when it
    /// names its auditor; a self-assessment is not.
    public var isAudit: Bool { self != .selfAssessment }
}

extension Engine {
    /// The sign-off of an audit of any kind that names its auditor, over `resultDigest` and every file the
    /// result rests on (`extra`: a review's previous result and plan); nil for a self-assessment or an audit
    /// without `auditor:`. The digest is computed only when there is a sign-off (writing the result's sealed
    /// members for it was a sixteenth of every workspace edit of a self-assessment).
    func signOff(
        _ loaded: LoadedAssessment, resultDigest: @autoclosure () -> String, resultFolder: String,
        extra: [SignOff.Part] = []
    ) throws(DiagnosticError) -> SignOff? {
        guard loaded.assessment.kind.isAudit, let auditor = loaded.assessment.auditor,
            !auditor.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        let parts =
            try SignOffFiles.assessmentParts(path: loaded.assessmentPath, assessment: loaded.assessment, files: files)
            + SignOffFiles.catalogParts(loaded.catalog, files: files) + extra
        return SignOff(
            auditor: auditor, date: loaded.assessment.date, resultDigest: resultDigest(), parts: parts,
            assessmentPath: RelativePath.from(resultFolder, to: loaded.assessmentPath),
            catalogPath: RelativePath.from(resultFolder, to: loaded.catalogPath))
    }

    /// The sign-off of a surveillance or special audit's review result (`reviewJSON`, the review's JSON without
    /// its sign-off): the result, the assessment, the catalog, the evidence, and the previous result and plan
    /// the decision rests on. Nil when the assessment names no auditor.
    public func sealReview(
        _ loaded: LoadedAssessment, reviewJSON: JSONValue, previous: InputPath, plan: InputPath?,
        resultFolder: String
    ) throws(DiagnosticError) -> SignOff? {
        let folder = loaded.assessment.baseDirectory ?? PathText.folder(of: loaded.assessmentPath)
        var extra: [SignOff.Part] = []
        for (role, input) in [(SignOff.Part.Role.previous, previous), (.plan, plan)] {
            guard let input else { continue }
            extra.append(
                try SignOffFiles.part(
                    role, name: RelativePath.from(folder, to: input.path), file: input.path, files: files))
        }
        return try signOff(
            loaded, resultDigest: ResultJSON.digest(of: reviewJSON), resultFolder: resultFolder, extra: extra)
    }

    /// The members of a result that scoring its assessment alone gives (a review's result holds the review
    /// too), without the unsealed ones: what a fresh scoring is compared with.
    static func scoredPart(of json: JSONValue, like fresh: JSONValue) -> JSONValue {
        guard case .object(let members) = json.removing(ResultJSON.unsealedKeys), case .object(let scored) = fresh
        else { return json.removing(ResultJSON.unsealedKeys) }
        return .object(members.filter { scored[$0.key] != nil })
    }
}
