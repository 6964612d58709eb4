import Foundation
import Testing

/// Examples/xinghe-hvac: one organisation through the certificate cycle — initial audit, a
/// surveillance that fails and suspends, a special audit that reinstates, a surveillance that maintains
/// although a development action is overdue.
@Suite struct ExampleCycleTests {
    static let folder = "Examples/xinghe-hvac"

    /// The commands that wrote each committed result, in cycle order (each review reads the one before).
    static let commands: [(result: String, arguments: [String])] = [
        ("2026-05/result.json", ["assess", "\(folder)/2026-05/assessment.yaml", "--format", "json"]),
        (
            "2026-11/result.json",
            [
                "review", "\(folder)/2026-11/assessment.yaml", "--previous", "\(folder)/2026-05/result.json", "--plan",
                "\(folder)/2026-11/plan.yaml", "--format", "json",
            ]
        ),
        (
            "2027-01/result.json",
            [
                "review", "\(folder)/2027-01/assessment.yaml", "--previous", "\(folder)/2026-11/result.json", "--plan",
                "\(folder)/plan.yaml", "--format", "json",
            ]
        ),
        (
            "2027-05/result.json",
            [
                "review", "\(folder)/2027-05/assessment.yaml", "--previous", "\(folder)/2027-01/result.json", "--plan",
                "\(folder)/plan.yaml", "--format", "json",
            ]
        ),
    ]

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

    @Test func theHistoryFolderLinksTheFourResults() throws {
        let results = CLI.projectRoot + "/\(Self.folder)/results"
        let names = try FileManager.default.contentsOfDirectory(atPath: results).sorted()
        #expect(
            names == [
                "2026-05-initial-audit.json", "2026-11-surveillance.json", "2027-01-special-audit.json",
                "2027-05-surveillance.json",
            ])
        for (name, command) in zip(names, Self.commands) {
            let linked = try String(contentsOfFile: results + "/" + name, encoding: .utf8)
            let committed = try String(
                contentsOfFile: CLI.projectRoot + "/\(Self.folder)/\(command.result)", encoding: .utf8)
            #expect(linked == committed, "\(name) is not \(command.result)")
        }
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func theInitialAuditRatesPassAndItsReportDoesNotConsult() throws {
        let object = try Self.json(Self.commands[0].arguments)
        #expect(object["kind"] as? String == "audit")
        #expect(object["rating"] as? String == "pass")
        #expect(object["path_withheld"] as? Bool == true)
        #expect((object["path"] as? [Any])?.isEmpty == true)
        // The audit result lists only the actions that close findings: NC-01 (minor, corrective P2).
        let actions = try #require(object["actions"] as? [[String: Any]])
        #expect(actions.map { $0["id"] as? String } == ["NC-01", "OBS-01"])
        #expect(actions.first?["priority"] as? String == "P2")
        #expect(actions.first?["purpose"] as? String == "corrective")
        #expect(actions.first?["due"] as? String == "2026-08-18")
    }

    @Test func theCompanysPlanFromTheAuditHasDevelopmentStepsAtP3() throws {
        let run = CLI.run(["plan", "\(Self.folder)/2026-05/assessment.yaml", "--format", "md", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| SP-06@4 | P3 development |"))
        #expect(run.stdout.contains("| NC-01 | P2 corrective |"))
    }

    @Test func theFirstSurveillanceFailsAndSuspends() throws {
        let object = try Self.json(Self.commands[1].arguments)
        #expect(object["rating"] as? String == "fail")
        #expect(object["previous_rating"] as? String == "pass")
        #expect(object["decision"] as? String == "suspend")
        #expect(object["decision_is_recommendation"] as? Bool == true)
        let reasons = try #require(object["decision_reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["fact"] as? String } == ["rating_fail"])
        let rules = try #require(object["decision_rules"] as? [[String: Any]])
        #expect(
            rules.filter { $0["holds"] as? Bool == true }.map { $0["rule"] as? String } == [
                "suspend", "downgrade", "maintain_with_follow_up",
            ])
        #expect(object["next_review"] as? String == "2027-05-12")
        let blockers = try #require(object["blockers"] as? [[String: Any]])
        #expect(blockers.map { $0["subject"] as? String } == ["SP-06", "major"])

        let text = CLI.run(Self.commands[1].arguments.dropLast(2) + ["--lang", "en"])
        #expect(text.stdout.contains("Decision: Suspend\n"))
        #expect(text.stdout.contains("  ✗ the rating is Fail\n"))
        #expect(
            text.stdout.contains(
                "(also holds, outranked: maintain with follow-up — P2 corrective action NC-01 due 2026-08-18 is overdue"
            ))
        #expect(text.stdout.contains("Rating: Pass → Fail    overall 84.73 → 84.82 (+0.09)"))
        #expect(text.stdout.contains("  ▼ SP-06  ★ Traceable service records       3 → 2"))
        #expect(text.stdout.contains("This is the audit team's recommendation"))
    }

    @Test func theSpecialAuditReinstates() throws {
        let object = try Self.json(Self.commands[2].arguments)
        #expect(object["kind"] as? String == "special")
        #expect(object["rating"] as? String == "pass")
        #expect(object["decision"] as? String == "reinstate")
        let previous = try #require(object["previous"] as? [String: Any])
        #expect(previous["decision"] as? String == "suspend")
        #expect(previous["date"] as? String == "2026-11-12")
        let reasons = try #require(object["decision_reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["fact"] as? String } == ["suspension_lifted"])
        let text = CLI.run(Self.commands[2].arguments.dropLast(2) + ["--lang", "zh"])
        #expect(text.stdout.contains("售后服务管理成熟度 — 特殊审核报告\n"))
        #expect(text.stdout.contains("决定：恢复证书\n  证书恢复，暂停解除。\n"))
        #expect(text.stdout.contains("下次审核：2027-07-15"))
    }

    @Test func theSecondSurveillanceMaintainsThoughADevelopmentActionIsOverdue() throws {
        let object = try Self.json(Self.commands[3].arguments)
        #expect(object["decision"] as? String == "maintain")
        let progress = try #require(object["plan_progress"] as? [String: Any])
        #expect(progress["overdue"] as? Int == 1)
        let actions = try #require(progress["actions"] as? [[String: Any]])
        let overdue = try #require(actions.first { $0["state"] as? String == "overdue" })
        #expect(overdue["id"] as? String == "MS-10@4")
        #expect(overdue["purpose"] as? String == "development")
        #expect(overdue["counts"] as? Bool == false)
        let text = CLI.run(Self.commands[3].arguments.dropLast(2) + ["--lang", "en"])
        #expect(text.stdout.contains("          ↳ development: decides nothing\n"))
    }

    @Test func aSelfAssessmentCannotBeReviewed() throws {
        // The initial audit's JSON turned into a self-assessment's: refused where it says so.
        let selfResult = CLI.run(["assess", "\(Self.folder)/2026-05/assessment.yaml", "--format", "json"]).stdout
            .replacingOccurrences(of: "  \"kind\": \"audit\"", with: "  \"kind\": \"self\"")
        let line = try #require(selfResult.split(separator: "\n").firstIndex { $0 == "  \"kind\": \"self\"," }) + 1
        let folder = try AuditCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try selfResult.write(toFile: folder + "/self.json", atomically: true, encoding: .utf8)
        let refused = CLI.run(["review", "\(Self.folder)/2026-11/assessment.yaml", "--previous", folder + "/self.json"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "self.json:\(line):11: error: the previous result is a self-assessment: there is no certificate to review"
            ), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
    }

    @Test func historyLinesUpTheCycle() throws {
        let run = CLI.run(["history", "\(Self.folder)/results", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(
            run.stdout.contains(
                "2026-05-20  initial audit    1      Pass         84.73           —           certified"))
        #expect(
            run.stdout.contains(
                "2026-11-12  surveillance     1      Fail         84.82    +0.09  Suspend     suspended"))
        #expect(
            run.stdout.contains(
                "2027-01-15  special audit    1      Pass         85.27    +0.45  Reinstate   certified"))
        #expect(
            run.stdout.contains(
                "2027-05-11  surveillance     1      Pass         86.92    +1.65  Maintain    certified"))
        #expect(run.stdout.contains("Next review: 2027-11-11 (set by the review of 2027-05-11)"))
        let object = try Self.json(["history", "\(Self.folder)/results", "--format", "json"])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(
            results.map { $0["stage"] as? String } == [
                "initial_audit", "surveillance", "special_audit", "surveillance",
            ])
        #expect(results.map { $0["decision"] as? String } == [nil, "suspend", "reinstate", "maintain"])
        #expect(results.map { $0["certificate"] as? String } == ["certified", "suspended", "certified", "certified"])
    }

    /// The commands README.md gives for the example.
    @Test func theReadmeCommandsRun() throws {
        let readme = try String(contentsOfFile: CLI.projectRoot + "/README.md", encoding: .utf8)
        let commands = readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.hasPrefix("swift run maturity ") && $0.contains("xinghe-hvac")
        }
        #expect(commands.count >= 2)
        for command in commands {
            let arguments = command.dropFirst("swift run maturity ".count).split(separator: " ").map(String.init)
            let run = CLI.run(arguments)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
    }
}
