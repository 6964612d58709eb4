import Foundation

/// A certification decision as the register records it: taken by a reviewer outside the audit team, on an
/// audit result or a suspension trigger, with the team's recommendation beside it and the reason when it
/// differs; signed by the reviewer over its digest.
public struct Decision: Sendable, Hashable {
    public static let format = "maturity-decision-1"

    /// The certificate decided on; for a refusal of an application, the organisation's id in brackets.
    public var certificate: String
    public var organisationId: String
    /// The organisation's name, as the decision names it (and signs it).
    public var organisation: String
    public var kind: DecisionKind
    /// What the reviewer asked for, when the rules made it another decision (a suspension past its limit
    /// becomes withdrawal).
    public var requested: DecisionKind
    /// The audit team's recommendation; nil when the decision rests on a trigger alone.
    public var recommendation: DecisionKind?
    public var date: Day
    public var reviewer: String
    public var reason: String?
    /// The audit result (sign-off digest) the decision rests on.
    public var auditId: String?
    public var trigger: SuspensionTrigger.Kind?
    /// The rating the certificate has after the decision.
    public var rating: String?
    public var signature: Signature?

    public init(
        certificate: String, organisationId: String, organisation: String, kind: DecisionKind,
        requested: DecisionKind? = nil,
        recommendation: DecisionKind?, date: Day, reviewer: String, reason: String?, auditId: String?,
        trigger: SuspensionTrigger.Kind? = nil, rating: String?, signature: Signature? = nil
    ) {
        self.certificate = certificate
        self.organisationId = organisationId
        self.organisation = organisation
        self.kind = kind
        self.requested = requested ?? kind
        self.recommendation = recommendation
        self.date = date
        self.reviewer = reviewer
        self.reason = reason
        self.auditId = auditId
        self.trigger = trigger
        self.rating = rating
        self.signature = signature
    }

    /// Whether the decision is not what the audit team recommended.
    public var differs: Bool { recommendation.map { $0 != kind } ?? false }

    /// The text the digest is taken over: one field per line, in a fixed order.
    public var manifest: String {
        let lines = [
            Decision.format, "certificate \(SignOff.escape(certificate))",
            "organisation \(SignOff.escape(organisation))",
            "decision \(kind.rawValue)", "requested \(requested.rawValue)",
            "recommendation \(recommendation?.rawValue ?? "-")", "date \(date)", "reviewer \(SignOff.escape(reviewer))",
            "reason \(SignOff.escape(reason ?? "-"))", "audit \(auditId ?? "-")", "trigger \(trigger?.rawValue ?? "-")",
            "rating \(rating ?? "-")",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// SHA-256 of the manifest: what the reviewer signs.
    public var digest: String { SignOff.sha256(Data(manifest.utf8)) }

    /// The decision as JSON (in a certificate's record, and for anyone to check its signature).
    public var json: JSONValue {
        .object([
            "format": .string(Decision.format), "certificate": .string(certificate),
            "organisation_id": .string(organisationId), "organisation": .string(organisation),
            "decision": .string(kind.rawValue),
            "requested": .string(requested.rawValue), "recommendation": .text(recommendation?.rawValue),
            "differs": .bool(differs), "date": .string(date.description), "reviewer": .string(reviewer),
            "reason": .text(reason), "audit": .text(auditId), "trigger": .text(trigger?.rawValue),
            "rating": .text(rating), "digest": .string(digest), "signature": signature?.json ?? .null,
        ])
    }
}
