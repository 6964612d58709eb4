import Foundation
import Testing

@Suite struct AssessCommandTests {
    static let valid = "Tests/MaturityCoreTests/Fixtures/valid"
    static let assessment = "\(valid)/mini-assessment.yaml"
    static let catalog = "\(valid)/mini-catalog.yaml"

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-cli-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func printsTheRatingScoresReasonsAndPath() {
        let run = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog, "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("Self-assessed rating (preliminary): Fail    overall 54.00 / 100"))
        #expect(
            run.stdout.contains(
                "evidence supports level 3: level 4 needs KPI series (E5: stale, dated 2025-06-01, 518 days old, "
                    + "this kind counts 365 days)"))
        #expect(run.stdout.contains("✗ overall score 54.00 < 60"))
        #expect(run.stdout.contains("S-01    Satisfaction                  3 → 4  overall"))
    }

    @Test func speaksChinese() {
        let run = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog, "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("自评结果（预评）：不合格"))
    }

    @Test func takesTheLanguageFromTheLocaleWhenNotGiven() {
        let run = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.stdout.contains("自评结果（预评）：不合格"))
    }

    @Test func jsonIsTheResultOfSpecSection9AndByteIdentical() throws {
        let first = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog, "--format", "json"])
        let second = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog, "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let object = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        for key in [
            "schema", "catalog", "organisation", "kind", "date", "rating", "overall", "domains", "criteria", "kpis",
            "target",
            "blockers", "path", "actions", "warnings",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["rating"] as? String == "fail")
        #expect(object["overall"] as? Double == 54)
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        let p01 = try #require(criteria.first { $0["id"] as? String == "P-01" })
        #expect(p01["evidence_cap"] as? Int == 3)
        #expect(p01["missing_evidence"] as? [String] == ["kpi_series"])
    }

    @Test func aTargetAboveTheNextRatingIsHonoured() throws {
        let run = CLI.run([
            "assess", Self.assessment, "--catalog", Self.catalog, "--format", "json", "--target", "excellent",
        ])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["target"] as? String == "excellent")
        // overall, two domains, two key criteria, one open minor finding.
        #expect((object["blockers"] as? [Any])?.count == 6)
    }

    @Test func anUnknownTargetIsAUsageError() {
        let run = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog, "--target", "excelent"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("did you mean 'excellent'?"))
        #expect(run.stdout.isEmpty)
    }

    @Test func writesTheReportToAFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = "\(folder)/report.md"
        let run = CLI.run(["assess", Self.assessment, "--catalog", Self.catalog, "--format", "md", "--output", output])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("# Mini catalog"))
        // Nothing but the report is left in the folder (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.md"])
    }

    @Test func aBadAssessmentFailsWithLocatedDiagnosticsAndNoReport() {
        let run = CLI.run([
            "assess", "Tests/MaturityCoreTests/Fixtures/invalid/assessment/several-problems.yaml", "--catalog",
            "Tests/MaturityCoreTests/Fixtures/invalid/assessment/tiny-catalog.yaml",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 4)
        #expect(
            lines.first
                == "Tests/MaturityCoreTests/Fixtures/invalid/assessment/several-problems.yaml:12:37: error: criterion 'P-01' cites evidence 'E5', which is not declared"
        )
    }

    @Test func aMissingAssessmentFileIsAnInputError() {
        let run = CLI.run(["assess", "no/such/assessment.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: assessment 'no/such/assessment.yaml' does not exist"))
    }

    @Test func aFailedWriteLeavesTheExistingFileIntact() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = "\(folder)/report.txt"
        try "previous report".write(toFile: output, atomically: true, encoding: .utf8)
        let run = CLI.run([
            "assess", "Tests/MaturityCoreTests/Fixtures/invalid/assessment/level-outside-scale.yaml", "--catalog",
            "Tests/MaturityCoreTests/Fixtures/invalid/assessment/tiny-catalog.yaml", "--output", output,
        ])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous report")
    }
}

@Suite struct CatalogCommandTests {
    @Test func lintOfAValidCatalogSaysSoAndExitsZero() {
        let run = CLI.run(["catalog", "lint", "Tests/MaturityCoreTests/Fixtures/invalid/assessment/tiny-catalog.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("tiny 1: 1 domains, 3 criteria, 1 key; no errors"))
    }

    @Test func lintReportsEveryProblemAndExitsOne() {
        let run = CLI.run(["catalog", "lint", "Tests/MaturityCoreTests/Fixtures/invalid/catalog/several-problems.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 4)
        #expect(
            run.stderr.contains("several-problems.yaml:22:23: error: metric of 'P-01' names unknown KPI 'response_p90'")
        )
        #expect(run.stderr.contains("hint: did you mean 'first_response_minutes_p90'?"))
    }

    @Test func showListsDomainsAndCriteriaWithWeightKeyAndMetric() {
        let run = CLI.run([
            "catalog", "show", "Tests/MaturityCoreTests/Fixtures/valid/mini-catalog.yaml", "--lang", "en",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("process  Service process  weight 60"))
        #expect(run.stdout.contains("P-01    ★ Response time"))
        #expect(run.stdout.contains("first_response_minutes_p90 ≤ 1:240 2:60 3:30 4:10 5:5"))
    }

    @Test func showAsJSONListsEveryCriterion() throws {
        let run = CLI.run([
            "catalog", "show", "Tests/MaturityCoreTests/Fixtures/valid/mini-catalog.yaml", "--format", "json",
        ])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let domains = try #require(object["domains"] as? [[String: Any]])
        #expect(domains.flatMap { ($0["criteria"] as? [[String: Any]]) ?? [] }.count == 5)
    }
}

@Suite struct InitCommandTests {
    @Test func writesATemplateThatAssessesWithEveryCriterionNotYetAssessed() throws {
        let folder = try AssessCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = CLI.run([
            "init", "--organisation", "测试公司: \"总部\"", "--output", "\(folder)/org", "--catalog",
            AssessCommandTests.catalog,
            "--lang", "zh",
        ])
        #expect(made.status == 0)
        let template = try String(contentsOfFile: "\(folder)/org/assessment.yaml", encoding: .utf8)
        #expect(template.contains("date: 2026-11-22"))
        #expect(template.contains("  P-01:\n    claimed:\n    evidence: []"))
        #expect(template.contains("# 4: 按月统计 P90"))
        let assessed = CLI.run([
            "assess", "\(folder)/org/assessment.yaml", "--catalog", AssessCommandTests.catalog, "--format", "json",
        ])
        #expect(assessed.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(assessed.stdout.utf8)) as? [String: Any])
        #expect((object["organisation"] as? [String: Any])?["name"] as? String == "测试公司: \"总部\"")
        #expect((object["warnings"] as? [[String: Any]])?.filter { $0["kind"] as? String == "not_assessed" }.count == 5)
    }

    @Test func refusesToOverwriteAnExistingAssessment() throws {
        let folder = try AssessCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "my work".write(toFile: "\(folder)/assessment.yaml", atomically: true, encoding: .utf8)
        let run = CLI.run(["init", "--organisation", "X", "--output", folder, "--catalog", AssessCommandTests.catalog])
        #expect(run.status == 1)
        #expect(run.stderr.contains("already exists; it was not overwritten"))
        #expect(try String(contentsOfFile: "\(folder)/assessment.yaml", encoding: .utf8) == "my work")
    }
}
