import MaturityCore

/// The store's refusals in English and Chinese, as the command line prints them and the API answers them.
extension Diagnostic.Message {
    /// What a row is, named in the user's language: `assessment` / 评估. A kind not listed reads the same in both.
    public static func storedKind(_ kind: String) -> Self {
        let names = [
            "assessment": "评估", "catalog": "准则", "certificate": "证书", "criterion": "评价项",
            "evidence item": "证据", "finding": "审核发现", "imported result": "已导入的结果", "KPI value": "KPI 值",
            "key": "密钥", "nonconformity": "不符合项", "organisation": "组织", "plan": "改进计划",
            "plan action": "改进计划措施", "result": "结果", "user": "用户",
        ]
        return Self(en: kind, zh: names[kind] ?? kind)
    }

    /// The server's log when it cannot hear of the register's changes (and so keeps no answers until it can).
    static func registerNotListening(error: String) -> Self {
        Self(
            en: "not listening to the register's changes (kept answers let go): \(error)",
            zh: "无法获知登记册的变更（内存中保存的答复已全部放弃）：\(error)")
    }

    /// The server's log when changes staged for the audit trail could not be chained yet (they stay staged).
    static func auditNotSealed(error: String) -> Self {
        Self(
            en: "audit trail: staged records not chained yet (kept for the next try): \(error)",
            zh: "审计记录：暂存的记录尚未写入哈希链（保留待下次写入）：\(error)")
    }

    /// The server's log once every certificate's public answer has been read ahead.
    static func registerReadAhead(count: Int, seconds: String) -> Self {
        Self(
            en: "public answers of \(count) certificates read ahead in \(seconds) s",
            zh: "已预先读取 \(count) 张证书的公开核验答复，用时 \(seconds) 秒")
    }

    static func registerNotReadAhead(error: String) -> Self {
        Self(
            en: "public answers of the register not read ahead: \(error)",
            zh: "未能预先读取登记册的公开核验答复：\(error)")
    }

    static func newerSchema(found: Int, known: Int) -> Self {
        Self(
            en: "the database has schema version \(found), but this maturity knows versions up to \(known); "
                + "use a newer maturity, or restore a backup made before the upgrade",
            zh: "数据库的结构版本为 \(found)，而当前的 maturity 只认识到版本 \(known)；请使用更新的 maturity，或恢复升级前的备份")
    }

    static func invalidDatabaseURL(_ url: String) -> Self {
        Self(
            en: "'\(url)' is not a database URL; use postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE",
            zh: "'\(url)' 不是数据库地址；请使用 postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
    }

    static func databaseUnreachable(_ url: String, reason: String) -> Self {
        Self(
            en: "cannot connect to the database at \(url): \(reason); check the host, port, user, password and "
                + "database name, and that PostgreSQL is running",
            zh: "无法连接数据库 \(url)：\(reason)；请检查主机、端口、用户名、密码和数据库名，并确认 PostgreSQL 正在运行")
    }

    static func notStored(_ kind: String, _ id: String) -> Self {
        Self(en: "no \(kind) '\(id)'", zh: "没有\(storedKind(kind).zh) '\(id)'")
    }

    static func changedBySomeoneElse(_ kind: String, _ id: String, current: Int) -> Self {
        Self(
            en: "\(kind) '\(id)' was changed by someone else (now version \(current)); reload it and edit again",
            zh: "\(storedKind(kind).zh) '\(id)' 已被他人修改（现为第 \(current) 版）；请重新载入后再编辑")
    }

    static func existsAlready(_ kind: String, _ id: String) -> Self {
        Self(en: "\(kind) '\(id)' exists already", zh: "\(storedKind(kind).zh) '\(id)' 已存在")
    }

    static func storedFileTooLarge(_ name: String, size: Int, limit: Int) -> Self {
        Self(
            en: "'\(name)' is \(size) bytes, more than the \(limit) bytes a stored file may have",
            zh: "'\(name)' 有 \(size) 字节，超过了存储文件的上限 \(limit) 字节")
    }

    static let storeClosed = Self(
        en: "the store is closed: the server is shutting down; try again in a moment",
        zh: "数据存储已关闭：服务器正在停止；请稍后重试")

    static func storedFileMissing(_ sha256: String) -> Self {
        Self(en: "stored file \(sha256) is missing", zh: "存储的文件 \(sha256) 缺失")
    }

    // MARK: The register's store

    static func keyRevokedAlready(_ id: String, on day: Day) -> Self {
        Self(en: "key \(id) was revoked on \(day) already", zh: "密钥 \(id) 已于 \(day) 吊销")
    }

    static func ambiguousPrefix(_ kind: String, _ prefix: String) -> Self {
        Self(
            en: "more than one \(kind) starts with '\(prefix)'; give more of it",
            zh: "不止一个\(storedKind(kind).zh)以 '\(prefix)' 开头；请多给出几位")
    }

    static func resultImportedAlready(_ id: String, file: String) -> Self {
        Self(
            en: "this result was imported already (sign-off \(String(id.prefix(12))), from '\(file)')",
            zh: "该结果已导入过（签署摘要 \(String(id.prefix(12)))，来自 '\(file)'）")
    }

    // MARK: Decision signatures

    static func decisionKeyRevoked(_ id: String, owner: String, reason: String?, on day: Day) -> Self {
        Self(
            en: "key \(id) of '\(owner)' was revoked on \(day)" + (reason.map { " (\($0))" } ?? "")
                + "; a decision cannot be signed with it",
            zh: "'\(owner)' 的密钥 \(id) 已于 \(day) 吊销" + (reason.map { "（\($0)）" } ?? "")
                + "；不能用它签署认证决定")
    }

    static let decisionKeyUnknown = Self(
        en: "the signing key is not among the register's published keys", zh: "签名密钥不在注册库已发布的密钥之中")

    static func decisionKeyNotYetValid(_ id: String, from day: Day) -> Self {
        Self(en: "key \(id) is valid only from \(day)", zh: "密钥 \(id) 自 \(day) 起才有效")
    }

    static func decisionSignatureFails(_ check: String) -> Self {
        Self(en: "the decision's signature does not hold (\(check))", zh: "认证决定的签名不成立（\(check)）")
    }

    static func decisionKeyNotTheReviewer(owner: String, role: String, reviewer: String) -> Self {
        Self(
            en: "the key is \(owner)'s (\(role)); a decision by '\(reviewer)' is signed with the "
                + "reviewer's own decision-maker key",
            zh: "该密钥属于 \(owner)（\(role)）；'\(reviewer)' 作出的认证决定须用其本人的认证决定人员密钥签名")
    }

    // MARK: Backups

    static func backUpPostgreSQL(_ url: String) -> Self {
        Self(
            en: "the store is in PostgreSQL; back it up with PostgreSQL's own tool, which copies a "
                + "consistent snapshot while servers run: pg_dump --format=custom --file BACKUP.dump '\(url)'",
            zh: "数据存放在 PostgreSQL 中；请用 PostgreSQL 自带的工具备份，它能在服务器运行时复制一致的快照："
                + "pg_dump --format=custom --file BACKUP.dump '\(url)'")
    }

    static func noMaturityDatabase(_ path: String) -> Self {
        Self(en: "no maturity database at '\(path)'", zh: "'\(path)' 处没有 maturity 数据库")
    }
}

extension StoreError {
    /// The refusal in the user's language.
    public var message: Diagnostic.Message {
        switch self {
        case .newerSchema(let found, let known): return .newerSchema(found: found, known: known)
        case .invalidDatabaseURL(let url): return .invalidDatabaseURL(url)
        case .databaseUnreachable(let url, let reason): return .databaseUnreachable(url, reason: reason)
        case .notFound(let kind, let id): return .notStored(kind, id)
        case .versionConflict(let kind, let id, let current): return .changedBySomeoneElse(kind, id, current: current)
        case .duplicate(let kind, let id): return .existsAlready(kind, id)
        case .fileTooLarge(let name, let size, let limit): return .storedFileTooLarge(name, size: size, limit: limit)
        case .blobMissing(let sha256): return .storedFileMissing(sha256)
        case .closed: return .storeClosed
        }
    }
}

extension RegisterStoreError {
    /// The refusal in the user's language.
    public var message: Diagnostic.Message {
        switch self {
        case .keyRevoked(let id, let on): return .keyRevokedAlready(id, on: on)
        case .ambiguous(let kind, let prefix): return .ambiguousPrefix(kind, prefix)
        case .resultImported(let id, let file): return .resultImportedAlready(id, file: file)
        }
    }

    public var description: String { message.en }
}

extension RegisterSigningError {
    /// The refusal in the user's language.
    public var message: Diagnostic.Message {
        switch self {
        case .invalid(.revoked(let key, let on)):
            return .decisionKeyRevoked(key.id, owner: key.owner, reason: key.revocationReason, on: on)
        case .invalid(.unknownKey): return .decisionKeyUnknown
        case .invalid(.notYetValid(let key)): return .decisionKeyNotYetValid(key.id, from: key.validFrom)
        case .invalid(let other): return .decisionSignatureFails("\(other)")
        case .notTheReviewer(let owner, let role, let reviewer):
            return .decisionKeyNotTheReviewer(owner: owner, role: role.rawValue, reviewer: reviewer)
        }
    }

    public var description: String { message.en }
}

extension Backup.Problem {
    /// Why the backup was not made, in the user's language.
    public var message: Diagnostic.Message {
        switch self {
        case .postgres(let url): return .backUpPostgreSQL(url)
        case .noDatabase(let path): return .noMaturityDatabase(path)
        }
    }

    public var description: String { message.en }
}
