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
        ratings: [
            RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 70, domainMin: 60, keyLevelMin: 3),
            RatingRule(
                id: "excellent", name: LocalizedText("Excellent"), overallMin: 90, domainMin: 80, keyLevelMin: 4),
        ])

    func actions(
        _ levels: [String: Int], owners: [String: String] = [:], findings: [Finding] = [], target: String? = nil,
        in catalog: Catalog? = nil
    ) -> [PlanAction] {
        do {
            return try Scorer(catalog: catalog ?? self.catalog).score(
                TestCatalog.assessment(levels, metrics: ["satisfaction_rate": 99], findings: findings, owners: owners),
                target: target
            ).actions
        } catch {
            Issue.record("target refused: \(error)")
            return []
        }
    }

    @Test func eachLevelStepOfAPathEntryIsItsOwnAction() throws {
        // Fail (overall 50): key A1 1 → 3; domain a = (4·20 + 60)/5 = 28 → A2 rises to 3 (a = 60); overall 70 ✓.
        let list = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        #expect(list.map(\.id) == ["A1@2", "A1@3", "A2@2", "A2@3"])
        #expect(list.map(\.from) == [1, 2, 1, 2])
        #expect(list.map(\.to) == [2, 3, 2, 3])
        #expect(list.map(\.status) == [.open, .open, .open, .open])
    }

    @Test func correctiveStepsTakeTheirDeadlineAndPriorityFromTheReason() throws {
        // The organisation fails: every step toward pass is corrective. Key → major (+30) P1, domain → minor
        // (+90) P2.
        let list = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        #expect(list.map(\.purpose) == [.corrective, .corrective, .corrective, .corrective])
        #expect(list.map(\.priority) == [.p1, .p1, .p2, .p2])
        #expect(list.map(\.due.description) == ["2026-12-01", "2026-12-01", "2027-01-30", "2027-01-30"])
    }

    @Test func correctiveOverallStepsAreP2WithTheImprovementDeadline() throws {
        // a = 60, b = 60, keys at 3, overall 60 < 70 (fail): A2 (weight 4 of 5 in a) gains most: 3 → 4 → 5.
        let list = actions(["A1": 3, "A2": 3, "B1": 3, "B2": 3])
        #expect(list.map(\.id) == ["A2@4", "A2@5"])
        #expect(list.map(\.purpose) == [.corrective, .corrective])
        #expect(list.map(\.priority) == [.p2, .p2])
        #expect(list.map(\.due.description) == ["2027-04-30", "2027-04-30"])  // +180
    }

    @Test func stepsTowardAHigherRatingAreDevelopmentP3() throws {
        // Pass already met (overall 76): the path to excellent is development, whatever its reason.
        let list = actions(["A1": 3, "A2": 5, "B1": 3, "B2": 3])
        #expect(!list.isEmpty)
        #expect(list.allSatisfy { $0.purpose == .development && $0.priority == .p3 })
        #expect(Set(list.map(\.kindName)).isSuperset(of: ["key"]), "a key step toward excellent is still P3")
        #expect(list.allSatisfy { $0.due == TestCatalog.date.adding(days: 180) })
    }

    @Test func aFailingOrganisationAimingHigherIsCorrectiveOnlyAsFarAsTheLowestRating() throws {
        // Fail; target excellent. The path to pass raises A1 1 → 3 and A2 1 → 3: those steps are corrective,
        // the steps beyond (A1 → 4 for excellent's key minimum, …) are development.
        let list = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4], target: "excellent")
        let purpose = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0.purpose) })
        #expect(purpose["A1@2"] == .corrective)
        #expect(purpose["A1@3"] == .corrective)
        #expect(purpose["A1@4"] == .development)
        #expect(list.first { $0.id == "A1@4" }?.priority == .p3)
    }

    @Test func leadDaysPostponeLevelsThatNeedMonitoringCycles() throws {
        var catalog = self.catalog
        catalog.leadDays = [4: 180, 5: 365]
        // Corrective overall steps A2 → 4 → 5: +max(180, 180) and +max(180, 365).
        let list = actions(["A1": 3, "A2": 3, "B1": 3, "B2": 3], in: catalog)
        #expect(list.map(\.id) == ["A2@4", "A2@5"])
        #expect(list.map(\.due.description) == ["2027-04-30", "2027-11-01"])
    }

    @Test func aStepIsNeverDueBeforeTheStepBelowIt() throws {
        var catalog = self.catalog
        catalog.leadDays = [2: 100]
        // Key A1 1 → 3: @2 waits 100 days (lead), @3 would be +30 (major) but follows @2.
        let list = actions(["A1": 1, "A2": 3, "B1": 4, "B2": 4], in: catalog)
        #expect(list.map(\.id) == ["A1@2", "A1@3"])
        #expect(list.map(\.due.description) == ["2027-02-09", "2027-02-09"])
    }

    @Test func eachStepNamesTheEvidenceItsLevelStillLacks() throws {
        // Evidence only up to level 2 is cited: level 3 lacks deployment, level 4 kpi_series.
        let assessment = TestCatalog.assessment(
            ["A1": 2, "A2": 3, "B1": 3, "B2": 3], evidenceFor: 2, metrics: ["satisfaction_rate": 99])
        let list = try Scorer(catalog: catalog).score(assessment, target: "excellent").actions
        let a1 = list.filter { $0.criterion == "A1" }
        #expect(a1.map(\.id) == ["A1@3", "A1@4"])
        #expect(a1.map(\.evidenceNeeded) == [["deployment"], ["kpi_series"]])
    }

    @Test func whatToDoIsTheCatalogActionOfThatLevelElseItsDescriptor() throws {
        let list = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        #expect(list.map { $0.what.text(.en) } == ["A1 level 2", "do A1 to 3", "A2 level 2", "A2 level 3"])
    }

    @Test func ownersResolveByCriterionThenDomainThenCatalogRole() throws {
        let byCriterion = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4], owners: ["A1": "王五", "a": "张三"])
        #expect(byCriterion.map(\.owner) == [.person("王五"), .person("王五"), .person("张三"), .person("张三")])
        let byRole = actions(["A1": 1, "A2": 1, "B1": 4, "B2": 4])
        #expect(
            byRole.map(\.owner) == [
                .role(LocalizedText("criterion role")), .role(LocalizedText("criterion role")),
                .role(LocalizedText("domain role")), .role(LocalizedText("domain role")),
            ])
    }

    @Test func aMeasuredCriterionCarriesItsKPITarget() throws {
        // b = (40 + 60)/2 = 50 < 60: B1 (lower) rises to 3, where its threshold is 80.
        let list = actions(["A1": 3, "A2": 5, "B1": 2, "B2": 3])
        #expect(list.map(\.id) == ["B1@3"])
        let b1 = list.first { $0.criterion == "B1" }
        #expect(b1?.kpiTarget == PlanAction.KPITarget(kpi: "satisfaction_rate", better: .higher, value: 80))
    }

    @Test func openFindingsBecomeActionsByGrade() throws {
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
        #expect(list.allSatisfy { $0.purpose == .corrective })
        #expect(list.map(\.due.description) == ["2026-12-01", "2027-01-30", "2027-04-30"])
    }
}
