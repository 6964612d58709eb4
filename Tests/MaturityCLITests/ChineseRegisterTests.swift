import Foundation
import Testing

/// The register's refusals, the store's and the listings for people in Chinese, at the same exit status as in
/// English: what a certification body's staff read when `maturity registry` or `maturity users` refuses.
@Suite(.serialized) struct ChineseRegisterTests {
    static let chinese = ["LANG": "zh_CN.UTF-8", "MATURITY_PASSPHRASE": "correct horse"]
    static let english = ["LANG": "C", "MATURITY_PASSPHRASE": "correct horse"]
    static let organisation = "江苏星河暖通设备有限公司"

    @Test func aReviewerOnTheAuditTeamIsRefusedInChinese() throws {
        let folder = try TemporaryFolder("zh-decide")
        defer { folder.remove() }
        let data = ["--data", folder.file("data")]
        let result = folder.file("2026-05.json")
        let assessed = CLI.run([
            "assess", "Examples/xinghe-hvac/2026-05/assessment.yaml", "--format", "json", "--output", result,
        ])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(CLI.run(["registry", "import", result, "--allow-unsigned"] + data).status == 0)
        let key = CLI.run(
            [
                "registry", "keys", "add", "--owner", "孙立", "--role", "decision_maker", "--date", "2026-01-01",
                "--output", folder.file("sun.key.json"), "--rounds", "1024",
            ] + data, environment: Self.english)
        #expect(key.status == 0, "\(key.stderr)")
        // 郑雅琴 led the audit: she cannot take the certification decision on it.
        let decide = [
            "registry", "decide", "grant", "--result", result, "--reviewer", "郑雅琴", "--date", "2026-06-10", "--key",
            folder.file("sun.key.json"),
        ]
        let english = CLI.run(decide + data, environment: Self.english)
        let chinese = CLI.run(decide + data, environment: Self.chinese)
        let lead = "郑雅琴（华信认证中心 审核组长）"
        #expect(
            english.stderr == """
                error: '郑雅琴' was on the audit team of 2026-05-20 (led by '\(lead)'); the certification decision \
                is taken by someone who was not
                  hint: have a reviewer outside the audit team decide (--reviewer)

                """)
        #expect(
            chinese.stderr == """
                错误：'郑雅琴' 是 2026-05-20 审核的审核组成员（审核组长 '\(lead)'）；为保证公正性，认证决定须由未参加该审核的人员作出
                  提示：请由审核组以外的认证决定人员作出决定（--reviewer）

                """)
        #expect(english.status == 1)
        #expect(chinese.status == 1)
        // A decision on a certificate that is not there names the decision as typed, with its meaning.
        let reinstate = CLI.run(
            [
                "registry", "decide", "reinstate", "--organisation", Self.organisation, "--reviewer", "孙立", "--date",
                "2026-06-10", "--key", folder.file("sun.key.json"),
            ] + data, environment: Self.chinese)
        #expect(reinstate.status == 1)
        #expect(reinstate.stderr.hasPrefix("错误：'reinstate'（恢复） 须针对一张证书，但未指明证书\n"), "\(reinstate.stderr)")
    }

    @Test func aConflictOfInterestIsRefusedInChinese() throws {
        let folder = try TemporaryFolder("zh-assign")
        defer { folder.remove() }
        let data = ["--data", folder.file("data")]
        let declared = CLI.run(
            [
                "registry", "declare", "--auditor", "刘建国", "--organisation", Self.organisation, "--relation",
                "consulted", "--until", "2025-09-30",
            ] + data, environment: Self.chinese)
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout.contains("已记录：刘建国 曾为 \(Self.organisation) 提供咨询，截至 2025-09-30"))
        let assign = [
            "registry", "assign", Self.organisation, "--kind", "audit", "--date", "2026-05-20", "--lead", "郑雅琴",
            "--member", "刘建国",
        ]
        let english = CLI.run(assign + data, environment: Self.english)
        let chinese = CLI.run(assign + data, environment: Self.chinese)
        #expect(
            english.stderr == """
                error: '刘建国' consulted the client (until 2025-09-30); an auditor who worked for or consulted a \
                client within two years cannot audit it (possible from 2027-10-01)
                  hint: assign another auditor

                """)
        #expect(
            chinese.stderr == """
                错误：'刘建国' 曾为该客户提供咨询（至 2025-09-30）；存在利益冲突：两年内曾受雇于客户或为其提供咨询的审核员不得审核该客户（自 2027-10-01 起方可）
                  提示：请指派其他审核员

                """)
        #expect(english.status == 1)
        #expect(chinese.status == 1)
    }

    @Test func aStoreRefusalAndTheUsersListAreInChinese() throws {
        let folder = try TemporaryFolder("zh-store")
        defer { folder.remove() }
        let data = ["--data", folder.file("data")]
        let add = ["users", "add", "wang.li", "--role", "reviewer"]
        #expect(CLI.run(add + data, environment: Self.english).status == 0)
        let english = CLI.run(add + data, environment: Self.english)
        let chinese = CLI.run(add + data, environment: Self.chinese)
        #expect(english.stderr == "error: user 'wang.li' exists already\n")
        #expect(chinese.stderr == "错误：用户 'wang.li' 已存在\n")
        #expect(english.status == 1)
        #expect(chinese.status == 1)

        let url = ["--database", "mysql://somewhere/maturity"]
        let badURL = CLI.run(["users", "list"] + url, environment: Self.chinese)
        #expect(
            badURL.stderr
                == "错误：'mysql://somewhere/maturity' 不是数据库地址；请使用 postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE\n")
        #expect(badURL.status == 1)

        #expect(CLI.run(["users", "token", "wang.li", "--label", "ci"] + data).status == 0)
        let live = CLI.run(["users", "token", "wang.li", "--list"] + data, environment: Self.chinese)
        #expect(live.stdout.contains("\tci\t") && live.stdout.hasSuffix("\t有效\n"), "\(live.stdout)")
        #expect(CLI.run(["users", "disable", "wang.li"] + data).status == 0)
        let revoked = CLI.run(["users", "token", "wang.li", "--list"] + data, environment: Self.chinese)
        #expect(revoked.stdout.contains("\tci\t") && revoked.stdout.contains("\t已吊销 "), "\(revoked.stdout)")
        let listed = ["users", "list"] + data
        #expect(CLI.run(listed, environment: Self.english).stdout == "wang.li\twang.li\tzh\tdisabled\treviewer\n")
        #expect(CLI.run(listed, environment: Self.chinese).stdout == "wang.li\twang.li\tzh\t已停用\treviewer\n")
    }
}
