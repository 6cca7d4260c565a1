import Foundation
import Testing
@testable import VersusStore

/// What the import and start-up do when the machine misbehaves: builders racing on first use, a disk that
/// fills during the import, a database file that is missing, unreadable, cut short or damaged.
/// (A failed import leaving the previous database in service: `ImporterTests.expectFailureKeepsDatabase`.)
@Suite struct FaultTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func fixtureData() throws -> DataDirectory {
        try FixtureData().write(to: folder.appendingPathComponent("data-\(UUID().uuidString)"))
    }

    func fixtureDatabase() throws -> URL {
        let url = folder.appendingPathComponent("good-\(UUID().uuidString).sqlite")
        try DatabaseBuilder(data: fixtureData()).build(at: url)
        return url
    }

    func temporaryFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    // MARK: Concurrent first use

    /// Four builders start together on a machine with no database: one builds, the others wait and use it.
    /// Each builder reports slowly, so that without the lock they would all find no database and all build.
    @Test func concurrentFirstUseBuildsOnce() throws {
        let data = try fixtureData()
        let location = DatabaseLocation(url: folder.appendingPathComponent("cache/versus.sqlite"))
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            outcomes.add(Result { try location.buildIfMissing(data: data, progress: { _ in usleep(20_000) }) })
        }
        let results = outcomes.all
        #expect(results.count == 4)
        for case .failure(let error) in results { Issue.record("a concurrent builder failed: \(error)") }
        #expect(results.filter { (try? $0.get()) == true }.count == 1, "exactly one builder builds")
        _ = try VersusDatabase(path: location.url.path, verify: true)
        #expect(try temporaryFiles(in: location.url.deletingLastPathComponent()).isEmpty)
    }

    /// A second process that finds the database built by the first while it waited for the lock does not build again.
    @Test func builderFindingTheDatabaseAfterTheLockDoesNotRebuild() throws {
        let data = try fixtureData()
        let location = DatabaseLocation(url: folder.appendingPathComponent("versus.sqlite"))
        #expect(try location.buildIfMissing(data: data) == true)
        let built = try Data(contentsOf: location.url)
        #expect(try location.buildIfMissing(data: data) == false)
        #expect(try Data(contentsOf: location.url) == built)
    }

    // MARK: Full disk

    /// A real small file system: a tmpfs holding the previous database and room for little more. Needs root
    /// (or CAP_SYS_ADMIN); where it cannot be mounted, `fullDiskSimulatedBySQLite` covers the same path.
    @Test func fullDiskKeepsThePreviousDatabaseAndLeavesNoPartialFile() throws {
        let previous = try fixtureDatabase()
        let size = try Data(contentsOf: previous).count
        let mountPoint = folder.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        // Room for the previous database and half of a new one.
        guard Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=\((size * 3 / 2 + 4095) / 4096 * 4096)", "tmpfs", mountPoint.path) else {
            print("FaultTests: cannot mount a tmpfs here (not root?): the full-disk test runs on SQLite's page limit only")
            return
        }
        defer { _ = Self.run("/bin/umount", mountPoint.path) }
        let destination = mountPoint.appendingPathComponent("versus.sqlite")
        try FileManager.default.copyItem(at: previous, to: destination)
        let before = try Data(contentsOf: destination)

        let error = #expect(throws: ImportError.self) { try DatabaseBuilder(data: fixtureData()).build(at: destination) }
        #expect(error?.file == destination.path)
        #expect(error?.message.contains("the disk is full") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: destination) == before, "the previous database stays in service")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path) == ["versus.sqlite"], "no partial file is left")
        _ = try VersusDatabase(path: destination.path, verify: true)
    }

    @Test func fullDiskSimulatedBySQLite() throws {
        let destination = folder.appendingPathComponent("versus.sqlite")
        var builder = DatabaseBuilder(data: try fixtureData())
        builder.maximumPageCount = 8
        let error = #expect(throws: ImportError.self) { try builder.build(at: destination) }
        #expect(error?.message.contains("the disk is full") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        #expect(try temporaryFiles(in: folder).isEmpty)
    }

    // MARK: A bad database file at start-up

    func expectUnreadable(_ path: String, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try VersusDatabase(path: path, verify: true)
            Issue.record("opened a bad database", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            guard case .unreadable(let errorPath, let found) = error else {
                Issue.record("expected .unreadable, got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(errorPath == path, sourceLocation: sourceLocation)
            #expect(found.contains(reason), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a StoreError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func missingDatabase() {
        expectUnreadable(folder.appendingPathComponent("nothing.sqlite").path, "no such file")
    }

    @Test func unreadableDatabase() throws {
        let directory = folder.appendingPathComponent("a-folder.sqlite")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        expectUnreadable(directory.path, "not a file")

        // Root reads any file whatever its mode, so this half only means something for other users.
        if geteuid() != 0 {
            let locked = try fixtureDatabase()
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
            expectUnreadable(locked.path, "cannot be read")
        }
    }

    @Test func notADatabase() throws {
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: text)
        expectUnreadable(text.path, "not a Versus database")
        let empty = folder.appendingPathComponent("empty.sqlite")
        try Data().write(to: empty)
        expectUnreadable(empty.path, "not a Versus database")
    }

    @Test func truncatedDatabase() throws {
        let database = try fixtureDatabase()
        let whole = try Data(contentsOf: database)
        for keep in [whole.count / 2, whole.count - 4096, 100] {
            let cut = folder.appendingPathComponent("cut-\(keep).sqlite")
            try whole.prefix(keep).write(to: cut)
            expectUnreadable(cut.path, "damaged")
        }
    }

    @Test func corruptDatabase() throws {
        let database = try fixtureDatabase()
        let whole = try Data(contentsOf: database)
        let pages = whole.count / 4096
        #expect(pages > 8)
        // Garbage over the header of each page in turn after the first (the file header, which is
        // `notADatabase`'s case): every page is a b-tree page or part of the snapshot's overflow chain, and
        // quick_check walks them all.
        var unnoticed: [Int] = []
        for page in 1..<pages {
            var damaged = whole
            let start = page * 4096
            damaged.replaceSubrange(start..<start + 64, with: (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
            let url = folder.appendingPathComponent("corrupt-\(page).sqlite")
            try damaged.write(to: url)
            do {
                _ = try VersusDatabase(path: url.path, verify: true)
                unnoticed.append(page + 1)
            } catch let error as StoreError {
                guard case .unreadable(_, let reason) = error else { Issue.record("page \(page + 1): \(error)"); continue }
                #expect(reason.contains("damaged"), "page \(page + 1): \(error)")
            }
        }
        #expect(unnoticed.isEmpty, "damage went unnoticed on pages \(unnoticed) of \(pages)")
    }

    // MARK: Helpers

    static func run(_ tool: String, _ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Results collected from concurrent builders.
private final class Outcomes: @unchecked Sendable {  // every access to `results` holds `lock`
    private let lock = NSLock()
    private var results: [Result<Bool, Error>] = []

    func add(_ result: Result<Bool, Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var all: [Result<Bool, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
