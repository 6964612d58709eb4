import Foundation

/// Reads delimited text record by record from large `read()` chunks, as RFC 4180 and real exports
/// write it: UTF-8 BOM, CRLF or LF, quoted fields holding delimiters, doubled quotes and line breaks.
///
/// Fields are byte ranges into the reader's buffer, valid until the next call of `next()`; nothing
/// is copied or decoded unless asked for. Memory is the buffer (one chunk, grown only for a record
/// longer than it) and the field offsets of one record, however long the file.
public final class CSVReader {
    /// What is wrong with a record that could still be delimited.
    public enum Problem: Sendable, Hashable {
        /// A quoted field runs to the end of the file.
        case unterminatedQuote(field: Int)
        /// Text follows the closing quote of a field (`"a"b`); the text is kept as part of the field.
        case textAfterClosingQuote(field: Int)
    }

    /// Why reading stopped.
    public enum Failure: Error, Sendable, Hashable {
        case unreadable(String)
        case recordTooLong(line: Int, bytes: Int)
        case tooManyFields(line: Int, limit: Int)
        case utf16
    }

    /// Reads up to `count` bytes into the pointer; returns how many (0 at the end), or -1 with `errno` set.
    public typealias Read = (UnsafeMutableRawPointer, Int) -> Int

    public static let defaultChunkBytes = 1 << 20
    /// A record (one ticket row) may have this many bytes; a quote never closed would otherwise make
    /// the rest of the file one record.
    public static let maximumRecordBytes = 8 << 20
    /// Fields a record may have.
    public static let maximumFields = 4096

    private let read: Read
    private let delimiter: UInt8
    private let chunkBytes: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes of the buffer holding file data.
    private var filled = 0
    /// Where the next record starts.
    private var position = 0
    private var reachedEnd = false
    private var checkedStart = false
    /// Line of the next record (1-based).
    private var nextLine = 1

    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var flags: UnsafeMutablePointer<UInt8>
    private var fieldCapacity = 64
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 0

    /// Lines read so far (all of them at the end).
    public var linesRead: Int { nextLine - 1 }
    /// Whether the input ended inside a quoted field.
    public private(set) var endedInsideQuotes = false

    /// The line the current record starts on.
    public private(set) var line = 0
    /// Fields of the current record.
    public private(set) var fieldCount = 0
    /// Where the current record starts in the buffer.
    private var recordStart = 0
    /// Set when the current record is malformed.
    public private(set) var problem: Problem?
    /// Bytes consumed before the current buffer, for progress and tests.
    public private(set) var bytesBefore = 0

    static let quoted: UInt8 = 1
    static let escaped: UInt8 = 2

    /// A reader over `read`; `chunkBytes` is how much one `read()` asks for. `atFileStart` false reads
    /// a part from the middle of a file: no byte order mark is looked for, lines count from 1.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","), chunkBytes: Int = CSVReader.defaultChunkBytes, atFileStart: Bool = true,
        read: @escaping Read
    ) {
        self.read = read
        self.delimiter = delimiter
        self.chunkBytes = max(1, chunkBytes)
        checkedStart = !atFileStart
        // Room for a chunk behind the unfinished record moved to the front before each read.
        capacity = self.chunkBytes + max(64, min(self.chunkBytes, 64 << 10))
        buffer = .allocate(capacity: capacity)
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        flags = .allocate(capacity: fieldCapacity)
        scratch = .allocate(capacity: 1)
    }

    deinit {
        buffer.deallocate()
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
        scratch.deallocate()
    }

    /// A reader over an open file descriptor (not closed by the reader).
    public convenience init(
        fileDescriptor fd: Int32, delimiter: UInt8 = UInt8(ascii: ","), chunkBytes: Int = defaultChunkBytes
    ) {
        self.init(delimiter: delimiter, chunkBytes: chunkBytes) { pointer, count in
            while true {
                let n = Foundation.read(fd, pointer, count)
                if n < 0, errno == EINTR { continue }
                return n
            }
        }
    }

    /// A reader over bytes in memory, handing out at most `chunkBytes` per read (tests use tiny chunks).
    public convenience init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), chunkBytes: Int = defaultChunkBytes) {
        var offset = 0
        self.init(delimiter: delimiter, chunkBytes: chunkBytes) { pointer, count in
            let n = min(count, bytes.count - offset)
            if n > 0 {
                bytes.withUnsafeBytes { source in
                    // n > 0, so the buffer is not empty and has a base address.
                    guard let base = source.baseAddress else { return }
                    pointer.copyMemory(from: base + offset, byteCount: n)
                }
                offset += n
            }
            return n
        }
    }

    // MARK: Fields

    /// The bytes of field `index` of the current record, quotes removed; valid until `next()`.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = starts[index]
        let end = ends[index]
        if flags[index] & CSVReader.escaped == 0 {
            return UnsafeBufferPointer(start: buffer + start, count: end - start)
        }
        return unescaped(index)
    }

    /// Whether field `index` was written in quotes.
    public func isQuoted(_ index: Int) -> Bool {
        flags[index] & CSVReader.quoted != 0
    }

    /// Field `index` as text (invalid UTF-8 shown as U+FFFD).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// A doubled quote inside a quoted field stands for one quote: copy without the doubles into the
    /// scratch area at the field's own offset, so that several such fields of one record coexist.
    private func unescaped(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = starts[index]
        let end = ends[index]
        let offset = start - recordStart
        var out = offset
        var i = start
        while i < end {
            let byte = buffer[i]
            scratch[out] = byte
            out += 1
            i += byte == UInt8(ascii: "\"") ? 2 : 1
        }
        return UnsafeBufferPointer(start: scratch + offset, count: out - offset)
    }

    /// 1-based line and column (in characters) where field `index` of the current record starts;
    /// a quoted field's column is its opening quote's.
    public func location(ofField index: Int) -> (line: Int, column: Int) {
        var line = self.line
        var column = 1
        let target = index < fieldCount ? starts[index] - (isQuoted(index) ? 1 : 0) : recordStart
        var i = recordStart
        while i < target {
            let byte = buffer[i]
            if byte == 10 {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    // MARK: Records

    /// Reads the next record; false at the end of the input. Blank lines are records of one empty field.
    public func next() throws(Failure) -> Bool {
        if !checkedStart { try checkStart() }
        while true {
            switch scan() {
            case .record:
                return true
            case .end:
                return false
            case .needMore:
                try refill()
            case .tooManyFields:
                throw .tooManyFields(line: nextLine, limit: CSVReader.maximumFields)
            }
        }
    }

    private enum Scan {
        case record
        case end
        case needMore
        case tooManyFields
    }

    /// Delimits one record starting at `position`. On `.needMore` nothing is committed: the record
    /// is scanned again from its start once more bytes are in.
    @inline(__always)
    private func scan() -> Scan {
        let base = buffer
        let limit = filled
        let atEnd = reachedEnd
        let delimiter = self.delimiter
        let quote = UInt8(ascii: "\"")
        let lf: UInt8 = 10
        let cr: UInt8 = 13
        let delimiters = CSVReader.repeated(delimiter)
        let lfs = CSVReader.repeated(lf)
        let crs = CSVReader.repeated(cr)
        let quotes = CSVReader.repeated(quote)
        var starts = self.starts
        var ends = self.ends
        var flags = self.flags
        var fieldCapacity = self.fieldCapacity
        var i = position
        var lines = 0
        var count = 0
        var problem: Problem?
        var escapedAny = false
        if i >= limit {
            return atEnd ? .end : .needMore
        }
        while true {
            if count == fieldCapacity {
                if fieldCapacity >= CSVReader.maximumFields { return .tooManyFields }
                growFields()
                starts = self.starts
                ends = self.ends
                flags = self.flags
                fieldCapacity = self.fieldCapacity
            }
            // One field starts at i.
            if i < limit, base[i] == quote {
                i += 1
                let start = i
                var flag = CSVReader.quoted
                var closed = false
                while true {
                    // The next quote, counting the line breaks on the way.
                    while true {
                        i = CSVReader.find(base, from: i, limit: limit, quotes, lfs, quotes)
                        guard i < limit, base[i] == lf else { break }
                        lines += 1
                        i += 1
                    }
                    if i >= limit {
                        if !atEnd { return .needMore }
                        break
                    }
                    // base[i] is a quote: doubled, or the closing one.
                    if i + 1 >= limit, !atEnd { return .needMore }
                    if i + 1 < limit, base[i + 1] == quote {
                        flag |= CSVReader.escaped
                        i += 2
                        continue
                    }
                    closed = true
                    break
                }
                starts[count] = start
                if !closed {
                    ends[count] = i
                    flags[count] = flag
                    count += 1
                    problem = problem ?? .unterminatedQuote(field: count - 1)
                    endedInsideQuotes = true
                    if flag & CSVReader.escaped != 0 { escapedAny = true }
                    commit(start: position, end: i, fields: count, lines: lines, problem: problem, escaped: escapedAny)
                    return .record
                }
                var end = i
                i += 1
                if i < limit, base[i] != delimiter, base[i] != lf, base[i] != cr {
                    // Text after the closing quote: the record is malformed. Delimit it as most readers do
                    // (the field runs to the next delimiter) so that the following records stay in step.
                    problem = problem ?? .textAfterClosingQuote(field: count)
                    while i < limit, base[i] != delimiter, base[i] != lf, base[i] != cr { i += 1 }
                    if i >= limit, !atEnd { return .needMore }
                    flag &= ~CSVReader.escaped
                    end = i
                }
                if flag & CSVReader.escaped != 0 { escapedAny = true }
                ends[count] = end
                flags[count] = flag
                count += 1
            } else {
                let start = i
                i = CSVReader.find(base, from: i, limit: limit, delimiters, lfs, crs)
                if i >= limit, !atEnd { return .needMore }
                starts[count] = start
                ends[count] = i
                flags[count] = 0
                count += 1
            }
            // After a field: a delimiter, a line break, or the end of the input.
            if i >= limit {
                commit(start: position, end: limit, fields: count, lines: lines, problem: problem, escaped: escapedAny)
                return .record
            }
            let byte = base[i]
            if byte == delimiter {
                i += 1
                if i >= limit, !atEnd { return .needMore }
                continue
            }
            if byte == cr {
                if i + 1 >= limit, !atEnd { return .needMore }
                if i + 1 < limit, base[i + 1] == lf { i += 1 }
            }
            commit(start: position, end: i + 1, fields: count, lines: lines, problem: problem, escaped: escapedAny)
            return .record
        }
    }

    /// `byte` in every byte of a word.
    @inline(__always)
    static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// The first index from `from` whose byte is one of three (given `repeated`), or `limit`.
    /// Eight bytes at a time: a byte equal to the wanted one is zero after XOR, and
    /// (v − 0x01…) & ~v & 0x80… marks the lowest zero byte exactly.
    @inline(__always)
    static func find(
        _ base: UnsafeMutablePointer<UInt8>, from: Int, limit: Int, _ a: UInt64, _ b: UInt64, _ c: UInt64
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = from
        let raw = UnsafeRawPointer(base)
        while i + 8 <= limit {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let x = word ^ a
            let y = word ^ b
            let z = word ^ c
            let hits = (((x &- ones) & ~x) | ((y &- ones) & ~y) | ((z &- ones) & ~z)) & highs
            if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
            i += 8
        }
        let ba = UInt8(truncatingIfNeeded: a)
        let bb = UInt8(truncatingIfNeeded: b)
        let bc = UInt8(truncatingIfNeeded: c)
        while i < limit {
            let byte = base[i]
            if byte == ba || byte == bb || byte == bc { return i }
            i += 1
        }
        return limit
    }

    @inline(__always)
    private func commit(start: Int, end: Int, fields: Int, lines: Int, problem: Problem?, escaped: Bool) {
        recordStart = start
        line = nextLine
        nextLine += lines + 1
        fieldCount = fields
        self.problem = problem
        position = end
        if escaped { ensureScratch(end - start) }
    }

    private func ensureScratch(_ bytes: Int) {
        guard bytes > scratchCapacity else { return }
        scratch.deallocate()
        scratchCapacity = max(bytes, scratchCapacity * 2)
        scratch = .allocate(capacity: scratchCapacity)
    }

    private func growFields() {
        let newCapacity = fieldCapacity * 2
        func grow<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let bigger = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
            bigger.moveInitialize(from: pointer, count: fieldCapacity)
            pointer.deallocate()
            return bigger
        }
        starts = grow(starts)
        ends = grow(ends)
        flags = grow(flags)
        fieldCapacity = newCapacity
    }

    /// Moves the unfinished record to the front of the buffer (growing it when the record fills it)
    /// and reads the next chunk behind it.
    private func refill() throws(Failure) {
        if position > 0 {
            let remaining = filled - position
            if remaining > 0 { (buffer).update(from: buffer + position, count: remaining) }
            bytesBefore += position
            filled = remaining
            position = 0
        }
        // What is left in the buffer is one unfinished record.
        if filled >= CSVReader.maximumRecordBytes {
            throw .recordTooLong(line: nextLine, bytes: filled)
        }
        if capacity - filled < chunkBytes {
            let newCapacity = max(capacity * 2, filled + chunkBytes)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            bigger.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = bigger
            capacity = newCapacity
        }
        let n = read(buffer + filled, min(chunkBytes, capacity - filled))
        if n < 0 {
            throw .unreadable(String(cString: strerror(errno)))
        }
        if n == 0 {
            reachedEnd = true
        } else {
            filled += n
        }
    }

    /// Skips a UTF-8 byte order mark; refuses UTF-16.
    private func checkStart() throws(Failure) {
        while filled < 3, !reachedEnd { try refill() }
        checkedStart = true
        if filled >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw .utf16
        }
        if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
        }
    }
}
