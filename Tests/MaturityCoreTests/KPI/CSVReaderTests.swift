import MaturityCore
import Testing

/// A record as the tests compare it: its line, its fields as text, its problem.
struct ReadRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var problem: CSVReader.Problem?

    var description: String { "\(line): \(fields)\(problem.map { " \($0)" } ?? "")" }
}

enum CSVTesting {
    static func records(
        _ text: String, chunkBytes: Int = CSVReader.defaultChunkBytes, delimiter: Character = ","
    ) throws -> [ReadRecord] {
        try records(Array(text.utf8), chunkBytes: chunkBytes, delimiter: delimiter)
    }

    static func records(
        _ bytes: [UInt8], chunkBytes: Int = CSVReader.defaultChunkBytes, delimiter: Character = ","
    ) throws -> [ReadRecord] {
        let reader = CSVReader(bytes: bytes, delimiter: try #require(delimiter.asciiValue), chunkBytes: chunkBytes)
        var records: [ReadRecord] = []
        while try reader.next() {
            records.append(
                ReadRecord(
                    line: reader.line, fields: (0..<reader.fieldCount).map(reader.string), problem: reader.problem))
        }
        return records
    }
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithDelimitersDoubledQuotesAndLineBreaks() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"
        #expect(
            try CSVTesting.records(text) == [
                ReadRecord(line: 1, fields: ["id", "note"]),
                ReadRecord(line: 2, fields: ["1", "a, b"]),
                ReadRecord(line: 3, fields: ["2", "say \"hi\""]),
                ReadRecord(line: 4, fields: ["3", "two\nlines"]),
                ReadRecord(line: 6, fields: ["4", "plain"]),
            ])
    }

    @Test func skipsTheByteOrderMarkAndReadsCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("工单编号,创建时间\r\nA-1,\"x\r\ny\"\r\nA-2,z\r\n".utf8)
        #expect(
            try CSVTesting.records(bytes) == [
                ReadRecord(line: 1, fields: ["工单编号", "创建时间"]),
                ReadRecord(line: 2, fields: ["A-1", "x\r\ny"]),
                ReadRecord(line: 4, fields: ["A-2", "z"]),
            ])
    }

    @Test func aQuotedFieldSpanningTwoReadBuffersIsReadWhole() throws {
        // With 16-byte reads the quoted note starts in the first read and ends three reads later.
        let note = "a long note, with \"\"quotes\"\" and\na line break"
        let text = "id,note\n7,\"\(note)\",end\n8,x,y\n"
        let records = try CSVTesting.records(text, chunkBytes: 16)
        try #require(records.count == 3)
        #expect(
            records[1] == ReadRecord(line: 2, fields: ["7", "a long note, with \"quotes\" and\na line break", "end"]))
        #expect(records[2] == ReadRecord(line: 4, fields: ["8", "x", "y"]))
    }

    static let mixed =
        "\u{FEFF}id,created,note\r\n1,2026-03-01T08:00:00+08:00,\"a, \"\"b\"\"\"\r\n\r\n2,,\"multi\r\nline\"\r\n"
        + "3,x,\"unclosed after\"text\r\n4,\"\",\r\n5,last,\"no newline\""

    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 4096, CSVReader.defaultChunkBytes])
    func readsTheSameRecordsInOneChunkOrMany(chunkBytes: Int) throws {
        let whole = try CSVTesting.records(Self.mixed)
        #expect(try CSVTesting.records(Self.mixed, chunkBytes: chunkBytes) == whole)
        try #require(whole.count == 7)
        #expect(whole[2] == ReadRecord(line: 3, fields: [""]))  // a blank line
        #expect(whole[4].problem == .textAfterClosingQuote(field: 2))
        #expect(whole[5] == ReadRecord(line: 7, fields: ["4", "", ""]))
        #expect(whole[6] == ReadRecord(line: 8, fields: ["5", "last", "no newline"]))
    }

    @Test func anUnterminatedQuoteIsAProblemOfTheLastRecord() throws {
        let records = try CSVTesting.records("a,b\n1,\"never closed\n2,x\n")
        try #require(records.count == 2)
        #expect(records[1].line == 2)
        #expect(records[1].problem == .unterminatedQuote(field: 1))
        #expect(records[1].fields == ["1", "never closed\n2,x\n"])
    }

    @Test func textAfterAClosingQuoteKeepsTheFollowingRecordsInStep() throws {
        let records = try CSVTesting.records("a,b\n\"x\"y,2\n3,4\n")
        try #require(records.count == 3)
        #expect(records[1].problem == .textAfterClosingQuote(field: 0))
        #expect(records[1].fields.count == 2)
        #expect(records[2] == ReadRecord(line: 3, fields: ["3", "4"]))
    }

    @Test func aLoneCarriageReturnEndsARecord() throws {
        #expect(
            try CSVTesting.records("a,b\r1,2\r") == [
                ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["1", "2"]),
            ])
    }

    @Test func readsOtherDelimiters() throws {
        #expect(try CSVTesting.records("a;b\n1;\"2;3\"\n", delimiter: ";").dropFirst().first?.fields == ["1", "2;3"])
        #expect(try CSVTesting.records("a\tb\n1\t2,3\n", delimiter: "\t").dropFirst().first?.fields == ["1", "2,3"])
    }

    @Test func aRecordLongerThanTheBufferGrowsIt() throws {
        let long = String(repeating: "长", count: 50_000)
        let records = try CSVTesting.records("a,b\n1,\"\(long)\"\n2,x\n", chunkBytes: 1000)
        try #require(records.count == 3)
        #expect(records[1].fields[1] == long)
        #expect(records[2].fields == ["2", "x"])
    }

    @Test func refusesUTF16() throws {
        #expect(throws: CSVReader.Failure.utf16) {
            _ = try CSVTesting.records([0xFF, 0xFE, 0x61, 0x00])
        }
    }

    @Test func locatesFieldsByLineAndCharacterColumn() throws {
        let reader = CSVReader(bytes: Array("编号,时间\n甲,\"a\nb\",坏值\n".utf8), chunkBytes: 4)
        _ = try reader.next()
        _ = try reader.next()
        #expect(reader.location(ofField: 0) == (2, 1))
        #expect(reader.location(ofField: 1) == (2, 3))  // the opening quote
        #expect(reader.location(ofField: 2) == (3, 4))
    }

    @Test func anEmptyInputHasNoRecords() throws {
        #expect(try CSVTesting.records("").isEmpty)
        #expect(try CSVTesting.records([0xEF, 0xBB, 0xBF]).isEmpty)
    }
}
