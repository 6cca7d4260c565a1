import Testing
@testable import VersusCore

/// The title index read back from its snapshot searches exactly as the index it was taken from,
/// and bytes that are not such a snapshot throw instead of crashing.
@Suite struct SearchSnapshotTests {
    static let built = SearchFixture.index
    static let bytes = built.snapshot()

    /// Every kind of query the search treats differently: plain, reordered, abbreviated, acronyms learnt
    /// and read from initials, noise, typos, run-together and half-typed words, unknown words, symbols.
    static let queries = [
        "registered nurse", "REGISTERED NURSES", "Registered Nurse - Night Shift", "RN - ICU", "icu rn", "rn",
        "director of operations", "operations director", "ops mgr", "operations manager", "Sr. Software Engineer II",
        "software developer", "fullstack developer", "full stack dev", "web developer", "developer",
        "COO", "coo", "ceo", "CEO & Founder", "cfo", "SDR", "hr generalist", "dept store gm", "hvac tech", "HVAC Technician",
        "customer service rep", "sales rep", "account rep", "acct rep",
        "project manager", "engineering manager", "construction project manager", "server", "waiter", "teacher",
        "teachers aide", "teacher's aide", "high school teacher", "elementary teacher", "Principal", "Founder",
        "nurse practioner", "electrican", "elecrtician", "electrishun", "fire fighter", "firefighter",
        "Part-Time Electrician (Remote)", "Electrician - Austin, TX", "ÉLECTRICIAN", "Journeyman Electrician",
        "Heating & Air Conditioning Mechanic", "registered nur", "soft", "proj", "e", "Chief Happiness Officer",
        "Blockchain Evangelist", "zzzz qqqq", "12345",
    ]

    @Test func loadedIndexSearchesLikeTheBuiltOne() throws {
        let loaded = try TitleIndex(snapshot: Self.bytes)
        #expect(loaded.entryCount == Self.built.entryCount)
        #expect(loaded.wordCount == Self.built.wordCount)
        #expect(loaded.occupationCount == Self.built.occupationCount)
        #expect(loaded.lexiconSummary == Self.built.lexiconSummary)
        for query in Self.queries {
            for typing in [false, true] {
                let expected = try Self.built.search(query, limit: 10, typing: typing)
                #expect(try loaded.search(query, limit: 10, typing: typing) == expected, "\(query), typing: \(typing)")
            }
            #expect(try loaded.explain(query) == Self.built.explain(query), "\(query)")
        }
        // Queries that are not titles are refused alike.
        for query in ["", "   ", "!!! ---", "\u{0}\u{1}", String(repeating: "a", count: 201)] {
            let expected = #expect(throws: TitleQueryError.self) { try Self.built.search(query, limit: 5) }
            let found = #expect(throws: TitleQueryError.self) { try loaded.search(query, limit: 5) }
            #expect(found == expected, "\(query)")
        }
    }

    /// The bytes hold every stored part: what a loaded index writes is what it read. Dictionaries are
    /// written sorted, so one index always gives the same bytes (and a database build is reproducible).
    @Test func snapshotIsCompleteAndDeterministic() throws {
        #expect(try TitleIndex(snapshot: Self.bytes).snapshot() == Self.bytes)
        let rebuilt = TitleIndex(occupations: SearchFixture.occupations, titles: SearchFixture.titles)
        #expect(rebuilt.snapshot() == Self.bytes)
    }

    /// Titles kept as one block of UTF-8 read back as they were written, empty and non-ASCII ones too.
    @Test func packedStringsGiveBackEachString() {
        let titles = ["Chef de Cuisine", "", "Señor Técnico", "R&D Director"]
        let packed = PackedStrings(titles)
        #expect(Array(packed) == titles && packed.count == 4 && packed[2] == "Señor Técnico")
        #expect(PackedStrings([String]()).isEmpty)
        // Offsets read from a file that would slice outside the block, or backwards, are refused before any use.
        #expect(PackedStrings(utf8: Array("ab".utf8), offsets: [0, 3]) == nil)
        #expect(PackedStrings(utf8: Array("ab".utf8), offsets: [0, 2, 1, 2]) == nil)
        #expect(PackedStrings(utf8: Array("ab".utf8), offsets: []) == nil)
        #expect(PackedStrings(utf8: Array("ab".utf8), offsets: [0, 1, 2])?.last == "b")
    }

    @Test func emptyIndexRoundTrips() throws {
        let empty = TitleIndex(occupations: [], titles: [])
        let loaded = try TitleIndex(snapshot: empty.snapshot())
        #expect(loaded.entryCount == 0)
        #expect(try loaded.search("nurse", limit: 5).isEmpty)
    }

    @Test func otherBytesAreNotASnapshot() {
        #expect(throws: TitleIndexSnapshotError.notASnapshot) { try TitleIndex(snapshot: [UInt8]()) }
        #expect(throws: TitleIndexSnapshotError.notASnapshot) { try TitleIndex(snapshot: Array("SQLite format 3".utf8)) }
        var otherMagic = Self.bytes
        otherMagic[0] = UInt8(ascii: "X")
        #expect(throws: TitleIndexSnapshotError.notASnapshot) { try TitleIndex(snapshot: otherMagic) }
    }

    @Test func anotherVersionIsRefused() {
        var next = Self.bytes
        next[4] &+= 1  // the version follows the magic, little-endian
        #expect(throws: TitleIndexSnapshotError.unsupportedVersion(found: TitleIndex.snapshotVersion + 1, expected: TitleIndex.snapshotVersion)) {
            try TitleIndex(snapshot: next)
        }
    }

    @Test func everyTruncationThrows() {
        // Every length up to the first sections, then a spread over the rest, and one byte short.
        let lengths = Array(0..<min(256, Self.bytes.count)) + Array(stride(from: 256, to: Self.bytes.count, by: 61)) + [Self.bytes.count - 1]
        for length in lengths {
            #expect(throws: TitleIndexSnapshotError.self, "\(length) of \(Self.bytes.count) bytes") {
                try TitleIndex(snapshot: Array(Self.bytes.prefix(length)))
            }
        }
    }

    @Test func trailingBytesAreRefused() {
        #expect(throws: TitleIndexSnapshotError.inconsistent("1 bytes after the last section")) {
            try TitleIndex(snapshot: Self.bytes + [0])
        }
    }

    @Test func inconsistentPartsAreRefused() throws {
        let index = Self.built
        let shortColumn = Self.copy(of: index, occupationPriors: Array(index.occupationPriors.dropLast()))
        #expect(
            throws: TitleIndexSnapshotError.inconsistent(
                "occupation columns have lengths [\(index.occupationCount), \(index.occupationCount), \(index.occupationCount - 1), \(index.occupationCount)], expected \(index.occupationCount)"
            )
        ) {
            try TitleIndex(snapshot: shortColumn.snapshot())
        }
        let unknownWord = Self.copy(of: index, entryWords: index.entryWords.dropLast() + [Int32(index.wordCount)])
        #expect(throws: TitleIndexSnapshotError.inconsistent("entry words name ids outside 0..<\(index.wordCount)")) {
            try TitleIndex(snapshot: unknownWord.snapshot())
        }
        var offsets = index.postingOffsets
        offsets[1] = offsets[2] + 1  // a posting list that ends after the next one starts
        let crossedOffsets = Self.copy(of: index, postingOffsets: offsets)
        #expect(
            throws: TitleIndexSnapshotError.inconsistent("posting offsets do not divide \(index.postings.count) items into \(index.wordCount) groups")
        ) {
            try TitleIndex(snapshot: crossedOffsets.snapshot())
        }
    }

    /// Damage anywhere (a byte overwritten) either throws or reads as some index that still searches:
    /// never a trap, whichever count, offset or id it hits.
    @Test func damagedBytesNeverCrash() throws {
        for position in stride(from: 8, to: Self.bytes.count, by: 13) {
            for value: UInt8 in [0x00, 0xFF, 0x7F] where Self.bytes[position] != value {
                var damaged = Self.bytes
                damaged[position] = value
                guard let index = try? TitleIndex(snapshot: damaged) else { continue }
                for query in ["registered nurse", "ops mgr", "coo", "electrican", "registered nur", "sdr"] {
                    _ = try? index.search(query, limit: 5, typing: true)
                }
            }
        }
    }

    /// The index with one part replaced, to write snapshots whose parts disagree.
    private static func copy(of index: TitleIndex, occupationPriors: [Float]? = nil, entryWords: [Int32]? = nil, postingOffsets: [Int32]? = nil)
        -> TitleIndex
    {
        TitleIndex(
            occupationCodes: index.occupationCodes, occupationTitles: index.occupationTitles, occupationSOCs: index.occupationSOCs,
            occupationPriors: occupationPriors ?? index.occupationPriors,
            wordIDs: index.wordIDs, words: index.words, documentFrequency: index.documentFrequency, inverseFrequency: index.inverseFrequency,
            isNoiseWord: index.isNoiseWord, wordsInOrder: index.wordsInOrder, isJobNoun: index.isJobNoun,
            entryWordOffsets: index.entryWordOffsets, entryWords: entryWords ?? index.entryWords, entryWeights: index.entryWeights,
            entryIsAllNoise: index.entryIsAllNoise, entryLinkOffsets: index.entryLinkOffsets, links: index.links,
            displayTitles: index.displayTitles, occupationTitleEntries: index.occupationTitleEntries,
            postingOffsets: postingOffsets ?? index.postingOffsets, postings: index.postings,
            lexicon: index.lexicon, fuzzyWords: index.fuzzyWords, initials: index.initials)
    }
}
