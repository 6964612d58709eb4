import Testing

@Suite struct HelpTests {
    @Test(arguments: [
        ["--help"], ["assess", "--help"], ["catalog", "lint", "--help"], ["catalog", "show", "--help"],
        ["init", "--help"], ["kpi", "--help"],
    ])
    func everyCommandHasHelp(arguments: [String]) {
        let run = CLI.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
    }

    @Test func kpiHelpDescribesEveryOption() {
        let run = CLI.run(["kpi", "--help"])
        for option in ["TICKETS.csv", "--mapping <MAP.yaml>", "--format", "--strict", "--lang", "--output <FILE>"] {
            #expect(run.stdout.contains(option), "\(option)")
        }
        #expect(CLI.run(["--help"]).stdout.contains("kpi"))
    }

    @Test func anUnknownOptionIsAUsageError() {
        let run = CLI.run(["assess", "--no-such-option", "x.yaml"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("no-such-option"))
    }
}
