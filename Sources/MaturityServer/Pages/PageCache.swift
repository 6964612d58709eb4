import Foundation

/// Assessment pages as rendered for one revision, language and view (a filter, the plan's version): a page
/// shown without a notice or a problem depends on nothing else, so it is rendered once and served again until
/// the assessment changes. What differs per person — the session's form token — is not kept: the page is
/// rendered without it and the token is put into its forms for each request.
typealias PageCache = BoundedCache<String, String>

extension PagesController {
    /// The page `name` of the assessment in `data` (`view`: whatever else the page shows depends on), from the
    /// cache or rendered by `render` without the session's form token; the token is added to its forms here.
    func cachedPage(
        _ data: AssessmentPageData, _ name: String, view: String = "", _ render: () async throws -> String
    ) async rethrows -> String {
        let key = [name, data.id, String(data.snapshot.assessment.revision), data.t.language.rawValue, view]
            .joined(separator: "|")
        if let page = await engine.pages.get(key) { return PageShell.withFormToken(page) }
        var tokenless = Principal.current
        tokenless.csrf = nil
        let page = try await Principal.$current.withValue(tokenless) { try await render() }
        await engine.pages.set(key, page)
        return PageShell.withFormToken(page)
    }
}
