import Foundation
import GRDB
import VersusCore

/// The built database, opened read-only: the product never writes to it, so any number of processes can serve
/// one file. A pool of read-only connections lets many requests read at once.
public final class VersusDatabase: Sendable {
    let pool: DatabasePool

    /// `verify` reads every page first (`PRAGMA quick_check`, about a second): a long-running server does, so a
    /// truncated or corrupt file fails at start-up instead of halfway through serving; a one-shot command does not.
    public init(path: String, verify: Bool = false) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StoreError.unreadable(path: path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw StoreError.unreadable(path: path, reason: "it is a folder, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError.unreadable(path: path, reason: "the file cannot be read (permission denied)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "versus"
        configuration.maximumReaderCount = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        configuration.prepareDatabase { db in
            // A comparison touches pages of a dozen tables; SQLite's default 2 MB page cache lets one comparison's
            // pages evict the next one's, and every miss is a read(2). 16 MB keeps the upper levels of every index resident.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let version = try pool.read { db -> String? in
                if verify {
                    let check = try String.fetchOne(db, sql: "PRAGMA quick_check")
                    guard check == "ok" else { throw StoreError.unreadable(path: path, reason: "the file is damaged (\(check ?? "no answer"))") }
                }
                // An empty file opens as an empty database: without this it would fail later with "no such table".
                guard try db.tableExists("meta") else {
                    throw StoreError.unreadable(path: path, reason: "not a Versus database (it has no meta table)")
                }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            }
            guard version == String(Schema.version) else {
                throw StoreError.incompatible(path: path, found: version ?? "none", expected: Schema.version)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.unreadable(
                path: path, reason: "not a Versus database, or one damaged beyond recognition (\(error.message ?? "\(error)"))")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.unreadable(path: path, reason: "the file is damaged (\(error.message ?? "\(error)"))")
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
    }

    /// The fingerprint of the data files (and of what the importer writes) the database was built from: it changes
    /// whenever the data does, whatever the file is called, so it is what a server's ETags are made of.
    public func dataFingerprint() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'data_fingerprint'") } ?? "unknown"
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Runs the read on a Dispatch thread, and resumes the caller once the connection is back in the pool.
    ///
    /// With GRDB's own async read, the test suite hung on two cores: Swift's cooperative threads (one per core) were
    /// all blocked in synchronous reads (values read on first use, `Lazy`) waiting for a connection, while every
    /// connection was held by an async read whose task was waiting for a cooperative thread. Here a connection goes
    /// back to the pool before the task resumes, so synchronous readers always get one.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let pool = self.pool
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try pool.read(body) }) }
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case incompatible(path: String, found: String, expected: Int)
    case unknownOccupation(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot open the Versus database at \(path): \(reason); `versus import` builds it again"
        case .incompatible(let path, let found, let expected):
            return "the database at \(path) has schema version \(found), this Versus needs \(expected): delete it or run `versus import`"
        case .unknownOccupation(let code): return "no O*NET occupation has the code \(code)"
        }
    }
}
