/// Finds vocabulary words close to a misspelt one. Letter trigrams narrow the vocabulary to a few
/// candidates; the edit distance is computed only for those, and stops as soon as it exceeds the bound.
struct FuzzyWordIndex: Sendable {
    /// Trigram → range in `postings` (word ids sharing that trigram).
    let gramRanges: [UInt32: Range<Int32>]
    let postings: [Int32]
    private let words: [[UInt8]]

    /// An index built before, as read back from a snapshot: `gramRanges` must lie within `postings`,
    /// and `postings` hold ids of `words`.
    init(words: [String], gramRanges: [UInt32: Range<Int32>], postings: [Int32]) {
        self.words = words.map { Array($0.utf8) }
        self.gramRanges = gramRanges
        self.postings = postings
    }

    init(words: [String]) {
        self.words = words.map { Array($0.utf8) }
        var lists: [UInt32: [Int32]] = [:]
        for (id, word) in self.words.enumerated() where Self.isIndexable(word) {
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
            flat.append(contentsOf: ids)
            ranges[gram] = start..<Int32(flat.count)
        }
        gramRanges = ranges
        postings = flat
    }

    /// Words within `maxDistance` edits (insertions, deletions, substitutions, swaps of neighbours),
    /// closest first. `counts` is a caller-owned buffer of one slot per word, left all zero on return.
    func neighbours(of word: String, maxDistance: Int, counts: inout [UInt16], touched: inout [Int32], rows: inout EditDistanceRows) -> [(
        id: Int32, distance: Int
    )] {
        let letters = Array(word.utf8)
        guard Self.isIndexable(letters), maxDistance > 0 else { return [] }
        var gramCount = 0
        Self.forEachGram(letters) { gram in
            gramCount += 1
            guard let range = gramRanges[gram] else { return }
            for index in range {
                let id = postings[Int(index)]
                if counts[Int(id)] == 0 { touched.append(id) }
                counts[Int(id)] &+= 1
            }
        }
        // An insertion, deletion or substitution destroys at most three trigrams, a swap of neighbours
        // ("stroage") four: a word within k edits shares at least this many.
        let needed = max(1, gramCount - 4 * maxDistance)
        var found: [(id: Int32, distance: Int)] = []
        for id in touched {
            let shared = Int(counts[Int(id)])
            counts[Int(id)] = 0
            guard shared >= needed else { continue }
            let candidate = words[Int(id)]
            guard abs(candidate.count - letters.count) <= maxDistance else { continue }
            let distance = rows.distance(letters, candidate, bound: maxDistance)
            if distance <= maxDistance { found.append((id, distance)) }
        }
        touched.removeAll(keepingCapacity: true)
        found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }
        return found
    }

    /// Words sharing the most trigrams with `word` (Dice coefficient at least `minimumSimilarity`),
    /// with no bound on the edit distance: the last resort for a word nothing else recognises.
    func resembling(_ word: String, minimumSimilarity: Double, limit: Int, counts: inout [UInt16], touched: inout [Int32]) -> [(
        id: Int32, similarity: Double
    )] {
        let letters = Array(word.utf8)
        guard Self.isIndexable(letters) else { return [] }
        var gramCount = 0
        Self.forEachGram(letters) { gram in
            gramCount += 1
            guard let range = gramRanges[gram] else { return }
            for index in range {
                let id = postings[Int(index)]
                if counts[Int(id)] == 0 { touched.append(id) }
                counts[Int(id)] &+= 1
            }
        }
        var found: [(id: Int32, similarity: Double)] = []
        for id in touched {
            let shared = Double(counts[Int(id)])
            counts[Int(id)] = 0
            let candidateGrams = Double(words[Int(id)].count + 1)
            let similarity = 2 * shared / (Double(gramCount) + candidateGrams)
            if similarity >= minimumSimilarity { found.append((id, similarity)) }
        }
        touched.removeAll(keepingCapacity: true)
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.id < $1.id }
        return Array(found.prefix(limit))
    }

    /// Trigrams of the word padded with a start and an end mark, so that short words have some
    /// and first and last letters count: "nurse" → ^nu, nur, urs, rse, se$.
    private static func forEachGram(_ letters: [UInt8], _ body: (UInt32) -> Void) {
        let padded: [UInt8] = [1] + letters + [2]
        for start in 0..<(padded.count - 2) {
            body(UInt32(padded[start]) << 16 | UInt32(padded[start + 1]) << 8 | UInt32(padded[start + 2]))
        }
    }

    /// Only plain lower-case ASCII words take part: their trigrams fit in a byte triple.
    private static func isIndexable(_ letters: [UInt8]) -> Bool {
        letters.count >= 2 && letters.count <= 40 && letters.allSatisfy { $0 >= 0x30 && $0 < 0x80 }
    }
}

/// Reusable rows for the bounded edit distance, so that a search does not allocate per candidate.
struct EditDistanceRows {
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// Optimal string alignment distance (Damerau-Levenshtein without re-edits), or `bound + 1`
    /// as soon as it is certain to exceed `bound`.
    mutating func distance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > bound { return bound + 1 }
        if previous.count < m + 1 {
            previous2 = Array(repeating: 0, count: m + 1)
            previous = Array(repeating: 0, count: m + 1)
            current = Array(repeating: 0, count: m + 1)
        }
        for j in 0...m { previous[j] = j }
        for i in 1...max(1, n) where n > 0 {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, m) where m > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return n == 0 ? m : (m == 0 ? n : previous[m])
    }
}
