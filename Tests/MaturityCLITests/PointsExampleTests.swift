import Foundation
import MaturityCore
import Testing

/// Examples/hengxin-appliance-service: a 销售服务型 company on the GB/T 27922 points catalog — a
/// self-assessment and its plan, the initial audit (达标), a surveillance eight months later that reaches
/// 四星 in points but is rated 达标 because 达标 has been held 243 days, and the star-rating audit on the
/// certificate's first anniversary that grants 四星.
@Suite struct PointsExampleTests {
    static let folder = "Examples/hengxin-appliance-service"

    /// The commands that wrote each committed result, in order (each review reads the one before).
    static let commands: [(result: String, arguments: [String])] = [
        ("2026-01/result.json", ["assess", "\(folder)/2026-01/assessment.yaml", "--format", "json"]),
        (
            "2026-09/result.json",
            [
                "review", "\(folder)/2026-09/assessment.yaml", "--previous", "\(folder)/2026-01/result.json", "--plan",
                "\(folder)/plan.yaml", "--format", "json",
            ]
        ),
        (
            "2027-01/result.json",
            [
                "review", "\(folder)/2027-01/assessment.yaml", "--previous", "\(folder)/2026-09/result.json",
                "--format", "json",
            ]
        ),
    ]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func committedResultsAreExactlyWhatTheToolWrites() throws {
        for command in Self.commands {
            let run = CLI.run(command.arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            let committed = try String(
                contentsOfFile: CLI.projectRoot + "/\(Self.folder)/\(command.result)", encoding: .utf8)
            #expect(
                run.stdout == committed,
                "\(command.result) is stale: regenerate it with maturity \(command.arguments.joined(separator: " "))")
        }
    }

    @Test func theResultsFolderLinksTheThreeResults() throws {
        let results = CLI.projectRoot + "/\(Self.folder)/results"
        let names = try FileManager.default.contentsOfDirectory(atPath: results).sorted()
        #expect(names == ["2026-01-initial-audit.json", "2026-09-surveillance.json", "2027-01-star-rating.json"])
        for (name, command) in zip(names, Self.commands) {
            let linked = try String(contentsOfFile: results + "/" + name, encoding: .utf8)
            let committed = try String(
                contentsOfFile: CLI.projectRoot + "/\(Self.folder)/\(command.result)", encoding: .utf8)
            #expect(linked == committed, "\(name) is not \(command.result)")
        }
    }

    @Test func theSelfAssessmentWouldReachThreeStarsWithoutHistory() throws {
        let object = try Self.json(["assess", "\(Self.folder)/2025-12/assessment.yaml", "--format", "json"])
        #expect(object["rating"] as? String == "compliant")
        #expect(object["overall"] as? Double == 85.56)
        #expect(object["profile"] as? String == "sales-service")
        let pending = try #require(object["pending_rating"] as? [String: Any])
        #expect(pending["rating"] as? String == "three-star")
        #expect(pending["held_days"] is NSNull)
        let text = CLI.run(["assess", "\(Self.folder)/2025-12/assessment.yaml", "--lang", "en"])
        #expect(
            text.stdout.contains(
                "⏳ would reach Three stars; granted after 365 days at Compliant (no certificate history: a "
                    + "surveillance review judges the time held)"))
        #expect(text.stdout.contains("earned 77 of 90 points (Sales and service, 2 criteria excluded)"))
        #expect(
            text.stdout.contains(
                "no valid evidence: 0 points instead of 5: E07: stale, dated 2024-10-08, 433 days old, this kind "
                    + "counts 365 days"))
        #expect(!text.stdout.contains("level"), "a points report has no level wording")
    }

    @Test func thePlanAsKeptIsWhatRegeneratingKeeps() throws {
        let folder = NSTemporaryDirectory() + "maturity-points-plan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/plan.yaml"
        let kept = try String(contentsOfFile: CLI.projectRoot + "/\(Self.folder)/plan.yaml", encoding: .utf8)
        try kept.write(toFile: plan, atomically: true, encoding: .utf8)
        let run = CLI.run([
            "plan", "\(Self.folder)/2026-01/assessment.yaml", "--target", "five-star", "--output", plan, "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                \(plan): 0 added, 4 kept, 3 done, but the gap remains, 0 superseded
                  ! SS-05@5      done, but the gap remains
                  ! SS-02@6      done, but the gap remains
                  ! D1           done, but the gap remains

                """, "the audit is from before the work was done")
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == kept, "nothing changes")
        #expect(kept.contains("- id: SS-05@5\n    criterion: SS-05\n    domain: service-system\n    kind: overall\n"))
        #expect(kept.contains("    points: 10\n    earned: 7\n"), "CS-01: 7 of 10 at the audit")
    }

    @Test func theInitialAuditIsCompliantWithTheDeductionToRectify() throws {
        let object = try Self.json(Self.commands[0].arguments)
        #expect(object["kind"] as? String == "audit")
        #expect(object["rating"] as? String == "compliant")
        #expect(object["overall"] as? Double == 76.84)
        #expect(object["held_since"] as? String == "2026-01-12")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["D1"])
        #expect(findings.first?["grade"] as? String == "minor")
        let verify = CLI.run(["verify", "\(Self.folder)/2026-01/result.json"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("Verified: the result and its 21 files are unchanged since sign-off."))
        let text = CLI.run(["assess", "\(Self.folder)/2026-01/assessment.yaml", "--lang", "zh"])
        #expect(text.stdout.contains("评级：达标    总分 76.84 / 100\n得分 70.06 / 90 分（销售服务型，删减 2 项）\n条款得分 77.84，调整 −1.00\n"))
        #expect(text.stdout.contains("    SS-05   监督机制                         5     0   0 → 0  自评偏高\n"))
        #expect(text.stdout.contains("  ✗ 证书保持“达标”0 天 < 365 天\n"))
        #expect(text.stdout.contains("D1 扣分 −1.00：2025 年 11 月一起空调退货超过\"三包\"规定时限 12 天才办结 (PS-06)"))
    }

    @Test func eightMonthsAtCompliantAreNotEnoughForTheStarTheScoreReaches() throws {
        let object = try Self.json(Self.commands[1].arguments)
        #expect(object["overall"] as? Double == 94.29)
        #expect(object["rating"] as? String == "compliant", "四星 in points, but 达标 held 243 days")
        #expect(object["decision"] as? String == "maintain")
        #expect(object["held_since"] as? String == "2026-01-12")
        #expect(object["held_days"] as? Int == 243)
        let pending = try #require(object["pending_rating"] as? [String: Any])
        #expect(pending["rating"] as? String == "four-star")
        #expect(pending["grantable_on"] as? String == "2027-01-12")
        let text = CLI.run(Self.commands[1].arguments.dropLast(2) + ["--lang", "zh"])
        #expect(
            text.stdout.contains(
                "  ⏳ 总分可达“四星”；须保持“达标”满 365 天后授予（自 2026-01-12 起已保持 243 天；最早 2027-01-12，届时得分须仍达到）\n"))
        #expect(text.stdout.contains("          ↳ 标记为已完成，但 SS-02 仅得 5 分 < 6 分\n"))
        let english = CLI.run(Self.commands[1].arguments.dropLast(2) + ["--lang", "en"])
        #expect(
            english.stdout.contains(
                "would reach Four stars; granted after 365 days at Compliant (held 243 days since 2026-01-12; from "
                    + "2027-01-12 if the score holds)"))
    }

    @Test func theStarRatingIsGrantedAYearAfterCertification() throws {
        let object = try Self.json(Self.commands[2].arguments)
        #expect(object["kind"] as? String == "special")
        #expect(object["rating"] as? String == "four-star")
        #expect(object["previous_rating"] as? String == "compliant")
        #expect(object["decision"] as? String == "upgrade")
        #expect(object["held_days"] as? Int == 365)
        #expect(object["pending_rating"] is NSNull)
    }

    @Test func historyShowsTheStarUpgrade() throws {
        let run = CLI.run(["history", "\(Self.folder)/results", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2026-09-12  surveillance     1      Compliant      94.29   +17.45  Maintain"))
        #expect(run.stdout.contains("2027-01-12  special audit    1      Four stars     94.86    +0.57  Upgrade"))
    }

    @Test func aWorksheetFromTheSelfAssessmentAsksForTheAuditorsPoints() throws {
        let folder = NSTemporaryDirectory() + "maturity-points-audit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "init", "--kind", "audit", "--from", "\(Self.folder)/2025-12/assessment.yaml", "--auditor", "周岚",
            "--date", "2026-01-12", "--output", folder, "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let worksheet = try String(contentsOfFile: folder + "/assessment.yaml", encoding: .utf8)
        #expect(worksheet.contains("profile: sales-service\n"))
        #expect(worksheet.contains("  SS-01:\n    earned: 6\n    audited_earned:\n    evidence: [E01]\n"))
        #expect(
            worksheet.contains("  PS-04:\n    sample: {size: 50, conforming: 44}\n    audited_sample:\n"))
        #expect(!worksheet.contains("audited:"), "no levels in a points worksheet")
        // As written it is a valid audit, judged on the claims until the auditor fills in points.
        let assess = CLI.run(["assess", folder + "/assessment.yaml", "--format", "json"])
        #expect(assess.status == 0, "\(assess.stderr)")
        let checklist = CLI.run([
            "init", "--kind", "audit", "--from", "\(Self.folder)/2025-12/assessment.yaml", "--format", "md",
            "--output", folder + "/md", "--lang", "en",
        ])
        #expect(checklist.status == 0, "\(checklist.stderr)")
        let text = try String(contentsOfFile: folder + "/md/checklist.md", encoding: .utf8)
        #expect(text.contains("| ☐ | PS-04 | Installation | 6 | checked by sample | 5.28 | 5.28 | E06, E12 | | |"))
    }

    /// The commands README.md gives for the example.
    @Test func theReadmeCommandsRun() throws {
        let readme = try String(contentsOfFile: CLI.projectRoot + "/README.md", encoding: .utf8)
        let commands = readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.hasPrefix("swift run maturity ") && $0.contains("hengxin-appliance-service")
        }
        #expect(commands.count >= 4)
        for command in commands {
            let arguments = command.dropFirst("swift run maturity ".count).split(separator: " ").map(String.init)
            let run = CLI.run(arguments)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
    }
}

/// The two shipped catalogs side by side, and the GB/T 27922 one on its own.
@Suite struct ShippedPointsCatalogTests {
    static let path = CLI.projectRoot + "/Criteria/gbt27922-after-sales-evaluation"

    @Test func lintsWithoutErrorsOrWarnings() {
        let diagnostics = CatalogLoader.lint(path: Self.path)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func lintWithoutACatalogChecksBoth() {
        let run = CLI.run(["catalog", "lint"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Criteria/after-sales-maturity: after-sales-maturity"))
        #expect(
            run.stdout.contains(
                "Criteria/gbt27922-after-sales-evaluation: gbt27922-after-sales-evaluation 2026.1: 3 domains, "
                    + "16 criteria, 100 points; no errors\n"))
    }

    @Test func theStructureIsTheStandards() throws {
        let catalog = try CatalogLoader.load(path: Self.path).value
        #expect(catalog.isPoints)
        #expect(catalog.domains.map { $0.name.text(.zh) } == ["售后服务体系", "商品服务", "顾客服务"])
        #expect(catalog.domains.map { $0.criteria.count } == [7, 7, 2])
        #expect(catalog.totalPoints == 100, "the production profile has every clause: 100 points")
        let sales = try #require(catalog.profile("sales-service"))
        #expect(sales.name.text(.zh) == "销售服务型")
        let salesPoints = catalog.criteria.filter { !sales.excludes.contains($0.id) }.reduce(0) {
            $0 + ($1.points ?? 0)
        }
        #expect(salesPoints == 90)
        #expect(catalog.profile("production")?.excludes.isEmpty == true)
        #expect(catalog.ratings.map(\.id) == ["compliant", "three-star", "four-star", "five-star"])
        #expect(catalog.ratings.map(\.overallMin) == [70, 80, 90, 95])
        #expect(catalog.ratings.map(\.heldDaysMin) == [nil, 365, 365, 365])
        #expect(catalog.adjustments == Catalog.AdjustmentRules(deductionPoints: 1, bonusPoints: 1, bonusMax: 1))
    }

    @Test func everyTextHasChineseAndEnglishAndEveryClauseASource() throws {
        let catalog = try CatalogLoader.load(path: Self.path).value
        var texts: [(String, LocalizedText?)] = [("title", catalog.title), ("fail name", catalog.failName)]
        for rating in catalog.ratings { texts.append(("rating \(rating.id)", rating.name)) }
        for profile in catalog.profiles { texts.append(("profile \(profile.id)", profile.name)) }
        for domain in catalog.domains {
            texts.append(("domain \(domain.id)", domain.name))
            for criterion in domain.criteria {
                texts.append(("\(criterion.id) name", criterion.name))
                texts.append(("\(criterion.id) requirement", criterion.requirement))
                #expect(!criterion.sources.isEmpty, "\(criterion.id) cites no source")
                #expect(criterion.points.map { $0 > 0 } == true)
            }
        }
        for (what, text) in texts {
            let text = try #require(text, "\(what) is missing")
            #expect(ShippedCatalogTests.hasHan(text.text(.zh)), "\(what) has no Chinese")
            #expect(ShippedCatalogTests.hasLatinLetter(text.text(.en)), "\(what) has no English")
        }
    }

    @Test func showWithoutACatalogListsBoth() {
        let run = CLI.run(["catalog", "show", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Catalogs in Criteria/ (2):\n"))
        #expect(run.stdout.contains("after-sales-maturity"))
        #expect(run.stdout.contains("gbt27922-after-sales-evaluation"))
        #expect(
            run.stdout.contains(
                "points, 100 in all; 16 criteria; ratings Compliant, Three stars, Four stars, Five stars"))
        #expect(run.stdout.contains("Show one: maturity catalog show <id>"))
        let json = CLI.run(["catalog", "show", "--format", "json"])
        #expect(json.stdout.contains("\"scoring\": \"points\""))
    }

    @Test func showTakesACatalogId() {
        let run = CLI.run(["catalog", "show", "gbt27922-after-sales-evaluation", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  Sales and service (sales-service): excludes PS-02, PS-07; 90 points in all\n"))
        #expect(run.stdout.contains("  Four stars (four-star): overall at least 90, after 365 days at Compliant\n"))
        #expect(run.stdout.contains("  PS-04     Installation"))
        let levels = CLI.run(["catalog", "show", "after-sales-maturity", "--lang", "en"])
        #expect(levels.status == 0, "\(levels.stderr)")
        #expect(levels.stdout.contains("Levels: 0 Absent"))
    }

    @Test func initWithoutACatalogNamesTheChoices() {
        let run = CLI.run(["init", "--organisation", "Org", "--output", NSTemporaryDirectory() + "x-\(UUID())"])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "error: several catalogs in Criteria/: after-sales-maturity, gbt27922-after-sales-evaluation\n"
                    + "  hint: name the one to use with --catalog (its id or path)"))
    }

    @Test func initTakesTheCatalogById() throws {
        let folder = NSTemporaryDirectory() + "maturity-points-init-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "init", "--organisation", "Org", "--catalog", "gbt27922-after-sales-evaluation", "--output", folder,
            "--date", "2026-11-01",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let template = try String(contentsOfFile: folder + "/assessment.yaml", encoding: .utf8)
        #expect(template.contains("catalog: gbt27922-after-sales-evaluation@2026.1\n"))
        #expect(template.contains("profile: production\n"))
        #expect(template.contains("  CS-02:\n    sample:\n    evidence: []\n"))
        // Filled in with nothing, it assesses to 未达标 with every clause counted as 0 points.
        let assess = CLI.run(["assess", folder + "/assessment.yaml", "--lang", "zh"])
        #expect(assess.status == 0, "\(assess.stderr)")
        #expect(assess.stdout.contains("自评结果（预评）：未达标    总分 0.00 / 100"))
        #expect(assess.stdout.contains("16 项未评估（按 0 分计）"))
    }
}
