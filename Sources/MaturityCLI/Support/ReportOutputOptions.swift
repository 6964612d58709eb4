import ArgumentParser
import MaturityCore

/// `--lang` and `--output`, as every command that writes a report has them.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?
}
