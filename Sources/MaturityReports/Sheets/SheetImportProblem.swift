import MaturityCore
import MaturitySheets

/// Every diagnostic an import from a spreadsheet gives about a cell or a sheet, kept in one place so
/// tests compare against the same text.
enum SheetImportProblem {
    /// `diagnostics` in the workbook's order: by sheet (as the workbook lists them), row, column; those
    /// without a place first.
    static func inSheetOrder(_ diagnostics: [Diagnostic], sheets: [String]) -> [Diagnostic] {
        func rank(_ diagnostic: Diagnostic) -> (Int, Int, Int) {
            guard let location = diagnostic.location else { return (-1, 0, 0) }
            return (sheets.firstIndex(of: location.sheet ?? "") ?? sheets.count, location.line, location.column)
        }
        return diagnostics.enumerated().sorted {
            rank($0.element) != rank($1.element) ? rank($0.element) < rank($1.element) : $0.offset < $1.offset
        }.map(\.element)
    }

    static func missingSheet(_ name: SheetName, file: String, found: [String]) -> Diagnostic {
        .error(
            "'\(file)' has no sheet '\(name.zh)' or '\(name.en)'", at: .file(file),
            hint: "its sheets are " + found.map { "'\($0)'" }.joined(separator: ", ")
                + "; keep the sheet names the tool wrote (either language)")
    }

    static func notACalendarDate(_ serial: Double, at location: SourceLocation) -> Diagnostic {
        .error(
            "the date serial number \(SheetGrid.numberText(serial)) is not a date of the calendar", at: location,
            hint: "type the date as YYYY-MM-DD")
    }

    static func errorValue(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error("the cell shows the error \(value)", at: location, hint: "correct the formula, or type the value")
    }

    static func uncalculated(at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell holds a formula saved without its result", at: location,
            hint:
                "open and save the file in a spreadsheet program (formulas are never calculated here), or type the value"
        )
    }

    static func dateNotNumber(_ date: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell holds the date \(date), not a number", at: location,
            hint: "format the cell as a number (General) and type the value")
    }

    static func notANumber(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("'\(text)' is not a number", at: location, hint: "type a number such as 92.6")
    }

    static func numberNotDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell holds the number \(text), not a date", at: location,
            hint: "type the date as YYYY-MM-DD, or format the cell as a date")
    }

    static func notADate(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("'\(text)' is not a date", at: location, hint: "type the date as YYYY-MM-DD, e.g. 2026-11-01")
    }

    static func notALevel(_ text: String, maxLevel: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            "'\(text)' is not a level of the scale 0–\(maxLevel)", at: location,
            hint: "pick a level from the drop-down, or type 3, 3级 or L3")
    }

    static func notYesOrNo(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "'\(text)' is neither yes nor no", at: location,
            hint: "type ★ or 是 or yes for a key criterion, leave it empty otherwise")
    }

    static func noId(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "the row has values but no \(label)", at: location,
            hint: "fill in the \(label), or clear the row")
    }

    static func listedTwice(_ what: String, _ id: String, first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            "\(what) '\(id)' is listed twice (first at \(SourceLocation.columnName(first.column))\(first.line))",
            at: location, hint: "keep one row for it")
    }

    static func noField(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "the sheet has no '\(label)' above the table", at: location,
            hint: "keep the label cells the tool wrote above the header row, with the value to their right")
    }

    static func noCatalog(at location: SourceLocation) -> Diagnostic {
        .error(
            "the worksheet does not name its catalog", at: location,
            hint:
                "write the catalog id (for example after-sales-maturity@2026.1) to the right of the catalog label, or pass --catalog"
        )
    }

    static func unknownDomain(_ id: String, criterion: String, known: [String], at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            "criterion '\(criterion)' names domain '\(id)', which the domains sheet does not list", at: location,
            hint: Suggestion.hint(for: id, in: known) ?? "add the domain to the domains sheet")
    }

    static func badEvidenceOverride(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "'\(text)' is not a list of 'level: kinds'", at: location,
            hint: "write for example '3: record, deployment; 4: kpi_series'")
    }

    static func badCriterionLevels(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "'\(text)' is not a list of 'criterion: level'", at: location,
            hint: "write for example 'MS-08: 5; MS-10: 5'")
    }

    static func badDirection(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "'\(text)' is neither lower nor higher", at: location,
            hint: "write lower (越低越好) or higher (越高越好)")
    }
}
