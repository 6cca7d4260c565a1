import Foundation
import VersusStore

/// The repository's own Data/ folder.
let repositoryData = DataDirectory(
    url: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data"))

/// The real database, imported once per test process from Data/ into a fresh temporary file,
/// so integration tests always check what the current importer builds (never a stale cache).
/// Swift initializes globals once, thread-safely, which parallel tests rely on.
let realDatabaseBuild: Result<(database: VersusDatabase, url: URL), Error> = Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-tests-\(ProcessInfo.processInfo.processIdentifier)")
    let url = folder.appendingPathComponent("versus.sqlite")
    try DatabaseBuilder(data: repositoryData).build(at: url)
    return (try VersusDatabase(path: url.path), url)
}

func realDatabase() throws -> VersusDatabase { try realDatabaseBuild.get().database }
