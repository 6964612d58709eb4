import Foundation

extension ResultJSON {
    /// The result JSON of an assessment: the result, for an audit the self-versus-auditor comparison, and
    /// the sign-off sealing both to their inputs. `plan` (the JSON of the plan an `assess --plan` report
    /// shows) is written but not sealed.
    public static func render(
        _ result: AssessmentResult, audit: AuditComparison? = nil, signOff: SignOff? = nil, plan: JSONValue? = nil
    ) -> String {
        var fields = sealedFields(result, audit: audit)
        if let plan { fields[Key.plan] = plan }
        if let signOff { fields[Key.signOff] = value(signOff) }
        return JSONValue.object(fields).rendered()
    }

    /// The members the sign-off's result digest covers.
    static func sealedFields(_ result: AssessmentResult, audit: AuditComparison?) -> [String: JSONValue] {
        guard case .object(var fields) = value(result) else { return [:] }
        if let audit { fields[Key.audit] = value(audit) }
        return fields
    }

    /// Keys of a result that its sign-off does not cover.
    public static let unsealedKeys = [Key.signOff, Key.plan, Key.signatures]

    /// SHA-256 of the sealed part of a result, as `verify` recomputes it from the file.
    public static func resultDigest(_ result: AssessmentResult, audit: AuditComparison?) -> String {
        digest(of: .object(sealedFields(result, audit: audit)))
    }

    /// SHA-256 of a parsed result without its unsealed keys.
    public static func digest(of json: JSONValue) -> String {
        SignOff.sha256(Data(json.removing(unsealedKeys).rendered().utf8))
    }

    public static func value(_ audit: AuditComparison) -> JSONValue {
        let c = audit.calibration
        func highlight(_ h: AuditComparison.Highlight) -> JSONValue {
            .object([
                "criterion": .string(h.criterion), "level": .int(h.level),
                "reasons": .array(h.reasons.map { .string($0.rawValue) }),
            ])
        }
        return .object([
            "calibration": .object([
                "applicable": .int(c.applicable),
                "audited": .int(c.audited),
                "compared": .int(c.compared),
                "over_claimed": .int(c.overClaimed),
                "under_claimed": .int(c.underClaimed),
                "agreed": .int(c.agreed),
                "mean_difference": .score(c.meanDifference),
                "mean_absolute_difference": .score(c.meanAbsoluteDifference),
                "over_claimed_share": .score(c.overClaimedShare),
                "under_claimed_share": .score(c.underClaimedShare),
                "agreed_share": .score(c.agreedShare),
            ]),
            "self": .object([
                "rating": .string(audit.selfRating),
                "overall": .score(audit.selfOverall),
            ]),
            "criteria": .array(
                audit.criteria.map { line in
                    .object([
                        "id": .string(line.id), "domain": .string(line.domain), "claimed": .int(line.claimed),
                        "audited": .int(line.audited), "difference": .int(line.difference),
                        "self_level": .int(line.selfLevel), "audit_level": .int(line.auditLevel),
                        "verdict": .string(line.verdict.rawValue),
                    ])
                }),
            "domains": .array(
                audit.domains.map { line in
                    .object([
                        "id": .string(line.id), "self_score": .score(line.selfScore),
                        "audit_score": .score(line.auditScore), "delta": .score(line.delta),
                    ])
                }),
            "strengths": .array(audit.strengths.map(highlight)),
            "weaknesses": .array(audit.weaknesses.map(highlight)),
            "findings_by_grade": .array(
                audit.findingsByGrade.map { g in
                    .object([
                        "grade": .string(g.grade.rawValue), "open": .int(g.open), "closed": .int(g.closed),
                        "deadline_days": .int(g.deadlineDays), "due": .string(g.due.description),
                        "findings": .array(g.findings.map { .string($0.id) }),
                    ])
                }),
        ])
    }

    /// The members of the `signoff` block, written by `value(_:)` and read back by `signOff(from:)` and `verify`.
    public enum SignOffKey {
        public static let format = "format"
        public static let algorithm = "algorithm"
        public static let auditor = "auditor"
        public static let date = "date"
        public static let digest = "digest"
        public static let resultDigest = "result_digest"
        public static let assessmentPath = "assessment_path"
        public static let catalogPath = "catalog_path"
        public static let files = "files"
        /// Members of each entry of `files`.
        public static let role = "role"
        public static let path = "path"
        public static let sha256 = "sha256"
    }

    public static func value(_ signOff: SignOff) -> JSONValue {
        typealias K = SignOffKey
        return .object([
            K.format: .string(SignOff.format),
            K.algorithm: .string("sha256"),
            K.auditor: .string(signOff.auditor),
            K.date: .string(signOff.date.description),
            K.digest: .string(signOff.digest),
            K.resultDigest: .string(signOff.resultDigest),
            K.assessmentPath: .string(signOff.assessmentPath),
            K.catalogPath: .string(signOff.catalogPath),
            K.files: .array(
                signOff.parts.map { part in
                    .object([
                        K.role: .string(part.role.rawValue), K.path: .string(part.path), K.sha256: .string(part.sha256),
                    ])
                }),
        ])
    }

    /// Reads the `signoff` of a result back; the message says what is wrong when it cannot.
    public static func signOff(from json: JSONValue) -> Result<(SignOff, digest: String), SignOffReadError> {
        typealias K = SignOffKey
        guard let block = json[Key.signOff] else { return .failure(.init(path: Key.signOff, problem: .isMissing)) }
        func text(_ key: String) -> Result<String, SignOffReadError> {
            guard let value = block[key]?.stringValue else {
                return .failure(.init(path: "\(Key.signOff).\(key)", problem: .isMissingOrNotText))
            }
            return .success(value)
        }
        do {
            let format = try text(K.format).get()
            guard format == SignOff.format else {
                return .failure(
                    .init(path: "\(Key.signOff).\(K.format)", problem: .isFormat(format, expected: SignOff.format)))
            }
            let dateText = try text(K.date).get()
            guard let date = Day(iso: dateText) else {
                return .failure(.init(path: "\(Key.signOff).\(K.date)", problem: .isNotADate))
            }
            guard let files = block[K.files]?.arrayValue else {
                return .failure(.init(path: "\(Key.signOff).\(K.files)", problem: .isMissingOrNotAList))
            }
            var parts: [SignOff.Part] = []
            for (i, file) in files.enumerated() {
                guard let roleText = file[K.role]?.stringValue, let role = SignOff.Part.Role(rawValue: roleText),
                    let path = file[K.path]?.stringValue, let hash = file[K.sha256]?.stringValue
                else {
                    return .failure(.init(path: "\(Key.signOff).\(K.files)[\(i)]", problem: .needsRolePathAndHash))
                }
                parts.append(SignOff.Part(role: role, path: path, sha256: hash))
            }
            let signOff = SignOff(
                auditor: try text(K.auditor).get(), date: date, resultDigest: try text(K.resultDigest).get(),
                parts: parts, assessmentPath: try text(K.assessmentPath).get(),
                catalogPath: try text(K.catalogPath).get())
            return .success((signOff, try text(K.digest).get()))
        } catch {
            return .failure(error)
        }
    }

    public struct SignOffReadError: Error, Sendable {
        public var path: String
        /// What is wrong with it: "is not a date YYYY-MM-DD".
        public var problem: Diagnostic.Message
    }
}
