import GRDB
import GRDBSQLite

/// Stepping statements with the SQLite C API (GRDB's documented escape hatch): a comparison reads about 1,500 rows,
/// and GRDB's general row decoding costs more than SQLite's own work on them. Statements stay GRDB's, cached and
/// bound by it, inside its read transaction.
enum Stepping {
    /// "?,?" for a list of values bound to an `IN` clause.
    static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    /// Runs a cached statement over rows keyed by `column` ∈ `keys` and hands each row to `body` with the index of
    /// its key. The index is computed by SQLite (`side`, the statement's first column), so rows are sorted into
    /// per-occupation arrays without decoding and hashing a code string for every row.
    static func each(
        _ db: Database, keyedBy column: String, _ keys: [String],
        _ sql: (_ side: String, _ inKeys: String) -> String, _ body: (Int, RawRow) throws -> Void
    ) throws {
        guard !keys.isEmpty else { return }
        let side = "CASE \(column) " + (0..<keys.count).map { "WHEN ? THEN \($0) " }.joined() + "END"
        try rows(db, sql: sql(side, marks(keys.count)), arguments: keys + keys) { row in try body(row.int(0), row) }
    }

    /// Steps a cached statement's rows.
    static func rows(_ db: Database, sql: String, arguments: [String], _ body: (RawRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(StatementArguments(arguments))
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            try body(RawRow(handle: handle))
        }
    }
}

/// The current row of a statement being stepped, read with the SQLite C API.
struct RawRow {
    let handle: OpaquePointer

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }
    func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }
    func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }
    /// A number, or nil for NULL and for the text markers BLS uses in numeric columns.
    func number(_ index: Int32) -> Double? {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER, SQLITE_FLOAT: return sqlite3_column_double(handle, index)
        default: return nil
        }
    }
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self)
    }
    func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }
}
