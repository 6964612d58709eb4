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
        .error(.noSheetNamed(file, zh: name.zh, en: name.en), at: .file(file), hint: .itsSheetsAre(found))
    }

    static func notACalendarDate(_ serial: Double, at location: SourceLocation) -> Diagnostic {
        .error(.notACalendarDate(SheetGrid.numberText(serial)), at: location, hint: .typeDate)
    }

    static func errorValue(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(.cellShowsError(value), at: location, hint: .correctFormula)
    }

    static func uncalculated(at location: SourceLocation) -> Diagnostic {
        .error(.formulaWithoutResult, at: location, hint: .openAndSaveForResults)
    }

    static func dateNotNumber(_ date: String, at location: SourceLocation) -> Diagnostic {
        .error(.dateNotNumber(date), at: location, hint: .formatAsNumber)
    }

    static func notANumber(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.cellNotANumber(text), at: location, hint: .typeNumber)
    }

    static func numberNotDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.numberNotDate(text), at: location, hint: .typeDateOrFormat)
    }

    static func notADate(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.cellNotADate(text), at: location, hint: .typeDateExample)
    }

    static func notALevel(_ text: String, maxLevel: Int, at location: SourceLocation) -> Diagnostic {
        .error(.notALevel(text, maxLevel: maxLevel), at: location, hint: .pickLevel)
    }

    static func notYesOrNo(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.notYesOrNo(text), at: location, hint: .typeKeyMark)
    }

    /// `label` is one of the terms `Diagnostic.Message.sheetTerm` knows (`domain id`, `criterion id` …).
    static func noId(_ label: String, at location: SourceLocation) -> Diagnostic {
        let term = Diagnostic.Message.sheetTerm(label)
        return .error(.rowWithoutID(term), at: location, hint: .fillInOrClear(term))
    }

    static func listedTwice(_ what: String, _ id: String, first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            .listedTwice(.sheetTerm(what), id), at: location, hint: .keepOneRow, notes: [.firstAtCell(first)])
    }

    static func noField(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(.noLabelAboveTable(label), at: location, hint: .keepLabelCells)
    }

    static func noCatalog(at location: SourceLocation) -> Diagnostic {
        .error(.worksheetNamesNoCatalog, at: location, hint: .writeCatalogID)
    }

    static func unknownDomain(_ id: String, criterion: String, known: [String], at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            .criterionNamesUnlistedDomain(criterion, id), at: location,
            hint: Suggestion.hintMessage(for: id, in: known) ?? .addDomainToSheet)
    }

    static func badEvidenceOverride(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.notLevelKinds(text), at: location, hint: .writeLevelKinds)
    }

    static func badCriterionLevels(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.notCriterionLevels(text), at: location, hint: .writeCriterionLevels)
    }

    static func badDirection(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.neitherLowerNorHigher(text), at: location, hint: .writeLowerOrHigher)
    }
}
