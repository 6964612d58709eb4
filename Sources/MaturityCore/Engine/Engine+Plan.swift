import Foundation

/// What an assessment's result asks for as a plan: the plan's header and one entry per action.
public struct GeneratedPlan: Sendable {
    public var header: Plan
    public var entries: [PlanEntry]
}

/// A plan file's new text and what changed in it.
public struct PlanWrite: Sendable {
    public var text: String
    public var update: PlanMerge.Update
}

extension Engine {
    /// The actions `result` produces, as plan entries with the auditor's verification, and the header.
    public func generatePlan(_ loaded: LoadedAssessment, result: AssessmentResult) -> GeneratedPlan {
        let builder = ActionBuilder(catalog: loaded.catalog)
        let entries = result.actions.map { PlanEntry($0, verification: builder.verification(for: $0)) }
        let header = Plan(
            catalog: "\(loaded.catalog.id)@\(loaded.catalog.version)",
            organisation: loaded.assessment.organisation.name,
            date: loaded.assessment.date, target: result.target, entries: [])
        return GeneratedPlan(header: header, entries: entries)
    }

    /// Reads the plan at `input`; its warnings come with the document.
    public func loadPlan(_ input: InputPath) throws(DiagnosticError) -> PlanDocument {
        guard files.kind(input.path) != .missing else {
            throw DiagnosticError(
                .error(
                    .fileDoesNotExist(.planFileLabel, input.shown), at: .file(input.shown),
                    hint: .writePlanWith(input.shown)))
        }
        return try PlanLoader.load(path: input.path, displayPath: input.shown, files: files)
    }

    /// Whether the file at `path` is a plan: it says `kind: plan` at the top level.
    public func isPlanFile(_ path: String) -> Bool {
        guard case .regular = files.kind(path), let data = try? files.contents(path) else { return false }
        return String(decoding: data.prefix(64 << 10), as: UTF8.self).split(whereSeparator: \.isNewline).contains {
            $0.hasPrefix("kind:") && $0.dropFirst(5).trimmingCharacters(in: .whitespaces) == "plan"
        }
    }

    /// The existing plan with the generated actions merged in (every person's edit kept, actions no longer
    /// produced superseded); a plan of another organisation is refused.
    public func mergePlan(_ existing: PlanDocument?, with generated: GeneratedPlan) throws(DiagnosticError)
        -> PlanMerge.Update
    {
        if let existing, existing.plan.organisation != generated.header.organisation {
            throw DiagnosticError(
                .error(
                    .planOfAnotherOrganisation(
                        plan: existing.plan.organisation, assessment: generated.header.organisation),
                    at: .start(of: existing.file), hint: .givePlanOfSameOrganisation))
        }
        return PlanMerge.merge(existing: existing?.plan, generated: generated.entries, header: generated.header)
    }

    /// The plan file's text after `update`: spliced into the existing text (every comment and field people
    /// wrote kept) or written in full for a new plan, and checked to read back. `file` names it in messages.
    public func planText(_ update: PlanMerge.Update, existing: PlanDocument?, file: String) throws(DiagnosticError)
        -> PlanWrite
    {
        var update = update
        let text: String
        if let existing {
            do {
                // The derived fields of pending actions are refreshed where they are written; the update
                // comes back listing each refresh.
                let written = try PlanYAML.written(update, to: existing)
                (text, update) = (written.text, written.update)
            } catch {
                switch error {
                case .cannotEdit(let id, let location):
                    throw DiagnosticError(
                        .error(.cannotChangeStatusInPlace(id), at: location, hint: .writeActionAsKeyValueLines))
                case .cannotAppend(let location):
                    throw DiagnosticError(.error(.cannotAppendActions, at: location, hint: .writeActionsAsList))
                }
            }
        } else {
            text = PlanYAML.render(update.plan)
        }
        // Never write a plan that would not read back.
        do {
            _ = try PlanLoader.parse(yaml: text, file: file)
        } catch {
            throw DiagnosticError(
                .error(
                    .updatedPlanWouldNotReadBack(file), at: .file(file),
                    hint: error.diagnostics.first.map { .rendered($0) }))
        }
        return PlanWrite(text: text, update: update)
    }
}
