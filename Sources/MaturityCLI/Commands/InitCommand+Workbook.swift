import Foundation
import MaturityCore
import MaturityReports

extension InitCommand {
    /// `init --format xlsx`: the self-assessment worksheet, DIR/worksheet.xlsx.
    func writeWorksheet(catalog: Catalog, console: Console) throws {
        try WorkbookOutput.requireLevels(catalog)
        let (folder, shown) = try prepare(file: "worksheet.xlsx", console: console)
        let assessment = Assessment(
            catalogId: catalog.id, catalogVersion: catalog.version,
            organisation: Organisation(name: organisation ?? "", site: site),
            date: date.flatMap { Day(iso: $0) } ?? console.today, assessor: assessor)
        let workbook = AssessmentWorkbook(
            catalog: catalog, assessment: assessment, form: .worksheet, language: console.language(lang))
        try FileOutput.write(workbook.data(), to: PathText.join(folder, "worksheet.xlsx"), shown: shown)
        console.say(.wroteWorksheet(shown, criteria: catalog.criteria.count, output: output))
    }

    /// `init --kind audit --format xlsx`: the auditor's checklist, DIR/checklist.xlsx, with the cited
    /// evidence files copied beside it so that it imports in DIR.
    func writeChecklist(
        catalog: Catalog, audit: Assessment, selfResult: AssessmentResult,
        copies: [(source: String, relative: String)], console: Console
    ) throws {
        try WorkbookOutput.requireLevels(catalog)
        let (folder, shown) = try prepare(file: "checklist.xlsx", console: console)
        try copy(copies, into: folder, console: console)
        let workbook = AssessmentWorkbook(
            catalog: catalog, assessment: audit, form: .audit(selfResult: selfResult), language: console.language(lang))
        try FileOutput.write(workbook.data(), to: PathText.join(folder, "checklist.xlsx"), shown: shown)
        console.say(.wroteAuditWorksheet(shown, criteria: catalog.criteria.count, copied: copies.count))
    }
}
