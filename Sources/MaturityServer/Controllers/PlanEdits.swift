import Foundation
import MaturityCore

/// Edits of people's fields in a plan action, checked by the engine's plan loader.
enum PlanEdits {
    /// The fields of an action that belong to people, as the plan file names them.
    static let peopleKeys = ["owner", "due", "status", "root_cause", "measures", "progress", "completed"]

    /// What a PATCH of an action sets: each people's field given (a string, or null to clear it).
    struct Patch: Sendable {
        var values: [(key: String, value: String?)]

        /// The body as a JSON object of people's fields; derived or unknown fields are refused by name.
        static func decode(_ data: Data) throws -> Patch {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw APIError(
                    .unprocessableContent, "the request body is not what this route takes",
                    problems: [.init(location: "$", message: "expected an object")])
            }
            var values: [(String, String?)] = []
            var problems: [APIError.Problem] = []
            for key in object.keys.sorted() {
                let value = object[key]
                if PlanLoader.derivedKeys.contains(key) || ["id", "owner_role", "status_before"].contains(key) {
                    problems.append(
                        .init(
                            location: "$.\(key)",
                            message: "'\(key)' is derived from the assessment; it changes when the plan is made again",
                            hint: "people's fields: " + peopleKeys.joined(separator: ", ")))
                } else if !peopleKeys.contains(key) {
                    problems.append(
                        .init(
                            location: "$.\(key)", message: "'\(key)' is not a field of a plan action",
                            hint: Suggestion.hint(for: key, in: peopleKeys)))
                } else if value is NSNull {
                    if key == "status" {
                        problems.append(.init(location: "$.status", message: "an action always has a status"))
                    } else {
                        values.append((key, nil))
                    }
                } else if let text = value as? String {
                    values.append((key, text))
                } else {
                    problems.append(.init(location: "$.\(key)", message: "expected a string"))
                }
            }
            if !problems.isEmpty {
                throw APIError(.unprocessableContent, "the action's fields are not valid", problems: problems)
            }
            return Patch(values: values)
        }
    }

    /// The plan file's text with `patch` applied to action `id`: the values read by the plan loader as it reads
    /// a plan file (its messages for a wrong status or date, located at the field), the plan written whole.
    static func apply(_ patch: Patch, to id: String, in document: PlanDocument) throws -> String {
        if let kept = document.plan.entries.first(where: { !$0.extraKeys.isEmpty }) {
            throw APIError(
                .unprocessableContent,
                "the plan has fields maturity does not know ('\(kept.extraKeys.joined(separator: "', '"))' in action "
                    + "'\(kept.id)'), which an edit here would lose; edit plan.yaml as a file and import the folder again"
            )
        }
        let read = try read(patch)
        var plan = document.plan
        guard let index = plan.entries.firstIndex(where: { $0.id == id }) else { return document.text }
        for (key, _) in patch.values {
            switch key {
            case "owner": plan.entries[index].owner = read.owner
            case "due": plan.entries[index].due = read.due
            case "status":
                plan.entries[index].status = read.status
                plan.entries[index].statusBefore = nil
            case "root_cause": plan.entries[index].rootCause = read.rootCause
            case "measures": plan.entries[index].measures = read.measures
            case "progress": plan.entries[index].progress = read.progress
            case "completed": plan.entries[index].completed = read.completed
            default: break
            }
        }
        return PlanYAML.render(plan)
    }

    /// The patch's values as the plan loader reads them in a plan of one action; its errors become problems
    /// located at the field (`$.due`).
    static func read(_ patch: Patch) throws -> PlanEntry {
        var lines = ["schema: 1", "kind: plan", "organisation: x", "date: 2000-01-01", "actions:", "  - id: x"]
        var fieldAtLine: [Int: String] = [:]
        if !patch.values.contains(where: { $0.key == "status" }) { lines.append("    status: open") }
        for (key, value) in patch.values {
            guard let value else { continue }
            let written =
                ["status", "due", "completed"].contains(key) ? YAMLText.scalar(value) : YAMLText.quoted(value)
            lines.append("    \(key): \(written)")
            fieldAtLine[lines.count] = key
        }
        do {
            let document = try PlanLoader.parse(yaml: lines.joined(separator: "\n") + "\n", file: "plan.yaml")
            return document.plan.entries.first ?? PlanEntry(id: "x")
        } catch {
            let problems = error.diagnostics.filter(\.isError).map { diagnostic in
                APIError.Problem(
                    location: diagnostic.location.flatMap { fieldAtLine[$0.line] }.map { "$.\($0)" },
                    message: diagnostic.message, hint: diagnostic.hint)
            }
            throw APIError(.unprocessableContent, "the action's fields are not valid", problems: problems)
        }
    }

    /// Actions that are new or whose fields differ between two plans.
    static func changedActions(from old: Plan?, to new: Plan) -> Set<String> {
        func comparable(_ entry: PlanEntry) -> PlanEntry {
            var entry = entry
            entry.location = nil
            return entry
        }
        var before: [String: PlanEntry] = [:]
        for entry in old?.entries ?? [] where before[entry.id] == nil { before[entry.id] = comparable(entry) }
        return Set(new.entries.filter { before[$0.id] != comparable($0) }.map(\.id))
    }
}
