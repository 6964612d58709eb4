import Foundation
import Testing

@testable import MaturityServer
@testable import MaturityStore

/// A page of organisations written directly is the bytes JSONBody's encoder writes for it, whatever the names.
@Suite struct OrganisationPageJSONTests {
    static let names = [
        "华东家电服务有限公司", "Acme / Service", "plain", "", "quote \" inside", "back\\slash", "line\nbreak",
        "tab\there", "\u{1}ctl", "del\u{7F}", "sep\u{2028}ara\u{2029}tor", "emoji 🙂", "e\u{301}", "<tag>&amp;",
    ]

    static func page(_ names: [String], next: Bool) -> OrganisationController.Page {
        let organisations = names.enumerated().map {
            OrganisationSummary(
                id: "org-\($0.offset)", name: $0.element, assessments: $0.offset * 7, version: 1 + $0.offset)
        }
        return OrganisationController.Page(
            organisations: organisations,
            next: next ? OrganisationController.Cursor(afterName: names.last ?? "", afterId: "org-last") : nil)
    }

    @Test(arguments: names, [false, true])
    func aPageIsWrittenAsTheEncoderWritesIt(_ name: String, next: Bool) {
        for page in [Self.page([name], next: next), Self.page(["first", name, "third"], next: next)] {
            #expect(page.body.data == JSONBody(page).data, "\(name.debugDescription)")
        }
    }

    @Test func emptyAndLongPagesToo() {
        for page in [Self.page([], next: false), Self.page(Self.names.filter { !$0.contains("\"") }, next: true)] {
            #expect(page.body.data == JSONBody(page).data)
        }
        let big = OrganisationController.Page(
            organisations: [OrganisationSummary(id: "x", name: "y", assessments: Int.max, version: Int.min)], next: nil)
        #expect(big.body.data == JSONBody(big).data)
    }
}
