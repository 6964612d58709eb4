import MaturityCore
import MaturitySheets

/// A catalog read back from a workbook laid out as `catalog show --format xlsx` writes it: the cells
/// become the catalog's YAML, checked by the same loader as a hand-written catalog (so the result
/// passes `catalog lint`), with every problem reported at its cell.
public enum CatalogImport {
    public struct Imported: Sendable {
        public var yaml: String
        public var catalog: Catalog
        public var warnings: [Diagnostic]
    }

    public static func reads(_ sheet: String) -> Bool {
        [SheetName.catalog, .levels, .ratings, .evidenceKinds, .kpis, .domains, .criteria, .renamed].contains {
            $0.matches(sheet)
        }
    }

    public static func read(_ workbook: ReadWorkbook) throws(DiagnosticError) -> Imported {
        var reader = Reader(workbook: workbook)
        let yaml = reader.build()
        var problems = reader.bag.all
        var catalog: Catalog?
        var warnings: [Diagnostic] = []
        if let yaml, !reader.bag.hasErrors {
            do {
                let loaded = try CatalogLoader.load(yaml: yaml.text, file: workbook.file)
                catalog = loaded.value
                warnings = yaml.relocate(loaded.warnings, file: workbook.file)
            } catch {
                problems += yaml.relocate(error.diagnostics, file: workbook.file)
            }
        }
        let order = workbook.sheetNames
        let errors = SheetImportProblem.inSheetOrder(problems.filter(\.isError), sheets: order)
        if !errors.isEmpty { throw DiagnosticError(errors) }
        guard let yaml, let catalog else { throw DiagnosticError(problems) }
        return Imported(
            yaml: yaml.text, catalog: catalog, warnings: SheetImportProblem.inSheetOrder(warnings, sheets: order))
    }

    struct Reader {
        let workbook: ReadWorkbook
        var bag = DiagnosticBag()
        var yaml = LocatedYAML(fallback: nil)

        func sheet(_ name: SheetName) -> ReadSheet? {
            workbook.sheets.first { name.matches($0.name) }
        }

        mutating func grid(_ name: SheetName, _ columns: [SheetColumn], required: Bool = true) -> SheetGrid? {
            guard let sheet = sheet(name) else {
                if required {
                    bag.append(SheetImportProblem.missingSheet(name, file: workbook.file, found: workbook.sheetNames))
                }
                return nil
            }
            return SheetGrid.find(in: sheet, required: [columns[0]], known: columns, bag: &bag)
        }

        /// `{zh: …, en: …}` from a pair of columns; a plain string when both say the same; nil when empty.
        mutating func localized(_ grid: SheetGrid, _ row: ReadRow, _ key: String)
            -> [(key: String, value: String, place: SourceLocation?)]?
        {
            let zh = grid.text(row, key + "_zh", bag: &bag)
            let en = grid.text(row, key + "_en", bag: &bag)
            if let zh, let en, zh == en { return [("", YAMLText.quoted(zh), grid.location(row, key + "_zh"))] }
            var fields: [(key: String, value: String, place: SourceLocation?)] = []
            if let zh { fields.append(("zh", YAMLText.quoted(zh), grid.location(row, key + "_zh"))) }
            if let en { fields.append(("en", YAMLText.quoted(en), grid.location(row, key + "_en"))) }
            return fields.isEmpty ? nil : fields
        }

        /// Appends `key: <text>` to the current line for a localized pair of columns.
        mutating func appendText(_ key: String, _ grid: SheetGrid, _ row: ReadRow, column: String, first: Bool = false)
        {
            guard let fields = localized(grid, row, column) else { return }
            yaml.append((first ? "" : ", ") + key + ": ")
            if fields.count == 1, fields[0].key.isEmpty {
                yaml.append(fields[0].value, at: fields[0].place)
            } else {
                yaml.flow(fields)
            }
        }

        /// A localized text as a block line `key: …` at `indent`.
        mutating func textLine(_ indent: String, _ key: String, _ grid: SheetGrid, _ row: ReadRow, column: String) {
            guard let fields = localized(grid, row, column) else { return }
            yaml.line(indent + key + ": ", at: fields[0].place)
            if fields.count == 1, fields[0].key.isEmpty {
                yaml.append(fields[0].value, at: fields[0].place)
            } else {
                yaml.flow(fields)
            }
        }

        mutating func number(_ grid: SheetGrid, _ row: ReadRow, _ key: String) -> (String, SourceLocation)? {
            grid.number(row, key, bag: &bag).map { (SheetGrid.numberText($0), grid.location(row, key)) }
        }

        mutating func direction(_ grid: SheetGrid, _ row: ReadRow, _ key: String) -> String? {
            guard let text = grid.text(row, key, bag: &bag) else { return nil }
            switch SheetColumn.normalise(text) {
            case "lower", "越低越好", "低": return "lower"
            case "higher", "越高越好", "高": return "higher"
            default:
                bag.append(SheetImportProblem.badDirection(text, at: grid.location(row, key)))
                return nil
            }
        }

        mutating func build() -> LocatedYAML? {
            yaml.line("# Imported from \(workbook.file) by 'maturity catalog import'.")
            yaml.line("schema: 1")
            facts()
            levels()
            ratings()
            kinds()
            kpis()
            domainsAndCriteria()
            renamed()
            return yaml
        }

        mutating func facts() {
            guard let sheet = sheet(.catalog) else {
                bag.append(SheetImportProblem.missingSheet(.catalog, file: workbook.file, found: workbook.sheetNames))
                return
            }
            yaml.fallback = sheet.location
            // Label in one column, value in the next, one fact a row.
            var values: [String: ReadCell] = [:]
            for row in sheet.rows {
                for cell in row.cells {
                    guard case .text(let text) = cell.content,
                        let column = CatalogWorkbook.facts.first(where: { $0.matches(text) }),
                        let value = row.cell(cell.column + 1)
                    else { continue }
                    values[column.key] = value
                }
            }
            let single = { (key: String) -> (SheetGrid, ReadRow)? in
                guard let cell = values[key] else { return nil }
                return (
                    SheetGrid(sheet: sheet, headerRow: 0, columns: [key: cell.column]),
                    ReadRow(number: cell.row, cells: [cell])
                )
            }
            for key in ["id", "version"] {
                if let (grid, row) = single(key), let text = grid.text(row, key, bag: &bag) {
                    yaml.line("\(key): \(YAMLText.quoted(text))", at: grid.location(row, key))
                } else {
                    let label = CatalogWorkbook.facts.first { $0.key == key }
                    bag.append(
                        SheetImportProblem.noField("\(label?.zh ?? key) / \(label?.en ?? key)", at: sheet.location))
                }
            }
            var title: [(key: String, value: String, place: SourceLocation?)] = []
            for language in Language.allCases {
                let key = "title_\(language.rawValue)"
                if let (grid, row) = single(key), let text = grid.text(row, key, bag: &bag) {
                    title.append((language.rawValue, YAMLText.quoted(text), grid.location(row, key)))
                }
            }
            if !title.isEmpty {
                yaml.line("title: ")
                if title.count == 2, title[0].value == title[1].value {
                    yaml.append(title[0].value, at: title[0].place)
                } else {
                    yaml.flow(title)
                }
            }
            if let (grid, row) = single("evidence_max_age_days"),
                let (text, place) = number(grid, row, "evidence_max_age_days")
            {
                yaml.line("evidence_max_age_days: \(text)", at: place)
            }
            var deadlines: [(key: String, value: String, place: SourceLocation?)] = []
            for grade in FindingGrade.allCases {
                let key = "deadline_\(grade.rawValue)"
                if let (grid, row) = single(key), let (text, place) = number(grid, row, key) {
                    deadlines.append((grade.rawValue, text, place))
                }
            }
            if !deadlines.isEmpty {
                yaml.line("deadlines: ")
                yaml.flow(deadlines)
            }
        }

        mutating func levels() {
            guard let grid = grid(.levels, CatalogWorkbook.levelColumns) else { return }
            yaml.line("levels:")
            var leadDays: [(key: String, value: String, place: SourceLocation?)] = []
            for row in grid.dataRows {
                guard let (level, place) = number(grid, row, "level") else {
                    bag.append(SheetImportProblem.noId("level", at: grid.location(row, "level")))
                    continue
                }
                yaml.line("  - {level: ", at: place)
                yaml.append(level, at: place)
                appendText("name", grid, row, column: "name")
                let kinds = grid.list(row, "evidence", bag: &bag)
                if !kinds.isEmpty {
                    yaml.append(", evidence: ", at: grid.location(row, "evidence"))
                    yaml.append(
                        "[" + kinds.map(YAMLText.scalar).joined(separator: ", ") + "]",
                        at: grid.location(row, "evidence"))
                }
                appendText("description", grid, row, column: "description")
                yaml.append("}")
                if let (days, place) = number(grid, row, "lead_days") { leadDays.append((level, days, place)) }
            }
            if !leadDays.isEmpty {
                yaml.line("lead_days: ")
                yaml.flow(leadDays)
            }
        }

        mutating func ratings() {
            guard let grid = grid(.ratings, CatalogWorkbook.ratingColumns) else { return }
            yaml.line("ratings:")
            for row in grid.dataRows {
                guard let id = grid.text(row, "id", bag: &bag) else {
                    bag.append(SheetImportProblem.noId("rating id", at: grid.location(row, "id")))
                    continue
                }
                yaml.line("  - {id: ", at: grid.location(row, "id"))
                yaml.append(YAMLText.scalar(id), at: grid.location(row, "id"))
                appendText("name", grid, row, column: "name")
                for key in ["overall_min", "domain_min", "key_level_min"] {
                    if let (text, place) = number(grid, row, key) {
                        yaml.append(", \(key): ", at: place); yaml.append(text, at: place)
                    }
                }
                var open: [(key: String, value: String, place: SourceLocation?)] = []
                for grade in FindingGrade.allCases {
                    if let (text, place) = number(grid, row, "max_open_\(grade.rawValue)") {
                        open.append((grade.rawValue, text, place))
                    }
                }
                if !open.isEmpty {
                    yaml.append(", max_open: ")
                    yaml.flow(open)
                }
                if let required = criterionLevels(grid, row, "criterion_min"), !required.isEmpty {
                    yaml.append(", criterion_min: ", at: required[0].place)
                    yaml.flow(required)
                }
                yaml.append("}")
            }
        }

        mutating func kinds() {
            guard let grid = grid(.evidenceKinds, CatalogWorkbook.kindColumns, required: false) else { return }
            let rows = grid.dataRows
            guard !rows.isEmpty else { return }
            yaml.line("evidence_kinds:")
            for row in rows {
                guard let id = grid.text(row, "id", bag: &bag) else {
                    bag.append(SheetImportProblem.noId("evidence kind id", at: grid.location(row, "id")))
                    continue
                }
                yaml.line("  - {id: ", at: grid.location(row, "id"))
                yaml.append(YAMLText.scalar(id), at: grid.location(row, "id"))
                appendText("name", grid, row, column: "name")
                if let age = maxAge(grid, row) {
                    yaml.append(", max_age_days: ", at: grid.location(row, "max_age_days"))
                    yaml.append(age, at: grid.location(row, "max_age_days"))
                }
                yaml.append("}")
            }
        }

        /// An evidence kind's validity: days, or `null` for a kind without an age limit (不限, unlimited).
        mutating func maxAge(_ grid: SheetGrid, _ row: ReadRow) -> String? {
            guard let cell = grid.cell(row, "max_age_days") else { return nil }
            if case .text(let text) = cell.content,
                CatalogWorkbook.unlimitedAge.contains(SheetColumn.normalise(text))
            {
                return "null"
            }
            return number(grid, row, "max_age_days")?.0
        }

        /// `MS-08: 5; MS-10: 5` — criteria a rating requires at a level of their own.
        mutating func criterionLevels(_ grid: SheetGrid, _ row: ReadRow, _ key: String)
            -> [(key: String, value: String, place: SourceLocation?)]?
        {
            guard let text = grid.text(row, key, bag: &bag) else { return nil }
            var pairs: [(key: String, value: String, place: SourceLocation?)] = []
            for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "," || $0 == "，" || $0 == "\n" }) {
                let pieces = part.split(whereSeparator: { $0 == ":" || $0 == "：" }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pieces.count == 2, !pieces[0].isEmpty, let level = Int(pieces[1]) else {
                    bag.append(SheetImportProblem.badCriterionLevels(text, at: grid.location(row, key)))
                    return nil
                }
                pairs.append((YAMLText.scalar(pieces[0]), String(level), grid.location(row, key)))
            }
            return pairs
        }

        mutating func kpis() {
            guard let grid = grid(.kpis, CatalogWorkbook.kpiColumns, required: false) else { return }
            let rows = grid.dataRows
            guard !rows.isEmpty else { return }
            yaml.line("kpis:")
            for row in rows {
                guard let id = grid.text(row, "id", bag: &bag) else {
                    bag.append(SheetImportProblem.noId("KPI id", at: grid.location(row, "id")))
                    continue
                }
                yaml.line("  - {id: ", at: grid.location(row, "id"))
                yaml.append(YAMLText.scalar(id), at: grid.location(row, "id"))
                appendText("name", grid, row, column: "name")
                if let unit = grid.text(row, "unit", trim: false, bag: &bag) {
                    yaml.append(", unit: ", at: grid.location(row, "unit"))
                    yaml.append(YAMLText.quoted(unit), at: grid.location(row, "unit"))
                }
                if let better = direction(grid, row, "better") {
                    yaml.append(", better: ", at: grid.location(row, "better"))
                    yaml.append(better, at: grid.location(row, "better"))
                }
                yaml.append("}")
            }
        }

        mutating func domainsAndCriteria() {
            guard let domains = grid(.domains, CatalogWorkbook.domainColumns) else { return }
            let maxLevel = max(1, levelCount() - 1)
            let columns = CatalogWorkbook(catalog: placeholder(maxLevel: maxLevel), language: .en).criterionColumns()
            guard let criteria = grid(.criteria, columns) else { return }
            var byDomain: [String: [ReadRow]] = [:]
            var domainIds: [String] = []
            var domainRows: [(String, ReadRow)] = []
            var seen: [String: SourceLocation] = [:]
            for row in domains.dataRows {
                guard let id = domains.text(row, "id", bag: &bag) else {
                    bag.append(SheetImportProblem.noId("domain id", at: domains.location(row, "id")))
                    continue
                }
                if let first = seen[id] {
                    bag.append(
                        SheetImportProblem.listedTwice("domain", id, first: first, at: domains.location(row, "id")))
                    continue
                }
                seen[id] = domains.location(row, "id")
                domainIds.append(id)
                domainRows.append((id, row))
            }
            var criterionIds: [String: SourceLocation] = [:]
            for row in criteria.dataRows {
                if let id = criteria.text(row, "id", bag: &bag) {
                    if let first = criterionIds[id] {
                        bag.append(
                            SheetImportProblem.listedTwice(
                                "criterion", id, first: first, at: criteria.location(row, "id")))
                        continue
                    }
                    criterionIds[id] = criteria.location(row, "id")
                }
                guard let domain = criteria.text(row, "domain", bag: &bag) else {
                    bag.append(SheetImportProblem.noId("domain", at: criteria.location(row, "domain")))
                    continue
                }
                guard domainIds.contains(domain) else {
                    let id = criteria.text(row, "id", bag: &bag) ?? "?"
                    bag.append(
                        SheetImportProblem.unknownDomain(
                            domain, criterion: id, known: domainIds, at: criteria.location(row, "domain")))
                    continue
                }
                byDomain[domain, default: []].append(row)
            }
            yaml.line("domains:")
            for (id, row) in domainRows {
                yaml.line("  - id: ", at: domains.location(row, "id"))
                yaml.append(YAMLText.scalar(id), at: domains.location(row, "id"))
                textLine("    ", "name", domains, row, column: "name")
                if let (text, place) = number(domains, row, "weight") { yaml.line("    weight: \(text)", at: place) }
                textLine("    ", "owner", domains, row, column: "owner")
                let rows = byDomain[id] ?? []
                yaml.line("    criteria:" + (rows.isEmpty ? " []" : ""), at: domains.location(row, "id"))
                for criterionRow in rows { criterion(criteria, criterionRow, maxLevel: maxLevel) }
            }
        }

        /// The number of scale levels the levels sheet lists (for the criteria sheet's level columns).
        func levelCount() -> Int {
            guard let sheet = sheet(.levels) else { return 6 }
            return max(2, sheet.rows.count - 1)
        }

        func placeholder(maxLevel: Int) -> Catalog {
            Catalog(
                id: "", version: "", title: LocalizedText(""),
                levels: (0...maxLevel).map { ScaleLevel(level: $0, name: LocalizedText("")) }, ratings: [], domains: [])
        }

        mutating func criterion(_ grid: SheetGrid, _ row: ReadRow, maxLevel: Int) {
            let id = grid.text(row, "id", bag: &bag)
            guard let id else {
                bag.append(SheetImportProblem.noId("criterion id", at: grid.location(row, "id")))
                return
            }
            yaml.line("      - id: ", at: grid.location(row, "id"))
            yaml.append(YAMLText.scalar(id), at: grid.location(row, "id"))
            textLine("        ", "name", grid, row, column: "name")
            if let (text, place) = number(grid, row, "weight") { yaml.line("        weight: \(text)", at: place) }
            if let text = grid.text(row, "key", bag: &bag) {
                if let key = SheetValues.yesNo(text) {
                    yaml.line("        key: \(key)", at: grid.location(row, "key"))
                } else {
                    bag.append(SheetImportProblem.notYesOrNo(text, at: grid.location(row, "key")))
                }
            }
            textLine("        ", "owner", grid, row, column: "owner")
            textLine("        ", "description", grid, row, column: "description")
            yaml.line("        levels:", at: grid.location(row, "level1_zh"))
            for level in 1...maxLevel { textLine("          ", "\(level)", grid, row, column: "level\(level)") }
            if let text = grid.text(row, "evidence", bag: &bag) {
                var overrides: [(Int, [String])] = []
                for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "\n" }) {
                    let pieces = part.split(separator: ":", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    guard pieces.count == 2, let level = Int(pieces[0]) else {
                        bag.append(SheetImportProblem.badEvidenceOverride(text, at: grid.location(row, "evidence")))
                        overrides = []
                        break
                    }
                    overrides.append((level, SheetGrid.splitList(pieces[1])))
                }
                if !overrides.isEmpty {
                    yaml.line("        evidence: ", at: grid.location(row, "evidence"))
                    yaml.flow(
                        overrides.map {
                            (
                                "\($0.0)", "[" + $0.1.map(YAMLText.scalar).joined(separator: ", ") + "]",
                                grid.location(row, "evidence")
                            )
                        })
                }
            }
            if let kpi = grid.text(row, "kpi", bag: &bag) {
                yaml.line("        metric: ", at: grid.location(row, "kpi"))
                var fields: [(key: String, value: String, place: SourceLocation?)] = [
                    ("kpi", YAMLText.scalar(kpi), grid.location(row, "kpi"))
                ]
                if let better = direction(grid, row, "better") {
                    fields.append(("better", better, grid.location(row, "better")))
                }
                var thresholds: [(key: String, value: String, place: SourceLocation?)] = []
                for level in 1...maxLevel {
                    if let (text, place) = number(grid, row, "threshold\(level)") {
                        thresholds.append(("\(level)", text, place))
                    }
                }
                yaml.append("{")
                for (index, field) in fields.enumerated() {
                    yaml.append((index == 0 ? "" : ", ") + field.key + ": ", at: field.place)
                    yaml.append(field.value, at: field.place)
                }
                if !thresholds.isEmpty {
                    yaml.append(", thresholds: ", at: thresholds[0].place)
                    yaml.flow(thresholds)
                }
                yaml.append("}")
            }
            var actions: [Int] = []
            for level in 1...maxLevel where localizedPresent(grid, row, "action\(level)") { actions.append(level) }
            if !actions.isEmpty {
                yaml.line("        actions:")
                for level in actions { textLine("          ", "\(level)", grid, row, column: "action\(level)") }
            }
            if let sources = grid.text(row, "sources", bag: &bag) {
                let list = sources.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
                yaml.line("        sources: ", at: grid.location(row, "sources"))
                yaml.append(
                    "[" + list.map(YAMLText.quoted).joined(separator: ", ") + "]", at: grid.location(row, "sources"))
            }
        }

        func localizedPresent(_ grid: SheetGrid, _ row: ReadRow, _ key: String) -> Bool {
            grid.cell(row, key + "_zh") != nil || grid.cell(row, key + "_en") != nil
        }

        mutating func renamed() {
            guard let grid = grid(.renamed, CatalogWorkbook.renamedColumns, required: false) else { return }
            let rows = grid.dataRows
            guard !rows.isEmpty else { return }
            yaml.line("renamed:")
            var seen: [String: SourceLocation] = [:]
            for row in rows {
                guard let old = grid.text(row, "old", bag: &bag), let new = grid.text(row, "new", bag: &bag) else {
                    continue
                }
                if let first = seen[old] {
                    bag.append(
                        SheetImportProblem.listedTwice("renamed id", old, first: first, at: grid.location(row, "old")))
                    continue
                }
                seen[old] = grid.location(row, "old")
                yaml.line("  \(YAMLText.scalar(old)): ", at: grid.location(row, "old"))
                yaml.append(YAMLText.scalar(new), at: grid.location(row, "new"))
            }
        }
    }
}
