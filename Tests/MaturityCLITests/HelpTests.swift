import Testing

@Suite struct HelpTests {
    @Test(arguments: [
        ["--help"], ["assess", "--help"], ["catalog", "lint", "--help"], ["catalog", "show", "--help"],
        ["init", "--help"],
    ])
    func everyCommandHasHelp(arguments: [String]) {
        let run = CLI.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
    }

    @Test func anUnknownOptionIsAUsageError() {
        let run = CLI.run(["assess", "--no-such-option", "x.yaml"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("no-such-option"))
    }
}
