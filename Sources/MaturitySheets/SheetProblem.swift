import MaturityCore

/// Every diagnostic the xlsx reader gives, kept here so tests compare against the same text; the
/// messages are in Diagnostic+SheetMessages.swift.
enum SheetProblem {
    // MARK: The file and its zip

    static func fileTooLarge(_ file: String, bytes: Int, limit: Int) -> Diagnostic {
        .error(
            .workbookTooLarge(file, bytes: bytes, megabytes: limit >> 20), at: .file(file), hint: .removePictures)
    }

    /// A pipe or a device that gives more than a workbook may have.
    static func streamTooLarge(_ file: String, limit: Int) -> Diagnostic {
        .error(.workbookStreamTooLarge(file, megabytes: limit >> 20), at: .file(file), hint: .removePictures)
    }

    static func compoundFile(_ file: String) -> Diagnostic {
        .error(.compoundFile(file), at: .file(file), hint: .saveWithoutPassword)
    }

    static func notZip(_ file: String) -> Diagnostic {
        .error(.notZip(file), at: .file(file), hint: .saveAsXLSX)
    }

    static func damagedZip(_ file: String) -> Diagnostic {
        .error(.damagedZip(file), at: .file(file), hint: .saveAgainAsXLSX)
    }

    static func tooManyEntries(_ file: String, limit: Int) -> Diagnostic {
        .error(.tooManyParts(file, limit: limit), at: .file(file))
    }

    static func duplicatePart(_ file: String, part: String) -> Diagnostic {
        .error(.partTwice(file, part: part), at: .file(file), hint: .eachPartOnce)
    }

    static func damagedPart(_ file: String, part: String) -> Diagnostic {
        .error(.damagedPart(file, part: part), at: .file(file), hint: .openAndSaveAgain)
    }

    static func partTooLarge(_ file: String, part: String, limit: Int) -> Diagnostic {
        .error(.partInflatesTooMuch(file, part: part, megabytes: limit >> 20), at: .file(file), hint: .zipBomb)
    }

    static func totalTooLarge(_ file: String, limit: Int) -> Diagnostic {
        .error(.partsInflateTooMuch(file, megabytes: limit >> 20), at: .file(file), hint: .zipBomb)
    }

    static func noWorkbook(_ file: String) -> Diagnostic {
        .error(.noWorkbookPart(file), at: .file(file), hint: .isItXLSX)
    }

    static func externalLink(_ file: String, target: String) -> Diagnostic {
        .error(.linksToWorkbook(file, target: target), at: .file(file), hint: .breakLinks)
    }

    static func noSheets(_ file: String) -> Diagnostic {
        .error(.noWorksheets(file), at: .file(file))
    }

    static func missingSheetPart(_ file: String, sheet: String) -> Diagnostic {
        .error(.sheetHasNoPart(file, sheet: sheet), at: .file(file), hint: .workbookDamagedOpenAndSave)
    }

    // MARK: XML

    static func doctype(_ file: String, part: String, at location: SourceLocation?) -> Diagnostic {
        .error(.declaresDTD(file, part: part), at: location, hint: .entitiesRefused)
    }

    static func notUTF8(_ file: String, part: String, line: Int, column: Int, at location: SourceLocation?)
        -> Diagnostic
    {
        .error(
            .partNotUTF8(file, part: part, line: line, column: column), at: location, hint: .saveAgainInSpreadsheet)
    }

    static func malformed(
        _ file: String, part: String, line: Int, column: Int, reason: String, at location: SourceLocation?
    ) -> Diagnostic {
        .error(
            .malformedXML(file, part: part, line: line, column: column, reason: reason), at: location,
            hint: .saveAgainInSpreadsheet)
    }

    // MARK: Cells

    static func tooManyRows(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(.rowBeyondLimit(location.line, limit: limit), at: location, hint: .deleteRowsBelow)
    }

    static func tooManyColumns(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(
            .columnBeyondLimit(SourceLocation.columnName(location.column), limit: limit), at: location,
            hint: .deleteColumnsRight)
    }

    static func badReference(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.notACellReference(text), at: location, hint: .saveAgainInSpreadsheet)
    }

    static func outOfOrder(at location: SourceLocation) -> Diagnostic {
        .error(.cellsOutOfOrder, at: location, hint: .saveAgainInSpreadsheet)
    }

    static func badSharedString(_ index: String, count: Int, at location: SourceLocation) -> Diagnostic {
        .error(.badSharedString(index, count: count), at: location, hint: .workbookDamagedSaveAgain)
    }

    static func badValue(_ text: String, type: Diagnostic.Message, at location: SourceLocation) -> Diagnostic {
        .error(.cellValueNot(text, type: type), at: location, hint: .saveAgainInSpreadsheet)
    }

    static func controlCharacter(_ scalar: Unicode.Scalar, at location: SourceLocation) -> Diagnostic {
        .error(.cellControlCharacter(XMLText.hex4(scalar.value)), at: location, hint: .deleteControlCharacter)
    }

    static func cellTooLong(_ count: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(.cellTooLong(count, limit: limit), at: location)
    }

    static func tooManyProblems(_ file: String, limit: Int) -> Diagnostic {
        .error(.tooManySheetProblems(file, limit: limit), at: .file(file))
    }
}
