import Foundation
import GRDB
import Testing
import VersusCore
@testable import VersusStore

/// The importer stores the title index; the index loaded from it searches exactly as one built from
/// the tables, and a database whose snapshot is missing or unreadable still searches.
@Suite(.serialized) struct StoredTitleIndexTests {
    /// Built once for the suite, from the real database.
    static let indexes: Result<(loaded: TitleIndex, built: TitleIndex), Error> = Result {
        let database = try realDatabase()
        guard let loaded = try database.titleIndexFromSnapshot() else { throw NoSnapshot() }
        return (loaded, try database.titleIndexFromTables())
    }

    struct NoSnapshot: Error, CustomStringConvertible {
        var description: String { "the importer stored no title index snapshot" }
    }

    @Test func evaluationQueriesGiveIdenticalResults() throws {
        let cases = try TitleEvaluation.parseCases(String(contentsOf: TitleEvalTests.fixture, encoding: .utf8))
        let (loaded, built) = try Self.indexes.get()
        #expect(cases.count >= 90)
        for query in cases.map(\.query) {
            for typing in [false, true] {
                #expect(try loaded.search(query, limit: 10, typing: typing) == built.search(query, limit: 10, typing: typing), "\(query)")
            }
        }
    }

    @Test func realTitlesGiveIdenticalResults() throws {
        let (loaded, built) = try Self.indexes.get()
        let titles = try realDatabase().titleIndexInput().titles
        // 300 titles spread over every source (they come source by source), whole and half typed.
        var queries: [String] = []
        for title in stride(from: 0, to: titles.count, by: titles.count / 300).map({ titles[$0].text }) {
            queries.append(title)
            queries.append(String(title.prefix(max(1, title.count * 2 / 3))))
        }
        #expect(queries.count >= 600)
        for query in queries {
            let expected = try? built.search(query, limit: 5, typing: true)
            #expect((try? loaded.search(query, limit: 5, typing: true)) == expected, "\(query)")
        }
    }

    @Test func importerReportsTheIndex() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = ProgressLines()
        try DatabaseBuilder(data: FixtureData().write(to: folder.appendingPathComponent("data")), progress: { lines.add($0) })
            .build(at: folder.appendingPathComponent("versus.sqlite"))
        #expect(lines.all.last?.hasPrefix("Title search index: ") == true, "\(lines.all)")
    }

    @Test func missingOrUnreadableSnapshotFallsBackToTheTables() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("versus.sqlite").path
        try DatabaseBuilder(data: FixtureData().write(to: folder.appendingPathComponent("data"))).build(at: URL(fileURLWithPath: path))
        let query = "operations manager"
        let expected = try VersusDatabase(path: path).titleIndexFromTables().search(query, limit: 5)
        #expect(!expected.isEmpty)
        #expect(try VersusDatabase(path: path).titleIndexFromSnapshot()?.search(query, limit: 5) == expected)

        let writer = try DatabaseQueue(path: path)
        try writer.write { try $0.execute(sql: "UPDATE title_index_snapshot SET snapshot = x'56535449'") }  // the magic, then nothing
        #expect(throws: TitleIndexSnapshotError.truncated(section: "the header")) { try VersusDatabase(path: path).titleIndexFromSnapshot() }
        #expect(try VersusDatabase(path: path).titleIndex().search(query, limit: 5) == expected)

        try writer.write { try $0.execute(sql: "DELETE FROM title_index_snapshot") }
        #expect(try VersusDatabase(path: path).titleIndexFromSnapshot() == nil)
        #expect(try VersusDatabase(path: path).titleIndex().search(query, limit: 5) == expected)
        try writer.close()
    }

    private static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-stored-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The importer's progress lines, collected from whichever thread reports them.
private final class ProgressLines: @unchecked Sendable {  // every access to `lines` holds `lock`
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
