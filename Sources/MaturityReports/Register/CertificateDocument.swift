import MaturityCore

/// The certificate a company frames: one bilingual A4 page with the number, the holder, the scope, the rating,
/// the dates, the body's signature on the grant and a verification code. Chromium prints it to PDF.
public struct CertificateDocument: Sendable {
    public var record: CertificateRecord
    public var bodyName: String
    /// Where anyone checks it (`https://…/certificates/NUMBER`), printed under the code; nil: the path alone.
    public var verifyURL: String?

    public init(_ record: CertificateRecord, bodyName: String, verifyURL: String? = nil) {
        self.record = record
        self.bodyName = bodyName
        self.verifyURL = verifyURL
    }

    /// The decision that issued the current term: the latest grant.
    var grant: Decision? { record.decisions.last { $0.kind == .grant } }

    public func html() -> String {
        let e = HTML.escape
        let c = record.certificate
        func both(_ zh: String, _ en: String) -> String {
            "<span class=\"zh\">\(e(zh))</span> <span class=\"en\">\(e(en))</span>"
        }
        func row(_ id: String, _ zh: String, _ en: String, _ value: String) -> String {
            "<tr id=\"\(id)\"><th>\(e(zh))<br><small>\(e(en))</small></th><td>\(value)</td></tr>\n"
        }
        var body = "<article class=\"certificate\" id=\"certificate\" data-number=\"\(e(c.number))\">\n"
        body += "<p class=\"issuer\" id=\"issuer\">\(e(bodyName))</p>\n"
        body +=
            "<h1>售后服务管理成熟度认证证书</h1>\n<p class=\"title-en\">Certificate of After-Sales Service Management Maturity</p>\n"
        body += "<p class=\"number\" id=\"number\">\(both("证书编号", "Certificate No.")) <b>\(e(c.number))</b></p>\n"
        body += "<p class=\"holder\" id=\"holder\">\(e(c.organisation))</p>\n"
        body +=
            "<p class=\"statement\">" + e("经审核，该组织的售后服务管理体系符合下列认证范围和评价目录的要求，评定等级为：")
            + "<br><small>"
            + e("has been audited and found to meet the requirements of the catalog below within this scope, rated:")
            + "</small></p>\n"
        body +=
            "<p class=\"rating\" id=\"rating\" data-rating=\"\(e(c.rating))\"><span class=\"zh\">\(e(record.ratingName.text(.zh)))</span>"
            + "<span class=\"en\">\(e(record.ratingName.text(.en)))</span></p>\n"
        body += "<table class=\"facts\">\n"
        if !c.scope.sites.isEmpty {
            body += row("sites", "认证场所", "Sites", e(c.scope.sites.joined(separator: "、")))
        }
        if !c.scope.productCategories.isEmpty {
            body += row("products", "产品类别", "Product categories", e(c.scope.productCategories.joined(separator: "、")))
        }
        body += row(
            "catalog", "评价目录", "Catalog", e(c.scope.catalog) + (c.scope.profile.map { " · " + e($0) } ?? ""))
        body += row(
            "issued", "发证日期", "Issued",
            e(HTML.date(c.issued, .zh)) + "<br><small>\(e(HTML.date(c.issued, .en)))</small>")
        body += row(
            "expires", "有效期至", "Valid until",
            e(HTML.date(c.expires, .zh)) + "<br><small>\(e(HTML.date(c.expires, .en)))</small>")
        body += "</table>\n"
        body +=
            "<p class=\"conditions\">"
            + e("证书有效性以每六个月一次的监督审核为条件，请扫描或访问下方地址核验证书当前状态。")
            + "<br><small>"
            + e(
                "Validity is subject to surveillance audits every six months; check the certificate's current state at the address below."
            )
            + "</small></p>\n"
        body += "<footer class=\"seal\">\n<div class=\"signature\" id=\"signature\">"
        if let grant, let s = grant.signature {
            body +=
                "<p class=\"signer\">\(e(s.signer))</p><p class=\"line\">" + both("认证决定人", "Certification decision")
                + " · \(s.date)</p><p class=\"sig\">Ed25519 \(e(s.keyId)) · \(e(String(s.value.prefix(24))))…</p>"
        } else if let grant {
            body +=
                "<p class=\"signer\">\(e(grant.reviewer))</p><p class=\"line\">"
                + both("认证决定人", "Certification decision") + "</p>"
        }
        body += "</div>\n<div class=\"verify\" id=\"verification\">"
        body += "<p>" + both("核验码", "Verification code") + "</p><p class=\"code\">\(e(record.verificationCode))</p>"
        body += "<p class=\"url\">\(e(verifyURL ?? "/certificates/\(c.number)"))</p></div>\n</footer>\n</article>"
        return HTML.page(title: "\(c.number) — \(c.organisation)", language: .zh, body: body, extraStyle: Self.style)
    }

    static let style = """
        @page { size: A4; margin: 0; }
        main { max-width: none; padding: 0; }
        .certificate { width: 210mm; height: 297mm; margin: 0 auto; padding: 22mm 22mm 18mm; position: relative;
          border: 3mm double #8a6d3b; outline: 1px solid #c9b27c; outline-offset: -7mm; text-align: center;
          display: flex; flex-direction: column; page-break-after: avoid; break-inside: avoid; }
        .issuer { letter-spacing: 2px; color: #8a6d3b; margin: 4mm 0 0; font-size: 15px; }
        .certificate h1 { font-size: 34px; letter-spacing: 6px; margin: 6mm 0 1mm; font-family: "Noto Serif CJK SC", "AR PL UMing CN", serif; }
        .title-en { margin: 0; font-size: 15px; color: #555; letter-spacing: 1px; }
        .number { margin: 6mm 0 0; color: #333; }
        .holder { font-size: 26px; font-weight: 700; margin: 10mm 0 4mm; }
        .statement { margin: 0 12mm; color: #333; }
        .rating { margin: 7mm 0; } .rating .zh { display: block; font-size: 44px; font-weight: 700; color: #8a6d3b; letter-spacing: 8px; }
        .rating .en { display: block; font-size: 18px; color: #8a6d3b; }
        .facts { width: 80%; margin: 0 auto; font-size: 14px; } .facts th { width: 32%; background: none; text-align: right; color: #555; }
        .facts td { text-align: left; } .facts small, .statement small, .conditions small { color: #666; }
        .conditions { font-size: 12px; margin: 8mm 10mm 0; color: #444; }
        .seal { margin-top: auto; display: flex; justify-content: space-between; align-items: flex-end; text-align: left;
          font-size: 12px; color: #333; }
        .signer { font-size: 18px; margin: 0; border-bottom: 1px solid #333; min-width: 60mm; }
        .line, .sig, .verify p { margin: 1mm 0; } .sig { font-family: "DejaVu Sans Mono", monospace; font-size: 10px; color: #666; }
        .verify { text-align: right; } .code { font-family: "DejaVu Sans Mono", monospace; font-size: 18px; letter-spacing: 2px; }
        .url { font-size: 10px; color: #666; }
        @media print { .certificate { margin: 0; } }
        """
}

/// What anyone sees at `GET /certificates/{number}`: validity, holder, scope, rating and dates, nothing else.
public struct PublicCertificateReport: Sendable {
    public var certificate: PublicCertificate
    public var asOf: Day
    public var language: Language

    public init(_ certificate: PublicCertificate, asOf: Day, language: Language) {
        self.certificate = certificate
        self.asOf = asOf
        self.language = language
    }

    public func json() -> String {
        let c = certificate
        return JSONValue.object([
            "number": .string(c.number), "organisation": .string(c.organisation), "state": .string(c.state.rawValue),
            "valid": .bool(c.state == .valid), "as_of": .string(asOf.description),
            "state_since": .text(c.stateSince?.description),
            "scope": .object([
                "sites": .array(c.sites.map { .string($0) }),
                "product_categories": .array(c.productCategories.map { .string($0) }), "catalog": .string(c.catalog),
            ]),
            "rating": .string(c.rating),
            "rating_name": .object(
                Dictionary(
                    uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, .string(c.ratingName.text($0))) })),
            "issued": .string(c.issued.description), "expires": .string(c.expires.description),
            "verification_code": .string(c.verificationCode),
        ]).rendered()
    }

    public func html() -> String {
        let e = HTML.escape
        let w = Words(language: language)
        let c = certificate
        let valid = c.state == .valid
        var body = "<h1>" + e(w("证书核验", "Certificate verification")) + "</h1>\n"
        body +=
            "<p class=\"meta\">" + e(w("截至 \(HTML.date(asOf, language))", "On \(HTML.date(asOf, language))")) + "</p>\n"
        body +=
            "<section class=\"summary\" id=\"validity\" data-state=\"\(c.state.rawValue)\"><span class=\"badge rank-\(valid ? 1 : 0)\">"
            + e(c.state.name.text(language)) + "</span><span class=\"score\">\(e(c.number))</span>"
            + (c.stateSince.map { "<span>" + e(w("自 \($0)", "since \($0)")) + "</span>" } ?? "") + "</section>\n"
        body += "<table id=\"certificate\">\n"
        func row(_ label: String, _ value: String) { body += "<tr><th>\(e(label))</th><td>\(e(value))</td></tr>\n" }
        row(w("组织", "Organisation"), c.organisation)
        row(w("评级", "Rating"), c.ratingName.text(language))
        if !c.sites.isEmpty { row(w("认证场所", "Sites"), c.sites.joined(separator: w("、", ", "))) }
        if !c.productCategories.isEmpty {
            row(w("产品类别", "Product categories"), c.productCategories.joined(separator: w("、", ", ")))
        }
        row(w("评价目录", "Catalog"), c.catalog)
        row(w("发证日期", "Issued"), HTML.date(c.issued, language))
        row(w("有效期至", "Valid until"), HTML.date(c.expires, language))
        row(w("核验码", "Verification code"), c.verificationCode)
        body +=
            "</table>\n<footer>"
            + e(
                w(
                    "本页只显示证书的有效性、持证组织、范围、评级和日期。证书上的核验码应与上表一致。",
                    "This page shows only the certificate's validity, holder, scope, rating and dates. The verification code printed on the certificate must match the one above."
                )) + "</footer>"
        return HTML.page(title: w("证书核验", "Certificate verification") + " " + c.number, language: language, body: body)
    }
}

/// The key list a body publishes, for people: one line per key.
public struct KeyRingReport: Sendable {
    public var ring: KeyRing
    public var language: Language

    public init(_ ring: KeyRing, language: Language) {
        self.ring = ring
        self.language = language
    }

    public func text() -> String {
        let w = Words(language: language)
        if ring.keys.isEmpty { return w("没有已发布的密钥。", "No published keys.") + "\n" }
        return ring.keys.map { key in
            var line =
                key.id + "  " + DisplayWidth.pad(TerminalSafe.clean(key.owner), 14) + "  "
                + DisplayWidth.pad(key.role == .auditor ? w("审核员", "auditor") : w("认证决定人", "decision-maker"), 14)
                + w("  自 ", "  from ") + key.validFrom.description
            if let revoked = key.revoked {
                line +=
                    w("  已吊销 ", "  revoked ") + revoked.description
                    + (key.revocationReason.map { "（" + TerminalSafe.clean($0) + "）" } ?? "")
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

extension PublicCertificateReport {
    /// The page for a number the register does not hold.
    public static func notFound(number: String, language: Language) -> String {
        let w = Words(language: language)
        return notice(
            state: "unknown", badge: w("未找到", "Not found"),
            text: w("本机构的登记册中没有编号为「\(number)」的证书。", "This body's register holds no certificate numbered '\(number)'."),
            language: language)
    }

    /// The page when the register cannot be read (its database is down): nothing is said about the certificate.
    public static func unavailable(number: String, language: Language) -> String {
        let w = Words(language: language)
        return notice(
            state: "unavailable", badge: w("暂不可用", "Unavailable"),
            text: w(
                "登记册暂时无法读取，因此无法核验证书「\(number)」；请稍后再试。",
                "The register cannot be read just now, so certificate '\(number)' cannot be verified; please try again later."
            ),
            language: language)
    }

    private static func notice(state: String, badge: String, text: String, language: Language) -> String {
        let w = Words(language: language)
        let body =
            "<h1>" + HTML.escape(w("证书核验", "Certificate verification"))
            + "</h1>\n<section class=\"summary\" id=\"validity\" data-state=\"\(state)\">"
            + "<span class=\"badge rank-0\">" + HTML.escape(badge) + "</span><span>" + HTML.escape(text)
            + "</span></section>"
        return HTML.page(title: w("证书核验", "Certificate verification"), language: language, body: body)
    }
}
