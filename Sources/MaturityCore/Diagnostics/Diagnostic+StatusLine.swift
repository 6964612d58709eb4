extension Diagnostic.Message {
    /// A status line in English and Chinese: what a command did ("wrote …", "imported …", where the server
    /// listens), printed in the user's language like a diagnostic but not one. Status lines are listed in
    /// docs/errors.zh.md with every other message; docs/errors.md documents only the diagnostics.
    public static func status(en: String, zh: String) -> Self {
        Self(en: en, zh: zh)
    }
}
