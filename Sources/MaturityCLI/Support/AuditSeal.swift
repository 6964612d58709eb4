import Foundation
import MaturityCore
import MaturityReports

/// What an audit result carries beyond the scores: the comparison with the self-assessment and the
/// auditor's sign-off over every input file.
struct AuditSeal {
    var comparison: AuditComparison?
    var signOff: SignOff?

    /// For an audit: the comparison, and a sign-off when the assessment names its auditor.
    /// `output` is where the result will be written (nil: standard output), so the sign-off can record
    /// the inputs' paths relative to it.
    static func make(
        _ loaded: LoadedAssessment, result: AssessmentResult, output: String?, console: Console
    ) throws(DiagnosticError) -> AuditSeal {
        guard let comparison = comparison(loaded, result: result) else { return AuditSeal() }
        guard let auditor = loaded.assessment.auditor, !auditor.trimmingCharacters(in: .whitespaces).isEmpty else {
            return AuditSeal(comparison: comparison)
        }
        let parts =
            try SignOffFiles.assessmentParts(path: loaded.assessmentPath, assessment: loaded.assessment)
            + SignOffFiles.catalogParts(loaded.catalog)
        let base =
            output.map { PathText.folder(of: console.absolute($0)) } ?? console.currentDirectory
        let signOff = SignOff(
            auditor: auditor, date: loaded.assessment.date,
            resultDigest: ResultJSON.resultDigest(result, audit: comparison), parts: parts,
            assessmentPath: RelativePath.from(base, to: loaded.assessmentPath),
            catalogPath: RelativePath.from(base, to: loaded.catalogPath))
        return AuditSeal(comparison: comparison, signOff: signOff)
    }
}

extension AuditSeal {
    /// The self-versus-auditor comparison, for an audit.
    static func comparison(_ loaded: LoadedAssessment, result: AssessmentResult) -> AuditComparison? {
        guard loaded.assessment.kind == .audit else { return nil }
        return AuditComparison(
            result: result, assessment: loaded.assessment, catalog: loaded.catalog, kpis: loaded.kpis)
    }
}

/// Paths between folders, for locators written into results.
enum RelativePath {
    /// `target` as seen from the folder `base` (both absolute): `../Criteria/x`, `audit/assessment.yaml`.
    static func from(_ base: String, to target: String) -> String {
        let from = components(base)
        let to = components(target)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let path = (up + to[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    static func components(_ path: String) -> [String] {
        (path as NSString).standardizingPath.split(separator: "/").map(String.init)
    }
}
