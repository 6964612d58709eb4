/// The messages of reading a published key list (KeyRing) and a private key file (PrivateKeyFile).
extension Diagnostic.Message {
    /// "keys[0].owner is missing or not text": a field of the key list and what is wrong with it.
    static func keyField(_ path: String, _ problem: Self) -> Self {
        .key("\(path) ") + problem
    }

    static func notAKeyList(format: String) -> Self {
        Self(
            en: "not a key list: 'format' must be '\(format)' with 'keys' a list",
            zh: "不是密钥清单：'format' 应为 '\(format)'，且 'keys' 应为列表")
    }

    static let giveKeyListJSON = Self(
        en: "give the JSON that 'maturity registry keys --format json' writes",
        zh: "请给出 'maturity registry keys --format json' 写出的 JSON")

    static func signerRoles(_ roles: [String]) -> Self {
        Self(en: "roles: \(roles.joined(separator: ", "))", zh: "角色：\(roles.joined(separator: "、"))")
    }

    static let isNotAnEd25519Key = Self(
        en: "is not a 32-byte Ed25519 key in base64", zh: "不是 base64 编码的 32 字节 Ed25519 密钥")

    static func isNotTheIdOfItsKey(_ written: String, id: String) -> Self {
        Self(
            en: "'\(written)' is not the id of its public key, '\(id)'", zh: "'\(written)' 不是其公钥的 id（应为 '\(id)'）")
    }

    static let notAPrivateKeyFile = Self(en: "not a private key file of this tool", zh: "不是本工具的私钥文件")

    static let giveKeyFileFromKeysAdd = Self(
        en: "give the key file 'maturity registry keys add' wrote", zh: "请给出 'maturity registry keys add' 写出的密钥文件")
}
