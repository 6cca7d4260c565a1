/// Splits tab- or comma-delimited upstream files into records, line by line.
///
/// Upstream files are large (OEWS has 370k rows), so the reader walks one byte buffer and hands out each
/// field as a range of it: a field becomes a string, or a number, only when a loader reads it.
struct DelimitedReader {
    enum Format: Sendable {
        /// Tab-delimited, no quoting (O*NET, BLS TSV extracts).
        case tsv
        /// RFC 4180 CSV with double-quoted fields (OEWS).
        case csv
    }

    /// A field's bytes in the buffer: `start..<end`, inside the quotes of a quoted field, whose doubled
    /// quotes (`escapedQuotes`) still have to be undone when it is read.
    struct Field: Sendable {
        var start: Int
        var end: Int
        var escapedQuotes: Bool
    }

    let file: String
    let format: Format
    let bytes: [UInt8]
    private var position: Int
    /// The line the last record started on (1-based).
    private(set) var lineNumber = 0
    private var nextLine = 1

    init(bytes: [UInt8], file: String, format: Format) {
        // A UTF-8 byte-order mark would otherwise become part of the first column name.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.bytes = bytes
        self.file = file
        self.format = format
    }

    /// Fills `fields` with the next record; false at end of file. Blank lines are skipped.
    mutating func next(into fields: inout [Field]) throws -> Bool {
        let delimiter: UInt8 = format == .tsv ? 9 : 44
        let csv = format == .csv
        let quote: UInt8 = 34, lf: UInt8 = 10, cr: UInt8 = 13
        let count = bytes.count
        return try bytes.withUnsafeBufferPointer { bytes in
            while position < count {
                lineNumber = nextLine
                nextLine += 1
                fields.removeAll(keepingCapacity: true)
                var index = position
                var fieldStart = index
                var quoted: Field? = nil
                while true {
                    if index == count || bytes[index] == lf || bytes[index] == cr {
                        fields.append(quoted ?? Field(start: fieldStart, end: index, escapedQuotes: false))
                        if index < count {
                            index += (bytes[index] == cr && index + 1 < count && bytes[index + 1] == lf) ? 2 : 1
                        }
                        break
                    }
                    let byte = bytes[index]
                    if byte == delimiter {
                        fields.append(quoted ?? Field(start: fieldStart, end: index, escapedQuotes: false))
                        quoted = nil
                        index += 1
                        fieldStart = index
                        continue
                    }
                    if csv, byte == quote, index == fieldStart, quoted == nil {
                        index += 1
                        let contentStart = index
                        var escaped = false
                        var closed = false
                        while index < count {
                            if bytes[index] == quote {
                                if index + 1 < count, bytes[index + 1] == quote {
                                    escaped = true
                                    index += 2
                                    continue
                                }
                                closed = true
                                break
                            }
                            if bytes[index] == lf { nextLine += 1 }
                            index += 1
                        }
                        guard closed else { throw ImportError(file: file, line: lineNumber, message: "unterminated quoted field") }
                        quoted = Field(start: contentStart, end: index, escapedQuotes: escaped)
                        index += 1
                        continue
                    }
                    if quoted != nil { throw ImportError(file: file, line: lineNumber, message: "text after a closing quote") }
                    index += 1
                }
                position = index
                if fields.count == 1 && fields[0].start == fields[0].end { continue }
                return true
            }
            return false
        }
    }

    /// The next record as strings (tests and fuzzing; the importer reads fields in place).
    mutating func next(into fields: inout [String]) throws -> Bool {
        var ranges: [Field] = []
        guard try next(into: &ranges) else { return false }
        fields = ranges.map(string)
        return true
    }

    /// The field's bytes, its doubled quotes undone, for the length of `body`.
    func withBytes<Result>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard field.escapedQuotes else {
            return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.end - field.start)
        var index = field.start
        while index < field.end {
            unescaped.append(bytes[index])
            // Inside a closed quoted field every quote is the first of a pair.
            index += bytes[index] == 34 ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    func string(_ field: Field) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }
}
