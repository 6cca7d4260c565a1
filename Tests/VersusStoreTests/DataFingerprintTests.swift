import Foundation
import Testing
@testable import VersusStore

/// The database cache is keyed on the data folder's fingerprint (every file's path, size and modification time), read
/// with `readdir`/`lstat`: a change to any file, however deep, must change it, and a folder with nothing to read
/// must be refused by name.
@Suite("The data folder's fingerprint")
struct DataFingerprintTests {
    @Test("a database names the data it was built from, which the server's ETags are made of")
    func databaseNamesItsData() throws {
        #expect(try realDatabase().dataFingerprint() == repositoryData.fingerprint(buildKey: Schema.buildKey))
    }

    @Test("stable for the same files, changed by a new, resized or nested file")
    func followsEveryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-fingerprint-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("onet/30.1")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("a\tb\n".utf8).write(to: nested.appendingPathComponent("Occupation Data.txt"))
        let data = DataDirectory(url: folder)
        let first = try data.fingerprint(buildKey: "k")
        #expect(try data.fingerprint(buildKey: "k") == first)
        #expect(try data.fingerprint(buildKey: "other") != first)

        try Data("a\tb\nc\td\n".utf8).write(to: nested.appendingPathComponent("Occupation Data.txt"))
        let resized = try data.fingerprint(buildKey: "k")
        #expect(resized != first)

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("oews/2025"), withIntermediateDirectories: true)
        #expect(try data.fingerprint(buildKey: "k") == resized, "an empty folder is no data")
        try Data("x".utf8).write(to: folder.appendingPathComponent("oews/2025/national.csv"))
        #expect(try data.fingerprint(buildKey: "k") != resized)
    }

    @Test("a missing or empty folder is refused, naming it")
    func refusesNothing() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("versus-missing-\(UUID())")
        #expect(throws: ImportError(file: missing.path, message: "is not a readable folder")) {
            try DataDirectory(url: missing).fingerprint(buildKey: "k")
        }
        try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: missing) }
        #expect(throws: ImportError(file: missing.path, message: "holds no data files")) {
            try DataDirectory(url: missing).fingerprint(buildKey: "k")
        }
    }
}
