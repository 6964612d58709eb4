import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write an assessment template listing every criterion of the catalog, ready to fill in.",
        discussion: "Writes DIR/assessment.yaml; an existing file is never overwritten."
    )

    @Option(name: .long, help: "The organisation's name.")
    var organisation: String

    @Option(name: .long, help: "Folder to write assessment.yaml into (created if missing).")
    var output: String

    @Option(name: .long, help: "Assessment kind: self.")
    var kind: String = "self"

    @Option(name: .long, help: "Catalog file or folder (default: the shipped catalog).")
    var catalog: String?

    @Option(name: .long, help: "The organisation's site.")
    var site: String?

    @Option(name: .long, help: "Who makes the assessment.")
    var assessor: String?

    @Option(name: .long, help: "Assessment date YYYY-MM-DD (default: today).")
    var date: String?

    @Option(name: .long, help: "Language of the comments: zh or en (default: from LANG, else en).")
    var lang: Language?

    func validate() throws {
        if organisation.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--organisation must not be empty")
        }
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD")
        }
        if kind != "self" {
            throw ValidationError("--kind '\(kind)' is not supported; use self")
        }
    }

    func run() throws {
        let console = Context.console
        let path = try catalog.map(console.absolute) ?? CatalogLocator.defaultCatalog(console: console)
        let loaded = try CatalogLoader.load(path: path, displayPath: catalog ?? console.relative(path))
        let folder = console.absolute(output)
        let file = (folder as NSString).appendingPathComponent("assessment.yaml")
        let shown = Display.join(output, "assessment.yaml")
        if FileManager.default.fileExists(atPath: file) {
            throw DiagnosticError(
                .error(
                    "'\(shown)' already exists; it was not overwritten", at: nil,
                    hint: "choose another --output folder, or move the existing file away"))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create folder '\(output)'", at: nil))
        }
        let template = AssessmentTemplate(
            catalog: loaded.value, organisation: organisation, site: site, assessor: assessor,
            date: date.flatMap { Day(iso: $0) } ?? console.today, language: console.language(lang))
        try FileOutput.write(template.render(), to: file)
        console.write("wrote \(shown): \(loaded.value.criteria.count) criteria to assess\n")
    }
}

/// Paths as messages show them.
enum Display {
    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }
}
