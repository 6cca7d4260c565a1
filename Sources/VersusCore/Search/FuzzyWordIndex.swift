/// Finds vocabulary words close to a misspelt one. Letter trigrams narrow the vocabulary to a few
/// candidates; the edit distance is computed only for those, and stops as soon as it exceeds the bound.
struct FuzzyWordIndex: Sendable {
    /// Trigram → range in `postings` (word ids sharing that trigram).
    let gramRanges: [UInt32: Range<Int32>]
    let postings: [Int32]
    /// Every word's letters, one after another: words are read by the thousand per lookup, and one block
    /// spares a pointer to follow (and a reference count to keep) for each.
    private let wordLetters: [UInt8]
    /// Word `id` is `wordLetters[letterOffsets[id]..<letterOffsets[id + 1]]`.
    private let letterOffsets: [Int32]
    /// Letters of each word.
    private let lengths: [Int32]
    /// `gramRanges` as an open-addressing table (`gramSlot`): a lookup reads a slot or two, where the
    /// dictionary would hash its key first.
    private let gramTable: [GramSlot]
    /// The length of the word of each of `postings`, side by side: finding and walking a trigram's words
    /// of about the right length then reads no word elsewhere.
    private let postingLengths: [UInt8]
    /// The set of each word's letters (`letterBit`): a bound on the bag distance in one AND and popcount,
    /// which turns most candidates away before their letters are read.
    private let letterSets: [UInt64]

    struct GramSlot {
        /// 0 for a free slot: no trigram is 0, as every byte of one is a letter or a mark.
        var gram: UInt32 = 0
        var start: Int32 = 0
        var end: Int32 = 0
    }

    /// An index built before, as read back from a snapshot: `gramRanges` must lie within `postings`,
    /// and `postings` hold ids of `words`, each range in the order of `init(words:)`.
    init(words: [String], gramRanges: [UInt32: Range<Int32>], postings: [Int32]) {
        (wordLetters, letterOffsets, lengths) = Self.flatten(words)
        letterSets = words.map { Self.letterSet($0.utf8) }
        self.gramRanges = gramRanges
        self.postings = postings
        gramTable = Self.table(gramRanges)
        postingLengths = Self.postingLengths(postings, lengths: lengths)
    }

    init(words: [String]) {
        (wordLetters, letterOffsets, lengths) = Self.flatten(words)
        letterSets = words.map { Self.letterSet($0.utf8) }
        let lengths = self.lengths
        var lists: [UInt32: [Int32]] = [:]
        for (id, word) in words.map({ Array($0.utf8) }).enumerated() where Self.isIndexable(word) {
            var seen = Set<UInt32>()
            Self.forEachGram(word) { gram in
                if seen.insert(gram).inserted { lists[gram, default: []].append(Int32(id)) }
            }
        }
        var ranges: [UInt32: Range<Int32>] = [:]
        var flat: [Int32] = []
        flat.reserveCapacity(lists.values.reduce(0) { $0 + $1.count })
        for (gram, ids) in lists {
            let start = Int32(flat.count)
            // Shortest words first: a bounded search reads only the words of about the right length.
            flat.append(contentsOf: ids.sorted { lengths[Int($0)] != lengths[Int($1)] ? lengths[Int($0)] < lengths[Int($1)] : $0 < $1 })
            ranges[gram] = start..<Int32(flat.count)
        }
        gramRanges = ranges
        postings = flat
        gramTable = Self.table(ranges)
        postingLengths = Self.postingLengths(flat, lengths: lengths)
    }

    private static func table(_ ranges: [UInt32: Range<Int32>]) -> [GramSlot] {
        var capacity = 16
        while capacity < ranges.count * 2 { capacity *= 2 }
        var table = Array(repeating: GramSlot(), count: capacity)
        for (gram, range) in ranges where gram != 0 {
            var slot = gramSlot(gram, mask: capacity - 1)
            while table[slot].gram != 0 { slot = (slot + 1) & (capacity - 1) }
            table[slot] = GramSlot(gram: gram, start: range.lowerBound, end: range.upperBound)
        }
        return table
    }

    @inline(__always)
    private static func gramSlot(_ gram: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (gram &* 0x9E37_79B1) >> 7) & mask
    }

    /// The words of the trigram: a range of `postings`.
    @inline(__always)
    private func postingRange(of gram: UInt32) -> Range<Int>? {
        gramTable.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Self.gramSlot(gram, mask: mask)
            while table[slot].gram != 0 {
                if table[slot].gram == gram { return Int(table[slot].start)..<Int(table[slot].end) }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Bounds checked: the snapshot reader checks the ids only after it has made the index.
    private static func postingLengths(_ postings: [Int32], lengths: [Int32]) -> [UInt8] {
        postings.map { id in lengths.indices.contains(Int(id)) ? UInt8(clamping: lengths[Int(id)]) : 0 }
    }

    private static func flatten(_ words: [String]) -> (letters: [UInt8], offsets: [Int32], lengths: [Int32]) {
        var letters: [UInt8] = []
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(words.count + 1)
        for word in words {
            letters.append(contentsOf: word.utf8)
            offsets.append(Int32(letters.count))
        }
        return (letters, offsets, words.indices.map { offsets[$0 + 1] - offsets[$0] })
    }

    /// Letters as bits of a set: lower-case letters and digits get bits of their own; a few other bytes share one,
    /// which only weakens the bound (`missingLetters`), never breaks it.
    @inline(__always)
    private static func letterBit(_ letter: UInt8) -> UInt64 {
        1 &<< ((letter >= 0x60 ? letter &- 0x60 : letter &- 0x10) & 63)
    }

    private static func letterSet(_ letters: some Sequence<UInt8>) -> UInt64 {
        letters.reduce(0) { $0 | letterBit($1) }
    }

    /// Distinct letters one set has and the other has not, on the side with more: each is a letter the bag
    /// distance counts (`LetterCounts.bagDistance`), so this is never more than it.
    @inline(__always)
    private static func missingLetters(_ a: UInt64, _ b: UInt64) -> Int {
        max((a & ~b).nonzeroBitCount, (b & ~a).nonzeroBitCount)
    }

    /// Whether every trigram's words run from the shortest to the longest, as `nearest` needs.
    var isOrderedByLength: Bool {
        gramRanges.values.allSatisfy { range in
            range.dropFirst().allSatisfy { lengths[Int(postings[Int($0) - 1])] <= lengths[Int(postings[Int($0)])] }
        }
    }

    /// The `limit` words nearest to `word` within `maxDistance` edits (insertions, deletions, substitutions,
    /// swaps of neighbours) among those `isWanted` accepts: nearest first, then by `preference` (higher
    /// first), then by id. `scratch` is caller-owned and left ready for the next call.
    func nearest(
        to word: String, maxDistance: Int, limit: Int, scratch: inout FuzzyScratch,
        isWanted: (Int32) -> Bool, preference: (Int32) -> Int32
    ) -> [(id: Int32, distance: Int)] {
        let letters = Array(word.utf8)
        guard Self.isIndexable(letters), maxDistance >= 0, limit > 0 else { return [] }
        scratch.prepare(words: lengths.count)
        countSharedGrams(letters, lengths: Int32(letters.count - maxDistance)...Int32(letters.count + maxDistance), &scratch)
        // Candidates that may lie within `maxDistance` (see `sharedGramsNeeded`, `missingLetters` and `bagDistance`),
        // with the nearest they may be.
        scratch.letterCounts.setLetters(letters)
        defer { scratch.letterCounts.clear(letters) }
        let letterSet = Self.letterSet(letters)
        return wordLetters.withUnsafeBufferPointer { blob in
            func word(_ id: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: blob[Int(letterOffsets[id])..<Int(letterOffsets[id + 1])])
            }
            var candidateCount = 0
            letterSets.withUnsafeBufferPointer { letterSets in
                scratch.counts.withUnsafeMutableBufferPointer { counts in
                    scratch.candidates.withUnsafeMutableBufferPointer { candidates in
                        for id in scratch.touched[..<scratch.touchedCount] {
                            let shared = Int32(counts[Int(id)])
                            counts[Int(id)] = 0
                            let needed = sharedGramsNeeded(letters.count, Int(lengths[Int(id)]), distance: maxDistance)
                            guard shared >= needed,
                                Self.missingLetters(letterSet, letterSets[Int(id)]) <= maxDistance, isWanted(id)
                            else { continue }
                            let atLeast = scratch.letterCounts.bagDistance(to: word(Int(id)))
                            guard atLeast <= maxDistance else { continue }
                            candidates[candidateCount] = .init(id: id, shared: shared, atLeast: atLeast)
                            candidateCount += 1
                        }
                    }
                }
            }
            scratch.touchedCount = 0

            // Distance by distance, the preferred candidates first, so that a search stops as soon as it has `limit` words.
            scratch.candidates[..<candidateCount].sort { a, b in
                let (preferenceA, preferenceB) = (preference(a.id), preference(b.id))
                return preferenceA != preferenceB ? preferenceA > preferenceB : a.id < b.id
            }
            let candidates = scratch.candidates[..<candidateCount]
            var found: [(id: Int32, distance: Int)] = []
            for distance in 0...maxDistance {
                for candidate in candidates where candidate.atLeast <= distance {
                    let id = Int(candidate.id), length = Int(lengths[id])
                    // Nearer candidates were found in an earlier round; these filters only skip what cannot be this near.
                    guard abs(length - letters.count) <= distance, candidate.shared >= sharedGramsNeeded(letters.count, length, distance: distance),
                        scratch.rows.distance(letters, word(id), bound: distance) == distance
                    else { continue }
                    found.append((candidate.id, distance))
                    if found.count == limit { return found }
                }
            }
            return found
        }
    }

    /// Counts, for each word of a length in `lengths`, the distinct trigrams it shares with `letters`.
    private func countSharedGrams(_ letters: [UInt8], lengths: ClosedRange<Int32>, _ scratch: inout FuzzyScratch) {
        var touchedCount = scratch.touchedCount
        defer { scratch.touchedCount = touchedCount }
        postings.withUnsafeBufferPointer { postings in
            postingLengths.withUnsafeBufferPointer { postingLengths in
                scratch.counts.withUnsafeMutableBufferPointer { counts in
                    scratch.touched.withUnsafeMutableBufferPointer { touched in
                        Self.forEachGram(letters) { gram in
                            guard let range = postingRange(of: gram) else { return }
                            // Each trigram's words run from the shortest: find the first long enough, stop at the
                            // first too long.
                            var low = range.lowerBound, high = range.upperBound
                            while low < high {
                                let middle = (low + high) / 2
                                if lengths.lowerBound > Int32(postingLengths[middle]) {
                                    low = middle + 1
                                } else {
                                    high = middle
                                }
                            }
                            for index in low..<range.upperBound {
                                guard Int32(postingLengths[index]) <= lengths.upperBound else { break }
                                let id = postings[index]
                                if counts[Int(id)] == 0 {
                                    touched[touchedCount] = id
                                    touchedCount &+= 1
                                }
                                counts[Int(id)] &+= 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// An insertion, deletion or substitution destroys at most three trigrams, a swap of neighbours
    /// ("stroage") four: of a pair of words within `distance` edits, the longer (with as many trigrams
    /// as letters) keeps at least this many.
    private func sharedGramsNeeded(_ length: Int, _ otherLength: Int, distance: Int) -> Int32 {
        Int32(max(1, max(length, otherLength) - 4 * distance))
    }

    /// Words sharing the most trigrams with `word` (Dice coefficient at least `minimumSimilarity`),
    /// with no bound on the edit distance: the last resort for a word nothing else recognises.
    func resembling(_ word: String, minimumSimilarity: Double, limit: Int, scratch: inout FuzzyScratch) -> [(id: Int32, similarity: Double)] {
        let letters = Array(word.utf8)
        guard Self.isIndexable(letters) else { return [] }
        scratch.prepare(words: lengths.count)
        countSharedGrams(letters, lengths: 0...Int32.max, &scratch)
        let gramCount = Double(letters.count)  // one trigram per letter, with the padding
        var found: [(id: Int32, similarity: Double)] = []
        for id in scratch.touched[..<scratch.touchedCount] {
            let shared = Double(scratch.counts[Int(id)])
            scratch.counts[Int(id)] = 0
            let candidateGrams = Double(lengths[Int(id)] + 1)
            let similarity = 2 * shared / (gramCount + candidateGrams)
            if similarity >= minimumSimilarity { found.append((id, similarity)) }
        }
        scratch.touchedCount = 0
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.id < $1.id }
        return Array(found.prefix(limit))
    }

    /// Trigrams of the word padded with a start and an end mark, so that short words have some
    /// and first and last letters count: "nurse" → ^nu, nur, urs, rse, se$.
    private static func forEachGram(_ letters: [UInt8], _ body: (UInt32) -> Void) {
        let count = letters.count
        for start in 0..<count {
            let first = start == 0 ? 1 : UInt32(letters[start - 1])
            let last = start + 1 == count ? 2 : UInt32(letters[start + 1])
            body(first << 16 | UInt32(letters[start]) << 8 | last)
        }
    }

    /// Only plain lower-case ASCII words take part: their trigrams fit in a byte triple.
    private static func isIndexable(_ letters: [UInt8]) -> Bool {
        letters.count >= 2 && letters.count <= 40 && letters.allSatisfy { $0 >= 0x30 && $0 < 0x80 }
    }
}

/// Reusable memory for the bounded edit distance: the table's last three rows in one buffer, taking turns, so
/// that a search allocates nothing per candidate and the inner loop checks no bounds and no uniqueness.
struct EditDistanceRows {
    private var cells: [Int] = []

    /// Optimal string alignment distance (Damerau-Levenshtein without re-edits), or `bound + 1`
    /// as soon as it is certain to exceed `bound`.
    mutating func distance(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>, bound: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > bound { return bound + 1 }
        if n == 0 || m == 0 { return max(n, m) }  // within the bound, as checked above
        let width = m + 1
        if cells.count < 3 * width { cells = Array(repeating: 0, count: 3 * width) }
        return cells.withUnsafeMutableBufferPointer { cells in
            a.withUnsafeBufferPointer { a in
                // Rows i - 2, i - 1 and i of the table; the one two back is read only from the third row on.
                var previous2 = cells.baseAddress!, previous = previous2 + width, current = previous + width
                for j in 0...m { previous[j] = j }
                for i in 1...n {
                    current[0] = i
                    var rowMinimum = i
                    for j in 1...m {
                        let cost = a[i - 1] == b[j - 1] ? 0 : 1
                        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                            value = min(value, previous2[j - 2] + 1)
                        }
                        current[j] = value
                        rowMinimum = min(rowMinimum, value)
                    }
                    if rowMinimum > bound { return bound + 1 }
                    (previous2, previous, current) = (previous, current, previous2)
                }
                return previous[m]
            }
        }
    }
}

/// Working memory of `FuzzyWordIndex.nearest`, kept by the caller so that a search allocates little. The
/// lists are as long as the vocabulary, so that filling one is a store, never a check for room.
struct FuzzyScratch {
    /// Per word of the index: trigrams shared with the word looked for; all zero between searches.
    var counts: [UInt16] = []
    /// The words of nonzero `counts`, in `touched[..<touchedCount]`.
    var touched: [Int32] = []
    var touchedCount = 0
    /// The touched words that may lie within the bound, filled from the start.
    var candidates: [Candidate] = []
    var rows = EditDistanceRows()
    var letterCounts = LetterCounts()

    struct Candidate {
        let id: Int32
        /// Trigrams shared with the word looked for.
        let shared: Int32
        /// The nearest the word may be: its bag distance.
        let atLeast: Int
    }

    /// Sized to the vocabulary of `words` words, on first use.
    mutating func prepare(words: Int) {
        guard counts.count < words || touched.count < words || candidates.count < words else { return }
        counts = Array(repeating: 0, count: words)
        touched = Array(repeating: 0, count: words)
        candidates = Array(repeating: Candidate(id: 0, shared: 0, atLeast: 0), count: words)
    }
}

/// The letters of one word, counted, to bound its edit distance to others cheaply.
struct LetterCounts {
    private var counts = [Int16](repeating: 0, count: 256)
    /// `counts` as set, to restore after a comparison.
    private var original = [Int16](repeating: 0, count: 256)
    private var length = 0

    mutating func setLetters(_ letters: [UInt8]) {
        for letter in letters { counts[Int(letter)] += 1 }
        for letter in letters { original[Int(letter)] = counts[Int(letter)] }
        length = letters.count
    }

    /// Back to all zero, given the letters set.
    mutating func clear(_ letters: [UInt8]) {
        for letter in letters {
            counts[Int(letter)] = 0
            original[Int(letter)] = 0
        }
        length = 0
    }

    /// The letters that one word has and the other has not (as multisets), on the side with more: each
    /// insertion, deletion or substitution changes this by at most one and a swap not at all, so it is never
    /// more than the edit distance. A few additions, against the edit distance's table.
    mutating func bagDistance(to other: UnsafeBufferPointer<UInt8>) -> Int {
        var shared = 0
        // Through buffers: a byte always indexes the 256 counts, and an array's writes would check for sharing.
        counts.withUnsafeMutableBufferPointer { counts in
            original.withUnsafeBufferPointer { original in
                for letter in other where counts[Int(letter)] > 0 {
                    counts[Int(letter)] &-= 1
                    shared &+= 1
                }
                for letter in other { counts[Int(letter)] = original[Int(letter)] }
            }
        }
        return max(length, other.count) - shared
    }
}
