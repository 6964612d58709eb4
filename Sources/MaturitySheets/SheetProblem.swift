import MaturityCore

/// Every diagnostic the xlsx reader gives, kept here so tests compare against the same text.
enum SheetProblem {
    // MARK: The file and its zip

    static func fileTooLarge(_ file: String, bytes: Int, limit: Int) -> Diagnostic {
        .error(
            "'\(file)' is \(bytes) bytes, more than the \(limit >> 20) MB a workbook may have", at: .file(file),
            hint: "a worksheet or catalog this tool reads is well under a megabyte; remove pictures and unused sheets")
    }

    /// A pipe or a device that gives more than a workbook may have.
    static func streamTooLarge(_ file: String, limit: Int) -> Diagnostic {
        .error(
            "'\(file)' is more than the \(limit >> 20) MB a workbook may have", at: .file(file),
            hint: "a worksheet or catalog this tool reads is well under a megabyte; remove pictures and unused sheets")
    }

    static func compoundFile(_ file: String) -> Diagnostic {
        .error(
            "'\(file)' is an Excel 97–2003 workbook (.xls) or a password-protected one, not an xlsx file",
            at: .file(file),
            hint: "open it in Excel or WPS and save it as Excel Workbook (.xlsx) without a password")
    }

    static func notZip(_ file: String) -> Diagnostic {
        .error(
            "'\(file)' is not an xlsx workbook: it is not a zip archive", at: .file(file),
            hint: "save the sheet as Excel Workbook (.xlsx); CSV, .xls and .et files are not read")
    }

    static func damagedZip(_ file: String) -> Diagnostic {
        .error(
            "'\(file)' is a damaged zip archive", at: .file(file),
            hint: "open it in a spreadsheet program and save it again as .xlsx")
    }

    static func tooManyEntries(_ file: String, limit: Int) -> Diagnostic {
        .error("'\(file)' holds more than \(limit) parts, more than a workbook has", at: .file(file))
    }

    static func duplicatePart(_ file: String, part: String) -> Diagnostic {
        .error(
            "'\(file)' holds part '\(part)' twice", at: .file(file),
            hint: "a workbook has each part once; save it again in a spreadsheet program")
    }

    static func damagedPart(_ file: String, part: String) -> Diagnostic {
        .error(
            "part '\(part)' of '\(file)' is damaged: it does not inflate to the data its checksum names",
            at: .file(file),
            hint: "open the file in a spreadsheet program and save it again")
    }

    static func partTooLarge(_ file: String, part: String, limit: Int) -> Diagnostic {
        .error(
            "part '\(part)' of '\(file)' inflates to more than \(limit >> 20) MB; reading stopped there",
            at: .file(file),
            hint: "a worksheet is far smaller; the file may be a zip bomb")
    }

    static func totalTooLarge(_ file: String, limit: Int) -> Diagnostic {
        .error(
            "the parts of '\(file)' inflate to more than \(limit >> 20) MB in all; reading stopped there",
            at: .file(file),
            hint: "a worksheet is far smaller; the file may be a zip bomb")
    }

    static func noWorkbook(_ file: String) -> Diagnostic {
        .error(
            "'\(file)' has no workbook part (xl/workbook.xml)", at: .file(file),
            hint: "is it an xlsx file? OpenDocument (.ods) and Word files are zip archives too")
    }

    static func externalLink(_ file: String, target: String) -> Diagnostic {
        .error(
            "'\(file)' links to another workbook ('\(target)'); linked values are not read", at: .file(file),
            hint: "break the links (Excel: Data → Edit Links → Break Link; WPS: 数据 → 编辑链接 → 断开链接) and save")
    }

    static func noSheets(_ file: String) -> Diagnostic {
        .error("'\(file)' has no worksheets", at: .file(file))
    }

    static func missingSheetPart(_ file: String, sheet: String) -> Diagnostic {
        .error(
            "sheet '\(sheet)' has no part in '\(file)'", at: .file(file),
            hint: "the workbook is damaged; open it in a spreadsheet program and save it again")
    }

    // MARK: XML

    static func doctype(_ file: String, part: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            "part '\(part)' of '\(file)' declares a DTD or entities, which SpreadsheetML never does; it is not read",
            at: location, hint: "XML entity declarations are refused (entity expansion); save the file again")
    }

    static func notUTF8(_ file: String, part: String, line: Int, column: Int, at location: SourceLocation?)
        -> Diagnostic
    {
        .error(
            "part '\(part)' of '\(file)' is not UTF-8 XML (line \(line), column \(column))", at: location,
            hint: "save the file again in a spreadsheet program")
    }

    static func malformed(
        _ file: String, part: String, line: Int, column: Int, reason: String, at location: SourceLocation?
    ) -> Diagnostic {
        .error(
            "part '\(part)' of '\(file)' is not well-formed XML at line \(line), column \(column): \(reason)",
            at: location, hint: "save the file again in a spreadsheet program")
    }

    // MARK: Cells

    static func tooManyRows(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(
            "row \(location.line) is beyond the \(limit) rows a sheet may have; reading stopped there", at: location,
            hint:
                "a sheet of this tool has one row per criterion, evidence item or action; delete the rows below the table"
        )
    }

    static func tooManyColumns(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(
            "column \(SourceLocation.columnName(location.column)) is beyond the \(limit) columns a sheet may have",
            at: location, hint: "delete the columns to the right of the table")
    }

    static func badReference(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("'\(text)' is not a cell reference", at: location, hint: "save the file again in a spreadsheet program")
    }

    static func outOfOrder(at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell comes after a cell below it or to its right; a sheet lists its cells in order", at: location,
            hint: "save the file again in a spreadsheet program")
    }

    static func badSharedString(_ index: String, count: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell refers to shared string '\(index)', which is not one of the workbook's \(count)", at: location,
            hint: "the workbook is damaged; save it again in a spreadsheet program")
    }

    static func badValue(_ text: String, type: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell's value '\(text)' is not \(type)", at: location,
            hint: "save the file again in a spreadsheet program")
    }

    static func controlCharacter(_ scalar: Unicode.Scalar, at location: SourceLocation) -> Diagnostic {
        .error(
            "the cell holds the control character U+\(XMLText.hex4(scalar.value))", at: location,
            hint:
                "delete it (most spreadsheets do not show it); a cell may hold line breaks and tabs, no other controls")
    }

    static func cellTooLong(_ count: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("the cell holds \(count) characters, more than the \(limit) a cell may have", at: location)
    }

    static func tooManyProblems(_ file: String, limit: Int) -> Diagnostic {
        .error("more than \(limit) problems in '\(file)'; reading stopped there", at: .file(file))
    }
}
