import Foundation
import GRDB
import GRDBSQLite

/// Builds the Versus database from the upstream files, atomically.
///
/// Everything is loaded into a temporary file next to the destination; only when
/// every table loaded and every check passed is it renamed over the old database.
/// Any error removes the temporary file and leaves the old database as it was.
public struct DatabaseBuilder {
    public typealias Progress = @Sendable (String) -> Void

    public let data: DataDirectory
    public let progress: Progress?
    /// Caps the file at this many pages (PRAGMA max_page_count): SQLite then fails as on a full disk. For tests
    /// where no small file system can be mounted.
    var maximumPageCount: Int? = nil

    public init(data: DataDirectory, progress: Progress? = nil) {
        self.data = data
        self.progress = progress
    }

    public struct Report: Sendable {
        public var rowCounts: [(file: String, rows: Int)] = []
        public var seconds: Double = 0
    }

    @discardableResult
    public func build(at destination: URL) throws -> Report {
        let started = Date()
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }

        var report = Report()
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // The file is private until renamed into place, so it needs no journal; a cache the size of the whole
                // database (about 160 MB) keeps every page in memory until the one write at commit.
                try db.execute(
                    sql: """
                        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;
                        PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE;
                        """)
                if let maximumPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maximumPageCount)") }
                try db.inTransaction {
                    try db.execute(sql: Schema.tables)
                    var loader = Loader(db: db, data: data, progress: progress)
                    try loader.loadAll()
                    report.rowCounts = loader.rowCounts
                    try db.execute(
                        sql: "INSERT INTO meta(key, value) VALUES ('schema_version', ?), ('data_fingerprint', ?), ('built_at', ?)",
                        arguments: [
                            String(Schema.version), try data.fingerprint(buildKey: Schema.buildKey), ISO8601DateFormatter().string(from: Date()),
                        ])
                    return .commit
                }
                try db.execute(sql: "ANALYZE")
            }
            try queue.close()
        } catch let error as ImportError {
            throw error
        } catch let error where Self.isDiskFull(error) {
            throw ImportError(
                file: destination.path,
                message: """
                    could not be built: the disk is full (\(Self.freeSpace(folder)) free in \(folder.path)). \
                    The partial file was removed and any previous database is unchanged.
                    """)
        } catch {
            throw ImportError(file: destination.path, message: "could not be built: \(error)")
        }
        // rename(2) replaces the destination atomically: readers see the old or the new database, never half of one.
        guard rename(temporary.path, destination.path) == 0 else {
            throw ImportError(file: destination.path, message: "could not be replaced: \(String(cString: strerror(errno)))")
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// SQLite reports a write that found no space (ENOSPC) as SQLITE_FULL, as it does a file at max_page_count.
    static func isDiskFull(_ error: Error) -> Bool {
        if let error = error as? DatabaseError { return error.resultCode == .SQLITE_FULL }
        if let error = error as? InsertError { return error.code & 0xFF == SQLITE_FULL }
        return false
    }

    private static func freeSpace(_ folder: URL) -> String {
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else { return "unknown space" }
        let bytes = Double(stats.f_bavail) * Double(stats.f_frsize)
        return bytes >= 1_000_000 ? "\(Int(bytes / 1_000_000)) MB" : "\(Int(bytes / 1_000)) kB"
    }
}
