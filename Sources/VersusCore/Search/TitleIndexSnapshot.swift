import Foundation  // ContiguousBytes: the snapshot is read from a [UInt8] or straight from a database blob (Data)

/// A built `TitleIndex` as bytes, so that a new process loads the index in milliseconds instead of
/// building it from every title (about half a second). The importer stores it in the database.
///
/// Layout: the magic "VSTI" and a version, then sections in a fixed order. Numbers are little-endian;
/// an array is its element count (UInt32) followed by its elements, copied as one block; a list of
/// strings is the offsets of its strings in one UTF-8 blob, then the blob. Dictionaries are stored as
/// sorted keys with their values, so that one index always gives the same bytes, and are rebuilt on load.
/// Reading checks every count, offset and id against the rest, so that bytes that are not a snapshot of
/// this version throw `TitleIndexSnapshotError` and never reach a search that would index out of bounds.
extension TitleIndex {
    /// Bump when the layout changes, and also when the build makes something else from the same titles
    /// (normalizing, lexicon, word lists, weights): a database imported before keeps a snapshot of the old
    /// build, which must then be refused (and the index built from the titles) rather than searched.
    public static let snapshotVersion: UInt32 = 31
    static let snapshotMagic: [UInt8] = Array("VSTI".utf8)

    /// The index as bytes for `TitleIndex(snapshot:)`.
    public func snapshot() -> [UInt8] {
        var out = SnapshotWriter()
        out.bytes.append(contentsOf: Self.snapshotMagic)
        out.integer(Self.snapshotVersion)

        out.strings(occupationCodes.map(\.rawValue))
        out.strings(occupationTitles)
        out.strings(occupationSOCs.map(\.rawValue))
        out.floats(occupationPriors)
        out.integers(occupationTitleEntries)

        out.strings(words)
        out.integers(documentFrequency)
        out.floats(inverseFrequency)
        out.bools(isNoiseWord)
        out.integers(wordsInOrder)
        out.bools(isJobNoun)

        out.integers(entryWordOffsets)
        out.integers(entryWords)
        out.floats(entryWeights)
        out.bools(entryIsAllNoise)
        out.integers(entryLinkOffsets)
        // Links one field at a time: each column is then a plain block.
        out.integers(links.map(\.occupation))
        out.floats(links.map(\.strength))
        out.integers(links.map(\.displayTitle))
        out.integers(links.map(\.source.snapshotKind))
        out.integers(links.map(\.source.snapshotDetail))
        out.bools(links.map(\.isOccupationTitle))
        out.packed(displayTitles)

        out.integers(postingOffsets)
        out.integers(postings)

        let canonical = lexicon.canonical.keys.sorted()
        out.strings(canonical)
        out.strings(canonical.map { lexicon.canonical[$0]! })
        let ambiguous = lexicon.alternatives.keys.sorted()
        let meanings = ambiguous.map { lexicon.alternatives[$0]! }
        out.strings(ambiguous)
        out.integers(Self.offsets(counts: meanings.map(\.count)))
        out.strings(meanings.joined().map(\.word))
        out.floats(meanings.joined().map(\.confidence))
        let expandable = lexicon.expansions.keys.sorted()
        let phrases = expandable.map { lexicon.expansions[$0]! }
        out.strings(expandable)
        out.integers(Self.offsets(counts: phrases.map(\.count)))
        out.integers(Self.offsets(counts: phrases.joined().map(\.count)))
        out.strings(Array(phrases.joined().joined()))

        let acronyms = initials.keys.sorted()
        out.strings(acronyms)
        out.integers(Self.offsets(counts: acronyms.map { initials[$0]!.count }))
        out.integers(acronyms.flatMap { initials[$0]! })

        let grams = fuzzyWords.gramRanges.keys.sorted()
        let gramRanges = grams.map { fuzzyWords.gramRanges[$0]! }
        out.integers(grams)
        out.integers(Self.offsets(counts: gramRanges.map(\.count)))
        out.integers(gramRanges.flatMap { fuzzyWords.postings[Int($0.lowerBound)..<Int($0.upperBound)] })

        out.integers(vocabularyOffsets)
        out.integers(vocabulary)
        out.integers(ampersandWords.sorted())
        return out.bytes
    }

    /// The index that `snapshot()` wrote. Throws `TitleIndexSnapshotError` when the bytes are not a
    /// snapshot of this version, are cut short, or do not agree with themselves.
    public convenience init(snapshot: some ContiguousBytes) throws {
        var input = SnapshotReader(snapshot)
        try input.header(magic: Self.snapshotMagic, version: Self.snapshotVersion)

        let occupationCodes = try input.strings("occupation codes").map { text in
            guard let code = OccupationCode(text) else { throw TitleIndexSnapshotError.inconsistent("\"\(text)\" is not an occupation code") }
            return code
        }
        let occupationTitles = try input.strings("occupation titles")
        let occupationSOCs = try input.strings("occupation SOC codes").map { text in
            guard let code = SOCCode(text) else { throw TitleIndexSnapshotError.inconsistent("\"\(text)\" is not a SOC code") }
            return code
        }
        let occupationPriors = try input.floats("occupation priors")
        let occupationTitleEntries = try input.integers(Int32.self, "occupation title entries")

        let words = try input.strings("words")
        let documentFrequency = try input.integers(Int32.self, "document frequencies")
        let inverseFrequency = try input.floats("inverse frequencies")
        let isNoiseWord = try input.bools("noise words")
        let wordsInOrder = try input.integers(Int32.self, "words in order")
        let isJobNoun = try input.bools("job nouns")

        let entryWordOffsets = try input.integers(Int32.self, "entry word offsets")
        let entryWords = try input.integers(Int32.self, "entry words")
        let entryWeights = try input.floats("entry weights")
        let entryIsAllNoise = try input.bools("all-noise entries")
        let entryLinkOffsets = try input.integers(Int32.self, "entry link offsets")
        let linkOccupations = try input.integers(Int32.self, "link occupations")
        let linkStrengths = try input.floats("link strengths")
        let linkDisplayTitles = try input.integers(Int32.self, "link display titles")
        let linkSourceKinds = try input.integers(UInt8.self, "link source kinds")
        let linkSourceDetails = try input.integers(Int32.self, "link source details")
        let linkIsOccupationTitle = try input.bools("link occupation-title flags")
        let displayTitles = try input.packedStrings("display titles")

        let postingOffsets = try input.integers(Int32.self, "posting offsets")
        let postings = try input.integers(Int32.self, "postings")

        let canonicalKeys = try input.strings("canonical abbreviations")
        let canonicalWords = try input.strings("canonical words")
        let alternativeKeys = try input.strings("ambiguous abbreviations")
        let alternativeOffsets = try input.integers(Int32.self, "meaning offsets")
        let alternativeWords = try input.strings("meanings")
        let alternativeConfidences = try input.floats("meaning confidences")
        let expansionKeys = try input.strings("expandable short forms")
        let expansionOffsets = try input.integers(Int32.self, "expansion offsets")
        let expansionWordOffsets = try input.integers(Int32.self, "expansion word offsets")
        let expansionWords = try input.strings("expansion words")

        let initialKeys = try input.strings("initials")
        let initialOffsets = try input.integers(Int32.self, "initials offsets")
        let initialEntries = try input.integers(Int32.self, "initials entries")

        let grams = try input.integers(UInt32.self, "trigrams")
        let gramOffsets = try input.integers(Int32.self, "trigram offsets")
        let gramPostings = try input.integers(Int32.self, "trigram postings")

        let vocabularyOffsets = try input.integers(Int32.self, "vocabulary offsets")
        let vocabulary = try input.integers(Int32.self, "vocabulary")
        let ampersandWords = try input.integers(Int32.self, "ampersand words")
        try input.end()

        // Every count, offset and id against what it counts, offsets or names.
        let occupationCount = occupationCodes.count, wordCount = words.count, entryCount = entryWeights.count
        let linkCount = linkOccupations.count
        try Check.lengths(
            [occupationTitles.count, occupationSOCs.count, occupationPriors.count, occupationTitleEntries.count], equal: occupationCount,
            "occupation columns")
        try Check.lengths(
            [documentFrequency.count, inverseFrequency.count, isNoiseWord.count, wordsInOrder.count, isJobNoun.count],
            equal: wordCount, "word columns")
        try Check.lengths([entryIsAllNoise.count], equal: entryCount, "entry columns")
        try Check.lengths(
            [linkStrengths.count, linkDisplayTitles.count, linkSourceKinds.count, linkSourceDetails.count, linkIsOccupationTitle.count],
            equal: linkCount, "link columns")
        try Check.lengths([canonicalWords.count], equal: canonicalKeys.count, "canonical words")
        try Check.lengths([alternativeConfidences.count], equal: alternativeWords.count, "meaning confidences")
        try Check.offsets(entryWordOffsets, groups: entryCount, total: entryWords.count, "entry word offsets")
        try Check.offsets(entryLinkOffsets, groups: entryCount, total: linkCount, "entry link offsets")
        // Scoring keeps occupation ids and an entry's link count in 16 bits (`EntryScoring`).
        guard occupationCount <= Int(Self.maximumOccupations),
            zip(entryLinkOffsets, entryLinkOffsets.dropFirst()).allSatisfy({ $1 - $0 <= Self.maximumLinksPerEntry })
        else {
            throw TitleIndexSnapshotError.inconsistent("occupations or an entry's links outnumber scoring's 16 bits")
        }
        try Check.offsets(postingOffsets, groups: wordCount, total: postings.count, "posting offsets")
        try Check.offsets(alternativeOffsets, groups: alternativeKeys.count, total: alternativeWords.count, "meaning offsets")
        try Check.offsets(expansionOffsets, groups: expansionKeys.count, total: expansionWordOffsets.count - 1, "expansion offsets")
        try Check.offsets(expansionWordOffsets, groups: expansionWordOffsets.count - 1, total: expansionWords.count, "expansion word offsets")
        try Check.offsets(initialOffsets, groups: initialKeys.count, total: initialEntries.count, "initials offsets")
        try Check.offsets(gramOffsets, groups: grams.count, total: gramPostings.count, "trigram offsets")
        try Check.ids(occupationTitleEntries, below: entryCount, orMinusOne: true, "occupation title entries")
        // Counts, not ids, but a word is in at most every entry: so bounded, no arithmetic on them overflows.
        try Check.ids(documentFrequency, below: entryCount + 1, "document frequencies")
        try Check.ids(wordsInOrder, below: wordCount, "words in order")
        try Check.ids(entryWords, below: wordCount, "entry words")
        try Check.ids(linkOccupations, below: occupationCount, "link occupations")
        try Check.ids(linkDisplayTitles, below: displayTitles.count, "link display titles")
        try Check.ids(postings, below: entryCount, "postings")
        try Check.ids(initialEntries, below: entryCount, "initials entries")
        try Check.ids(gramPostings, below: wordCount, "trigram postings")
        try Check.offsets(vocabularyOffsets, groups: occupationCount, total: vocabulary.count, "vocabulary offsets")
        try Check.ids(vocabulary, below: wordCount, "vocabulary")
        try Check.ids(ampersandWords, below: wordCount, "ampersand words")

        var links: [EntryLink] = []
        links.reserveCapacity(linkCount)
        for index in 0..<linkCount {
            guard let source = TitleSource(snapshotKind: linkSourceKinds[index], detail: linkSourceDetails[index]) else {
                throw TitleIndexSnapshotError.inconsistent(
                    "link \(index) has an unknown source (\(linkSourceKinds[index]), \(linkSourceDetails[index]))")
            }
            links.append(
                EntryLink(
                    occupation: linkOccupations[index], strength: linkStrengths[index], displayTitle: linkDisplayTitles[index],
                    source: source, isOccupationTitle: linkIsOccupationTitle[index]))
        }
        let lexicon = AbbreviationLexicon(
            canonical: try Check.dictionary(canonicalKeys, "canonical abbreviations") { canonicalWords[$0] },
            alternatives: try Check.dictionary(alternativeKeys, "ambiguous abbreviations") { key in
                (Int(alternativeOffsets[key])..<Int(alternativeOffsets[key + 1])).map {
                    AbbreviationLexicon.Meaning(word: alternativeWords[$0], confidence: alternativeConfidences[$0])
                }
            },
            expansions: try Check.dictionary(expansionKeys, "expandable short forms") { key in
                (Int(expansionOffsets[key])..<Int(expansionOffsets[key + 1])).map { phrase in
                    Array(expansionWords[Int(expansionWordOffsets[phrase])..<Int(expansionWordOffsets[phrase + 1])])
                }
            })
        let fuzzyWords = FuzzyWordIndex(
            words: words,
            gramRanges: try Check.dictionary(grams, "trigrams") { gramOffsets[$0]..<gramOffsets[$0 + 1] },
            postings: gramPostings)
        // Out of order, a bounded search would only miss words; still, bytes that break the layout are refused.
        guard fuzzyWords.isOrderedByLength else { throw TitleIndexSnapshotError.inconsistent("trigram postings are not ordered by word length") }

        self.init(
            occupationCodes: occupationCodes, occupationTitles: occupationTitles, occupationSOCs: occupationSOCs, occupationPriors: occupationPriors,
            wordIDs: try Check.dictionary(words, "words") { Int32($0) }, words: words,
            documentFrequency: documentFrequency, inverseFrequency: inverseFrequency, isNoiseWord: isNoiseWord, wordsInOrder: wordsInOrder,
            isJobNoun: isJobNoun,
            entryWordOffsets: entryWordOffsets, entryWords: entryWords, entryWeights: entryWeights, entryIsAllNoise: entryIsAllNoise,
            entryLinkOffsets: entryLinkOffsets, links: links, displayTitles: displayTitles, occupationTitleEntries: occupationTitleEntries,
            postingOffsets: postingOffsets, postings: postings,
            lexicon: lexicon, fuzzyWords: fuzzyWords,
            initials: try Check.dictionary(initialKeys, "initials") { Array(initialEntries[Int(initialOffsets[$0])..<Int(initialOffsets[$0 + 1])]) },
            vocabulary: (vocabularyOffsets, vocabulary), ampersandWords: Set(ampersandWords))
    }

    /// CSR offsets of groups of the given sizes: [0, c0, c0 + c1, …].
    private static func offsets(counts: [Int]) -> [Int32] {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(counts.count + 1)
        for count in counts { offsets.append(offsets[offsets.count - 1] + Int32(count)) }
        return offsets
    }
}

/// Why bytes could not be read back as a title index.
public enum TitleIndexSnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the snapshot's magic.
    case notASnapshot
    /// Written by a build of another snapshot version.
    case unsupportedVersion(found: UInt32, expected: UInt32)
    /// The bytes end inside the named section.
    case truncated(section: String)
    /// Counts, offsets or ids that do not fit together.
    case inconsistent(String)

    public var description: String {
        switch self {
        case .notASnapshot: return "not a title index snapshot (no VSTI header)"
        case .unsupportedVersion(let found, let expected):
            return "the title index snapshot has version \(found), this Versus reads version \(expected)"
        case .truncated(let section): return "the title index snapshot is cut short: it ends inside \(section)"
        case .inconsistent(let problem): return "the title index snapshot is inconsistent: \(problem)"
        }
    }
}

/// Appends the snapshot's blocks.
private struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        precondition(values.count <= UInt32.max, "a snapshot array holds at most 2^32 - 1 elements")
        integer(UInt32(values.count))
        #if _endian(big)
            values.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #endif
    }

    mutating func floats(_ values: [Float]) { integers(values.map(\.bitPattern)) }

    mutating func bools(_ values: [Bool]) { integers(values.map { $0 ? UInt8(1) : 0 }) }

    mutating func strings(_ values: [String]) { packed(PackedStrings(values)) }

    mutating func packed(_ values: PackedStrings) {
        integers(values.offsets)
        integers(values.utf8)
    }
}

/// Reads the snapshot's blocks in order, checking each length against the bytes left.
private struct SnapshotReader<Bytes: ContiguousBytes> {
    private let bytes: Bytes
    private var position = 0

    init(_ bytes: Bytes) { self.bytes = bytes }

    mutating func header(magic: [UInt8], version expected: UInt32) throws {
        let found = bytes.withUnsafeBytes { raw in raw.count >= magic.count && raw.prefix(magic.count).elementsEqual(magic) }
        guard found else { throw TitleIndexSnapshotError.notASnapshot }
        position = magic.count
        let version = try integer(UInt32.self, "the header")
        guard version == expected else { throw TitleIndexSnapshotError.unsupportedVersion(found: version, expected: expected) }
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type, _ section: String) throws -> T {
        let region = try take(MemoryLayout<T>.size, section)
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: region.lowerBound, as: T.self)) }
    }

    mutating func integers<T: FixedWidthInteger>(_: T.Type, _ section: String) throws -> [T] {
        let count = Int(try integer(UInt32.self, section))
        let region = try take(count * MemoryLayout<T>.size, section)  // at most 2^32 × 8: no overflow
        let values = bytes.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[region]))
                initialized = count
            }
        }
        #if _endian(big)
            return values.map { T(littleEndian: $0) }
        #else
            return values
        #endif
    }

    mutating func floats(_ section: String) throws -> [Float] {
        try integers(UInt32.self, section).map(Float.init(bitPattern:))
    }

    mutating func bools(_ section: String) throws -> [Bool] {
        try integers(UInt8.self, section).map { $0 != 0 }
    }

    mutating func strings(_ section: String) throws -> [String] { Array(try packedStrings(section)) }

    mutating func packedStrings(_ section: String) throws -> PackedStrings {
        let offsets = try integers(UInt32.self, section)
        let utf8 = try integers(UInt8.self, section)
        guard let strings = PackedStrings(utf8: utf8, offsets: offsets) else {
            throw TitleIndexSnapshotError.inconsistent("the string offsets of \(section) do not fit its \(utf8.count) bytes")
        }
        return strings
    }

    /// Every byte must belong to a section: more means another layout.
    func end() throws {
        let left = bytes.withUnsafeBytes { $0.count } - position
        guard left == 0 else { throw TitleIndexSnapshotError.inconsistent("\(left) bytes after the last section") }
    }

    /// The next `count` bytes, or `truncated` when fewer are left.
    private mutating func take(_ count: Int, _ section: String) throws -> Range<Int> {
        let total = bytes.withUnsafeBytes { $0.count }
        guard count <= total - position else { throw TitleIndexSnapshotError.truncated(section: section) }
        defer { position += count }
        return position..<(position + count)
    }
}

/// The checks that make a read snapshot safe to search.
private enum Check {
    static func lengths(_ lengths: [Int], equal expected: Int, _ what: String) throws {
        guard lengths.allSatisfy({ $0 == expected }) else {
            throw TitleIndexSnapshotError.inconsistent("\(what) have lengths \(lengths), expected \(expected)")
        }
    }

    /// CSR offsets: one more than the groups, from 0 up to `total`, never decreasing.
    static func offsets(_ offsets: [Int32], groups: Int, total: Int, _ what: String) throws {
        guard groups >= 0, offsets.count == groups + 1, offsets[0] == 0, Int(offsets[groups]) == total,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else {
            throw TitleIndexSnapshotError.inconsistent("\(what) do not divide \(total) items into \(groups) groups")
        }
    }

    static func ids(_ ids: [Int32], below bound: Int, orMinusOne: Bool = false, _ what: String) throws {
        let valid = ids.allSatisfy { (orMinusOne && $0 == -1) || ($0 >= 0 && Int($0) < bound) }
        guard valid else { throw TitleIndexSnapshotError.inconsistent("\(what) name ids outside 0..<\(bound)") }
    }

    /// A dictionary from distinct keys, the value of the key at index i being `value(i)`.
    static func dictionary<Key: Hashable, Value>(_ keys: [Key], _ what: String, value: (Int) throws -> Value) throws -> [Key: Value] {
        var dictionary: [Key: Value] = [:]
        dictionary.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            guard dictionary.updateValue(try value(index), forKey: key) == nil else {
                throw TitleIndexSnapshotError.inconsistent("\(what) repeat \(key)")
            }
        }
        return dictionary
    }
}

private extension TitleSource {
    /// Which case, as one byte; `snapshotDetail` holds the case's value.
    var snapshotKind: UInt8 {
        switch self {
        case .occupation: return 0
        case .alternate: return 1
        case .reported: return 2
        case .socDirectMatch: return 3
        case .census: return 4
        case .technology: return 5
        case .tool: return 6
        }
    }

    var snapshotDetail: Int32 {
        switch self {
        case .occupation, .socDirectMatch: return 0
        case .alternate(let sources): return Int32(clamping: sources)
        case .reported(let featured): return featured ? 1 : 0
        case .census(.none): return 0
        case .census(.only): return 1
        case .census(.except): return 2
        case .technology(let inDemand): return inDemand ? 1 : 0
        case .tool: return 0
        }
    }

    init?(snapshotKind kind: UInt8, detail: Int32) {
        switch (kind, detail) {
        case (0, 0): self = .occupation
        case (1, _): self = .alternate(sources: Int(detail))
        case (2, 0...1): self = .reported(featured: detail == 1)
        case (3, 0): self = .socDirectMatch
        case (4, 0): self = .census(restriction: .none)
        case (4, 1): self = .census(restriction: .only)
        case (4, 2): self = .census(restriction: .except)
        case (5, 0...1): self = .technology(inDemand: detail == 1)
        case (6, 0): self = .tool
        default: return nil
        }
    }
}
