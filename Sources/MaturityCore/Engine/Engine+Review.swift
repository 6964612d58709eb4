import Foundation

extension Engine {
    /// A surveillance review of `loaded` against the previous result at `previous`, with the plan's progress
    /// when a plan is given. Problems with the previous result or the plan are errors; warnings come back.
    /// `showingPath` as for `score`: the current audit's path is left out unless asked for.
    public func review(
        _ loaded: LoadedAssessment, previous: InputPath, plan: InputPath? = nil, showingPath: Bool = false
    )
        throws(DiagnosticError) -> (review: Review, warnings: [Diagnostic])
    {
        let previousResult = try PreviousResultLoader.load(
            path: previous.path, displayPath: previous.shown, files: files)
        // The certificate's run at the lowest rating continues from the previous result, or starts now after
        // a suspension (the held time of star ratings).
        let heldSince = previousResult.runStart ?? loaded.assessment.date
        let current = Scorer(catalog: loaded.catalog, heldSince: heldSince)
            .score(loaded.assessment, kpis: loaded.kpis)
            .presented(showingPath: showingPath)
        let reviewer = Reviewer(catalog: loaded.catalog)
        var bag = DiagnosticBag()
        bag.append(contentsOf: reviewer.check(previous: previousResult, current: current))
        var planFile: Plan?
        var planWarnings: [Diagnostic] = []
        if let plan {
            let document = try loadPlan(plan)
            planWarnings = document.warnings
            if let problem = reviewer.check(plan: document.plan, file: plan.shown, current: current) {
                bag.append(problem)
            }
            planFile = document.plan
        }
        if bag.hasErrors { throw DiagnosticError(planWarnings + bag.sorted.filter(\.isError)) }
        return (
            reviewer.review(current: current, previous: previousResult, plan: planFile), planWarnings + bag.warnings
        )
    }

    /// Every result JSON in `folder` (`*.json`, hidden files aside), checked to belong to one organisation
    /// and one catalog, as a history.
    public func history(_ folder: InputPath) throws(DiagnosticError) -> History {
        var bag = DiagnosticBag()
        var results: [PreviousResult] = []
        for file in try resultFiles(in: folder) {
            do {
                results.append(try PreviousResultLoader.load(path: file.path, displayPath: file.shown, files: files))
            } catch {
                bag.append(contentsOf: error.diagnostics)
            }
        }
        try bag.throwIfErrors()
        bag.append(contentsOf: History.check(results))
        try bag.throwIfErrors()
        return History(results: results)
    }

    /// The result files of a history folder: `*.json`, hidden files aside, in name order.
    public func resultFiles(in folder: InputPath) throws(DiagnosticError) -> [InputPath] {
        switch files.kind(folder.path) {
        case .missing:
            throw DiagnosticError(.error(.fileDoesNotExist(.folderLabel, folder.shown), at: .file(folder.shown)))
        case .folder:
            break
        default:
            throw DiagnosticError(
                .error(.isNotAFolder(folder.shown), at: .file(folder.shown), hint: .giveFolderOfResults))
        }
        let all: [String]
        do {
            all = try files.names(inFolder: folder.path)
        } catch {
            throw DiagnosticError(
                .error(.cannotReadInput(.folderLabel, folder.shown, reason: error.reason), at: .file(folder.shown)))
        }
        let names = all.filter { $0.lowercased().hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else {
            throw DiagnosticError(
                .error(.noResultFiles(in: folder.shown), at: .file(folder.shown), hint: .saveResultsThere))
        }
        let shownFolder = folder.shown.hasSuffix("/") ? folder.shown : folder.shown + "/"
        return names.map { InputPath(PathText.join(folder.path, $0), shown: shownFolder + $0) }
    }
}
