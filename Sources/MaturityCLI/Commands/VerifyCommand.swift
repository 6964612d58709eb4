import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a signed audit result and every file it rests on are unchanged since sign-off.",
        discussion: """
            An audit result (maturity assess AUDIT.yaml --format json) carries a SHA-256 digest over the result, \
            the catalog, the assessment and every evidence file it cites, with the auditor's name and date. \
            verify recomputes each part, names every file that changed, and for an edited result says which \
            scores differ from what its inputs give. Exit status 0 when everything matches, 1 otherwise.

            Example: maturity verify Examples/huadong-appliance-audit/result.json
            """
    )

    @Argument(help: "The signed result JSON.")
    var result: String

    @Option(name: .long, help: "Where the assessment is now (default: the path recorded in the result).")
    var assessment: String?

    @Option(name: .long, help: "Where the catalog is now (default: the path recorded in the result).")
    var catalog: String?

    @Option(name: .long, help: "The digest printed on the signed report, to check the result is that one.")
    var digest: String?

    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    func validate() throws {
        if let digest, digest.count != 64 || !digest.allSatisfy(\.isHexDigit) {
            throw ValidationError("--digest must be 64 hexadecimal digits (a SHA-256 digest)")
        }
    }

    func run() throws {
        let console = Context.console
        let path = console.absolute(result)
        let document: JSONDocument
        do {
            document = try JSONDocument.load(path: path, displayPath: result)
        } catch {
            var diagnostics = error.diagnostics
            if let first = diagnostics.first, first.hint == nil {
                diagnostics[0].hint = "verify reads the JSON written by 'maturity assess AUDIT.yaml --format json'"
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
                    "'\(problem.path)' \(problem.problem)", at: .start(of: result),
                    hint: problem.path == "signoff"
                        ? "only audit results are signed: an assessment with 'kind: audit' and 'auditor:', scored with --format json"
                        : "the sign-off block is damaged; re-run 'maturity assess' on the audit"))
        }

        let resultFolder = (path as NSString).deletingLastPathComponent
        let assessmentPath = assessment.map(console.absolute) ?? locate(signOff.assessmentPath, resultFolder, console)
        let catalogPath = catalog.map(console.absolute) ?? locate(signOff.catalogPath, resultFolder, console)
        let files = signOff.parts.map { part -> VerifyReport.FileCheck in
            let file = SignOffFiles.file(of: part, assessmentPath: assessmentPath, catalogPath: catalogPath)
            guard let hash = FileManager.default.contents(atPath: file).map(SignOff.sha256) else {
                return VerifyReport.FileCheck(part: part, status: .missing(lookedAt: console.relative(file)))
            }
            return VerifyReport.FileCheck(part: part, status: hash == part.sha256 ? .unchanged : .changed(now: hash))
        }
        let resultUnchanged = ResultJSON.digest(of: json) == signOff.resultDigest
        var changes: [JSONDiff.Change] = []
        if !resultUnchanged {
            changes = rescoredChanges(json, assessmentPath: assessmentPath, catalogPath: catalogPath, console: console)
        }
        var report = VerifyReport(
            resultFile: result, signOff: signOff, recordedDigest: recorded, expectedDigest: digest,
            resultUnchanged: resultUnchanged, resultChanges: changes, files: files,
            organisation: json["organisation"]?["name"]?.stringValue, language: console.language(lang))
        report.locations = Self.locations(in: document, firstChange: changes.first?.path)
        console.write(report.render())
        if !report.verified {
            throw DiagnosticError(report.diagnostics)
        }
    }

    /// Where the sign-off's entries and the first edited value are in the result file.
    static func locations(in document: JSONDocument, firstChange: String?) -> VerifyReport.Locations {
        var locations = VerifyReport.Locations()
        let block = document.root["signoff"]
        locations.digest = block?["digest"]?.location
        if case .array(let files)? = block?["files"]?.value {
            for file in files {
                guard case .string(let role)? = file["role"]?.value, case .string(let path)? = file["path"]?.value
                else { continue }
                locations.parts["\(role) \(path)"] = file.location
            }
        }
        if let firstChange { locations.firstChange = node(at: firstChange, in: document.root)?.location }
        return locations
    }

    /// The node at a JSONDiff path such as `criteria[SP-04].level` or `domains[2].score`.
    static func node(at path: String, in root: JSONDocument.Node) -> JSONDocument.Node? {
        var node = root
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.first == "." { rest = rest.dropFirst() }
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
                guard case .array(let items) = node.value else { return nil }
                if let found = items.first(where: {
                    if case .string(let id)? = $0["id"]?.value { return id == key }
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

    /// A recorded relative path: beside the result first, then from the current folder.
    func locate(_ recorded: String, _ resultFolder: String, _ console: Console) -> String {
        if recorded.hasPrefix("/") { return recorded }
        let besideResult = ((resultFolder as NSString).appendingPathComponent(recorded) as NSString).standardizingPath
        if FileManager.default.fileExists(atPath: besideResult) { return besideResult }
        return console.absolute(recorded)
    }

    /// What differs between the result and the same audit scored again from its inputs as they are now.
    func rescoredChanges(_ json: JSONValue, assessmentPath: String, catalogPath: String, console: Console)
        -> [JSONDiff.Change]
    {
        guard let loaded = try? Pipeline.load(assessment: assessmentPath, catalog: catalogPath, console: console) else {
            return []
        }
        let target = json["target"]?.stringValue
        let rescored = Scorer(catalog: loaded.catalog).score(loaded.assessment, kpis: loaded.kpis, target: target)
            .presented(showingPath: json["path_withheld"]?.boolValue == false)
        let comparison = AuditSeal.comparison(loaded, result: rescored)
        guard let fresh = try? JSONValue.parse(Data(ResultJSON.render(rescored, audit: comparison, signOff: nil).utf8))
        else { return [] }
        return JSONDiff.changes(
            from: json.removing(ResultJSON.unsealedKeys), to: fresh.removing(ResultJSON.unsealedKeys))
    }
}
