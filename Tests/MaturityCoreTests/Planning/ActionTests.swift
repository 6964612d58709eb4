import MaturityCore
import Testing

@Suite struct ActionTests {
    static let metric = Metric(kpi: "satisfaction_rate", better: .higher, thresholds: [2: 70, 3: 80, 4: 85, 5: 95])
    let catalog = TestCatalog.catalog(
        [
            TestCatalog.domain(
                "a", owner: "domain role",
                [
                    TestCatalog.criterion(
                        "A1", key: true, owner: "criterion role", actions: [3: LocalizedText("do A1 to 3")]),
                    TestCatalog.criterion("A2", weight: 4),
                ]),
            TestCatalog.domain("b", [TestCatalog.criterion("B1", metric: metric), TestCatalog.criterion("B2")]),
        ],
        ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 70, domainMin: 60, keyLevelMin: 3)])

    func actions(_ levels: [String: Int], owners: [String: String] = [:], findings: [Finding] = []) -> [PlanAction] {
        Scorer(catalog: catalog).score(
            TestCatalog.assessment(levels, metrics: ["satisfaction_rate": 99], findings: findings, owners: owners)
        ).actions
    }

    @Test func eachPathEntryBecomesAnActionWithDeadlineAndPriorityByReason() throws {
        // key: A1 → 3. domain a = (4·20 + 60)/5 = 28 → A2 rises to 3 (a = 60). overall (60 + 80)/2 = 70 ✓.
        let list = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        try #require(list.map(\.id) == ["A1@3", "A2@3"])
        #expect(list.map(\.priority) == [.p1, .p2])
        #expect(list.map(\.due.description) == ["2026-12-01", "2027-01-30"])  // +30 (major), +90 (minor)
        #expect(list.map(\.status) == [.open, .open])
        #expect(list[0].from == 1 && list[0].to == 3)
    }

    @Test func overallStepsGetTheImprovementDeadlineAndP3() {
        // a = 60, b = 60, keys at 3, overall 60 < 70: A2 (weight 4 of 5 in a) gains most: 3 → 4 → 5.
        let list = actions(["A1": 3, "A2": 3, "B1": 3, "B2": 3])
        #expect(list.map(\.id) == ["A2@5"])
        #expect(list.map(\.priority) == [.p3])
        #expect(list.map(\.due.description) == ["2027-04-30"])  // +180
    }

    @Test func whatToDoIsTheCatalogActionElseTheLevelDescriptor() throws {
        let list = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        try #require(list.map(\.id) == ["A1@3", "A2@3"])
        #expect(list[0].what.text(.en) == "do A1 to 3")
        #expect(list[1].what.text(.en) == "A2 level 3")
    }

    @Test func ownersResolveByCriterionThenDomainThenCatalogRole() {
        let byCriterion = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4], owners: ["A1": "王五", "a": "张三"])
        #expect(byCriterion.map(\.owner) == [.person("王五"), .person("张三")])
        let byRole = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        #expect(byRole.map(\.owner) == [.role(LocalizedText("criterion role")), .role(LocalizedText("domain role"))])
    }

    @Test func aMeasuredCriterionCarriesItsKPITarget() {
        // b = (40 + 60)/2 = 50 < 60: B1 (lower) rises to 3, where its threshold is 80.
        let list = actions(["A1": 3, "A2": 5, "B1": 2, "B2": 3])
        #expect(list.map(\.id) == ["B1@3"])
        let b1 = list.first { $0.criterion == "B1" }
        #expect(b1?.kpiTarget == PlanAction.KPITarget(kpi: "satisfaction_rate", better: .higher, value: 80))
    }

    @Test func openFindingsBecomeActionsByGrade() {
        let findings = [
            Finding(id: "NC-1", criterion: "A2", grade: .major, text: "major"),
            Finding(id: "NC-2", criterion: "B1", grade: .minor, text: "minor"),
            Finding(id: "OB-1", criterion: "B2", grade: .observation, text: "observation"),
            Finding(id: "OFI-1", criterion: "B2", grade: .improvement, text: "improvement"),
            Finding(id: "NC-3", criterion: "B2", grade: .major, text: "closed", status: .closed),
        ]
        let list = actions(["A1": 5, "A2": 5, "B1": 5, "B2": 5], findings: findings)
        #expect(list.map(\.id) == ["NC-1", "NC-2", "OB-1"])
        #expect(list.map(\.priority) == [.p1, .p2, .p3])
        #expect(list.map(\.due.description) == ["2026-12-01", "2027-01-30", "2027-04-30"])
    }
}
