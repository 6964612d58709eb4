import Foundation
import Hummingbird
import MaturityCore
import MaturityReports
import MaturityStore

/// `/api/v1/assessments/{assessment}/plan`: the improvement plan made from the assessment through the engine
/// (`generatePlan`, merged into the plan people have been editing with `mergePlan`: their fields stay theirs,
/// nothing is ever deleted), and edits of one action's people's fields with the version the editor saw.
struct PlanController {
    let store: Store
    let engine: ServerEngine

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get(":assessment/plan", use: get)
        group.post(":assessment/plan", use: generate)
        group.get(":assessment/plan/actions/:action", use: action)
        group.patch(":assessment/plan/actions/:action", use: patchAction)
    }

    static let formats: [ReportFormat] = [.json, .yaml, .md, .csv, .ics, .html]

    @Sendable func get(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let options = try ReportOptions(request, formats: Self.formats)
        let (record, document) = try await stored(id)
        switch options.format {
        case .json:
            return JSONBody(PlanBody(document.plan, record: record)).response(
                status: .ok, etag: ETag.of(record.version))
        case .yaml:
            return ReportOptions.response(
                record.text, format: .yaml, etag: ETag.of(record.version), filename: "plan.yaml")
        default:
            let export = PlanExport(
                plan: document.plan, language: options.language,
                byteOrderMark: options.format == .csv && options.language == .zh)
            let text = Reports.plan.render(export, as: options.format) ?? ""
            let name = options.format == .html ? nil : "plan.\(options.format.rawValue)"
            return ReportOptions.response(text, format: options.format, etag: ETag.of(record.version), filename: name)
        }
    }

    /// The stored plan and the plan file read by the engine's loader; 404 when the assessment has none.
    func stored(_ id: String) async throws -> (PlanRecord, PlanDocument) {
        _ = try await store.assessments.revision(of: id)
        guard let record = try await store.plans.get(id) else {
            throw APIError.notFound("assessment '\(id)' has no plan yet; POST to its plan to make one")
        }
        do {
            return (record, try await engine.planDocument(record))
        } catch {
            throw ImportController.invalid(error)
        }
    }

    struct Generated: Encodable {
        var plan: PlanBody
        var changes: [Change]

        struct Change: Encodable {
            var id: String
            var change: String
        }
    }

    /// Makes the plan from the assessment as it is now, or merges the actions it produces now into the plan
    /// people have been editing (`If-Match` with the plan's ETag; `"0"` when there is none yet).
    @Sendable func generate(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let expected = try request.expectedVersion()
        let target = request.uri.queryParameters["target"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let update = try await regenerate(id, expected: expected, target: target)
        return JSONBody(update).response(status: .ok, etag: ETag.of(update.plan.version))
    }

    /// The regeneration itself, for the API and the pages.
    func regenerate(_ id: String, expected: Int, target: String? = nil) async throws -> Generated {
        let snapshot = try await store.assessments.get(id)
        let scored = try await engine.scoredOrRefused(snapshot, target: target, showingPath: true)
        let generated = scored.engine.generatePlan(scored.loaded, result: scored.result)
        do {
            let (record, changes) = try await store.plans.edit(id) { current in
                guard (current?.version ?? 0) == expected else {
                    throw StoreError.versionConflict(kind: "plan", id: id, current: current?.version ?? 0)
                }
                let existing = try current.map { try PlanLoader.parse(yaml: $0.text, file: "plan.yaml") }
                let update = try scored.engine.mergePlan(existing, with: generated)
                let write = try scored.engine.planText(update, existing: existing, file: "plan.yaml")
                let after = try PlanLoader.parse(yaml: write.text, file: "plan.yaml").plan
                let changed = PlanEdits.changedActions(from: existing?.plan, to: after)
                let changes = write.update.changes.map { Generated.Change(id: $0.id, change: $0.change.rawValue) }
                return (write.text, changed, after.entries.map(\.id), changes)
            }
            let plan = try PlanLoader.parse(yaml: record.text, file: "plan.yaml").plan
            return Generated(plan: PlanBody(plan, record: record), changes: changes)
        } catch let error as DiagnosticError {
            throw ImportController.invalid(error)
        } catch StoreError.versionConflict {
            let (record, document) = try await stored(id)
            throw APIError(
                .preconditionFailed,
                "the plan was changed by someone else since version \(expected); here it is as it is now",
                current: JSONBody(PlanBody(document.plan, record: record)), headers: [.eTag: ETag.of(record.version)])
        }
    }

    @Sendable func action(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let actionId = try context.parameters.require("action")
        let (record, document) = try await stored(id)
        guard let entry = document.plan.entry(actionId) else {
            throw APIError.notFound("the plan has no action '\(actionId)'")
        }
        let version = record.actions[actionId] ?? 1
        return JSONBody(PlanBody.Action(entry, version: version)).response(status: .ok, etag: ETag.of(version))
    }

    @Sendable func patchAction(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let actionId = try context.parameters.require("action")
        let expected = try request.expectedVersion()
        let data = try await request.bytes(upTo: 1 << 20, context: context)
        try TextInput.refuseNUL(inJSON: data)
        let patch = try PlanEdits.Patch.decode(data)
        let (entry, version) = try await edit(id, action: actionId, expected: expected, patch: patch)
        return JSONBody(PlanBody.Action(entry, version: version)).response(status: .ok, etag: ETag.of(version))
    }

    /// Changes people's fields of one action, if the editor saw its current version.
    func edit(_ id: String, action actionId: String, expected: Int, patch: PlanEdits.Patch) async throws
        -> (PlanEntry, Int)
    {
        _ = try await stored(id)
        let ownership = try await PlanOwnership.rule(for: id, store: store)
        do {
            let (record, entry) = try await store.plans.edit(id) { current in
                guard let current else { throw APIError.notFound("assessment '\(id)' has no plan yet") }
                let document = try PlanLoader.parse(yaml: current.text, file: "plan.yaml")
                guard let action = document.plan.entry(actionId) else {
                    throw APIError.notFound("the plan has no action '\(actionId)'")
                }
                try ownership?.check(action)
                let version = current.actions[actionId] ?? 1
                guard version == expected else {
                    throw StoreError.versionConflict(kind: "plan action", id: actionId, current: version)
                }
                let text = try PlanEdits.apply(patch, to: actionId, in: document)
                let after = try PlanLoader.parse(yaml: text, file: "plan.yaml").plan
                let changed = PlanEdits.changedActions(from: document.plan, to: after)
                return (text, changed, after.entries.map(\.id), after.entry(actionId))
            }
            guard let entry else { throw APIError.notFound("the plan has no action '\(actionId)'") }
            return (entry, record.actions[actionId] ?? 1)
        } catch let error as DiagnosticError {
            throw ImportController.invalid(error)
        } catch StoreError.versionConflict {
            let (record, document) = try await stored(id)
            let version = record.actions[actionId] ?? 1
            throw APIError(
                .preconditionFailed,
                "action '\(actionId)' was changed by someone else since version \(expected); here it is as it is now",
                current: document.plan.entry(actionId).map { JSONBody(PlanBody.Action($0, version: version)) },
                headers: [.eTag: ETag.of(version)])
        }
    }
}

/// A plan as the API shows it: the header, and every action with its version.
struct PlanBody: Encodable {
    var catalog: String?
    var organisation: String
    var date: String
    var target: String?
    var version: Int
    var actions: [Action]

    init(_ plan: Plan, record: PlanRecord) {
        catalog = plan.catalog
        organisation = plan.organisation
        date = plan.date.description
        target = plan.target
        version = record.version
        actions = plan.entries.map { Action($0, version: record.actions[$0.id] ?? 1) }
    }

    struct Text: Encodable {
        var zh: String
        var en: String

        init?(_ text: LocalizedText?) {
            guard let text else { return nil }
            zh = text.text(.zh)
            en = text.text(.en)
        }
    }

    struct KPITarget: Encodable {
        var kpi: String
        var better: String
        var value: Double
    }

    struct Action: Encodable {
        enum CodingKeys: String, CodingKey {
            case id, criterion, domain, kind, from, to, points, earned, what, owner, due, priority, purpose, status
            case progress, verification, completed, version, measures
            case evidenceNeeded = "evidence_needed"
            case kpiTarget = "kpi_target"
            case ownerRole = "owner_role"
            case statusBefore = "status_before"
            case rootCause = "root_cause"
        }

        var id: String
        var criterion: String?
        var domain: String?
        var kind: String?
        var from: Int?
        var to: Int?
        var points: Double?
        var earned: Double?
        var what: Text?
        var evidenceNeeded: [String]?
        var kpiTarget: KPITarget?
        var owner: String?
        var ownerRole: Text?
        var due: String?
        var priority: String?
        var purpose: String?
        var status: String
        var statusBefore: String?
        var rootCause: String?
        var measures: String?
        var progress: String?
        var verification: Text?
        var completed: String?
        var version: Int

        init(_ entry: PlanEntry, version: Int) {
            id = entry.id
            criterion = entry.criterion
            domain = entry.domain
            kind = entry.kind
            from = entry.from
            to = entry.to
            points = entry.points
            earned = entry.earned
            what = Text(entry.what)
            evidenceNeeded = entry.evidenceNeeded
            kpiTarget = entry.kpiTarget.map { KPITarget(kpi: $0.kpi, better: $0.better.rawValue, value: $0.value) }
            owner = entry.owner
            ownerRole = Text(entry.ownerRole)
            due = entry.due?.description
            priority = entry.priority?.rawValue
            purpose = entry.purpose?.rawValue
            status = entry.status.rawValue
            statusBefore = entry.statusBefore?.rawValue
            rootCause = entry.rootCause
            measures = entry.measures
            progress = entry.progress
            verification = Text(entry.verification)
            completed = entry.completed?.description
            self.version = version
        }
    }
}
