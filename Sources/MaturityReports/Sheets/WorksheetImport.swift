import MaturityCore
import MaturitySheets

/// A filled worksheet (or checklist, or result workbook) read back into an assessment: the cells are
/// written as the assessment's YAML, which is then checked by the same loader as a hand-written file,
/// and every problem is reported at the cell it came from (`worksheet.xlsx!Criteria!K14`).
public enum WorksheetImport {
    /// The YAML to write, the assessment it reads as, and the warnings found.
    public struct Imported: Sendable {
        public var yaml: String
        public var assessment: Assessment
        public var warnings: [Diagnostic]
    }

    /// The sheets an import reads (other sheets — instructions, a summary, people's own — are skipped).
    public static func reads(_ sheet: String) -> Bool {
        [SheetName.criteria, .domains, .evidence, .kpis, .findings].contains { $0.matches(sheet) }
    }

    /// The catalog the worksheet names (`id@version` to the right of its catalog label), and where.
    public static func catalogReference(_ workbook: ReadWorkbook) throws(DiagnosticError)
        -> (reference: String, location: SourceLocation)
    {
        var bag = DiagnosticBag()
        guard let (_, fields) = criteriaGrid(workbook, bag: &bag) else { throw DiagnosticError(bag.sorted) }
        guard let (cell, sheet) = fields["catalog"], case .text(let text) = cell.content,
            !text.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            let sheet = workbook.sheets.first { SheetName.criteria.matches($0.name) }
            throw DiagnosticError(
                SheetImportProblem.noCatalog(
                    at: sheet?.location ?? SourceLocation(file: workbook.file, line: 1, column: 1)))
        }
        return (text.trimmingCharacters(in: .whitespaces), sheet.location(row: cell.row, column: cell.column))
    }

    /// The criteria sheet's table and the header fields above it (key → value cell).
    static func criteriaGrid(_ workbook: ReadWorkbook, bag: inout DiagnosticBag)
        -> (SheetGrid, [String: (ReadCell, ReadSheet)])?
    {
        guard let sheet = workbook.sheets.first(where: { SheetName.criteria.matches($0.name) }) else {
            bag.append(SheetImportProblem.missingSheet(.criteria, file: workbook.file, found: workbook.sheetNames))
            return nil
        }
        guard
            let grid = SheetGrid.find(
                in: sheet, required: [AssessmentWorkbook.id, AssessmentWorkbook.claimed],
                known: AssessmentWorkbook.criteriaInputs, bag: &bag)
        else { return nil }
        var fields: [String: (ReadCell, ReadSheet)] = [:]
        for row in sheet.rows where row.number < grid.headerRow {
            for cell in row.cells {
                guard case .text(let text) = cell.content,
                    let field = AssessmentWorkbook.headerFields.first(where: { $0.matches(text) })
                else { continue }
                if let value = row.cell(cell.column + 1) { fields[field.key] = (value, sheet) }
                fields[field.key + "@label"] = (cell, sheet)
            }
        }
        return (grid, fields)
    }

    /// Reads the worksheet against `catalog`; relative files (evidence, ticket export) are checked
    /// against `folder` in `files`, where the assessment will be written.
    public static func read(
        _ workbook: ReadWorkbook, catalog: Catalog, folder: String, files: any FileSource = DiskFiles()
    ) throws(DiagnosticError) -> Imported {
        var reader = Reader(workbook: workbook, catalog: catalog)
        let yaml = reader.build()
        var problems = reader.bag.all
        var assessment: Assessment?
        var warnings: [Diagnostic] = []
        if let yaml {
            do {
                let loaded = try AssessmentLoader.load(
                    yaml: yaml.text, file: workbook.file, folder: folder, catalog: catalog, files: files)
                assessment = loaded.value
                warnings = yaml.relocate(loaded.warnings, file: workbook.file)
            } catch {
                problems += yaml.relocate(error.diagnostics, file: workbook.file)
            }
        }
        let order = workbook.sheetNames
        let errors = SheetImportProblem.inSheetOrder(problems.filter(\.isError), sheets: order)
        if !errors.isEmpty { throw DiagnosticError(errors) }
        guard let yaml, let assessment else { throw DiagnosticError(problems) }
        return Imported(
            yaml: yaml.text, assessment: assessment,
            warnings: SheetImportProblem.inSheetOrder(problems.filter { !$0.isError } + warnings, sheets: order))
    }

    /// Turns the sheets' cells into the assessment's YAML, collecting the problems of single cells.
    struct Reader {
        let workbook: ReadWorkbook
        let catalog: Catalog
        var bag = DiagnosticBag()

        func sheet(_ name: SheetName) -> ReadSheet? {
            workbook.sheets.first { name.matches($0.name) }
        }

        mutating func build() -> LocatedYAML? {
            guard let (grid, fields) = WorksheetImport.criteriaGrid(workbook, bag: &bag) else { return nil }
            var yaml = LocatedYAML(fallback: grid.sheet.location)
            yaml.line("# Imported from \(workbook.file) by 'maturity import'; edit the workbook and import it again,")
            yaml.line("# or edit this file: 'maturity assess' reads either.")
            yaml.line("schema: 1")

            func field(_ key: String) -> (text: String?, day: Day?, place: SourceLocation)? {
                guard let (cell, sheet) = fields[key] else { return nil }
                let place = sheet.location(row: cell.row, column: cell.column)
                let row = ReadRow(number: cell.row, cells: [cell])
                let single = SheetGrid(sheet: sheet, headerRow: 0, columns: [key: cell.column])
                if key == "date" { return (nil, single.day(row, key, bag: &bag), place) }
                return (single.text(row, key, bag: &bag), nil, place)
            }
            func labelPlace(_ key: String) -> SourceLocation {
                fields[key + "@label"].map { $0.1.location(row: $0.0.row, column: $0.0.column + 1) }
                    ?? grid.sheet.location
            }
            func required(_ key: String) -> (text: String?, day: Day?, place: SourceLocation)? {
                let before = bag.all.count
                if let value = field(key), value.text != nil || value.day != nil { return value }
                if bag.all.count == before {
                    let label = AssessmentWorkbook.headerFields.first { $0.key == key }
                    bag.append(
                        SheetImportProblem.noField("\(label?.zh ?? key) / \(label?.en ?? key)", at: labelPlace(key)))
                }
                return nil
            }

            let catalogField = required("catalog")
            if let catalogField, let text = catalogField.text {
                yaml.line("catalog: \(YAMLText.scalar(text))", at: catalogField.place)
            }
            let organisation = required("organisation")
            if let organisation, let name = organisation.text {
                yaml.line("organisation: ")
                var fields: [(String, String, SourceLocation?)] = [("name", YAMLText.quoted(name), organisation.place)]
                if let site = field("site"), let text = site.text {
                    fields.append(("site", YAMLText.quoted(text), site.place))
                }
                yaml.flow(fields.map { (key: $0.0, value: $0.1, place: $0.2) })
            }
            if let kind = field("kind"), let text = kind.text {
                yaml.line("kind: \(YAMLText.scalar(SheetValues.kind(text)))", at: kind.place)
            }
            let date = required("date")
            if let date, let day = date.day { yaml.line("date: \(day)", at: date.place) }
            for key in ["assessor", "auditor"] {
                if let value = field(key), let text = value.text {
                    yaml.line("\(key): \(YAMLText.quoted(text))", at: value.place)
                }
            }
            if let tickets = field("tickets"), let file = tickets.text {
                yaml.line("tickets: ")
                var parts: [(key: String, value: String, place: SourceLocation?)] = [
                    ("file", YAMLText.quoted(file), tickets.place)
                ]
                if let mapping = field("mapping"), let text = mapping.text {
                    parts.append(("mapping", YAMLText.quoted(text), mapping.place))
                }
                yaml.flow(parts)
            }
            owners(grid: grid, into: &yaml)
            evidence(into: &yaml)
            metrics(into: &yaml)
            criteria(grid: grid, into: &yaml)
            findings(into: &yaml)
            // Without these the loader could only repeat that they are missing.
            return catalogField == nil || organisation == nil || date == nil ? nil : yaml
        }

        /// Rows of `grid` with their id, each id once; rows with values but no id are problems.
        mutating func identified(_ grid: SheetGrid, what: String, idLabel: String) -> [(String, ReadRow)] {
            var seen: [String: SourceLocation] = [:]
            var rows: [(String, ReadRow)] = []
            for row in grid.dataRows {
                guard let id = grid.text(row, "id", bag: &bag) else {
                    let others = grid.columns.filter { $0.key != "id" }.contains { grid.cell(row, $0.key) != nil }
                    if others { bag.append(SheetImportProblem.noId(idLabel, at: grid.location(row, "id"))) }
                    continue
                }
                if let first = seen[id] {
                    bag.append(SheetImportProblem.listedTwice(what, id, first: first, at: grid.location(row, "id")))
                    continue
                }
                seen[id] = grid.location(row, "id")
                rows.append((id, row))
            }
            return rows
        }

        mutating func owners(grid: SheetGrid, into yaml: inout LocatedYAML) {
            var lines: [(String, String, SourceLocation)] = []
            if let sheet = sheet(.domains),
                let domains = SheetGrid.find(
                    in: sheet, required: [AssessmentWorkbook.domainId, AssessmentWorkbook.owner],
                    known: [AssessmentWorkbook.domainId, AssessmentWorkbook.owner], bag: &bag)
            {
                for (id, row) in identified(domains, what: "domain", idLabel: "domain id") {
                    if let person = domains.text(row, "owner", bag: &bag) {
                        lines.append((id, person, domains.location(row, "owner")))
                    }
                }
            }
            if grid.columns["owner"] != nil {
                for row in grid.dataRows {
                    guard let id = grid.text(row, "id", bag: &bag), let person = grid.text(row, "owner", bag: &bag)
                    else {
                        continue
                    }
                    lines.append((id, person, grid.location(row, "owner")))
                }
            }
            guard !lines.isEmpty else { return }
            yaml.line("owners:")
            var seen = Set<String>()
            for (id, person, place) in lines where seen.insert(id).inserted {
                yaml.line("  \(YAMLText.scalar(id)): \(YAMLText.quoted(person))", at: place)
            }
        }

        mutating func evidence(into yaml: inout LocatedYAML) {
            guard let sheet = sheet(.evidence),
                let grid = SheetGrid.find(
                    in: sheet, required: [AssessmentWorkbook.evidenceId], known: AssessmentWorkbook.evidenceColumns,
                    bag: &bag)
            else { return }
            let rows = identified(grid, what: "evidence", idLabel: "evidence id")
            guard !rows.isEmpty else { return }
            yaml.line("evidence:")
            for (id, row) in rows {
                var fields: [(key: String, value: String, place: SourceLocation?)] = [
                    ("id", YAMLText.scalar(id), grid.location(row, "id"))
                ]
                if let kind = grid.text(row, "kind", bag: &bag) {
                    fields.append(("kind", YAMLText.scalar(kindId(kind)), grid.location(row, "kind")))
                }
                if let title = grid.text(row, "title", bag: &bag) {
                    fields.append(("title", YAMLText.quoted(title), grid.location(row, "title")))
                }
                if let day = grid.day(row, "date", bag: &bag) {
                    fields.append(("date", day.description, grid.location(row, "date")))
                }
                if let file = grid.text(row, "file", bag: &bag) {
                    fields.append(("file", YAMLText.quoted(file), grid.location(row, "file")))
                }
                yaml.line("  - ", at: grid.location(row, "id"))
                yaml.flow(fields)
            }
        }

        /// An evidence kind from its id or its name in either language.
        func kindId(_ text: String) -> String {
            let key = SheetColumn.normalise(text)
            var kinds = catalog.knownEvidenceKinds
            kinds += EvidenceKindDefinition.standard.map(\.id).filter { !kinds.contains($0) }
            for kind in kinds {
                let names = [kind] + Language.allCases.map { catalog.evidenceKindName(kind, $0) }
                if names.contains(where: { SheetColumn.normalise($0) == key }) { return kind }
            }
            return text
        }

        mutating func metrics(into yaml: inout LocatedYAML) {
            guard let sheet = sheet(.kpis),
                let grid = SheetGrid.find(
                    in: sheet, required: [AssessmentWorkbook.kpiId, AssessmentWorkbook.kpiValue],
                    known: [AssessmentWorkbook.kpiId, AssessmentWorkbook.kpiValue], bag: &bag)
            else { return }
            var lines: [(String, Double, SourceLocation)] = []
            for (id, row) in identified(grid, what: "KPI", idLabel: "KPI id") {
                if let value = grid.number(row, "value", bag: &bag) {
                    lines.append((id, value, grid.location(row, "value")))
                }
            }
            guard !lines.isEmpty else { return }
            yaml.line("metrics:")
            for (id, value, place) in lines {
                yaml.line("  \(YAMLText.scalar(id)): \(SheetGrid.numberText(value))", at: place)
            }
        }

        mutating func level(_ grid: SheetGrid, _ row: ReadRow, _ key: String) -> Int? {
            guard let cell = grid.cell(row, key) else { return nil }
            if case .number(let value) = cell.content {
                if value == value.rounded(), abs(value) < 1e6 { return Int(value) }
                bag.append(
                    SheetImportProblem.notALevel(
                        SheetGrid.numberText(value), maxLevel: catalog.maxLevel, at: grid.location(of: cell)))
                return nil
            }
            guard let text = grid.text(row, key, bag: &bag) else { return nil }
            if let level = SheetValues.level(text, catalog: catalog) { return level }
            bag.append(SheetImportProblem.notALevel(text, maxLevel: catalog.maxLevel, at: grid.location(of: cell)))
            return nil
        }

        mutating func criteria(grid: SheetGrid, into yaml: inout LocatedYAML) {
            var entries: [(String, ReadRow, [(key: String, value: String, place: SourceLocation?)])] = []
            for (id, row) in identified(grid, what: "criterion", idLabel: "criterion id") {
                var fields: [(key: String, value: String, place: SourceLocation?)] = []
                for key in ["claimed", "audited"] {
                    if let level = level(grid, row, key) {
                        fields.append((key, String(level), grid.location(row, key)))
                    }
                }
                let cited = grid.list(row, "evidence", bag: &bag)
                if !cited.isEmpty {
                    fields.append(
                        (
                            "evidence", "[" + cited.map(YAMLText.scalar).joined(separator: ", ") + "]",
                            grid.location(row, "evidence")
                        ))
                }
                if let note = grid.text(row, "note", bag: &bag) {
                    fields.append(("note", YAMLText.quoted(note), grid.location(row, "note")))
                }
                if let reason = grid.text(row, "na", bag: &bag) {
                    fields.append(("na", YAMLText.quoted(reason), grid.location(row, "na")))
                }
                if !fields.isEmpty { entries.append((id, row, fields)) }
            }
            if entries.isEmpty {
                yaml.line("criteria: {}", at: grid.sheet.location)
                return
            }
            yaml.line("criteria:")
            for (id, row, fields) in entries {
                yaml.line("  \(YAMLText.scalar(id)): ", at: grid.location(row, "id"))
                yaml.flow(fields)
            }
        }

        static let findingKnown = AssessmentWorkbook.findingColumns

        mutating func findings(into yaml: inout LocatedYAML) {
            guard let sheet = sheet(.findings),
                let grid = SheetGrid.find(
                    in: sheet, required: [AssessmentWorkbook.findingId], known: Self.findingKnown, bag: &bag)
            else { return }
            let rows = identified(grid, what: "finding", idLabel: "finding id")
            guard !rows.isEmpty else { return }
            yaml.line("findings:")
            for (id, row) in rows {
                var fields: [(key: String, value: String, place: SourceLocation?)] = [
                    ("id", YAMLText.scalar(id), grid.location(row, "id"))
                ]
                if let criterion = grid.text(row, "criterion", bag: &bag) {
                    fields.append(("criterion", YAMLText.scalar(criterion), grid.location(row, "criterion")))
                }
                if let grade = grid.text(row, "grade", bag: &bag) {
                    fields.append(("grade", YAMLText.scalar(SheetValues.grade(grade)), grid.location(row, "grade")))
                }
                if let clause = grid.text(row, "clause", bag: &bag) {
                    fields.append(("clause", YAMLText.quoted(clause), grid.location(row, "clause")))
                }
                let cited = grid.list(row, "evidence", bag: &bag)
                if !cited.isEmpty {
                    fields.append(
                        (
                            "evidence", "[" + cited.map(YAMLText.scalar).joined(separator: ", ") + "]",
                            grid.location(row, "evidence")
                        ))
                }
                if let text = grid.text(row, "text", bag: &bag) {
                    fields.append(("text", YAMLText.quoted(text), grid.location(row, "text")))
                }
                if let status = grid.text(row, "status", bag: &bag) {
                    fields.append(
                        ("status", YAMLText.scalar(SheetValues.findingStatus(status)), grid.location(row, "status")))
                }
                if let due = grid.day(row, "due", bag: &bag) {
                    fields.append(("due", due.description, grid.location(row, "due")))
                }
                yaml.line("  - ", at: grid.location(row, "id"))
                yaml.flow(fields)
            }
        }
    }
}
