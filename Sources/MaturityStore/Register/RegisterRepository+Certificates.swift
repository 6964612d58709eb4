import Foundation
import MaturityCore
import SQLKit

/// A decision a reviewer asks for, as the command line or a page gives it.
public struct DecisionInput: Sendable, Hashable {
    public var kind: DecisionKind
    public var date: Day
    public var reviewer: String
    public var reason: String?
    /// The imported result (sign-off digest, or its first digits) the decision rests on.
    public var resultId: String?
    /// The certificate decided on; by default the organisation's current one.
    public var certificate: String?
    /// The organisation (id or name), when neither a result nor a certificate names it.
    public var organisation: String?
    /// A recorded suspension trigger of this kind on the certificate.
    public var trigger: SuspensionTrigger.Kind?

    public init(
        kind: DecisionKind, date: Day, reviewer: String, reason: String? = nil, resultId: String? = nil,
        certificate: String? = nil, organisation: String? = nil, trigger: SuspensionTrigger.Kind? = nil
    ) {
        self.kind = kind
        self.date = date
        self.reviewer = reviewer
        self.reason = reason
        self.resultId = resultId
        self.certificate = certificate
        self.organisation = organisation
        self.trigger = trigger
    }
}

extension RegisterRepository {
    /// Takes a certification decision: loads the certificate, the audit result and its team, the organisation's
    /// nonconformities and the trigger named; `CertificationRules` decides (or refuses); `sign` signs the decision's
    /// digest with the reviewer's key, which must be a published decision-maker's key valid on the date; then the
    /// decision, the certificate and its state change are stored together. `ratingOrder` (the catalog's ratings,
    /// lowest first) checks upgrades and downgrades; `ratingName` is the rating as the certificate prints it.
    public func decide(
        _ input: DecisionInput, ratingOrder: [String] = [], ratingName: (@Sendable (String) -> LocalizedText)? = nil,
        sign: @escaping @Sendable (Decision) throws -> Signature?
    ) async throws -> DecisionOutcome {
        try await changing { sql in
            let policy = try await Self.policy(in: sql)
            let audit = try await input.resultId.asyncMap { try await Self.result($0, in: sql) }
            var certificate = try await input.certificate.asyncMap {
                try await Self.certificate($0, in: sql).certificate
            }
            var organisation = certificate?.organisationId ?? audit?.organisationId
            if organisation == nil, let name = input.organisation {
                organisation = try await Self.organisationId(name, in: sql)
            }
            guard let organisation else { throw RegisterRefusal.noCertificate(kind: input.kind) }
            if certificate == nil { certificate = try await Self.currentCertificate(of: organisation, in: sql) }
            var trigger: SuspensionTrigger?
            if let kind = input.trigger {
                guard let certificate else { throw RegisterRefusal.noCertificate(kind: input.kind) }
                trigger = try await Self.triggers(of: certificate.number, in: sql).last { $0.kind == kind }
                guard trigger != nil else {
                    throw StoreError.notFound(kind: "\(kind.rawValue) trigger on", id: certificate.number)
                }
            }
            let name = try await Self.organisationName(organisation, in: sql)
            let request = DecisionRequest(
                kind: input.kind, date: input.date, reviewer: input.reviewer, reason: input.reason,
                audit: audit?.record, team: audit?.team, trigger: trigger, organisationId: organisation,
                organisation: name)
            let needsNumber = input.kind == .grant && !(certificate?.state(asOf: input.date).isLive ?? false)
            let number = needsNumber ? try await Self.nextNumber(policy, year: input.date.year, in: sql) : ""
            let rules = CertificationRules(policy: policy, ratingOrder: ratingOrder)
            var outcome = try rules.decide(
                request, certificate: certificate,
                nonconformities: try await Self.nonconformities(of: organisation, in: sql), newNumber: number
            ).get()
            if let signature = try sign(outcome.decision) {
                try Self.check(signature, of: outcome.decision, ring: try await Self.keyRing(in: sql))
                outcome.decision.signature = signature
            }
            if var updated = outcome.certificate {
                if let client = try? await Self.client(organisation, in: sql),
                    certificate == nil
                        || !(certificate?.state(asOf: input.date).isLive ?? false)
                {
                    if !client.sites.isEmpty { updated.scope.sites = client.sites }
                    updated.scope.productCategories = client.productCategories
                    updated.scope.profile = client.profile ?? updated.scope.profile
                }
                outcome.certificate = updated
                let names = ratingName?(updated.rating) ?? LocalizedText(updated.rating)
                try await Self.save(
                    updated, ratingName: names, previous: certificate?.number == updated.number ? certificate : nil,
                    grant: outcome.decision.kind == .grant ? outcome.decision.digest : nil, in: sql)
                try await Self.refreshDue(organisation: organisation, in: sql)
            }
            try await Self.insert(outcome.decision, in: sql)
            return outcome
        }
    }

    /// Refuses a signature that is not the reviewer's valid decision-maker signature over the decision.
    static func check(_ signature: Signature, of decision: Decision, ring: KeyRing) throws {
        let check = signature.check(against: ring, expectedDigest: decision.digest)
        guard case .valid(let key) = check else { throw RegisterSigningError.invalid(check) }
        guard key.role == .decisionMaker, PersonName.same(key.owner, decision.reviewer) else {
            throw RegisterSigningError.notTheReviewer(owner: key.owner, role: key.role, reviewer: decision.reviewer)
        }
    }

    static func nextNumber(_ policy: RegisterPolicy, year: Int, in sql: any SQLDatabase) async throws -> String {
        guard let pattern = CertificateNumberPattern(policy.numberPattern) else {
            throw RegisterRefusal.badPattern(CertificateNumberPattern.problem(policy.numberPattern) ?? .key(""))
        }
        let series = pattern.series(year: year)
        let row = try await sql.raw(
            """
            INSERT INTO certificate_counters (series, next) VALUES (\(bind: series), 1)
            ON CONFLICT (series) DO UPDATE SET next = certificate_counters.next + 1 RETURNING next
            """
        ).first()
        let sequence = try row?.decode(column: "next", as: Int.self) ?? 1
        return pattern.number(year: year, sequence: sequence)
    }

    static func insert(_ decision: Decision, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO decisions (digest, certificate, organisation_id, organisation_name, kind, requested,
            recommendation, date, reviewer, reason, audit_id, trigger_kind, rating, signature, recorded_at)
            VALUES (\(bind: decision.digest), \(bind: decision.certificate), \(bind: decision.organisationId),
            \(bind: decision.organisation),
            \(bind: decision.kind.rawValue), \(bind: decision.requested.rawValue),
            \(bind: decision.recommendation?.rawValue), \(bind: decision.date.description), \(bind: decision.reviewer),
            \(bind: decision.reason), \(bind: decision.auditId), \(bind: decision.trigger?.rawValue),
            \(bind: decision.rating), \(bind: decision.signature.map { $0.json.rendered() }),
            \(bind: Timestamp.now()))
            """
        ).run()
    }

    static func save(
        _ certificate: Certificate, ratingName: LocalizedText, previous: Certificate?, grant: String?,
        in sql: any SQLDatabase
    ) async throws {
        let scope = JSONValue.object([
            "sites": .array(certificate.scope.sites.map { .string($0) }),
            "product_categories": .array(certificate.scope.productCategories.map { .string($0) }),
            "profile": .text(certificate.scope.profile),
        ]).rendered()
        let names = JSONValue.object(
            Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, .string(ratingName.text($0))) })
        ).rendered()
        if previous != nil {
            let code = grant.map { String($0.prefix(10)).uppercased() }
            try await sql.raw(
                """
                UPDATE certificates SET scope = \(bind: scope), catalog_id = \(bind: certificate.scope.catalogId),
                catalog_version = \(bind: certificate.scope.catalogVersion), rating = \(bind: certificate.rating),
                rating_name = \(bind: names), issued = \(bind: certificate.issued.description),
                expires = \(bind: certificate.expires.description), state = \(bind: certificate.state.rawValue),
                suspended_since = \(bind: certificate.suspendedSince?.description),
                last_audit = \(bind: certificate.lastAudit.description),
                verification_code = COALESCE(\(bind: code), verification_code), version = version + 1
                WHERE number = \(bind: certificate.number)
                """
            ).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO certificates (number, organisation_id, organisation_name, scope, catalog_id, catalog_version,
                rating, rating_name, issued, expires, state, suspended_since, last_audit, next_due, verification_code,
                version)
                VALUES (\(bind: certificate.number), \(bind: certificate.organisationId), \(bind: certificate.organisation),
                \(bind: scope), \(bind: certificate.scope.catalogId), \(bind: certificate.scope.catalogVersion),
                \(bind: certificate.rating), \(bind: names), \(bind: certificate.issued.description),
                \(bind: certificate.expires.description), \(bind: certificate.state.rawValue),
                \(bind: certificate.suspendedSince?.description), \(bind: certificate.lastAudit.description), NULL,
                \(bind: String((grant ?? "").prefix(10)).uppercased()), 1)
                """
            ).run()
        }
        let known = previous?.history.count ?? 0
        for (position, change) in certificate.history.enumerated() where position >= known {
            try await sql.raw(
                """
                INSERT INTO certificate_changes (certificate, position, date, from_state, to_state, decision, reason,
                by_name)
                VALUES (\(bind: certificate.number), \(bind: position), \(bind: change.date.description),
                \(bind: change.from?.rawValue), \(bind: change.to.rawValue), \(bind: change.decision?.rawValue),
                \(bind: change.reason), \(bind: change.by))
                """
            ).run()
        }
    }

    /// Sets the board date of the organisation's certificates from their programme and open nonconformities;
    /// `policy` and `nonconformities` when the caller holds them already (else read). One statement reads the
    /// certificates with their last change; a date is written only where it changed.
    static func refreshDue(
        organisation: String, policy: RegisterPolicy? = nil, nonconformities: [Nonconformity]? = nil,
        in sql: any SQLDatabase
    ) async throws {
        let policy = if let policy { policy } else { try await Self.policy(in: sql) }
        let ncs =
            if let nonconformities { nonconformities } else {
                try await Self.nonconformities(of: organisation, in: sql)
            }
        let rows = try await sql.raw(
            "SELECT certificates.*, \(unsafeRaw: Self.lastChangeColumns) FROM certificates WHERE organisation_id = \(bind: organisation)"
        ).all()
        for row in rows {
            let certificate = try Self.certificate(from: row, history: try Self.lastChange(row)).0
            let due = AuditProgramme(policy: policy).nextDue(for: certificate, nonconformities: ncs)?.description
            guard try row.decode(column: "next_due", as: String?.self) != due else { continue }
            try await sql.raw(
                "UPDATE certificates SET next_due = \(bind: due) WHERE number = \(bind: certificate.number)"
            ).run()
        }
    }

    /// The columns ``lastChange(_:)`` reads, added to a query of `certificates`: the date of the certificate's last
    /// change and the state it led to (one statement, not a second query per certificate).
    static let lastChangeColumns = """
        (SELECT date FROM certificate_changes WHERE certificate = certificates.number ORDER BY position DESC LIMIT 1) \
        AS last_change_date, (SELECT to_state FROM certificate_changes WHERE certificate = certificates.number \
        ORDER BY position DESC LIMIT 1) AS last_change_state
        """

    /// A certificate's last change as the rules need it (its date and the state it led to), from
    /// ``lastChangeColumns``; none when it has no change.
    static func lastChange(_ row: any SQLRow) throws -> [StateChange] {
        guard try row.decode(column: "last_change_date", as: String?.self) != nil else { return [] }
        let date = try day(row, "last_change_date")
        let state = try row.decode(column: "last_change_state", as: String?.self).flatMap(
            CertificateState.init(rawValue:))
        return [StateChange(date: date, from: nil, to: state ?? .valid, decision: nil, reason: "", by: "")]
    }

    /// `memo`: scopes and rating names already read, by their text (a page of the due board repeats them).
    static func certificate(from row: any SQLRow, history: [StateChange], memo: StoredScope.Memo? = nil) throws
        -> (Certificate, LocalizedText, String)
    {
        let scope = StoredScope.read(try row.decode(column: "scope", as: String.self), memo: memo)
        let text = StoredScope.names(try row.decode(column: "rating_name", as: String.self), memo: memo)
        let certificate = Certificate(
            number: try row.decode(column: "number", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: String.self),
            organisation: try row.decode(column: "organisation_name", as: String.self),
            scope: CertificateScope(
                sites: scope.sites,
                productCategories: scope.productCategories,
                catalogId: try row.decode(column: "catalog_id", as: String.self),
                catalogVersion: try row.decode(column: "catalog_version", as: String.self),
                profile: scope.profile),
            rating: try row.decode(column: "rating", as: String.self), issued: try day(row, "issued"),
            expires: try day(row, "expires"),
            state: CertificateState(rawValue: try row.decode(column: "state", as: String.self)) ?? .valid,
            suspendedSince: try row.decode(column: "suspended_since", as: String?.self).flatMap { Day(iso: $0) },
            lastAudit: try day(row, "last_audit"), history: history)
        return (certificate, LocalizedText(text), try row.decode(column: "verification_code", as: String.self))
    }

    static func certificate(_ number: String, in sql: any SQLDatabase) async throws
        -> (certificate: Certificate, ratingName: LocalizedText, code: String)
    {
        guard let row = try await sql.raw("SELECT * FROM certificates WHERE number = \(bind: number)").first() else {
            throw StoreError.notFound(kind: "certificate", id: number)
        }
        let history = try await sql.raw(
            "SELECT * FROM certificate_changes WHERE certificate = \(bind: number) ORDER BY position"
        ).all().map {
            StateChange(
                date: try day($0, "date"),
                from: try $0.decode(column: "from_state", as: String?.self).flatMap(CertificateState.init(rawValue:)),
                to: CertificateState(rawValue: try $0.decode(column: "to_state", as: String.self)) ?? .valid,
                decision: try $0.decode(column: "decision", as: String?.self).flatMap(DecisionKind.init(rawValue:)),
                reason: try $0.decode(column: "reason", as: String.self),
                by: try $0.decode(column: "by_name", as: String.self))
        }
        let (certificate, names, code) = try Self.certificate(from: row, history: history)
        return (certificate, names, code)
    }

    /// The organisation's certificate a decision applies to by default: the live one, else the latest.
    static func currentCertificate(of organisation: String, in sql: any SQLDatabase) async throws -> Certificate? {
        let rows = try await sql.raw(
            """
            SELECT number, state FROM certificates WHERE organisation_id = \(bind: organisation)
            ORDER BY issued DESC, number DESC
            """
        ).all()
        let numbers = try rows.map {
            (try $0.decode(column: "number", as: String.self), try $0.decode(column: "state", as: String.self))
        }
        guard let chosen = numbers.first(where: { $0.1 == "valid" || $0.1 == "suspended" }) ?? numbers.first else {
            return nil
        }
        return try await certificate(chosen.0, in: sql).certificate
    }

    /// Certificate `number` with its decisions, the holder's nonconformities and its suspension triggers.
    public func certificate(_ number: String) async throws -> CertificateRecord {
        try await database.read { sql in
            let (certificate, names, code) = try await Self.certificate(number, in: sql)
            let decisions = try await sql.raw(
                "SELECT * FROM decisions WHERE certificate = \(bind: number) ORDER BY date, recorded_at"
            ).all().map(Self.decision(from:))
            return CertificateRecord(
                certificate: certificate, ratingName: names, verificationCode: code, decisions: decisions,
                nonconformities: try await Self.nonconformities(of: certificate.organisationId, in: sql),
                triggers: try await Self.triggers(of: number, in: sql))
        }
    }

    /// The certificates of an organisation (id or name), newest first.
    public func certificates(organisation: String) async throws -> [String] {
        try await database.read { sql in
            let id = try await Self.organisationId(organisation, in: sql)
            return try await sql.raw(
                "SELECT number FROM certificates WHERE organisation_id = \(bind: id) ORDER BY issued DESC, number DESC"
            ).all().map { try $0.decode(column: "number", as: String.self) }
        }
    }

    static func decision(from row: any SQLRow) throws -> Decision {
        let signature = try row.decode(column: "signature", as: String?.self).flatMap {
            try? Signature.read(JSONValue.parse(Data($0.utf8))).get()
        }
        return Decision(
            certificate: try row.decode(column: "certificate", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: String.self),
            organisation: try row.decode(column: "organisation_name", as: String.self),
            kind: DecisionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .maintain,
            requested: DecisionKind(rawValue: try row.decode(column: "requested", as: String.self)),
            recommendation: try row.decode(column: "recommendation", as: String?.self).flatMap(
                DecisionKind.init(rawValue:)),
            date: try day(row, "date"), reviewer: try row.decode(column: "reviewer", as: String.self),
            reason: try row.decode(column: "reason", as: String?.self),
            auditId: try row.decode(column: "audit_id", as: String?.self),
            trigger: try row.decode(column: "trigger_kind", as: String?.self).flatMap(
                SuspensionTrigger.Kind.init(rawValue:)),
            rating: try row.decode(column: "rating", as: String?.self), signature: signature)
    }

    /// What the public verification page shows of certificate `number` on `asOf`.
    public func publicCertificate(_ number: String, asOf: Day) async throws -> PublicCertificate {
        if let kept = cache?.certificate(number) { return kept.shown(asOf: asOf) }
        let ticket = cache?.ticket()
        // One statement: the certificate with its last change's date (on PostgreSQL one round trip).
        let facts = try await database.readOne { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT certificates.*, \(unsafeRaw: Self.lastChangeColumns) FROM certificates
                    WHERE number = \(bind: number)
                    """
                ).first()
            else {
                throw StoreError.notFound(kind: "certificate", id: number)
            }
            return try Self.publicFacts(row)
        }
        cache?.keep([facts], ticket: ticket)
        return facts.shown(asOf: asOf)
    }

    /// Reads what public verification shows of every certificate (up to the cache's capacity) into the cache,
    /// but for those changed meanwhile; the server does it once it hears of every change. In pages of
    /// `page` certificates, so that a large register is never all in memory twice.
    /// Returns how many were read.
    @discardableResult
    public func keepPublicAnswers(page: Int = 2_000) async throws -> Int {
        guard let cache, let ticket = cache.ticket() else { return 0 }
        var after = ""
        var kept = 0
        while kept < cache.capacity {
            let facts = try await database.readOne { [after] sql in
                let memo = StoredScope.Memo()
                return try await sql.raw(
                    """
                    SELECT certificates.*, \(unsafeRaw: Self.lastChangeColumns) FROM certificates
                    WHERE number > \(bind: after) ORDER BY number LIMIT \(literal: page)
                    """
                ).all().map { try Self.publicFacts($0, memo: memo) }
            }
            cache.keep(facts, ticket: ticket)
            kept += facts.count
            // A change of everything meanwhile: what is read from here on would not be kept either.
            guard let last = facts.last?.certificate.number, facts.count == page, cache.holds(ticket) else { break }
            after = last
        }
        return kept
    }

    static func publicFacts(_ row: any SQLRow, memo: StoredScope.Memo? = nil) throws -> PublicFacts {
        let (certificate, names, code) = try certificate(from: row, history: [], memo: memo)
        return PublicFacts(
            certificate: certificate, ratingName: names, verificationCode: code,
            lastChange: try lastChange(row).first?.date)
    }
}

/// A decision's signature the register refuses.
public enum RegisterSigningError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalid(Signature.Check)
    case notTheReviewer(owner: String, role: SignerRole, reviewer: String)
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

/// A certificate's stored scope and rating names (JSON the register writes), read for every row of the due board:
/// decoded directly when they have the shape the register writes, else through the general JSON reader.
struct StoredScope: Decodable {
    var sites: [String] = []
    var productCategories: [String] = []
    var profile: String?

    enum CodingKeys: String, CodingKey {
        case sites
        case productCategories = "product_categories"
        case profile
    }

    init(sites: [String], productCategories: [String], profile: String?) {
        self.sites = sites
        self.productCategories = productCategories
        self.profile = profile
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sites = try container.decodeIfPresent([String].self, forKey: .sites) ?? []
        productCategories = try container.decodeIfPresent([String].self, forKey: .productCategories) ?? []
        profile = try container.decodeIfPresent(String.self, forKey: .profile)
    }

    /// What one query has read already, by text.
    final class Memo {
        var scopes: [String: StoredScope] = [:]
        var names: [String: [Language: String]] = [:]
    }

    /// The scope of an object read by `JSONText.flatObject`, as the decoder reads it; nil when a value is not
    /// of its type.
    init?(_ object: [String: JSONText.FlatValue]) {
        // Absent or null reads as no list, as `decodeIfPresent` does; nil: not a list.
        func list(_ key: String) -> [String]? {
            switch object[key] {
            case nil, .null?: []
            case .strings(let list)?: list
            case .string?: nil
            }
        }
        guard let sites = list("sites"), let categories = list("product_categories") else { return nil }
        switch object["profile"] {
        case nil, .null?: profile = nil
        case .string(let text)?: profile = text
        case .strings?: return nil
        }
        self.sites = sites
        self.productCategories = categories
    }

    static func read(_ text: String, memo: Memo? = nil) -> StoredScope {
        // Read directly first: the memo's key, a text with Chinese in it, hashed as slowly as it is read.
        if let object = JSONText.flatObject(text), let scope = StoredScope(object) { return scope }
        if let known = memo?.scopes[text] { return known }
        var read: StoredScope
        if let scope = try? JSONDecoder().decode(StoredScope.self, from: Data(text.utf8)) {
            read = scope
        } else {
            let scope = (try? JSONValue.parse(Data(text.utf8))) ?? .null
            read = StoredScope(
                sites: scope["sites"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                productCategories: scope["product_categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                profile: scope["profile"]?.stringValue)
        }
        memo?.scopes[text] = read
        return read
    }

    static func names(_ text: String, memo: Memo? = nil) -> [Language: String] {
        var names: [Language: String] = [:]
        if let object = JSONText.flatObject(text),
            case let strings = object.compactMapValues({ if case .string(let text) = $0 { text } else { nil } }),
            strings.count == object.count
        {
            for language in Language.allCases { names[language] = strings[language.rawValue] }
            return names
        }
        if let known = memo?.names[text] { return known }
        if let decoded = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) {
            for language in Language.allCases { names[language] = decoded[language.rawValue] }
        } else {
            let value = (try? JSONValue.parse(Data(text.utf8))) ?? .null
            for language in Language.allCases { names[language] = value[language.rawValue]?.stringValue }
        }
        memo?.names[text] = names
        return names
    }
}
