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
        if let date { _ = try DateOption.parse(date, option: "--date") }
        switch worksheetKind {
        case .selfAssessment:
            guard let organisation, !organisation.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--organisation is required for a self-assessment template and must not be empty")
            }
            if from != nil { throw ValidationError("--from goes with --kind audit") }
            if auditor != nil { throw ValidationError("--auditor goes with --kind audit") }
            if format == .md {
                throw ValidationError("--format md writes the audit checklist; use it with --kind audit")
            }
        case .audit:
            if from == nil {
                throw ValidationError("--kind audit needs --from SELF.yaml, the self-assessment to audit")
            }
            if organisation != nil || site != nil {
                throw ValidationError(
                    "an audit worksheet takes the organisation from --from; drop --organisation and --site")
            }
        case nil:
            throw ValidationError("--kind '\(kind)' is not supported; use self or audit")
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
        console.write("wrote \(shown): \(loaded.value.criteria.count) criteria to assess\n")
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
            console.write("wrote \(shown): \(loaded.catalog.criteria.count) criteria to check on site\n")
        case .yaml:
            let (folder, shown) = try prepare(file: "assessment.yaml", console: console)
            try copy(copies, into: folder, console: console)
            try FileOutput.write(worksheet.render(), to: PathText.join(folder, "assessment.yaml"), shown: shown)
            console.write(
                "wrote \(shown): \(loaded.catalog.criteria.count) criteria to audit, \(copies.count) evidence file\(copies.count == 1 ? "" : "s") copied\n"
            )
        }
    }

    /// Creates the output folder and refuses to overwrite `file` in it (or to write through a link there).
    func prepare(file: String, console: Console) throws(DiagnosticError) -> (folder: String, shown: String) {
        let folder = console.absolute(output)
        let shown = PathText.join(output, file)
        try FileOutput.prepareFolder(
            folder, output: output, file: file, overwrite: false,
            hint: "choose another --output folder, or move the existing file away")
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
                bag.append(.error("cannot read evidence file '\(source)'", at: .file(source)))
                continue
            }
            if FileOutput.leadsOutside(target, folder: folder) {
                bag.append(
                    .error(
                        "cannot write '\(shown)': it leads outside the folder '\(output)'", at: .file(shown),
                        hint: "a symbolic link in the --output folder points elsewhere; choose an empty folder"))
                continue
            }
            var status = stat()
            if lstat(target, &status) == 0 {
                if DiskFiles().sha256(ofFile: target) != hash {
                    bag.append(
                        .error(
                            "'\(shown)' already exists with other content; it was not overwritten", at: .file(shown),
                            hint: "choose an empty --output folder"))
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
                throw DiagnosticError(.error("cannot create folder '\(folder)'", at: .file(folder)))
            }
            try FileOutput.copy(file: source, to: target, shown: shown)
        }
    }
}
