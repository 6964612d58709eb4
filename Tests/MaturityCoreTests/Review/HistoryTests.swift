import MaturityCore
import Testing

/// Results placed in the certificate cycle: initial audit, surveillance, recertification.
@Suite struct HistoryTests {
    static func result(
        _ date: String, _ kind: Assessment.Kind, rating: String = "pass", overall: Double = 80,
        decision: ReviewDecision? = nil, organisation: String = "Org", catalog: String = "test"
    ) -> PreviousResult {
        PreviousResult(
            file: "\(date).json", catalogId: catalog, catalogVersion: "1",
            organisation: Organisation(name: organisation),
            kind: kind, date: Day(iso: date)!, rating: rating, overall: overall,
            domains: [.init(id: "d", applicable: true, score: overall)], criteria: [], decision: decision)
    }

    @Test func stagesFollowFromKindAndWhatCameBefore() {
        let history = History(results: [
            Self.result("2027-05-10", .surveillance, decision: .maintain),
            Self.result("2026-05-10", .audit),
            Self.result("2026-02-01", .selfAssessment, rating: "fail", overall: 60),
            Self.result("2026-11-10", .surveillance, overall: 84, decision: .suspend),
            Self.result("2029-05-10", .audit, overall: 88),
        ])
        #expect(
            history.entries.map(\.result.date.description) == [
                "2026-02-01", "2026-05-10", "2026-11-10", "2027-05-10", "2029-05-10",
            ])
        #expect(
            history.entries.map(\.stage) == [
                .selfAssessment, .initialAudit, .surveillance, .surveillance, .recertification,
            ])
        #expect(history.entries.map(\.cycle) == [nil, 1, 1, 1, 2])
        #expect(history.entries.map(\.certificate) == [nil, .certified, .suspended, .certified, .certified])
        #expect(history.entries.map(\.overallDelta) == [nil, 20, 4, -4, 8])
    }

    @Test func anAuditAfterAWithdrawalIsANewInitialAudit() {
        let history = History(results: [
            Self.result("2026-05-10", .audit),
            Self.result("2026-11-10", .surveillance, rating: "fail", decision: .suspend),
            Self.result("2027-05-10", .surveillance, rating: "fail", decision: .withdraw),
            Self.result("2027-09-01", .audit),
        ])
        #expect(history.entries.map(\.stage) == [.initialAudit, .surveillance, .surveillance, .initialAudit])
        #expect(history.entries.map(\.cycle) == [1, 1, 1, 2])
        #expect(history.entries.map(\.certificate) == [.certified, .suspended, .withdrawn, .certified])
    }

    @Test func aFailedInitialAuditGrantsNoCertificateAndTheNextAuditIsInitialToo() {
        let history = History(results: [
            Self.result("2026-05-10", .audit, rating: "fail"), Self.result("2026-09-10", .audit),
        ])
        #expect(history.entries.map(\.stage) == [.initialAudit, .initialAudit])
        #expect(history.entries.map(\.certificate) == [.notGranted, .certified])
    }

    @Test func resultsOnTheSameDateAreOrderedSelfAuditSurveillance() {
        let history = History(results: [
            Self.result("2026-05-10", .surveillance), Self.result("2026-05-10", .audit),
            Self.result("2026-05-10", .selfAssessment),
        ])
        #expect(history.entries.map(\.result.kind) == [.selfAssessment, .audit, .surveillance])
    }

    @Test func resultsOfAnotherOrganisationOrCatalogAreRefused() {
        let diagnostics = History.check([
            Self.result("2026-05-10", .audit), Self.result("2026-11-10", .surveillance, organisation: "Other Co"),
            Self.result("2027-05-10", .surveillance, catalog: "other"),
        ])
        #expect(
            diagnostics.map(\.description) == [
                "2026-11-10.json:1:1: error: '2026-11-10.json' is for 'Other Co', '2026-05-10.json' for 'Org'\n"
                    + "  hint: a history is one organisation's results: move the other results out of the folder",
                "2027-05-10.json:1:1: error: '2027-05-10.json' is scored against catalog 'other', '2026-05-10.json' "
                    + "against 'test'\n"
                    + "  hint: a history follows one certification scheme: move the other results out of the folder",
            ])
    }

    @Test func domainsFollowTheCatalogOrderThenAppearance() {
        var first = Self.result("2026-05-10", .audit)
        first.domains = [.init(id: "z", applicable: true, score: 1), .init(id: "d", applicable: true, score: 2)]
        let history = History(results: [first, Self.result("2026-11-10", .surveillance)])
        #expect(history.domainIds(catalogOrder: ["d", "q"]) == ["d", "z"])
    }
}
