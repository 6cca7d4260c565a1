import Foundation
import GRDB

/// One upstream file opened for import: its header checked, its rows read with
/// typed accessors that fail with the file, line and column named.
struct UpstreamTable {
    let name: String
    private var reader: DelimitedReader
    let header: [String]
    private let columns: [String: Int]
    private let width: Int
    private var fields: [String] = []
    private(set) var rowCount = 0

    /// Opens `file` and checks that every column in `required` is in its header.
    init(url: URL, name: String, format: DelimitedReader.Format, required: [String]) throws {
        self.name = name
        reader = DelimitedReader(bytes: try FileBytes.read(url, displayName: name), file: name, format: format)
        var header: [String] = []
        guard try reader.next(into: &header) else { throw ImportError(file: name, line: 1, message: "is empty: expected a header row") }
        header = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (index, column) in header.enumerated() where columns[column] == nil { columns[column] = index }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError(
                file: name, line: 1,
                message:
                    "unexpected header: missing column\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) (found \(header.map { "\"\($0)\"" }.joined(separator: ", ")))"
            )
        }
        self.columns = columns
        self.header = header
        width = header.count
    }

    var line: Int { reader.lineNumber }

    /// Moves to the next data row; false at the end. A row with the wrong number of fields is an error.
    mutating func next() throws -> Bool {
        guard try reader.next(into: &fields) else { return false }
        guard fields.count == width else {
            throw ImportError(
                file: name, line: reader.lineNumber, message: "has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(width)")
        }
        rowCount += 1
        return true
    }

    func error(_ message: String) -> ImportError { ImportError(file: name, line: reader.lineNumber, message: message) }

    /// The raw field; the column must be one declared as required.
    subscript(_ column: String) -> String {
        guard let index = columns[column] else { preconditionFailure("column \(column) not declared as required for \(name)") }
        return fields[index]
    }

    func text(_ column: String) throws -> String {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw error("empty \"\(column)\"") }
        return value
    }

    /// Nil for an empty field or one of `blanks` (e.g. "n/a", "—").
    func optionalText(_ column: String, blanks: Set<String> = []) -> String? {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        return value.isEmpty || blanks.contains(value) ? nil : value
    }

    func double(_ column: String) throws -> Double {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        guard let number = Double(value), number.isFinite else { throw error("\"\(column)\" is not a number: \"\(value)\"") }
        return number
    }

    /// A number, or nil where the field is empty or one of `blanks`; anything else is an error.
    func optionalDouble(_ column: String, blanks: Set<String> = ["", "n/a"]) throws -> Double? {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        if blanks.contains(value) { return nil }
        guard let number = Double(value.replacingOccurrences(of: ",", with: "")), number.isFinite else {
            throw error("\"\(column)\" is not a number: \"\(value)\"")
        }
        return number
    }

    /// A number, or a BLS marker kept as its text (`#`, `*`, `**`, `-`), or NULL for an empty cell.
    func numberOrMarker(_ column: String, markers: Set<String>) throws -> DatabaseValue {
        try numberOrMarker(at: try index(of: column), markers: markers)
    }

    func numberOrMarker(at index: Int, markers: Set<String>) throws -> DatabaseValue {
        let value = fields[index].trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return .null }
        if let number = Double(value), number.isFinite { return number.databaseValue }
        if markers.contains(value) { return value.databaseValue }
        throw error("\"\(header[index])\" is neither a number nor a known marker (\(markers.sorted().joined(separator: " "))): \"\(value)\"")
    }

    func field(at index: Int) -> String { fields[index] }

    func index(of column: String) throws -> Int {
        guard let index = columns[column] else { throw error("no column \"\(column)\"") }
        return index
    }

    func int(_ column: String) throws -> Int {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        guard let number = Int(value) else { throw error("\"\(column)\" is not a whole number: \"\(value)\"") }
        return number
    }

    func flag(_ column: String, yes: String = "Y", no: String = "N") throws -> Bool {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        if value == yes { return true }
        if value == no || value.isEmpty || value == "n/a" { return false }
        throw error("\"\(column)\" should be \(yes) or \(no): \"\(value)\"")
    }

    func occupationCode(_ column: String) throws -> String {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        guard value.count == 10, value.utf8.enumerated().allSatisfy({ i, b in i == 2 ? b == 45 : i == 7 ? b == 46 : (b >= 48 && b <= 57) }) else {
            throw error("\"\(column)\" is not an O*NET-SOC code: \"\(value)\"")
        }
        return value
    }

    func socCode(_ column: String) throws -> String {
        let value = self[column].trimmingCharacters(in: .whitespaces)
        guard value.count == 7, value.utf8.enumerated().allSatisfy({ i, b in i == 2 ? b == 45 : (b >= 48 && b <= 57) || (i >= 3 && b == 88) }) else {
            throw error("\"\(column)\" is not a SOC code: \"\(value)\"")
        }
        return value
    }
}
