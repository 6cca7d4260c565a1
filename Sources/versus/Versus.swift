import ArgumentParser
import Foundation
import VersusCore
import VersusService
import VersusStore

@main
struct Versus: AsyncParsableCommand {
    /// This program's version: part of every ETag, so a new build never serves a cached old page as current.
    static let version = "0.8.0"

    /// Before any other thread allocates, so that one-shot commands use one arena on huge pages and a server one
    /// arena per core (see `Allocator`).
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "serve" { Allocator.tuneForServer() } else { Allocator.tuneForOneShotCommand() }
        await main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "versus",
        abstract: "Compare careers from public data (O*NET 30.1, BLS OEWS May 2025, Employment Projections 2024-34, ORS 2020).",
        version: Versus.version,
        subcommands: [Serve.self, Compare.self, Moves.self, Search.self, Show.self, Catalog.self, Export.self, Eval.self, Import.self]
    )
}

/// Where the data and the database are: shared by every command that reads the database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of upstream data files (default: $VERSUS_DATA, else the Data/ folder of this checkout).")
    var data: String?

    @Option(name: .long, help: "The database file (default: $VERSUS_DATABASE, else one in $XDG_CACHE_HOME/versus keyed by the data).")
    var database: String?

    @Flag(name: .long, help: "No progress output while the database is built.")
    var quiet = false

    func dataDirectory() throws -> DataDirectory {
        let environment = ProcessInfo.processInfo.environment
        if let path = data ?? environment["VERSUS_DATA"], !path.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: path))
        }
        // A checkout run with `swift run`: Data/ sits two levels above this source file.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data")
        if FileManager.default.fileExists(atPath: checkout.path) { return DataDirectory(url: checkout) }
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Data")
        if FileManager.default.fileExists(atPath: local.path) { return DataDirectory(url: local) }
        throw ValidationError("cannot find the data folder: pass --data PATH or set VERSUS_DATA")
    }

    var progress: DatabaseBuilder.Progress? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        return { line in FileHandle.standardError.write(Data("versus: \(line)\n".utf8)) }
    }

    /// Process start-up: builds the database when it does not exist yet, then opens it read-only.
    func openDatabase() throws -> VersusDatabase {
        let data = try dataDirectory()
        let location = try DatabaseLocation.resolve(explicitPath: database, data: data)
        if !location.exists, let progress { progress("building the database at \(location.url.path) (first use)") }
        try location.buildIfMissing(data: data, progress: progress)
        return try VersusDatabase(path: location.url.path)
    }

    /// For a long-running process: the database checked page by page before serving, and its release tag (the
    /// data fingerprint in its file name and this program's version), which names every response's ETag.
    func openDatabaseForServing() throws -> (VersusDatabase, String) {
        let data = try dataDirectory()
        let location = try DatabaseLocation.resolve(explicitPath: database, data: data)
        if !location.exists, let progress { progress("building the database at \(location.url.path) (first use)") }
        try location.buildIfMissing(data: data, progress: progress)
        let database = try VersusDatabase(path: location.url.path, verify: true)
        // The ETag names the data, not the file: a re-import under the same path with other data must not answer 304.
        return (database, "\(try database.dataFingerprint())-\(Versus.version)")
    }

    /// The application layer over the database, with everything requests share loaded. A command's service lives
    /// until the process ends (see `UntilExit`).
    func startService() async throws -> VersusService {
        UntilExit.keep(try await VersusService(store: LiveCareerStore(database: openDatabase())))
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the database from the upstream files (atomically: a failed import leaves the old database as it was).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let data = try store.dataDirectory()
        let location = try DatabaseLocation.resolve(explicitPath: store.database, data: data)
        let report = try DatabaseBuilder(data: data, progress: store.progress).build(at: location.url)
        if !store.quiet {
            let rows = report.rowCounts.reduce(0) { $0 + $1.rows }
            print(
                "Imported \(rows.formatted()) rows from \(report.rowCounts.count) files in \(String(format: "%.1f", report.seconds)) s into \(location.url.path)"
            )
        }
    }
}

struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an occupation's summary by its O*NET-SOC code (e.g. 11-1021.00).")

    @Argument(help: "An O*NET-SOC code such as 11-1021.00 (11-1021 means 11-1021.00).")
    var code: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let service = try await store.startService()
        let summary = try await service.summary(code)
        print(json ? SummaryJSON.render(summary) : SummaryText.render(summary), terminator: json ? "" : "\n")
    }
}
