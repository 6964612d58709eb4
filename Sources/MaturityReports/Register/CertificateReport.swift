import MaturityCore

/// A certificate as the register holds it: number, holder, scope, rating, dates, state with every change,
/// the decisions with their signatures, the holder's nonconformities; text and JSON.
public struct CertificateReport: Sendable {
    public var record: CertificateRecord
    public var asOf: Day
    public var language: Language

    public init(_ record: CertificateRecord, asOf: Day, language: Language) {
        self.record = record
        self.asOf = asOf
        self.language = language
    }

    var w: Words { Words(language: language) }
    var c: Certificate { record.certificate }

    public func text() -> String {
        let clean = TerminalSafe.clean
        var out: [String] = []
        func line(_ label: String, _ value: String) { out.append(DisplayWidth.pad(label, 12) + clean(value)) }
        line(w("证书", "Certificate"), c.number)
        line(w("组织", "Organisation"), c.organisation)
        line(w("状态", "State"), c.state(asOf: asOf).name.text(language) + w("（截至 \(asOf)）", " (on \(asOf))"))
        line(w("评级", "Rating"), record.ratingName.text(language) + " (\(c.rating))")
        line(w("有效期", "Valid"), "\(c.issued) – \(c.expires)")
        line(w("目录", "Catalog"), c.scope.catalog + (c.scope.profile.map { " · \($0)" } ?? ""))
        if !c.scope.sites.isEmpty { line(w("场所", "Sites"), c.scope.sites.joined(separator: w("、", ", "))) }
        if !c.scope.productCategories.isEmpty {
            line(w("产品类别", "Products"), c.scope.productCategories.joined(separator: w("、", ", ")))
        }
        line(w("核验码", "Check code"), record.verificationCode)
        out.append("")
        out.append(w("状态变更", "State changes"))
        for change in c.history(asOf: asOf) {
            let from = change.from.map { $0.name.text(language) + " → " } ?? ""
            let decision = change.decision.map { $0.name.text(language) + w("：", ": ") } ?? ""
            out.append(
                "  \(change.date)  " + from + change.to.name.text(language) + "  "
                    + clean(decision + change.reasonText(language))
                    + w("（", " (") + clean(change.by) + w("）", ")"))
        }
        if !record.decisions.isEmpty {
            out.append("")
            out.append(w("认证决定", "Decisions"))
            for d in record.decisions {
                var text = "  \(d.date)  " + d.kind.name.text(language) + w("，决定人 ", " by ") + clean(d.reviewer)
                if let recommendation = d.recommendation {
                    text += w("；审核组建议：", "; audit team recommended: ") + recommendation.name.text(language)
                    if d.differs { text += w("（不同）", " (differs)") }
                }
                out.append(text)
                if let reason = d.reason { out.append("      " + w("理由：", "reason: ") + clean(reason)) }
                if let s = d.signature {
                    out.append("      " + w("签名：", "signed: ") + clean(s.signer) + w("，密钥 ", ", key ") + s.keyId)
                }
            }
        }
        if !record.nonconformities.isEmpty {
            out.append("")
            out.append(w("不符合项", "Nonconformities"))
            for nc in record.nonconformities {
                out.append(
                    "  \(nc.id)  " + nc.grade.name.text(language) + "  " + w("期限 ", "deadline ") + "\(nc.deadline)  "
                        + nc.state.name.text(language)
                        + (nc.isOverdue(on: asOf) ? w("  逾期", "  OVERDUE") : "")
                        + (nc.site.map { "  @\(clean($0))" } ?? ""))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        JSONValue.object([
            "number": .string(c.number), "organisation": .string(c.organisation),
            "organisation_id": .string(c.organisationId), "as_of": .string(asOf.description),
            "state": .string(c.state(asOf: asOf).rawValue), "rating": .string(c.rating),
            "rating_name": .object(
                Dictionary(
                    uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, .string(record.ratingName.text($0))) })),
            "issued": .string(c.issued.description), "expires": .string(c.expires.description),
            "last_audit": .string(c.lastAudit.description), "suspended_since": .text(c.suspendedSince?.description),
            "verification_code": .string(record.verificationCode),
            "scope": .object([
                "catalog": .string(c.scope.catalog), "profile": .text(c.scope.profile),
                "sites": .array(c.scope.sites.map { .string($0) }),
                "product_categories": .array(c.scope.productCategories.map { .string($0) }),
            ]),
            "history": .array(
                c.history(asOf: asOf).map { change in
                    .object([
                        "date": .string(change.date.description), "from": .text(change.from?.rawValue),
                        "to": .string(change.to.rawValue), "decision": .text(change.decision?.rawValue),
                        "reason": .string(change.reason), "by": .string(change.by),
                    ])
                }),
            "decisions": .array(record.decisions.map(\.json)),
            "nonconformities": .array(
                record.nonconformities.map { nc in
                    .object([
                        "id": .string(nc.id), "grade": .string(nc.grade.rawValue), "site": .text(nc.site),
                        "criterion": .text(nc.criterion), "raised": .string(nc.raised.description),
                        "deadline": .string(nc.deadline.description), "state": .string(nc.state.rawValue),
                        "overdue": .bool(nc.isOverdue(on: asOf)),
                        "events": .array(
                            nc.events.map { e in
                                .object([
                                    "date": .string(e.date.description), "state": .string(e.state.rawValue),
                                    "by": .string(e.by), "text": .string(e.text), "evidence": .text(e.evidence),
                                    "effective": e.effective.map { .bool($0) } ?? .null,
                                ])
                            }),
                    ])
                }),
            "triggers": .array(
                record.triggers.map { t in
                    .object([
                        "kind": .string(t.kind.rawValue), "date": .string(t.date.description),
                        "evidence": .string(t.evidence), "recorded_by": .string(t.recordedBy),
                    ])
                }),
        ]).rendered()
    }
}
