import ArgumentParser
import Foundation
import MaturityCore
import MaturityServer
import MaturityStore

/// `maturity users`: the accounts of `maturity serve`, on the same data folder or database.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the server's user accounts: add, list, disable, reset, assign roles, API tokens.",
        discussion: """
            Works on the same data as 'maturity serve' (--data, or --database / MATURITY_DATABASE_URL). There is \
            no default account and no default password: create the first administrator with

              maturity users add admin --role cb-admin

            which prints a one-time password (or reads one from standard input with --password-stdin). Roles: \
            company-member and company-admin (of an --organisation; a member may be limited to one --domain), \
            auditor (of an --organisation's audits, or of one --assessment), reviewer and cb-admin (body-wide).
            """,
        subcommands: [
            UsersAddCommand.self, UsersListCommand.self, UsersDisableCommand.self, UsersEnableCommand.self,
            UsersResetCommand.self, UsersAssignCommand.self, UsersTokenCommand.self, UsersTOTPCommand.self,
        ]
    )
}

extension Role: ExpressibleByArgument {}

/// A role with where it applies, as the options give it.
struct RoleOptions: ParsableArguments {
    @Option(name: .long, help: "The role: company-member, company-admin, auditor, reviewer or cb-admin.")
    var role: Role

    @Option(name: .long, help: "The organisation (id or exact name) of a company or auditor role.")
    var organisation: String?

    @Option(name: .long, help: "An auditor's one audit (assessment id); the organisation is the assessment's.")
    var assessment: String?

    @Option(name: .long, help: "A company member's one domain of the catalog (e.g. D3).")
    var domain: String?

    func validate() throws {
        if role.isBodyWide, organisation != nil || assessment != nil {
            throw ValidationError(.roleIsBodyWide(role.rawValue))
        }
        if !role.isBodyWide, organisation == nil, assessment == nil {
            throw ValidationError(.roleNeedsOrganisation(role.rawValue))
        }
        if assessment != nil, role != .auditor { throw ValidationError(.assessmentForAuditorsOnly) }
        if domain != nil, role != .companyMember { throw ValidationError(.domainForCompanyMembersOnly) }
    }

    /// The assignment, with the organisation found by id or name.
    func assignment(in store: Store) async throws -> RoleAssignment {
        var organisationId: String?
        if let assessment {
            guard let owner = try await store.assessments.owner(of: assessment) else {
                throw StoreError.notFound(kind: "assessment", id: assessment)
            }
            organisationId = owner.organisationId
        }
        if let organisation {
            if let byId = try? await store.organisations.get(organisation) {
                organisationId = byId.id
            } else if let match = try await store.organisations.list(search: organisation, limit: 500)
                .first(where: { $0.name == organisation })
            {
                organisationId = match.id
            } else {
                throw StoreError.notFound(kind: "organisation", id: organisation)
            }
        }
        return RoleAssignment(role: role, organisationId: organisationId, assessmentId: assessment, domain: domain)
    }
}

/// Reads a password from standard input (its first line), or makes a one-time one.
struct PasswordOptions: ParsableArguments {
    @Flag(name: .long, help: "Read the password from standard input instead of printing a one-time password.")
    var passwordStdin = false

    func password(for name: String, console: Console) throws -> (password: String, generated: Bool) {
        guard passwordStdin else { return (Passwords.oneTime(), true) }
        let text = console.readInput()
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if let problem = Passwords.problem(line, name: name) {
            throw DiagnosticError(.error(.passwordRefused(problem), at: nil, hint: .giveAnotherPassword))
        }
        return (line, false)
    }
}

enum Users {
    /// Runs on the store with the command line recorded as the actor of every change.
    static func run<T: Sendable>(
        _ options: RegistryStoreOptions, console: Console, _ work: @escaping @Sendable (Store) async throws -> T
    ) throws -> T {
        let who = console.environment["USER"] ?? console.environment["LOGNAME"] ?? "unknown"
        return try Registry.run(options, console: console) { store in
            try await AuditContext.$actor.withValue(AuditActor(name: "command line", via: "maturity users (\(who))")) {
                try await work(store)
            }
        }
    }

    /// One line of `users list`, for people: name, display name, language, state and roles, tab-separated.
    static func line(_ user: UserRecord) -> Diagnostic.Message {
        let roles = user.roles.isEmpty ? .noRole : user.roles.map(Diagnostic.Message.role).joined(separator: "; ")
        return .key("\(user.name)\t\(user.displayName)\t\(user.language)\t") + .userState(disabled: user.disabled)
            + .key("\t") + roles
    }
}

struct UsersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user with a role; prints a one-time password unless --password-stdin.",
        discussion: "Example: maturity users add wang.li --role company-member --organisation 江苏星河暖通设备有限公司")

    @Argument(help: "The sign-in name.") var name: String
    @OptionGroup var role: RoleOptions
    @Option(name: .long, help: "The name shown on pages (default: the sign-in name).") var displayName: String?
    @Option(name: .long, help: "The pages' language after sign-in: zh or en.") var language = "zh"
    @OptionGroup var password: PasswordOptions
    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        guard !name.isEmpty, name.count <= 100, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw ValidationError(.userNameInvalid(name))
        }
        guard ["zh", "en"].contains(language) else { throw ValidationError(.languageZhOrEn) }
    }

    func run() throws {
        let console = Context.console
        let (secret, generated) = try password.password(for: name, console: console)
        let hash = Passwords.hash(secret)
        let user = try Users.run(store, console: console) { store in
            let assignment = try await role.assignment(in: store)
            return try await store.users.create(
                name: name, displayName: displayName ?? name, language: language, passwordHash: hash,
                roles: [assignment])
        }
        console.say(.userAdded(Users.line(user)))
        if generated { console.say(.oneTimePassword(secret, new: true)) }
    }
}

struct UsersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users and their roles.")

    @Option(name: .long, help: "text (for people, in their language) or json (for programs).")
    var format = RegistryFormat.text
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let users = try Users.run(store, console: console) { store in try await store.users.list() }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            console.write(String(decoding: try encoder.encode(users), as: UTF8.self) + "\n")
            return
        }
        if users.isEmpty {
            console.say(.noUsersYet)
        }
        for user in users { console.say(Users.line(user)) }
    }
}

struct UsersDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a user: their sessions end and their API tokens are revoked.")

    @Argument(help: "The sign-in name.") var name: String
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let user = try Users.run(store, console: console) { store in try await store.users.setDisabled(name, true) }
        console.say(.userDisabled(user.name))
    }
}

struct UsersEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user again.")

    @Argument(help: "The sign-in name.") var name: String
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let user = try Users.run(store, console: console) { store in try await store.users.setDisabled(name, false) }
        console.say(.userEnabled(user.name))
    }
}

struct UsersResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Set a new password (one-time, or from standard input); every session of the user ends.")

    @Argument(help: "The sign-in name.") var name: String
    @OptionGroup var password: PasswordOptions
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let (secret, generated) = try password.password(for: name, console: console)
        let hash = Passwords.hash(secret)
        try Users.run(store, console: console) { store in
            let user = try await store.users.named(name)
            try await store.users.setPassword(user.id, hash: hash)
        }
        console.say(.passwordChanged(name))
        if generated { console.say(.oneTimePassword(secret, new: false)) }
    }
}

struct UsersAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a user another role, or take one away with --remove.",
        discussion: "Example: maturity users assign zheng.yaqin --role auditor --assessment 6f1c…")

    @Argument(help: "The sign-in name.") var name: String
    @OptionGroup var role: RoleOptions
    @Flag(name: .long, help: "Take the role away instead.") var remove = false
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let (user, changed) = try Users.run(store, console: console) { store in
            let assignment = try await role.assignment(in: store)
            if remove {
                let removed = try await store.users.unassign(name, assignment)
                return (try await store.users.named(name), removed)
            }
            return (try await store.users.assign(name, assignment), true)
        }
        if remove && !changed {
            throw DiagnosticError(.error(.doesNotHoldRole(name), at: nil, hint: .seeUsersList))
        }
        console.say(Users.line(user))
    }
}

struct UsersTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create an API token for a user (shown once), list their tokens, or revoke one.",
        discussion: """
            Integrations send it as 'Authorization: Bearer TOKEN'. Only its SHA-256 is stored: a lost token cannot \
            be shown again; revoke it and create another.
            """)

    @Argument(help: "The sign-in name.") var name: String
    @Option(name: .long, help: "A label for the new token (default: the date).") var label: String?
    @Option(name: .long, help: "Revoke the token with this label (or id).") var revoke: String?
    @Flag(name: .long, help: "List the user's tokens.") var list = false
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let name = self.name
        if list {
            let tokens = try Users.run(store, console: console) { store in
                try await store.tokens.list(user: try await store.users.named(name).id)
            }
            for token in tokens {
                console.say(
                    .key("\(token.id)\t\(token.name)\t\(token.createdAt)\t") + .tokenState(revoked: token.revokedAt))
            }
            return
        }
        if let revoke {
            let done = try Users.run(store, console: console) { store in
                try await store.tokens.revoke(user: try await store.users.named(name).id, name: revoke)
            }
            guard done else {
                throw DiagnosticError(.error(.noLiveToken(name, revoke), at: nil, hint: .listTokensWithList))
            }
            console.say(.tokenRevoked(revoke, of: name))
            return
        }
        let token = "mt_" + Secrets.random()
        let label = self.label ?? Context.console.today.description
        let record = try Users.run(store, console: console) { store in
            try await store.tokens.create(
                user: try await store.users.named(name).id, name: label, tokenHash: Secrets.sha256(token))
        }
        console.say(.tokenCreated(record.name, id: record.id, for: name, token: token))
    }
}

struct UsersTOTPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totp",
        abstract: "Set up a second factor (an authenticator app's 6-digit code) for a user, or remove it with --off.",
        discussion: """
            Prints the secret (base32) and an otpauth:// URI once; enter either in the authenticator app. From then \
            on, signing in needs the code the app shows as well as the password.
            """)

    @Argument(help: "The sign-in name.") var name: String
    @Flag(name: .long, help: "Remove the second factor.") var off = false
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let name = self.name
        let secret = off ? nil : TOTP.newSecret()
        try Users.run(store, console: console) { store in
            let user = try await store.users.named(name)
            try await store.users.setTOTP(user.id, secret: secret.map(TOTP.base32))
        }
        guard let secret else {
            console.say(.secondFactorRemoved(name))
            return
        }
        console.say(.secondFactorSetUp(name, secret: TOTP.base32(secret), uri: TOTP.uri(secret: secret, name: name)))
    }
}
