import MaturityCore

/// What `maturity serve` says when it starts (where the data is, where it listens) and why it refuses to.
extension Diagnostic.Message {
    static func usingPostgreSQL(_ url: String) -> Self {
        .status(en: "database: PostgreSQL \(url)", zh: "数据库：PostgreSQL \(url)")
    }

    static func dataFolder(_ folder: String, created: Bool) -> Self {
        created
            ? .status(
                en: "data: created \(folder) (SQLite database maturity.sqlite, evidence files in blobs/)",
                zh: "数据：已新建 \(folder)（SQLite 数据库 maturity.sqlite，证据文件在 blobs/ 中）")
            : .status(
                en: "data: \(folder) (SQLite database maturity.sqlite, evidence files in blobs/)",
                zh: "数据：\(folder)（SQLite 数据库 maturity.sqlite，证据文件在 blobs/ 中）")
    }

    /// Logged when public verification could not read the register (the visitor is told so, not "not found").
    static func verificationFailed(_ number: String, error: String) -> Self {
        Self(
            en: "public verification of '\(number)' failed: \(error)", zh: "公开核验证书 '\(number)' 失败：\(error)")
    }

    static func listening(host: String, port: Int) -> Self {
        .status(
            en: "listening on http://\(host):\(port) (API under /api/v1, stop with Ctrl-C)",
            zh: "正在监听 http://\(host):\(port)（API 位于 /api/v1，按 Ctrl-C 停止）")
    }

    static func refusingToListen(_ host: String) -> Self {
        Self(
            en: "refusing to listen on '\(host)': no user account exists, and without accounts "
                + "the server answers anyone who can reach it, so it listens on this machine only",
            zh: "拒绝在 '\(host)' 上监听：还没有任何用户账号，而没有账号时服务器会回应任何能访问到它的人，"
                + "所以只在本机监听")
    }

    static let createFirstAdministrator = Self(
        en: "create the first administrator with 'maturity users add NAME --role cb-admin' (same --data or "
            + "--database), or use --host 127.0.0.1 (the default)",
        zh: "请先用 'maturity users add NAME --role cb-admin' 创建第一个管理员（使用相同的 --data 或 --database），"
            + "或使用 --host 127.0.0.1（默认值）")
}
