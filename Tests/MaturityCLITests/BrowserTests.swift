import Foundation
import MaturityStoreTesting
import Testing

/// HTML reports opened in a real browser (Debian's chromium, headless): the page loads with no console
/// message, the expected elements are in the DOM, it prints to a PDF of a sensible page count, and
/// it renders to a PNG. Skipped when chromium is absent, except in CI (CI=true), where it must exist.
@Suite(.serialized) struct BrowserTests {
    static let chromium = HeadlessChromium.path
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    struct Page: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var name: String
        /// Ids or markup the DOM must hold.
        var expected: [String]
        var pages: ClosedRange<Int>
        var testDescription: String { name }
    }

    static let examples = ["huadong-appliance", "anmai-equipment", "meichu-small-appliances"]
    static let pages: [Page] =
        examples.flatMap { example in
            ["zh", "en"].map { lang in
                Page(
                    arguments: ["assess", "Examples/\(example)/assessment.yaml", "--format", "html", "--lang", lang],
                    name: "assess-\(example)-\(lang)",
                    expected: [
                        "<section id=\"summary\"", "class=\"badge", "id=\"overall\"", "<svg class=\"radar\"",
                        "<svg class=\"bars\"", "<details id=\"criteria\"", "lang=\"\(lang == "zh" ? "zh-CN" : "en")\"",
                    ], pages: 1...6)
            }
        } + [
            Page(
                arguments: [
                    "plan", "Examples/meichu-small-appliances/assessment.yaml", "--format", "html", "--lang", "zh",
                ],
                name: "plan-meichu-zh", expected: ["<section id=\"summary\"", "<table id=\"plan\""], pages: 1...6),
            Page(
                arguments: [
                    "assess", "Examples/huadong-appliance-audit/assessment.yaml", "--format", "html", "--lang", "zh",
                ],
                name: "audit-huadong-zh",
                expected: [
                    "<section id=\"audit\"", "<svg class=\"paired\"", "<table id=\"calibration-criteria\"",
                    "<section id=\"findings-by-grade\"", "id=\"signoff\"",
                ], pages: 1...8),
        ] + reviewPages

    /// Surveillance reviews and the certificate history of Examples/xinghe-hvac, in both languages.
    static let reviewPages: [Page] = ["zh", "en"].flatMap { lang -> [Page] in
        let x = "Examples/xinghe-hvac"
        let review = [
            "<section id=\"summary\"", "class=\"badge", "id=\"overall\"", "id=\"next-review\"", "<svg class=\"deltas\"",
            "<table id=\"plan-progress\"", "<details id=\"criteria\"", "lang=\"\(lang == "zh" ? "zh-CN" : "en")\"",
        ]
        return [
            Page(
                arguments: [
                    "review", "\(x)/2026-11/assessment.yaml", "--previous", "\(x)/2026-05/result.json", "--plan",
                    "\(x)/2026-11/plan.yaml", "--format", "html", "--lang", lang,
                ], name: "review-xinghe-2026-11-\(lang)", expected: review + ["data-decision=\"suspend\""],
                pages: 1...6),
            Page(
                arguments: [
                    "review", "\(x)/2027-01/assessment.yaml", "--previous", "\(x)/2026-11/result.json", "--plan",
                    "\(x)/plan.yaml", "--format", "html", "--lang", lang,
                ], name: "review-xinghe-2027-01-\(lang)",
                expected: review + ["data-decision=\"reinstate\"", "id=\"recommendation\""], pages: 1...6),
            Page(
                arguments: [
                    "review", "\(x)/2027-05/assessment.yaml", "--previous", "\(x)/2027-01/result.json", "--plan",
                    "\(x)/plan.yaml", "--format", "html", "--lang", lang,
                ], name: "review-xinghe-2027-05-\(lang)", expected: review + ["data-decision=\"maintain\""],
                pages: 1...6),
            Page(
                arguments: ["history", "\(x)/results", "--format", "html", "--lang", lang],
                name: "history-xinghe-\(lang)",
                expected: [
                    "<section id=\"summary\"", "<svg class=\"trend\"", "<table id=\"history\"",
                    "data-decision=\"maintain\"", "<details id=\"domains\"",
                ], pages: 1...4),
        ]
    }

    @Test func chromiumIsThereInCI() {
        if Self.inCI { #expect(Self.chromium != nil, "CI must install chromium (.ci/run)") }
    }

    @Test(.enabled(if: chromium != nil), arguments: pages)
    func rendersInABrowser(page: Page) async throws {
        let folder = NSTemporaryDirectory() + "maturity-browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = folder + "/\(page.name).html"
        let run = CLI.run(page.arguments + ["--output", html])
        #expect(run.status == 0, "\(run.stderr)")
        let source = try String(contentsOfFile: html, encoding: .utf8)
        // Self-contained: nothing to fetch, nothing to run.
        #expect(!source.contains("<script"))
        #expect(!source.contains(" src="))
        #expect(!source.contains(" href="))
        #expect(!source.contains("@import") && !source.contains("url("))

        let url = URL(fileURLWithPath: html).absoluteString
        let dom = try await HeadlessChromium.run(["--enable-logging=stderr", "--v=0", "--dump-dom", url])
        #expect(dom.status == 0)
        let consoleLines = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(consoleLines.isEmpty, "console: \(consoleLines)")
        for expected in page.expected { #expect(dom.stdout.contains(expected), "\(expected) missing") }

        let pdf = folder + "/\(page.name).pdf"
        _ = try await HeadlessChromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", url])
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.starts(with: Array("%PDF".utf8)))
        let count = HeadlessChromium.pageCount(data)
        #expect(page.pages.contains(count), "\(count) pages")

        let png = folder + "/\(page.name).png"
        _ = try await HeadlessChromium.run(["--hide-scrollbars", "--window-size=1000,1400", "--screenshot=\(png)", url])
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(image.count > 20_000)
    }
}
