import Foundation
import MaturityCore
import Testing

/// Rows that cannot be read, strict mode, and the same KPIs however the file is read.
@Suite struct TicketReadingTests {
    static let header = "id,created_at,first_response_at,resolved_at,priority,fcr,csat,complaint,reopened,callback\n"

    static let malformed =
        header + """
            A,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,2026-03-02T12:00:00Z,urgent,true,5,false,false,true
            B,2026-13-02T09:00:00Z,,,,,,,,
            C,2026-03-02T09:00:00Z,,,,maybe,,,,
            D,2026-03-02T09:00:00Z,,,,,9,,,
            E,2026-03-02T09:00:00Z,,,
            F,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z,,,,,,,
            G,2026-03-02T09:00:00Z,,2026-03-02T10:00:00Z,normal,false,4,false,false,false
            H,"2026-03-02T09:00:00Z"x,,,,,,,,
            I,2026-03-02T09:00:00Z,,,,,,,,"unclosed

            """

    @Test func unreadableRowsAreCountedAndTheFirstShownWithLineAndColumn() throws {
        let m = try TicketTesting.measure(Self.malformed)
        #expect(m.rows == 9)
        #expect(m.tickets == 2)
        #expect(m.rowsLeftOut == 7)
        #expect(
            m.problems.map(\.description) == [
                "tickets.csv:3:3: warning: '2026-13-02T09:00:00Z' in column 'created_at' is not a date and time in the format 'iso8601'",
                "tickets.csv:4:27: warning: 'maybe' in column 'fcr' is neither a true nor a false value",
                "tickets.csv:5:28: warning: rating '9' in column 'csat' is outside 1–5",
                "tickets.csv:6:1: warning: the row has 5 fields where the header has 10",
                "tickets.csv:7:24: warning: first response (2026-03-02 08:00:00) is before creation (2026-03-02 09:00:00)",
                "tickets.csv:9:3: warning: text follows the closing quote of a field",
                "tickets.csv:10:31: warning: a quoted field is not closed before the end of the file",
            ])
        #expect(m.warnings.first?.message.hasPrefix("row left out: '2026-13-02") == true)
        // What could be read still counts: A and G.
        #expect(m.value("fcr_rate") == 50)
    }

    @Test func strictFailsOnTheFirstUnreadableRow() throws {
        #expect {
            _ = try TicketTesting.measure(Self.malformed, strict: true)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                """
                tickets.csv:3:3: error: '2026-13-02T09:00:00Z' in column 'created_at' is not a date and time in the format 'iso8601'
                  hint: without --strict, such rows are left out, counted and listed
                """
            ]
        }
    }

    @Test func onlyTheFirstTenProblemsAreKeptButAllAreCounted() throws {
        let rows = (1...25).map { "T\($0),not a date,,,,,,,,\n" }.joined()
        let m = try TicketTesting.measure(Self.header + rows)
        #expect(m.rowsLeftOut == 25)
        #expect(m.problems.count == TicketKPIs.shownProblems)
        #expect(m.problems.last?.location?.line == 11)
        #expect(m.warnings.last?.message == "25 rows of tickets.csv left out in all; the first 10 problems are shown")
    }

    @Test func blankLinesAreNotTickets() throws {
        let m = try TicketTesting.measure(
            Self.header + "\nA,2026-03-02T09:00:00Z,,,,,,,,\n\r\n\nB,2026-03-02T09:00:00Z,,,,,,,,\n\n")
        #expect(m.rows == 2)
        #expect(m.rowsLeftOut == 0)
    }

    @Test func anEmptyFileOrAHeaderThatIsNotUTF8IsAnError() throws {
        #expect(throws: DiagnosticError.self) { _ = try TicketTesting.measure("") }
        let gbk: [UInt8] = [0xB9, 0xA4, 0xB5, 0xA5, 0x2C, 0x61, 0x0A]  // 工单,a in GBK
        let reader = CSVReader(bytes: gbk)
        do {
            _ = try TicketKPIs.measure(reader: reader, file: "gbk.csv", mapping: .simpleFormat)
            Issue.record("a GBK header was accepted")
        } catch {
            #expect(error.diagnostics.first?.message == "the header is not UTF-8 text")
            #expect(error.diagnostics.first?.hint?.contains("iconv -f GBK -t UTF-8") == true)
        }
    }

    /// Hostile exports stop with a located error instead of growing memory without bound.
    @Test func aRowWithTooManyFieldsIsRefusedWhereItStarts() throws {
        let wide = "A" + String(repeating: ",", count: CSVReader.maximumFields + 10) + "\n"
        #expect {
            _ = try TicketTesting.measure(Self.header + "A,2026-03-02T09:00:00Z,,,,,,,,\n" + wide)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                """
                tickets.csv:3:1: error: a row with more than 4096 fields starts here
                  hint: check the delimiter: a ticket export has tens of columns
                """
            ]
        }
    }

    @Test func aQuoteNeverClosedStopsAtTheRecordLimit() throws {
        let line = "B,2026-03-02T09:00:00Z,,,,,,,,\n"
        let tail = String(repeating: line, count: CSVReader.maximumRecordBytes / line.utf8.count + 1000)
        #expect {
            _ = try TicketTesting.measure(Self.header + "A,\"2026-03-02T09:00:00Z,,,,,,,,\n" + tail)
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.message == "a row longer than 8 MB starts here" && diagnostic?.location?.line == 2
        }
    }

    @Test func anExportCanComeThroughAPipe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("tickets.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = Self.header + "A,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,,,true,,,,\n"
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(text.utf8))
            try? handle?.close()
        }
        writer.start()
        let m = try TicketKPIs.measure(path: fifo, displayPath: "tickets.csv", mapping: .simpleFormat)
        #expect(m.tickets == 1)
        #expect(m.value("first_response_minutes_p50") == 5)
    }

    // MARK: However the file is read

    /// An export with quoted fields, line breaks in quotes, unreadable rows and an event of each kind.
    static func export(rows: Int, seed: UInt64) -> String {
        var generator = SplitMix(seed: seed)
        var lines = [
            "\u{FEFF}id,created_at,first_response_at,resolved_at,priority,fcr,csat,complaint,reopened,callback,note"
        ]
        for n in 0..<rows {
            let created = 1_772_000_000 + Int(generator.next() % 30_000_000)
            func time(_ seconds: Int) -> String {
                let formatter = ISO8601DateFormatter()
                formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
                return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            }
            let response = generator.next() % 20 == 0 ? "" : time(created + Int(generator.next() % 3000))
            let resolved = generator.next() % 10 == 0 ? "" : time(created + Int(generator.next() % 600_000))
            let note: String
            switch generator.next() % 8 {
            case 0: note = "\"line one\r\nline two, with \"\"quotes\"\"\""
            case 1: note = "\"a, b\""
            default: note = "plain"
            }
            let created1 = n % 97 == 5 ? "2026-02-30T10:00:00+08:00" : time(created)
            lines.append(
                [
                    "T\(n)", generator.next() % 4 == 0 ? "\"\(created1)\"" : created1, response, resolved,
                    generator.next() % 7 == 0 ? "urgent" : "normal", ["true", "false", ""][Int(generator.next() % 3)],
                    ["", "1", "2", "3", "4", "5", "5"][Int(generator.next() % 7)],
                    generator.next() % 30 == 0 ? "true" : "false", resolved.isEmpty ? "" : "false",
                    resolved.isEmpty ? "" : "true", note,
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func theKPIsAreTheSameWhetherTheFileIsReadInOneChunkOrMany() throws {
        let csv = Self.export(rows: 600, seed: 1)
        let whole = try TicketTesting.measure(csv)
        #expect(whole.rowsLeftOut > 0)
        #expect(whole.values.count == 13)
        for chunk in [1, 7, 64, 1000, 4096] {
            #expect(try TicketTesting.measure(csv, chunkBytes: chunk) == whole, "chunks of \(chunk) bytes")
        }
    }

    @Test func theKPIsAreTheSameWhetherTheFileIsReadByOneThreadOrSeveral() throws {
        let csv = Self.export(rows: 3000, seed: 2)
        let (folder, path) = try TicketTesting.temporaryFile(csv)
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try TicketKPIs.measure(path: path, displayPath: "t.csv", mapping: .simpleFormat, workers: 1)
        #expect(one.rowsLeftOut > 0)
        for workers in [2, 3, 5] {
            for chunk in [512, CSVReader.defaultChunkBytes] {
                let several = try TicketKPIs.measure(
                    path: path, displayPath: "t.csv", mapping: .simpleFormat, chunkBytes: chunk, workers: workers,
                    parallelMinimumBytes: 0)
                #expect(several == one, "\(workers) workers, chunks of \(chunk) bytes")
            }
        }
    }

    @Test func aSplitInsideAQuotedFieldFallsBackToOnePass() throws {
        // The middle of the file lies inside a quoted note full of line breaks.
        let before = (0..<50).map { "T\($0),2026-03-02T09:00:00Z,,,,,,,,,x" }
        let note = "\"" + String(repeating: "a line of the note\n", count: 400) + "\""
        let after = (50..<100).map { "T\($0),2026-03-02T09:00:00Z,,,,,,,,,x" } + ["T100,bad,,,,,,,,,x"]
        let csv =
            ([String(Self.header.dropLast()) + ",note"] + before + ["T-note,2026-03-02T09:00:00Z,,,,,,,,,\(note)"]
            + after)
            .joined(separator: "\n") + "\n"
        let (folder, path) = try TicketTesting.temporaryFile(csv)
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try TicketKPIs.measure(path: path, displayPath: "t.csv", mapping: .simpleFormat, workers: 1)
        let two = try TicketKPIs.measure(
            path: path, displayPath: "t.csv", mapping: .simpleFormat, workers: 2, parallelMinimumBytes: 0)
        #expect(two == one)
        #expect(one.tickets == 101)
        #expect(one.problems.map(\.location?.line) == [503])
        #expect {
            _ = try TicketKPIs.measure(
                path: path, displayPath: "t.csv", mapping: .simpleFormat, strict: true, workers: 2,
                parallelMinimumBytes: 0)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.location?.line == 503
        }
    }
}

/// A small deterministic generator, so that test exports are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
