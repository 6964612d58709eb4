import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// Writes a stored assessment as the `assessment.yaml` the command line reads: the same keys, in the
/// order a person would write them, every value quoted where YAML would misread it.
///
/// Reading the text back gives the stored values (checked by the round-trip tests), so scoring the
/// written folder with `maturity assess` gives what the server gives.
enum AssessmentYAMLWriter {
    static func render(_ snapshot: AssessmentSnapshot, criteriaOrder: [String] = []) -> String {
        // The same ids come back many times (every criterion cites evidence items): each is looked at once.
        var written: [String: String] = [:]
        func s(_ text: String) -> String {
            if let known = written[text] { return known }
            let scalar = AssessmentYAMLWriter.s(text)
            written[text] = scalar
            return scalar
        }
        let record = snapshot.assessment
        var lines: [String] = ["schema: 1", "catalog: \(s(record.catalogReference))"]
        var organisation = "organisation: {name: \(s(record.organisationName))"
        if let site = record.site { organisation += ", site: \(s(site))" }
        lines.append(organisation + "}")
        lines.append("kind: \(s(record.kind))")
        lines.append("date: \(record.date)")
        if let assessor = record.assessor { lines.append("assessor: \(s(assessor))") }
        if let auditor = record.auditor { lines.append("auditor: \(s(auditor))") }
        if let profile = record.profile { lines.append("profile: \(s(profile))") }
        if !record.owners.isEmpty {
            lines.append("")
            lines.append("owners:")
            for (key, person) in record.owners.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(s(key)): \(s(person))")
            }
        }
        if !snapshot.evidence.isEmpty {
            lines.append("")
            lines.append("evidence:")
            for item in snapshot.evidence {
                var fields = ["id: \(s(item.item))", "kind: \(s(item.kind))", "title: \(s(item.title))"]
                if let date = item.date { fields.append("date: \(day(date))") }
                if let file = item.file { fields.append("file: \(s(file))") }
                if let by = item.supersededBy { fields.append("superseded_by: \(s(by))") }
                if let until = item.validUntil { fields.append("valid_until: \(day(until))") }
                lines.append("  - {" + fields.joined(separator: ", ") + "}")
            }
        }
        if !snapshot.metrics.isEmpty {
            lines.append("")
            lines.append("metrics:")
            for metric in snapshot.metrics { lines.append("  \(s(metric.kpi)): \(number(metric.value))") }
        }
        if let file = record.ticketsFile {
            var tickets = "tickets: {file: \(s(file))"
            if let mapping = record.ticketsMapping { tickets += ", mapping: \(s(mapping))" }
            lines.append("")
            lines.append(tickets + "}")
        }
        if !snapshot.criteria.isEmpty {
            lines.append("")
            lines.append("criteria:")
            let rank = Dictionary(criteriaOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let ordered = snapshot.criteria.sorted {
                (rank[$0.criterion] ?? Int.max, $0.position, $0.criterion)
                    < (rank[$1.criterion] ?? Int.max, $1.position, $1.criterion)
            }
            for entry in ordered { lines.append("  \(s(entry.criterion)): {" + criterionFields(entry, s) + "}") }
        }
        if !snapshot.adjustments.isEmpty {
            lines.append("")
            lines.append("adjustments:")
            for adjustment in snapshot.adjustments {
                lines.append("  - id: \(s(adjustment.adjustment))")
                lines.append("    kind: \(s(adjustment.kind))")
                if let criterion = adjustment.criterion { lines.append("    criterion: \(s(criterion))") }
                lines.append("    text: \(YAMLText.quoted(adjustment.text))")
                if let note = adjustment.note { lines.append("    note: \(YAMLText.quoted(note))") }
            }
        }
        if !snapshot.findings.isEmpty {
            lines.append("")
            lines.append("findings:")
            for finding in snapshot.findings {
                lines.append("  - id: \(s(finding.finding))")
                if let criterion = finding.criterion { lines.append("    criterion: \(s(criterion))") }
                lines.append("    grade: \(s(finding.grade))")
                if let clause = finding.clause { lines.append("    clause: \(YAMLText.quoted(clause))") }
                if !finding.evidence.isEmpty { lines.append("    evidence: \(list(finding.evidence, s))") }
                if let due = finding.due { lines.append("    due: \(day(due))") }
                lines.append("    text: \(YAMLText.quoted(finding.text))")
                lines.append("    status: \(s(finding.status))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func criterionFields(_ entry: CriterionRecord, _ s: (String) -> String = s) -> String {
        var fields: [String] = []
        if let claimed = entry.claimed { fields.append("claimed: \(claimed)") }
        if let audited = entry.audited { fields.append("audited: \(audited)") }
        if let earned = entry.earned { fields.append("earned: \(number(earned))") }
        if let earned = entry.auditedEarned { fields.append("audited_earned: \(number(earned))") }
        if let sample = entry.sample { fields.append("sample: \(self.sample(sample))") }
        if let sample = entry.auditedSample { fields.append("audited_sample: \(self.sample(sample))") }
        if !entry.evidence.isEmpty { fields.append("evidence: \(list(entry.evidence, s))") }
        if let note = entry.note { fields.append("note: \(YAMLText.quoted(note))") }
        if let na = entry.na { fields.append("na: \(YAMLText.quoted(na))") }
        return fields.joined(separator: ", ")
    }

    static func s(_ text: String) -> String {
        // Flow collections end at ',', ']' and '}', so those characters need quotes here too.
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "[" || $0 == "]" || $0 == "{" || $0 == "}" }) {
            return YAMLText.quoted(text)
        }
        return YAMLText.scalar(text)
    }

    /// A date as written; anything else quoted, so the loader reports it as a wrong value, not broken YAML.
    static func day(_ text: String) -> String { Day(iso: text) != nil ? text : YAMLText.quoted(text) }

    static func sample(_ sample: SampleRecord) -> String {
        "{size: \(sample.size), conforming: \(sample.conforming)}"
    }

    static func list(_ ids: [String], _ s: (String) -> String = s) -> String {
        "[" + ids.map(s).joined(separator: ", ") + "]"
    }

    /// A number as YAML reads it back exactly: integers without a fraction, others in the shortest form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
