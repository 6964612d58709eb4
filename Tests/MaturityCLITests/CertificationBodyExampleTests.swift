import Foundation
import Testing

/// Examples/certification-body: 华信认证中心's register over the example audits. The test runs every line of
/// `steps.txt` as `run.sh` does (refusals marked `!` must be refused) and compares what the steps write with
/// the committed due board, certificate record and certificate document. `RECORD_SNAPSHOTS=1` rewrites them
/// (and fails, so nobody records by accident).
@Suite struct CertificationBodyExampleTests {
    static let body = "Examples/certification-body"
    static let outputs = ["due-2027-09-01.txt", "MSC-2026-00002.txt", "MSC-2026-00002.html"]

    /// A line split into words as the shell would: spaces separate, double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " ", !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    @Test func theStepsRunAndWriteWhatIsCommitted() throws {
        let folder = try TemporaryFolder("maturity-certification-body")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("results"), withIntermediateDirectories: true)
        let steps = try String(contentsOfFile: CLI.projectRoot + "/\(Self.body)/steps.txt", encoding: .utf8)
        var refusals = 0
        for raw in steps.split(separator: "\n").map(String.init) where !raw.isEmpty && !raw.hasPrefix("#") {
            let refused = raw.hasPrefix("!")
            let line = (refused ? String(raw.dropFirst()) : raw).replacingOccurrences(of: "$OUT", with: folder.path)
                .replacingOccurrences(of: "$BODY", with: Self.body)
            var arguments = Self.words(line)
            var redirect: String?
            if let index = arguments.firstIndex(of: ">") {
                redirect = arguments[index + 1]
                arguments.removeSubrange(index...)
            }
            if arguments.first == "registry" { arguments += ["--data", folder.file("data")] }
            let run = CLI.run(arguments, environment: ["MATURITY_PASSPHRASE": "huaxin-example-2026"])
            if refused {
                refusals += 1
                #expect(run.status == 1, "expected a refusal: \(line)\n\(run.stdout)")
                #expect(run.stderr.contains("error: "), "\(line)")
            } else {
                #expect(run.status == 0, "\(line)\n\(run.stderr)")
            }
            if let redirect { try run.stdout.write(toFile: redirect, atomically: true, encoding: .utf8) }
        }
        #expect(refusals == 4)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        for name in Self.outputs {
            let written = try String(contentsOfFile: folder.file(name), encoding: .utf8)
            let committedPath = CLI.projectRoot + "/\(Self.body)/\(name)"
            if record || !FileManager.default.fileExists(atPath: committedPath) {
                try written.write(toFile: committedPath, atomically: true, encoding: .utf8)
                Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS")
                continue
            }
            let committed = try String(contentsOfFile: committedPath, encoding: .utf8)
            #expect(
                written == committed,
                "\(name) differs from what steps.txt writes: run Examples/certification-body/run.sh")
        }
    }

    @Test func theDueBoardShowsTheLateSurveillanceAndTheDocumentIsTheFramedCertificate() throws {
        let due = try String(contentsOfFile: CLI.projectRoot + "/\(Self.body)/due-2027-09-01.txt", encoding: .utf8)
        #expect(due.contains("2027-07-12  逾期 — 建议暂停  MSC-2026-00001  监督审核  苏州恒信家电服务有限公司"))
        let certificate = try String(
            contentsOfFile: CLI.projectRoot + "/\(Self.body)/MSC-2026-00002.txt", encoding: .utf8)
        #expect(certificate.contains("2026-11-20  有效 → 暂停  暂停：按审核组建议（暂停）（孙立）"))
        #expect(certificate.contains("2027-01-20  暂停 → 有效  恢复：按审核组建议（恢复）（孙立）"))
        let document = try String(
            contentsOfFile: CLI.projectRoot + "/\(Self.body)/MSC-2026-00002.html", encoding: .utf8)
        #expect(document.contains("<p class=\"holder\" id=\"holder\">江苏星河暖通设备有限公司</p>"))
        #expect(document.contains("<span class=\"zh\">合格</span>"))
        #expect(document.contains("华信认证中心 Huaxin Certification Centre"))
    }
}
