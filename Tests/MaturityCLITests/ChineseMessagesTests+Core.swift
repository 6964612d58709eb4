import Foundation
import MaturityCLI
import MaturityCore
import Testing

/// The engine's own messages in Chinese: sign-off and verification, signatures and keys, previous results
/// and reviews, histories, plans and inputs. Each runs the command as a user would, in English and with
/// LANG=zh_CN.UTF-8, and holds the Chinese to the same place and exit status as the English.
extension ChineseMessagesTests {
    /// The example files with `replaced`, and `steps` run in order in one folder: each a command, or a
    /// closure that changes the folder between commands. Returns the last command's run.
    func session(
        _ steps: [Step], replacing replaced: [String: String] = [:], environment: [String: String] = [:]
    ) throws -> CLIRun {
        let folder = try TemporaryFolder("zh-core")
        defer { folder.remove() }
        var files = ErrorsDoc.baseFiles
        files.merge(replaced) { _, new in new }
        for (name, content) in files {
            try FileManager.default.createDirectory(
                atPath: (folder.file(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: folder.file(name)))
        }
        var last = CLIRun(status: -1, stdout: "", stderr: "")
        for step in steps {
            switch step {
            case .run(let arguments): last = CLI.run(arguments, in: folder.path, environment: environment)
            case .change(let change): try change(folder)
            }
        }
        return last
    }

    enum Step: Sendable {
        case run([String])
        case change(@Sendable (TemporaryFolder) throws -> Void)
    }

    /// `session` in English and in Chinese.
    func bothSessions(_ steps: [Step], replacing replaced: [String: String] = [:]) throws -> (en: CLIRun, zh: CLIRun) {
        (
            try session(steps, replacing: replaced),
            try session(steps, replacing: replaced, environment: ["LANG": "zh_CN.UTF-8"])
        )
    }

    static let audit = ErrorsDoc.merge(
        ErrorsDoc.baseFiles["assessment.yaml"] ?? "", "kind: audit\nauditor: Wang Hai\n")
    static let sealAudit = Step.run([
        "assess", "assessment.yaml", "--catalog", "catalog.yaml", "--format", "json", "--output", "result.json",
    ])

    // MARK: Sign-off

    @Test func aMissingSignOffIsInChinese() throws {
        let run = try bothSessions(
            [
                .run([
                    "assess", "assessment.yaml", "--catalog", "catalog.yaml", "--format", "json", "--output", "r.json",
                ]),
                .run(["verify", "r.json"]),
            ])
        #expect(
            run.en.stderr == """
                r.json:1:1: error: 'signoff' is missing
                  hint: only audit results are signed: an assessment of kind audit, surveillance or special with 'auditor:', scored with --format json

                """)
        #expect(
            run.zh.stderr == """
                r.json:1:1: 错误：'signoff' 缺失
                  提示：只有审核结果才会签署：kind 为 audit、surveillance 或 special 且写有 'auditor:' 的评估，用 --format json 评分

                """)
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    @Test func aChangedSignedResultIsInChinese() throws {
        let removed = try bothSessions(
            [
                Self.sealAudit, .change { try FileManager.default.removeItem(atPath: $0.file("docs/response.md")) },
                .run(["verify", "result.json"]),
            ], replacing: ["assessment.yaml": Self.audit])
        #expect(
            removed.en.stderr
                == "result.json:177:7: error: evidence file 'docs/response.md' is missing (looked for 'docs/response.md')\n"
        )
        #expect(
            removed.zh.stderr == "result.json:177:7: 错误：找不到证据文件 'docs/response.md'（查找的位置：'docs/response.md'）\n")
        #expect(removed.zh.status == removed.en.status)
        #expect(removed.zh.status == 1)

        let edited = try bothSessions(
            [
                Self.sealAudit,
                .change { folder in
                    let path = folder.file("result.json")
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    let range = try #require(text.range(of: "\"overall\": 83.33"))
                    try Data(text.replacingCharacters(in: range, with: "\"overall\": 90.5").utf8).write(
                        to: URL(fileURLWithPath: path))
                },
                .run(["verify", "result.json"]),
            ], replacing: ["assessment.yaml": Self.audit])
        #expect(
            edited.en.stderr == """
                result.json:50:18: error: the result was edited after sign-off: audit.self.overall is 90.5 in the result, 83.33 from its inputs
                  hint: the scores must come from 'maturity assess', not from editing

                """)
        #expect(
            edited.zh.stderr == """
                result.json:50:18: 错误：结果在签署后被改动过：audit.self.overall 在结果中为 90.5，按输入计算为 83.33
                  提示：分数必须由 'maturity assess' 算出，不能手工修改

                """)
        #expect(edited.zh.status == edited.en.status)
        #expect(edited.zh.status == 1)
        // The report on standard output names the change in the same words.
        #expect(edited.zh.stdout.contains("      audit.self.overall 在结果中为 90.5，按输入计算为 83.33\n"))
        #expect(edited.en.stdout.contains("      audit.self.overall is 90.5 in the result, 83.33 from its inputs\n"))
    }

    // MARK: Keys and signatures

    @Test func keyListProblemsAreInChinese() throws {
        let noSignature = try bothSessions(
            [Self.sealAudit, .run(["verify", "result.json", "--keys", "keys.json"])],
            replacing: [
                "assessment.yaml": Self.audit, "keys.json": "{\"format\": \"maturity-keys-1\", \"keys\": []}\n",
            ])
        #expect(
            noSignature.zh.stderr == """
                result.json:1:1: 错误：结果中没有可以对照密钥清单核验的签名
                  提示：审核员用 'maturity sign RESULT.json --key KEY.json' 为已签署封存的结果签名

                """)
        #expect(noSignature.en.stderr.hasPrefix("result.json:1:1: error: the result carries no signature"))
        #expect(noSignature.zh.status == noSignature.en.status)
        #expect(noSignature.zh.status == 1)

        let keys = """
            {"format": "maturity-keys-1", "keys": [
              {"id": "0000", "owner": "Wang Hai", "role": "chair", "public_key": "AAAA", "valid_from": "2026-01-01"}
            ]}

            """
        let damaged = try bothSessions(
            [Self.sealAudit, .run(["verify", "result.json", "--keys", "keys.json"])],
            replacing: ["assessment.yaml": Self.audit, "keys.json": keys])
        #expect(
            damaged.en.stderr == """
                keys.json:2:47: error: keys[0].role 'chair' is not a signer role
                  hint: roles: auditor, decision_maker
                keys.json:2:70: error: keys[0].public_key is not a 32-byte Ed25519 key in base64

                """)
        #expect(
            damaged.zh.stderr == """
                keys.json:2:47: 错误：keys[0].role 'chair' 不是签名人角色
                  提示：角色：auditor、decision_maker
                keys.json:2:70: 错误：keys[0].public_key 不是 base64 编码的 32 字节 Ed25519 密钥

                """)
        #expect(damaged.zh.status == damaged.en.status)
        #expect(damaged.zh.status == 1)
    }

    @Test func aKeyFileThatIsNotOneIsInChinese() throws {
        let steps: [Step] = [Self.sealAudit, .run(["sign", "result.json", "--key", "key.json"])]
        let files = ["assessment.yaml": Self.audit, "key.json": "{\"format\": \"something else\"}\n"]
        let english = try session(steps, replacing: files, environment: ["MATURITY_PASSPHRASE": "secret"])
        let chinese = try session(
            steps, replacing: files, environment: ["MATURITY_PASSPHRASE": "secret", "LANG": "zh_CN.UTF-8"])
        #expect(
            english.stderr == """
                key.json:1:1: error: not a private key file of this tool
                  hint: give the key file 'maturity registry keys add' wrote

                """)
        #expect(
            chinese.stderr == """
                key.json:1:1: 错误：不是本工具的私钥文件
                  提示：请给出 'maturity registry keys add' 写出的密钥文件

                """)
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)
    }

    // MARK: Previous results and reviews

    @Test func aPreviousResultOfWrongTypesIsInChinese() throws {
        let previous = """
            {
              "schema": 1,
              "catalog": {"id": "tiny", "version": 1},
              "organisation": {"name": "Org"},
              "kind": "self",
              "date": "2026/05/01",
              "rating": "pass",
              "overall": 130,
              "domains": [{"id": "process", "applicable": "yes", "score": 66.67}],
              "criteria": [{"id": "P-01", "applicable": true, "level": "2", "score": 100}]
            }

            """
        let run = try bothSessions(
            [.run(["review", "assessment.yaml", "--catalog", "catalog.yaml", "--previous", "previous.json"])],
            replacing: ["previous.json": previous])
        #expect(
            run.zh.stderr == """
                previous.json:3:40: 错误：'catalog.version' 应为非空字符串，实际为数字 1
                previous.json:6:11: 错误：'date' 应为 YYYY-MM-DD 格式的日期，实际为字符串 '2026/05/01'
                previous.json:8:14: 错误：'overall' 应为 0 到 100 之间的分数或 null，实际为数字 130
                previous.json:9:47: 错误：'domains[0].applicable' 应为 true 或 false，实际为字符串 'yes'
                previous.json:10:60: 错误：'criteria[0].level' 应为等级（0 或以上的整数）或 null，实际为字符串 '2'

                """)
        #expect(run.en.stderr.hasPrefix("previous.json:3:40: error: 'catalog.version' must be a non-empty string"))
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    @Test func aReviewOfASelfAssessmentIsInChinese() throws {
        let run = try bothSessions([
            .run([
                "assess", "assessment.yaml", "--catalog", "catalog.yaml", "--format", "json", "--output",
                "previous.json",
            ]),
            .run(["review", "assessment.yaml", "--catalog", "catalog.yaml", "--previous", "previous.json"]),
        ])
        let english = run.en.stderr.split(separator: "\n").map(String.init)
        let chinese = run.zh.stderr.split(separator: "\n").map(String.init)
        #expect(english.count == 4)
        #expect(chinese.count == english.count)
        #expect(chinese.contains { $0.hasSuffix(": 错误：上次结果是自评：没有可评审的证书") })
        #expect(chinese.contains("  提示：--previous 应给出颁发证书的那次审核的结果，或最近一次评审的结果"))
        #expect(chinese.contains { $0.hasSuffix("，不早于本次评估（2026-11-01）") && $0.contains(": 错误：上次结果的日期是 ") })
        #expect(chinese.contains("  提示：--previous 应给出更早一次审核或评审的结果"))
        // The same places in both languages.
        #expect(
            english.filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ").first }
                == chinese.filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ").first })
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    // MARK: Histories, plans and inputs

    @Test func aHistoryFolderProblemIsInChinese() throws {
        let run = try bothSessions([
            .change {
                try FileManager.default.createDirectory(atPath: $0.file("results"), withIntermediateDirectories: true)
            },
            .run(["history", "results"]),
        ])
        #expect(
            run.en.stderr == """
                results: error: no result files (*.json) in 'results'
                  hint: save results there with 'maturity assess … --format json --output' or 'maturity review …'

                """)
        #expect(
            run.zh.stderr == """
                results: 错误：'results' 中没有结果文件（*.json）
                  提示：请用 'maturity assess … --format json --output' 或 'maturity review …' 把结果保存到这里

                """)
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    @Test func aPlanOfAnotherOrganisationIsInChinese() throws {
        let plan = (ErrorsDoc.baseFiles["plan.yaml"] ?? "").replacingOccurrences(
            of: "organisation: Org", with: "organisation: Other Org")
        let run = try bothSessions(
            [.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])],
            replacing: ["plan.yaml": plan])
        #expect(
            run.en.stderr == """
                plan.yaml:1:1: error: the plan is for 'Other Org', the assessment for 'Org'
                  hint: give the plan of the same organisation, or a new file name

                """)
        #expect(
            run.zh.stderr == """
                plan.yaml:1:1: 错误：计划属于 'Other Org'，评估属于 'Org'
                  提示：请给出同一组织的计划，或换一个新文件名

                """)
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    @Test func aKPIGivenTwiceIsInChinese() throws {
        let assessment = ErrorsDoc.merge(
            ErrorsDoc.baseFiles["assessment.yaml"] ?? "", "metrics: {tickets: 120}\ntickets: {file: tickets.csv}\n")
        let tickets = "id,created_at,resolved_at\nT-1,2026-03-01T08:00:00Z,2026-03-01T12:00:00Z\n"
        let run = try bothSessions(
            [.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"])],
            replacing: ["assessment.yaml": assessment, "tickets.csv": tickets])
        #expect(
            run.en.stderr == """
                assessment.yaml:11:11: error: KPI 'tickets' is given in metrics and also computed from the ticket export
                  hint: remove it from 'metrics:' or unmap its columns in the ticket mapping

                """)
        #expect(
            run.zh.stderr == """
                assessment.yaml:11:11: 错误：指标 'tickets' 既在 metrics 中给出，又由工单导出算出
                  提示：请把它从 'metrics:' 中删去，或在工单映射中取消其列的映射

                """)
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    // MARK: The register

    @Test func anUnsignedResultRefusedByTheRegisterIsInChinese() throws {
        let setup = try SignAndRegistryTests.Setup()
        defer { setup.folder.remove() }
        let initial = setup.folder.file("2026-05.json")
        let arguments = ["registry", "import", initial] + setup.data
        let english = CLI.run(arguments, environment: SignAndRegistryTests.passphrase)
        let chinese = CLI.run(
            arguments, environment: SignAndRegistryTests.passphrase.merging(["LANG": "zh_CN.UTF-8"]) { $1 })
        #expect(
            english.stderr.hasSuffix(
                """
                \(initial):1:1: error: '\(initial)' carries no valid signature of its auditor
                  hint: the auditor signs it with 'maturity sign'; or import with --allow-unsigned
                \(initial):1:1: error: '\(initial)' is refused: it does not verify
                  hint: only a result as its auditor sealed and signed it enters the register

                """))
        #expect(
            chinese.stderr.hasSuffix(
                """
                \(initial):1:1: 错误：'\(initial)' 没有其审核员的有效签名
                  提示：由审核员用 'maturity sign' 签名；或用 --allow-unsigned 导入
                \(initial):1:1: 错误：拒绝导入 '\(initial)'：核验未通过
                  提示：只有与审核员签署封存并签名时完全一致的结果才能进入注册库

                """))
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)
    }
}
