import VersusStore

/// The importer's DelimitedReader as it was before fields became byte ranges (commit a33a744), kept as the
/// reference the current reader must agree with.
struct ReferenceReader {
    let file: String
    let csv: Bool
    private let bytes: [UInt8]
    private var position = 0
    /// The line the last record started on (1-based).
    private(set) var lineNumber = 0
    private var nextLine = 1

    init(bytes: [UInt8], file: String, csv: Bool) {
        // A UTF-8 byte-order mark would otherwise become part of the first column name.
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.file = file
        self.csv = csv
    }

    /// Fills `fields` with the next record; false at end of file. Blank lines are skipped.
    mutating func next(into fields: inout [String]) throws -> Bool {
        let delimiter: UInt8 = csv ? 44 : 9
        let quote: UInt8 = 34, lf: UInt8 = 10, cr: UInt8 = 13
        let count = bytes.count
        while position < count {
            lineNumber = nextLine
            nextLine += 1
            fields.removeAll(keepingCapacity: true)
            var index = position
            var fieldStart = index
            var quoted: [UInt8]? = nil
            while true {
                if index == count || bytes[index] == lf || bytes[index] == cr {
                    fields.append(quoted.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes[fieldStart..<index], as: UTF8.self))
                    if index < count {
                        index += (bytes[index] == cr && index + 1 < count && bytes[index + 1] == lf) ? 2 : 1
                    }
                    break
                }
                let byte = bytes[index]
                if byte == delimiter {
                    fields.append(quoted.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes[fieldStart..<index], as: UTF8.self))
                    quoted = nil
                    index += 1
                    fieldStart = index
                    continue
                }
                if csv, byte == quote, index == fieldStart, quoted == nil {
                    var value: [UInt8] = []
                    index += 1
                    var closed = false
                    while index < count {
                        if bytes[index] == quote {
                            if index + 1 < count, bytes[index + 1] == quote {
                                value.append(quote)
                                index += 2
                                continue
                            }
                            closed = true
                            index += 1
                            break
                        }
                        if bytes[index] == lf { nextLine += 1 }
                        value.append(bytes[index])
                        index += 1
                    }
                    guard closed else { throw ImportError(file: file, line: lineNumber, message: "unterminated quoted field") }
                    quoted = value
                    continue
                }
                if quoted != nil { throw ImportError(file: file, line: lineNumber, message: "text after a closing quote") }
                index += 1
            }
            position = index
            if fields.count == 1 && fields[0].isEmpty { continue }
            return true
        }
        return false
    }
}
