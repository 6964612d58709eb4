import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// What `init` writes.
enum InitFormat: String, CaseIterable, ExpressibleByArgument {
    /// The assessment (or audit worksheet) to fill in.
    case yaml
    /// The auditor's one-page checklist to print.
    case md
    /// The worksheet (self) or checklist (audit) as a workbook to fill in a spreadsheet.
    case xlsx
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write an assessment template, or an auditor's worksheet made from a self-assessment.",
        discussion: """
            --kind self (default) writes DIR/assessment.yaml listing every criterion with its level descriptors.
            --kind audit --from SELF.yaml writes the auditor's worksheet DIR/assessment.yaml: the self-assessment's \
            claims, evidence register and findings carried over, an 'audited:' field per criterion, and the cited \
            evidence files copied into DIR so the audit package works offline. With --format md it writes \
            DIR/checklist.md instead: a one-page checklist to print and take on site.
            With --format xlsx it writes DIR/worksheet.xlsx (self) or DIR/checklist.xlsx (audit, with the evidence \
            files copied) to fill in Excel, WPS or LibreOffice; 'maturity import' reads it back.
            An existing file is never overwritten.

            Example: maturity init --kind audit --from Examples/huadong-appliance/assessment.yaml --auditor 王海 --output audit
            """
    )

    @Option(name: .long, help: "The organisation's name (self-assessment template; an audit takes it from --from).")
    var organisation: String?

    @Option(name: .long, help: "Folder to write into (created if missing).")
    var output: String

    @Option(name: .long, help: "Assessment kind: self (a template to fill in) or audit (a worksheet made from --from).")
    var kind: String = WorksheetKind.selfAssessment.rawValue

    /// What `init` writes; `--kind` is read as text so that an unknown kind gets the message below.
    enum WorksheetKind: String {
        case selfAssessment = "self"
        case audit
    }

    var worksheetKind: WorksheetKind? { WorksheetKind(rawValue: kind) }

    @Option(name: .long, help: "The self-assessment an audit worksheet starts from (with --kind audit).")
    var from: String?

    @Option(
        name: .long,
        help: "What to write: yaml (the assessment or worksheet), md (the audit checklist) or xlsx (a workbook).")
    var format: InitFormat = .yaml

    @Option(name: .long, help: "Catalog file or folder (default: the shipped catalog).")
    var catalog: String?

    @Option(name: .long, help: "The organisation's site (self-assessment template).")
    var site: String?

    @Option(name: .long, help: "Who makes the self-assessment.")
    var assessor: String?

    @Option(name: .long, help: "The auditor's name (with --kind audit); an audit result is signed in this name.")
    var auditor: String?

    @Option(name: .long, help: "Assessment or audit date YYYY-MM-DD (default: today).")
    var date: String?

    @Option(name: .long, help: "Language of the comments: zh or en (default: from LANG, else en).")
    var lang: Language?

    func validate() throws {
        try inItsLanguage(check)
    }

    private func check() throws {
        if let date { _ = try DateOption.parse(date, option: "--date") }
        switch worksheetKind {
        case .selfAssessment:
            guard let organisation, !organisation.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError(.organisationRequired)
            }
            if from != nil { throw ValidationError(.optionGoesWith("--from", "--kind audit")) }
            if auditor != nil { throw ValidationError(.optionGoesWith("--auditor", "--kind audit")) }
            if format == .md { throw ValidationError(.checklistNeedsAudit) }
        case .audit:
            if from == nil { throw ValidationError(.auditNeedsFrom) }
            if organisation != nil || site != nil { throw ValidationError(.auditTakesOrganisationFromSelf) }
        case nil:
            throw ValidationError(.unsupportedKind(kind))
        }
    }

    func run() throws {
        let console = Context.console
        if worksheetKind == .audit, let from {
            try writeAudit(from: from, console: console)
        } else {
            try writeTemplate(console: console)
        }
    }

    func writeTemplate(console: Console) throws {
        let loaded = try console.engine.loadCatalog(try console.catalogInput(catalog))
        if format == .xlsx {
            return try writeWorksheet(catalog: loaded.value, console: console)
        }
        let (folder, shown) = try prepare(file: "assessment.yaml", console: console)
        let template = AssessmentTemplate(
            catalog: loaded.value, organisation: organisation ?? "", site: site, assessor: assessor,
            date: date.flatMap { Day(iso: $0) } ?? console.today, language: console.language(lang))
        try FileOutput.write(template.render(), to: PathText.join(folder, "assessment.yaml"), shown: shown)
        console.say(.wroteTemplate(shown, criteria: loaded.value.criteria.count))
    }

    func writeAudit(from: String, console: Console) throws {
        let loaded = try console.loadAssessment(from, catalog: catalog)
        let package = console.engine.auditPackage(loaded)
        let copies = package.copies
        let audit = package.audit(date: date.flatMap { Day(iso: $0) } ?? console.today, auditor: auditor)
        let worksheet = AuditWorksheet(
            catalog: loaded.catalog, audit: audit, selfResult: package.result, selfDate: package.assessment.date,
            source: from, language: console.language(lang))

        switch format {
        case .xlsx:
            try writeChecklist(
                catalog: loaded.catalog, audit: audit, selfResult: package.result, copies: copies, console: console)
        case .md:
            let (folder, shown) = try prepare(file: "checklist.md", console: console)
            try FileOutput.write(
                AuditChecklist(worksheet).render(), to: PathText.join(folder, "checklist.md"), shown: shown)
            console.say(.wroteChecklist(shown, criteria: loaded.catalog.criteria.count))
        case .yaml:
            let (folder, shown) = try prepare(file: "assessment.yaml", console: console)
            try copy(copies, into: folder, console: console)
            try FileOutput.write(worksheet.render(), to: PathText.join(folder, "assessment.yaml"), shown: shown)
            console.say(.wroteAuditWorksheet(shown, criteria: loaded.catalog.criteria.count, copied: copies.count))
        }
    }

    /// Creates the output folder and refuses to overwrite `file` in it (or to write through a link there).
    func prepare(file: String, console: Console) throws(DiagnosticError) -> (folder: String, shown: String) {
        let folder = console.absolute(output)
        let shown = PathText.join(output, file)
        try FileOutput.prepareFolder(
            folder, output: output, file: file, overwrite: false,
            hint: .chooseAnotherOutputOrMove)
        return (folder, shown)
    }

    /// Copies the evidence files into the worksheet's folder, in 1 MB pieces. A different file already
    /// there, or a symbolic link leading out of the folder, is an error; all of them are listed before
    /// anything is written.
    func copy(_ files: [(source: String, relative: String)], into folder: String, console: Console)
        throws(DiagnosticError)
    {
        var bag = DiagnosticBag()
        var planned: [(source: String, target: String, shown: String)] = []
        for file in files {
            let target = PathText.join(folder, file.relative)
            let shown = PathText.join(output, file.relative)
            guard let hash = DiskFiles().sha256(ofFile: file.source) else {
                let source = console.relative(file.source)
                bag.append(.error(.cannotReadEvidenceFile(source), at: .file(source)))
                continue
            }
            if FileOutput.leadsOutside(target, folder: folder) {
                bag.append(
                    .error(
                        .leadsOutsideFolder(shown, folder: output), at: .file(shown), hint: .symbolicLinkPointsElsewhere
                    ))
                continue
            }
            var status = stat()
            if lstat(target, &status) == 0 {
                if DiskFiles().sha256(ofFile: target) != hash {
                    bag.append(.error(.existsWithOtherContent(shown), at: .file(shown), hint: .chooseEmptyOutputFolder))
                }
                continue
            }
            planned.append((file.source, target, shown))
        }
        try bag.throwIfErrors()
        for (source, target, shown) in planned {
            let parent = PathText.folder(of: target)
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                let folder = console.relative(parent)
                throw DiagnosticError(.error(.cannotCreateFolder(folder), at: .file(folder)))
            }
            try FileOutput.copy(file: source, to: target, shown: shown)
        }
    }
}
