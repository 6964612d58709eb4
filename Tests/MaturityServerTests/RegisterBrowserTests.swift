import Foundation
import HummingbirdTesting
import MaturityStoreTesting
import Testing

/// The due board, the public verification page and the certificate document as the server serves them, opened
/// in Debian's chromium (headless): no console message, the expected elements in the DOM, printed to PDF (the
/// certificate on exactly one A4 page). Skipped when chromium is absent, except in CI.
@Suite(.serialized) struct RegisterBrowserTests {
    static let chromium = HeadlessChromium.path

    @Test func chromiumIsThereInCI() {
        if TestDatabase.inCI { #expect(Self.chromium != nil, "CI must install chromium (.ci/run)") }
    }

    @Test(.enabled(if: chromium != nil))
    func theRegisterPagesRenderInABrowser() async throws {
        try await RegisterRoutesTests.withRegister(.sqlite) { client, number, today in
            let folder = NSTemporaryDirectory() + "maturity-register-browser-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let pages: [(name: String, uri: String, expected: [String], pages: ClosedRange<Int>)] = [
                (
                    "due", "/register/due?as_of=\(today.adding(days: 120))&lang=zh",
                    ["<table id=\"due-board\">", "data-kind=\"surveillance\"", "id=\"late-count\"", "lang=\"zh-CN\""],
                    1...2
                ),
                (
                    "verify", "/certificates/\(number)?lang=en",
                    ["id=\"validity\"", "data-state=\"valid\"", "<table id=\"certificate\">", "Pass"], 1...1
                ),
                (
                    "document", "/register/certificates/\(number)/document",
                    ["id=\"certificate\"", "id=\"rating\"", "id=\"verification\"", "id=\"signature\""], 1...1
                ),
            ]
            for page in pages {
                var html = ""
                try await client.execute(uri: page.uri, method: .get) { response in
                    #expect(response.status == .ok, "\(page.uri)")
                    html = response.text
                }
                #expect(!html.contains("<script"))
                let file = folder + "/\(page.name).html"
                try html.write(toFile: file, atomically: true, encoding: .utf8)
                let url = URL(fileURLWithPath: file).absoluteString
                let dom = try await HeadlessChromium.run(["--enable-logging=stderr", "--v=0", "--dump-dom", url])
                #expect(dom.status == 0)
                let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
                #expect(console.isEmpty, "\(page.name): \(console)")
                for expected in page.expected {
                    #expect(dom.stdout.contains(expected), "\(page.name): \(expected) missing")
                }
                let pdf = folder + "/\(page.name).pdf"
                _ = try await HeadlessChromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", url])
                let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
                #expect(data.starts(with: Array("%PDF".utf8)))
                #expect(
                    page.pages.contains(HeadlessChromium.pageCount(data)),
                    "\(page.name): \(HeadlessChromium.pageCount(data)) pages")
            }
        }
    }
}
