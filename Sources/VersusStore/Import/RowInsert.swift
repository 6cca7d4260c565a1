import GRDB
import GRDBSQLite

/// One prepared INSERT of the import, bound and stepped through SQLite's C API.
///
/// GRDB's `Statement.execute(arguments:)` turns every value into a `DatabaseValue` through dynamic casts and
/// checks it against the statement on every row; for a million rows that cost more than SQLite's own work.
/// Values are bound as GRDB binds them (Bool as 0/1, Int as int64), so the database is the same.
final class RowInsert {
    private let statement: Statement  // owns the sqlite3_stmt
    private let handle: OpaquePointer
    private let parameterCount: Int

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        parameterCount = Int(sqlite3_bind_parameter_count(handle))
    }

    func execute(arguments: InsertArguments) throws {
        guard arguments.values.count == parameterCount else {
            throw InsertError(code: SQLITE_MISUSE, message: "wrong number of values: \(arguments.values.count) for \(parameterCount) parameters")
        }
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (offset, value) in arguments.values.enumerated() {
            let index = Int32(offset + 1)
            let code = value?.bind(to: handle, at: index) ?? sqlite3_bind_null(handle, index)
            guard code == SQLITE_OK else { throw InsertError(code: code, message: Self.message(handle)) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw InsertError(code: code, message: Self.message(handle)) }
    }

    private static func message(_ handle: OpaquePointer) -> String {
        String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
    }
}

/// Why SQLite refused a row (a duplicate key, a NOT NULL column left empty), in SQLite's words.
struct InsertError: Error {
    let code: Int32
    let message: String
}

/// The values of one row, in the statement's parameter order.
struct InsertArguments: ExpressibleByArrayLiteral {
    var values: [(any SQLiteBindable)?]

    init(arrayLiteral elements: (any SQLiteBindable)?...) { values = elements }
    init(_ values: [(any SQLiteBindable)?]) { self.values = values }

    mutating func append(_ value: (any SQLiteBindable)?) { values.append(value) }
}

/// A value SQLite stores as GRDB would store it.
protocol SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

// SQLite copies the bytes (SQLITE_TRANSIENT): the string only lives for the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension String: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, utf8.count > 0 else { return sqlite3_bind_text(statement, index, "", 0, transient) }
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(statement, index, $0, Int32(utf8.count), transient)
            }
        }
    }
}

extension Int: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Double: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
}

extension Bool: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}

extension DatabaseValue: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch storage {
        case .null: return sqlite3_bind_null(statement, index)
        case .int64(let value): return sqlite3_bind_int64(statement, index, value)
        case .double(let value): return sqlite3_bind_double(statement, index, value)
        case .string(let value): return value.bind(to: statement, at: index)
        case .blob(let data): return data.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
        }
    }
}
