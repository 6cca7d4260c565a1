import Foundation
import GRDB

/// One upstream file opened for import: its header checked, its rows read with
/// typed accessors that fail with the file, line and column named.
///
/// Fields stay bytes in the file's buffer until an accessor reads them; every accessor gives what it gave
/// on the field as a string trimmed with `trimmingCharacters(in: .whitespaces)` (see `FieldBytes`).
struct UpstreamTable {
    let name: String
    private var reader: DelimitedReader
    let header: [String]
    private let columns: [String: Int]
    private let width: Int
    private var fields: [DelimitedReader.Field] = []
    private(set) var rowCount = 0

    /// Opens `file` and checks that every column in `required` is in its header.
    init(url: URL, name: String, format: DelimitedReader.Format, required: [String]) throws {
        try self.init(bytes: try FileBytes.read(url, displayName: name), name: name, format: format, required: required)
    }

    /// The file's bytes already read (and gunzipped): checks that every column in `required` is in its header.
    init(bytes: [UInt8], name: String, format: DelimitedReader.Format, required: [String]) throws {
        self.name = name
        reader = DelimitedReader(bytes: bytes, file: name, format: format)
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

    private func position(_ column: String) -> Int {
        guard let index = columns[column] else { preconditionFailure("column \(column) not declared as required for \(name)") }
        return index
    }

    /// The field at `index` trimmed, as bytes for the length of `body`.
    private func trimmed<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try reader.withBytes(fields[index]) { try body(FieldBytes.trimmed($0)) }
    }

    private func trimmedString(at index: Int) -> String {
        trimmed(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The raw field; the column must be one declared as required.
    subscript(_ column: String) -> String {
        reader.string(fields[position(column)])
    }

    func text(_ column: String) throws -> String {
        let value = trimmedString(at: position(column))
        guard !value.isEmpty else { throw error("empty \"\(column)\"") }
        return value
    }

    /// Nil for an empty field or one of `blanks` (e.g. "n/a", "—").
    func optionalText(_ column: String, blanks: Set<String> = []) -> String? {
        let value = trimmedString(at: position(column))
        return value.isEmpty || blanks.contains(value) ? nil : value
    }

    func double(_ column: String) throws -> Double {
        try trimmed(at: position(column)) { value in
            guard let number = FieldBytes.double(value), number.isFinite else {
                throw error("\"\(column)\" is not a number: \"\(String(decoding: value, as: UTF8.self))\"")
            }
            return number
        }
    }

    /// A number, or nil where the field is empty or one of `blanks`; anything else is an error.
    func optionalDouble(_ column: String, blanks: Set<String> = ["", "n/a"]) throws -> Double? {
        try trimmed(at: position(column)) { value in
            if value.isEmpty ? blanks.contains("") : blanks.contains(String(decoding: value, as: UTF8.self)) { return nil }
            // Thousands separators ("1,234.5") are dropped before the number is read.
            let number = value.contains(44) ? value.filter { $0 != 44 }.withUnsafeBufferPointer(FieldBytes.double) : FieldBytes.double(value)
            guard let number, number.isFinite else { throw error("\"\(column)\" is not a number: \"\(String(decoding: value, as: UTF8.self))\"") }
            return number
        }
    }

    /// A number, or a BLS marker kept as its text (`#`, `*`, `**`, `-`), or NULL for an empty cell.
    func numberOrMarker(_ column: String, markers: Set<String>) throws -> DatabaseValue {
        try numberOrMarker(at: try index(of: column), markers: markers)
    }

    func numberOrMarker(at index: Int, markers: Set<String>) throws -> DatabaseValue {
        try trimmed(at: index) { value in
            if value.isEmpty { return .null }
            if let number = FieldBytes.double(value), number.isFinite { return number.databaseValue }
            let text = String(decoding: value, as: UTF8.self)
            if markers.contains(text) { return text.databaseValue }
            throw error("\"\(header[index])\" is neither a number nor a known marker (\(markers.sorted().joined(separator: " "))): \"\(text)\"")
        }
    }

    func field(at index: Int) -> String { reader.string(fields[index]) }

    func index(of column: String) throws -> Int {
        guard let index = columns[column] else { throw error("no column \"\(column)\"") }
        return index
    }

    func int(_ column: String) throws -> Int {
        try trimmed(at: position(column)) { value in
            guard let number = FieldBytes.int(value) else {
                throw error("\"\(column)\" is not a whole number: \"\(String(decoding: value, as: UTF8.self))\"")
            }
            return number
        }
    }

    func flag(_ column: String, yes: String = "Y", no: String = "N") throws -> Bool {
        try trimmed(at: position(column)) { value in
            if FieldBytes.equals(value, yes) { return true }
            if FieldBytes.equals(value, no) || value.isEmpty || FieldBytes.equals(value, "n/a") { return false }
            throw error("\"\(column)\" should be \(yes) or \(no): \"\(String(decoding: value, as: UTF8.self))\"")
        }
    }

    func occupationCode(_ column: String) throws -> String {
        try trimmed(at: position(column)) { value in
            guard value.count == 10, value.enumerated().allSatisfy({ i, b in i == 2 ? b == 45 : i == 7 ? b == 46 : (b >= 48 && b <= 57) }) else {
                throw error("\"\(column)\" is not an O*NET-SOC code: \"\(String(decoding: value, as: UTF8.self))\"")
            }
            return String(decoding: value, as: UTF8.self)
        }
    }

    func socCode(_ column: String) throws -> String {
        try trimmed(at: position(column)) { value in
            guard value.count == 7, value.enumerated().allSatisfy({ i, b in i == 2 ? b == 45 : (b >= 48 && b <= 57) || (i >= 3 && b == 88) }) else {
                throw error("\"\(column)\" is not a SOC code: \"\(String(decoding: value, as: UTF8.self))\"")
            }
            return String(decoding: value, as: UTF8.self)
        }
    }
}
