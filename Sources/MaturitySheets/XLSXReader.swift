import Foundation
import MaturityCore

/// Reads the worksheets of an xlsx file into cells, strictly and within `SheetLimits`: every problem
/// is a diagnostic located at the file, the sheet or the cell (`worksheet.xlsx!Criteria!D14`).
/// Formulas are never evaluated (their saved results are read); a DTD, an entity declaration or a
/// link to another workbook is refused; dates of a 1904 workbook are converted to the 1900 system.
public enum XLSXReader {
    /// Reads the file at `path`; `shown` names it in diagnostics. Its size is checked before it is read.
    public static func read(
        path: String, shown: String, limits: SheetLimits = .standard, sheets wanted: (String) -> Bool = { _ in true }
    ) throws(DiagnosticError) -> ReadWorkbook {
        // Through the engine's file source: a pipe or a device is read up to the limit (even /dev/zero ends),
        // a folder, a socket or a block device is refused by its kind.
        let files = DiskFiles()
        let kind = files.kind(path)
        switch kind {
        case .missing:
            throw DiagnosticError(.error(.cannotReadWorkbook(shown, reason: "no such file"), at: .file(shown)))
        case .regular(let size) where size > limits.fileBytes:
            throw DiagnosticError(SheetProblem.fileTooLarge(shown, bytes: size, limit: limits.fileBytes))
        case .regular, .pipe, .characterDevice:
            break
        case .folder, .blockDevice, .socket:
            throw DiagnosticError(.error(.notAnXLSXFile(shown, is: kind), at: .file(shown)))
        }
        let data: Data
        do {
            data = try files.contents(path, limit: limits.fileBytes)
        } catch {
            if error.tooLarge {
                throw DiagnosticError(SheetProblem.streamTooLarge(shown, limit: limits.fileBytes))
            }
            throw DiagnosticError(.error(.cannotReadWorkbook(shown, reason: error.reason), at: .file(shown)))
        }
        return try read(data, file: shown, limits: limits, sheets: wanted)
    }

    /// Reads the worksheets of xlsx `data` whose names `wanted` accepts; `file` names it in diagnostics.
    public static func read(
        _ data: Data, file: String, limits: SheetLimits = .standard, sheets wanted: (String) -> Bool = { _ in true }
    ) throws(DiagnosticError) -> ReadWorkbook {
        var zip = try ZipParts(data: data, file: file, limits: limits)

        // The package's relationships name the workbook part.
        var workbookPart = "xl/workbook.xml"
        if let rels = try zip.read("_rels/.rels") {
            let handler = RelationshipsHandler()
            try parse(rels, part: "_rels/.rels", file: file, handler: handler)
            if let main = handler.relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbookPart = resolve(main.target, from: "")
            }
        }
        guard let workbookData = try zip.read(workbookPart) else {
            throw DiagnosticError(SheetProblem.noWorkbook(file))
        }
        let workbook = WorkbookHandler()
        try parse(workbookData, part: workbookPart, file: file, handler: workbook)
        // Part names come from the file: no NSString path methods (they trap on a one-character name).
        let folder = PathText.folder(of: workbookPart)
        let relsPart = Self.join(folder, "_rels/" + PathText.lastComponent(of: workbookPart) + ".rels")
        let relationships = RelationshipsHandler()
        if let rels = try zip.read(relsPart) {
            try parse(rels, part: relsPart, file: file, handler: relationships)
        }
        for relationship in relationships.relationships
        where relationship.external || relationship.type.hasSuffix("/externalLink") {
            var target = relationship.target
            if !relationship.external, let linked = try externalTarget(of: relationship, folder: folder, zip: &zip) {
                target = linked
            }
            throw DiagnosticError(SheetProblem.externalLink(file, target: target))
        }
        guard !workbook.sheets.isEmpty else { throw DiagnosticError(SheetProblem.noSheets(file)) }

        var dateStyles: [Bool] = []
        var percentStyles: [Bool] = []
        if let part = relationships.relationships.first(where: { $0.type.hasSuffix("/styles") }) {
            let name = resolve(part.target, from: folder)
            if let data = try zip.read(name) {
                let styles = StylesHandler()
                try parse(data, part: name, file: file, handler: styles)
                dateStyles = styles.dateStyles
                percentStyles = styles.percentStyles
            }
        }

        let worksheets = workbook.sheets.compactMap { sheet -> (String, String)? in
            guard let relationship = relationships.relationships.first(where: { $0.id == sheet.relationship }),
                relationship.type.hasSuffix("/worksheet")
            else { return nil }
            return (sheet.name, resolve(relationship.target, from: folder))
        }
        let chosen = worksheets.filter { wanted($0.0) }
        var strings: [String] = []
        if !chosen.isEmpty, let part = relationships.relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })
        {
            let name = resolve(part.target, from: folder)
            if let data = try zip.read(name) {
                let shared = SharedStringsHandler()
                try parse(data, part: name, file: file, handler: shared)
                strings = shared.strings
            }
        }

        var sheets: [ReadSheet] = []
        var problems: [Diagnostic] = []
        for (name, part) in chosen {
            guard let data = try zip.read(part) else {
                throw DiagnosticError(SheetProblem.missingSheetPart(file, sheet: name))
            }
            let handler = SheetHandler(
                name: name, file: file, limits: limits, strings: strings, dateStyles: dateStyles,
                percentStyles: percentStyles, uses1904: workbook.uses1904)
            let sheetLocation = SourceLocation(file: file, sheet: name, row: 0, column: 0)
            let outcome = XMLPart.read(data, with: handler)
            if let problem = problem(outcome, part: part, file: file, at: sheetLocation) {
                throw DiagnosticError(handler.problems + [problem])
            }
            problems += handler.problems
            if handler.fatal || problems.count >= limits.problems {
                if problems.count >= limits.problems {
                    problems.append(SheetProblem.tooManyProblems(file, limit: limits.problems))
                }
                throw DiagnosticError(problems)
            }
            sheets.append(ReadSheet(name: name, rows: handler.rows, file: file))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return ReadWorkbook(
            file: file, sheetNames: worksheets.map(\.0), sheets: sheets, uses1904: workbook.uses1904)
    }

    /// The file an external-link part points to, from its own relationships.
    static func externalTarget(
        of relationship: RelationshipsHandler.Relationship, folder: String, zip: inout ZipParts
    ) throws(DiagnosticError) -> String? {
        let part = resolve(relationship.target, from: folder)
        let rels = join(PathText.folder(of: part), "_rels/" + PathText.lastComponent(of: part) + ".rels")
        guard let data = try zip.read(rels) else { return nil }
        let handler = RelationshipsHandler()
        try parse(data, part: rels, file: zip.file, handler: handler)
        return handler.relationships.first(where: \.external)?.target
    }

    static func parse(_ data: Data, part: String, file: String, handler: XMLPartHandler) throws(DiagnosticError) {
        if let problem = problem(XMLPart.read(data, with: handler), part: part, file: file, at: .file(file)) {
            throw DiagnosticError(problem)
        }
    }

    static func problem(_ outcome: XMLPartOutcome, part: String, file: String, at location: SourceLocation?)
        -> Diagnostic?
    {
        switch outcome {
        case .finished, .stopped: return nil
        case .doctype: return SheetProblem.doctype(file, part: part, at: location)
        case .notUTF8(let line, let column):
            return SheetProblem.notUTF8(file, part: part, line: line, column: column, at: location)
        case .control(let scalar, let line, let column):
            return SheetProblem.malformed(
                file, part: part, line: line, column: column,
                reason: "control character U+\(XMLText.hex4(scalar)) (XML cannot hold it)", at: location)
        case .malformed(let line, let column, let reason):
            return SheetProblem.malformed(file, part: part, line: line, column: column, reason: reason, at: location)
        }
    }

    /// A relationship target as a part name: relative to the source part's folder, or absolute (`/xl/…`).
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if component != "." {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }
}
