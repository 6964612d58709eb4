import ArgumentParser
import MaturityCore
import MaturityReports

/// `maturity registry due`: the due board.
struct RegistryDueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List surveillances, recertifications and other deadlines due or late across all certificates.",
        discussion: """
            A surveillance is due 6 months after the certificate's last audit and late once its grace (30 days by \
            default, 'registry settings --grace-days') has passed: a late surveillance proposes suspension. The \
            recertification audit is due before expiry (it replaces surveillance in the last 6 months). A suspended \
            certificate shows the day its suspension reaches 6 months (then the next decision withdraws it), and an \
            open major nonconformity its deadline. Items due within --within days of --as-of are listed, and \
            everything late, earliest first.

            Example: maturity registry due --within 60 --as-of 2027-05-01 --format json
            """
    )

    @Option(name: .long, help: "Days ahead to list (default 30).")
    var within = 30

    @Option(name: .customLong("as-of"), help: "The day to look from, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(name: .long, help: "Output format: text or json.")
    var format: RegistryFormat = .text

    @Option(name: .long, help: "At most this many certificates (default 500).")
    var limit = 500

    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        try inItsLanguage {
            guard (0...3650).contains(within) else { throw ValidationError(.withinDays(0...3650, found: within)) }
            guard limit >= 1 else { throw ValidationError(.atLeastOne("--limit", found: limit)) }
        }
    }

    func run() throws {
        let console = Context.console
        let day = console.day(asOf)
        let (within, limit) = (self.within, self.limit)
        let board = try Registry.run(store, console: console) { store in
            try await store.register.board(asOf: day, within: within, limit: limit)
        }
        let report = DueBoardReport(board, language: console.language(lang))
        console.write(format == .json ? report.json() : report.text())
    }
}

/// `maturity registry certificate`: one certificate, or its document.
struct RegistryCertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Show a certificate: state with every change, decisions, nonconformities; or print its document.",
        discussion: """
            --format html writes the certificate document: one bilingual A4 page with the number, holder, scope, \
            rating, dates, the signature of the grant and the verification code (open it in a browser and print to \
            PDF, or: chromium --headless --print-to-pdf=cert.pdf cert.html).

            Example: maturity registry certificate MSC-2026-00001 --format html --output cert.html
            """
    )

    @Argument(help: "The certificate number, e.g. MSC-2026-00042.")
    var number: String

    @Option(name: .customLong("as-of"), help: "The day its state is shown for, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(name: .long, help: "Output format: text, json or html (the certificate document).")
    var format: CertificateFormat = .text

    @Option(name: .long, help: "The verification address printed on the document (default: /certificates/NUMBER).")
    var verifyURL: String?

    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    @Option(name: .long, help: "Write to FILE instead of standard output (atomically).")
    var output: String?

    @OptionGroup var store: RegistryStoreOptions

    enum CertificateFormat: String, CaseIterable, ExpressibleByArgument {
        case text
        case json
        case html
    }

    func run() throws {
        let console = Context.console
        let number = self.number
        let (record, policy) = try Registry.run(store, console: console) { store in
            (try await store.register.certificate(number), try await store.register.policy())
        }
        let report = CertificateReport(record, asOf: console.day(asOf), language: console.language(lang))
        let text: String
        switch format {
        case .text: text = report.text()
        case .json: text = report.json()
        case .html: text = CertificateDocument(record, bodyName: policy.bodyName, verifyURL: verifyURL).html()
        }
        try console.emit(text, to: output, inputs: [])
    }
}
