import MaturityCore
import Testing

@testable import MaturitySheets

@Suite struct CellReferenceTests {
    @Test(arguments: [("A1", 1, 1), ("D14", 14, 4), ("Z9", 9, 26), ("AA1", 1, 27), ("XFD1048576", 1_048_576, 16_384)])
    func referencesReadBackToRowAndColumn(text: String, row: Int, column: Int) throws {
        let reference = try #require(CellReference(text))
        #expect(reference.row == row && reference.column == column)
        #expect(reference.description == text)
    }

    @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "1A", "A1B", "AAAA1", "A 1"])
    func nonReferencesAreRefused(text: String) {
        #expect(CellReference(text) == nil)
    }
}
