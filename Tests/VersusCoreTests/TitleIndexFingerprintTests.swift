import Foundation
import Testing
@testable import VersusCore

/// A database keeps the title index its importer built (`TitleIndex.snapshot()`), and a newer Versus loads it
/// only when `TitleIndex.snapshotVersion` matches. So a change to how the index is built (normalizing, the
/// lexicon, word lists, weights, the layout) must come with a new version, or old databases would serve an
/// index the current code would not build. This test holds the fingerprint of the index built from
/// `SearchFixture` beside the version it was recorded for, and fails when the first moves without the second.
@Suite struct TitleIndexFingerprintTests {
    static let recordFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/title-index-fingerprint.txt")
    static let recordCommand = "VERSUS_RECORD_GOLDEN=1 swift test --filter TitleIndexFingerprintTests"

    struct Record: Equatable {
        var snapshotVersion: UInt32
        var fingerprint: String
        var bytes: Int

        var text: String {
            """
            # TitleIndex.snapshot() of the index built from Tests/VersusCoreTests/SearchFixture.swift: FNV-1a 64 of its bytes.
            # Written by \(TitleIndexFingerprintTests.recordCommand); see TitleIndexFingerprintTests.swift.
            snapshotVersion \(snapshotVersion)
            fingerprint \(fingerprint)
            bytes \(bytes)

            """
        }

        init(snapshotVersion: UInt32, fingerprint: String, bytes: Int) {
            self.snapshotVersion = snapshotVersion
            self.fingerprint = fingerprint
            self.bytes = bytes
        }

        init?(parsing text: String) {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 2 { fields[parts[0]] = parts[1] }
            }
            guard let version = fields["snapshotVersion"].flatMap(UInt32.init), let fingerprint = fields["fingerprint"],
                let bytes = fields["bytes"].flatMap(Int.init)
            else { return nil }
            self.init(snapshotVersion: version, fingerprint: fingerprint, bytes: bytes)
        }
    }

    static func current() -> Record {
        let snapshot = TitleIndex(occupations: SearchFixture.occupations, titles: SearchFixture.titles).snapshot()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in snapshot { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Record(snapshotVersion: TitleIndex.snapshotVersion, fingerprint: String(hash, radix: 16), bytes: snapshot.count)
    }

    @Test func indexBuildChangesOnlyWithANewSnapshotVersion() throws {
        let current = Self.current()
        if ProcessInfo.processInfo.environment["VERSUS_RECORD_GOLDEN"] == "1" {
            try current.text.write(to: Self.recordFile, atomically: true, encoding: .utf8)
            return
        }
        let text = try? String(contentsOf: Self.recordFile, encoding: .utf8)
        guard let recorded = text.flatMap(Record.init(parsing:)) else {
            Issue.record("no fingerprint recorded in \(Self.recordFile.path): record it with `\(Self.recordCommand)`")
            return
        }
        guard recorded != current else { return }
        if recorded.snapshotVersion == current.snapshotVersion {
            Issue.record(
                """
                The title index is built differently (fingerprint \(current.fingerprint), \(current.bytes) bytes; recorded \
                \(recorded.fingerprint), \(recorded.bytes) bytes) but TitleIndex.snapshotVersion is still \(current.snapshotVersion): \
                databases imported before would keep serving the old index. Bump snapshotVersion in \
                Sources/VersusCore/Search/TitleIndexSnapshot.swift, then re-record with `\(Self.recordCommand)`.
                """)
        } else {
            Issue.record(
                """
                TitleIndex.snapshotVersion is \(current.snapshotVersion), the fingerprint on record is for version \
                \(recorded.snapshotVersion): re-record it with `\(Self.recordCommand)`.
                """)
        }
    }

    /// The fingerprint means something only if one index always gives the same bytes.
    @Test func snapshotIsDeterministic() {
        #expect(Self.current() == Self.current())
    }
}
