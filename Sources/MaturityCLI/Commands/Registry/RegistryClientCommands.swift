import ArgumentParser
import MaturityCore
import MaturityStore

/// `maturity registry client`: a client's enterprise type and scope.
struct RegistryClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Record a client organisation's enterprise type and certification scope (created when new).",
        discussion: """
            Example: maturity registry client 江苏星河暖通设备有限公司 --type 生产型 --site 常州 --site 苏州 \\
              --category 多联机 --category 空气源热泵 --catalog after-sales-maturity@2026.2
            """
    )

    @Argument(help: "The organisation's name (as its results name it) or id.")
    var organisation: String

    @Option(name: .long, help: "Enterprise type (e.g. 生产型 manufacturer, 销售服务型 sales and service).")
    var type: String?

    @Option(name: .long, help: "A product category covered (repeat for several).")
    var category: [String] = []

    @Option(name: .long, help: "A site covered (repeat for several).")
    var site: [String] = []

    @Option(name: .long, help: "The catalog and version certified against: ID@VERSION.")
    var catalog: String?

    @Option(name: .long, help: "The catalog profile (a points catalog's enterprise type).")
    var profile: String?

    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        if let catalog, catalog.split(separator: "@").count != 2 {
            throw ValidationError(.catalogMustBeIdAtVersion(found: catalog))
        }
    }

    func run() throws {
        let console = Context.console
        let parts = catalog?.split(separator: "@").map(String.init)
        let client = ClientRecord(
            organisation: organisation, enterpriseType: type, productCategories: category, sites: site,
            catalogId: parts?.first, catalogVersion: parts?.last, profile: profile)
        let saved = try Registry.run(store, console: console) { store in
            try await store.register.ensureOrganisation(client.organisation)
            return try await store.register.setClient(client)
        }
        console.say(.clientRecorded(saved))
    }
}

/// `maturity registry assign`: an audit team, checked for conflicts of interest.
struct RegistryAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign the audit team (lead and members) of an audit; conflicts of interest are refused.",
        discussion: """
            An auditor who worked for or consulted the client within two years (see 'registry declare') cannot be \
            assigned: the command refuses and says which declaration bars whom until when. The team is what \
            'registry decide' checks the reviewer against.

            Example: maturity registry assign 江苏星河暖通设备有限公司 --kind audit --date 2026-05-20 \\
              --lead 郑雅琴 --member 刘建国
            """
    )

    @Argument(help: "The organisation, by name or id.")
    var organisation: String

    @Option(name: .long, help: "The audit's kind: audit (initial or recertification), surveillance or special.")
    var kind: Assessment.Kind

    @Option(name: .long, help: "The audit date, YYYY-MM-DD.")
    var date: Day

    @Option(name: .long, help: "The lead auditor.")
    var lead: String

    @Option(name: .long, help: "A team member (repeat for several).")
    var member: [String] = []

    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        if kind == .selfAssessment { throw ValidationError(.kindMustBeAnAudit) }
    }

    func run() throws {
        let console = Context.console
        let (team, organisation, kind, date) = (
            AuditTeam(lead: lead, members: member), self.organisation, self.kind, self.date
        )
        try Registry.run(store, console: console) { store in
            try await store.register.ensureOrganisation(organisation)
            _ = try await store.register.assign(team, organisation: organisation, kind: kind, date: date)
        }
        console.say(.teamAssigned(team.everyone, kind: kind, date: date))
    }
}

/// `maturity registry declare`: an auditor's past relation with a client.
struct RegistryDeclareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declare",
        abstract: "Record an auditor's conflict-of-interest declaration: worked for or consulted a client.")

    @Option(name: .long, help: "The auditor.")
    var auditor: String

    @Option(name: .long, help: "The client organisation, by name or id.")
    var organisation: String

    @Option(name: .long, help: "employed or consulted.")
    var relation: ConflictDeclaration.Relation

    @Option(name: .long, help: "The last day of the relation, YYYY-MM-DD (omit while it lasts).")
    var until: Day?

    @Option(name: .long, help: "A note (what the work was).")
    var note: String?

    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let declaration = ConflictDeclaration(
            auditor: auditor, organisationId: organisation, relation: relation, until: until, note: note)
        try Registry.run(store, console: console) { store in
            try await store.register.ensureOrganisation(declaration.organisationId)
            try await store.register.declareConflict(declaration)
        }
        console.say(.conflictRecorded(auditor: auditor, relation: relation, organisation: organisation, until: until))
    }
}

/// `maturity registry settings`: the register's policy.
struct RegistrySettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or set the register's settings: number pattern, validity, surveillance interval, grace, body.",
        discussion: """
            The number pattern uses {year} (the issue year) and {seq} or {seq:N} (the year's running number, padded \
            to N digits): MSC-{year}-{seq:5} gives MSC-2026-00042.
            """
    )

    @Option(name: .long, help: "Certificate number pattern (default MSC-{year}-{seq:5}).")
    var numberPattern: String?

    @Option(name: .long, help: "Years a certificate holds (default 3).")
    var validityYears: Int?

    @Option(name: .long, help: "Months between surveillance audits (default 6).")
    var surveillanceMonths: Int?

    @Option(name: .long, help: "Days after a surveillance falls due before it is late (default 30).")
    var graceDays: Int?

    @Option(name: .long, help: "The certification body's name, as certificates print it.")
    var bodyName: String?

    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        if let numberPattern, let problem = CertificateNumberPattern.problem(numberPattern) {
            throw ValidationError(.numberPatternProblem(problem))
        }
        for (name, value, range) in [
            ("--validity-years", validityYears, 1...10), ("--surveillance-months", surveillanceMonths, 1...24),
            ("--grace-days", graceDays, 0...365),
        ] {
            if let value, !range.contains(value) {
                throw ValidationError(.optionRange(name, range, found: value))
            }
        }
    }

    func run() throws {
        let console = Context.console
        let change = self
        let policy = try Registry.run(store, console: console) { store in
            var policy = try await store.register.policy()
            let changed = [
                change.numberPattern, change.validityYears.map(String.init), change.surveillanceMonths.map(String.init),
                change.graceDays.map(String.init), change.bodyName,
            ].contains { $0 != nil }
            policy.numberPattern = change.numberPattern ?? policy.numberPattern
            policy.validityYears = change.validityYears ?? policy.validityYears
            policy.surveillanceMonths = change.surveillanceMonths ?? policy.surveillanceMonths
            policy.graceDays = change.graceDays ?? policy.graceDays
            policy.bodyName = change.bodyName ?? policy.bodyName
            if changed { try await store.register.setPolicy(policy) }
            return policy
        }
        console.write(Diagnostic.Message.registerSettings(policy).text(in: Context.language))
    }
}

extension Assessment.Kind: ExpressibleByArgument {}
extension ConflictDeclaration.Relation: ExpressibleByArgument {}
