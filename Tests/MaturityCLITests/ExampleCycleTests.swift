import Foundation
import Testing

/// Examples/xinghe-hvac: one organisation through the certificate cycle — initial audit, a
/// surveillance that suspends for an overdue P1 action, a follow-up that maintains.
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
            "2027-05/result.json",
            [
                "review", "\(folder)/2027-05/assessment.yaml", "--previous", "\(folder)/2026-11/result.json", "--plan",
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

    @Test func theHistoryFolderLinksTheThreeResults() throws {
        let results = CLI.projectRoot + "/\(Self.folder)/results"
        let names = try FileManager.default.contentsOfDirectory(atPath: results).sorted()
        #expect(names == ["2026-05-initial-audit.json", "2026-11-surveillance.json", "2027-05-surveillance.json"])
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

    @Test func theInitialAuditRatesPassWithAP1ActionDueInThirtyDays() throws {
        let object = try Self.json(Self.commands[0].arguments)
        #expect(object["kind"] as? String == "audit")
        #expect(object["rating"] as? String == "pass")
        let actions = try #require(object["actions"] as? [[String: Any]])
        let p1 = actions.filter { $0["priority"] as? String == "P1" }
        #expect(p1.map { $0["id"] as? String } == ["SP-06@4"])
        #expect(p1.first?["due"] as? String == "2026-06-19")
    }

    @Test func theFirstSurveillanceSuspendsBecauseTheMajorActionIsOverdue() throws {
        let object = try Self.json(Self.commands[1].arguments)
        #expect(object["rating"] as? String == "pass", "the rating alone would not suspend")
        #expect(object["previous_rating"] as? String == "pass")
        #expect(object["decision"] as? String == "suspend")
        let reasons = try #require(object["decision_reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["fact"] as? String } == ["p1_action_overdue"])
        #expect(reasons.first?["action"] as? String == "SP-06@4")
        #expect(
            reasons.first?["message"] as? String == "P1 action SP-06@4 due 2026-06-19 is overdue (status in_progress)")
        #expect(object["next_review"] as? String == "2027-05-12")
        let progress = try #require(object["plan_progress"] as? [String: Any])
        #expect(progress["overdue"] as? Int == 2)
        #expect(progress["done"] as? Int == 3)

        let text = CLI.run(Self.commands[1].arguments.dropLast(2) + ["--lang", "en"])
        #expect(text.stdout.contains("Decision: Suspend\n"))
        #expect(text.stdout.contains("  ✗ P1 action SP-06@4 due 2026-06-19 is overdue (status in progress)\n"))
        #expect(
            text.stdout.contains(
                "(also holds, outranked: maintain with follow-up — P2 action NC-01 due 2026-08-18 is overdue"))
        #expect(text.stdout.contains("Rating: Pass → Pass    overall 86.52 → 87.50 (+0.98)"))
        #expect(text.stdout.contains("  ▼ SP-04    On-site and completion times    4 → 3"))
    }

    @Test func theFollowUpMaintainsAndLiftsTheSuspension() throws {
        let object = try Self.json(Self.commands[2].arguments)
        #expect(object["decision"] as? String == "maintain")
        let previous = try #require(object["previous"] as? [String: Any])
        #expect(previous["decision"] as? String == "suspend")
        #expect(previous["date"] as? String == "2026-11-12")
        let rules = try #require(object["decision_rules"] as? [[String: Any]])
        #expect(rules.filter { $0["holds"] as? Bool == true }.map { $0["rule"] as? String } == ["maintain"])
        let text = CLI.run(Self.commands[2].arguments.dropLast(2) + ["--lang", "zh"])
        #expect(text.stdout.contains("决定：保持\n  证书保持。2026-11-12起的证书暂停解除。\n"))
        #expect(text.stdout.contains("下次审核：2027-11-11"))
    }

    @Test func historyLinesUpTheCycle() throws {
        let run = CLI.run(["history", "\(Self.folder)/results", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(
            run.stdout.contains(
                "2026-05-20  initial audit    1      Pass         86.52           —           certified"))
        #expect(
            run.stdout.contains(
                "2026-11-12  surveillance     1      Pass         87.50    +0.98  Suspend     suspended"))
        #expect(
            run.stdout.contains(
                "2027-05-11  surveillance     1      Pass         88.87    +1.37  Maintain    certified"))
        #expect(run.stdout.contains("Next review: 2027-11-11 (set by the review of 2027-05-11)"))
        let object = try Self.json(["history", "\(Self.folder)/results", "--format", "json"])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["stage"] as? String } == ["initial_audit", "surveillance", "surveillance"])
        #expect(results.map { $0["decision"] as? String } == [nil, "suspend", "maintain"])
        #expect(results.map { $0["certificate"] as? String } == ["certified", "suspended", "certified"])
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
