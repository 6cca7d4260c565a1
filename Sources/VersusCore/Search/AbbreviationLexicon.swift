/// What short forms stand for, learnt from titles that give both forms ("Chief Operating Officer (COO)",
/// O*NET's short titles such as "Dept Store GM" for "Department Store General Manager"), completed by
/// `JobTitleWords.abbreviations`.
///
/// Three kinds of knowledge, used differently because they are not equally sure:
/// - `canonical`: a one-word abbreviation with a single meaning ("mgr" → "manager"). Applied to titles
///   and queries alike, so "Customer Service Rep" and "Customer Service Representative" become one title.
/// - `alternatives`: a one-word abbreviation with several meanings ("tech" → technician, technical,
///   technology). The query tries each; the titles keep the word as written. Hand-written meanings are
///   as good as the word itself; learnt ones, which may be accidents of the data, a little less.
/// - `expansions`: an acronym or short form standing for several words ("coo" → chief operating officer).
///   The query tries each expansion as a variant of itself.
struct AbbreviationLexicon: Sendable {
    private(set) var canonical: [String: String] = [:]
    private(set) var alternatives: [String: [Meaning]] = [:]
    private(set) var expansions: [String: [[String]]] = [:]
    /// The keys of the three, read before them; made at the end of each `init`, the only place they change.
    private var keys = KeyFilter()

    /// A word as the index keeps it: stopwords are dropped (nil), unambiguous abbreviations expanded.
    func canonicalWord(_ token: TitleToken) -> String? {
        if let word = value(canonical, .canonical, token) { return word }
        if JobTitleWords.stopwords.contains(token.word) { return nil }
        return token.word
    }

    /// `dictionary[token.typed] ?? dictionary[token.word]`, asking the dictionary only for a word it may have.
    @inline(__always)
    private func value<Value>(_ dictionary: [String: Value], _ table: KeyFilter.Table, _ token: TitleToken) -> Value? {
        if keys.mayContain(token.typed, table), let value = dictionary[token.typed] { return value }
        // Most words are typed singular: the same string, not worth hashing again (small strings compare as integers).
        guard token.word != token.typed else { return nil }
        return keys.mayContain(token.word, table) ? dictionary[token.word] : nil
    }

    struct Meaning: Sendable {
        let word: String
        /// 1 when the meaning is certain (hand-written); 0.5…0.9 when learnt, by its share of the data's uses.
        let confidence: Float
    }

    /// The other meanings of an ambiguous abbreviation, in singular form.
    func alternativeWords(_ token: TitleToken) -> [Meaning] {
        value(alternatives, .alternatives, token) ?? []
    }

    /// The phrases an acronym or short form stands for, best supported first.
    func expandedPhrases(_ token: TitleToken) -> [[String]] {
        value(expansions, .expansions, token) ?? []
    }

    /// The learnt and hand-written knowledge, one line per short form, for review.
    var summary: [String] {
        canonical.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
            + alternatives.sorted { $0.key < $1.key }.map { "\($0.key) ~ \($0.value.map(\.word).joined(separator: " | "))" }
            + expansions.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.map { $0.joined(separator: " ") }.joined(separator: " | "))" }
    }

    /// A lexicon learnt before, as read back from a snapshot of the index.
    init(canonical: [String: String], alternatives: [String: [Meaning]], expansions: [String: [[String]]]) {
        self.canonical = canonical
        self.alternatives = alternatives
        self.expansions = expansions
        keys = KeyFilter(of: self)
    }

    /// A short form found next to its long form in the data.
    struct Pair {
        let short: [String]
        let long: [String]
    }

    /// Learns the lexicon from the pairs, then lays the hand-written abbreviations over it.
    /// `frequency` counts the titles in which a word appears as written.
    init(pairs: [Pair], frequency: [String: Int]) {
        var wordCounts: [String: [String: Int]] = [:]
        var phraseCounts: [String: [[String]: Int]] = [:]
        for pair in pairs {
            guard let mappings = Self.align(short: pair.short, long: pair.long) else { continue }
            for mapping in mappings {
                let long = mapping.long.map(TitleNormalizer.singular)
                if long.count == 1 {
                    wordCounts[mapping.short, default: [:]][long[0], default: 0] += 1
                } else {
                    phraseCounts[mapping.short, default: [:]][long, default: 0] += 1
                }
            }
        }

        for (short, targets) in wordCounts {
            let ranked = targets.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            // Phrases count against a one-word meaning: "qa" abbreviates "quality" in a few titles but
            // "quality assurance" in most, so rewriting it to "quality" everywhere would be wrong.
            let phraseSupport = phraseCounts[short]?.values.reduce(0, +) ?? 0
            let total = ranked.reduce(0) { $0 + $1.value } + phraseSupport
            // One clear meaning, seen more than once, and the word is seldom used otherwise: safe to
            // rewrite everywhere. "END" abbreviates electroneurodiagnostic in two titles, but "end" is
            // mostly a word of its own ("Front End Developer"), so it stays an alternative.
            let usedOtherwise = (frequency[short] ?? 0) > 4 * total
            if ranked[0].value >= 2, Double(ranked[0].value) >= 0.8 * Double(total), !usedOtherwise {
                canonical[short] = ranked[0].key
            } else {
                // Trusted in proportion to how often the data gives this meaning rather than another.
                alternatives[short] = ranked.prefix(3).map { meaning in
                    Meaning(word: meaning.key, confidence: 0.5 + 0.4 * Float(meaning.value) / Float(total))
                }
            }
        }
        for (short, phrases) in phraseCounts {
            expansions[short] = phrases.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.joined() < $1.key.joined() }
                .prefix(3).map(\.key)
        }

        for (short, meanings) in JobTitleWords.abbreviations {
            let phrases = meanings.map { $0.split(separator: " ").map { TitleNormalizer.singular(String($0)) } }
            if phrases.count == 1, phrases[0].count == 1 {
                canonical[short] = phrases[0][0]
                alternatives[short] = nil
            } else if phrases.allSatisfy({ $0.count == 1 }) {
                canonical[short] = nil
                alternatives[short] = phrases.map { Meaning(word: $0[0], confidence: 1) }
            } else {
                let learnt = expansions[short] ?? []
                expansions[short] = phrases + learnt.filter { !phrases.contains($0) }
            }
        }
        keys = KeyFilter(of: self)
    }

    // MARK: - Alignment of a short form with its long form

    /// How each word of `short` maps onto `long`, or nil when `short` is not a short form of `long`.
    /// A short word may equal a long word, abbreviate one ("dept" → "department"), or abbreviate a run of
    /// them, one piece per word ("gm" → "general manager", "devops" → "development operations");
    /// grammar words of the long form may be skipped ("hvac" → "heating ventilation and air conditioning").
    /// Only the mappings that are not plain equality are returned.
    static func align(short: [String], long: [String]) -> [(short: String, long: [String])]? {
        guard !short.isEmpty, !long.isEmpty, short.count <= 12, long.count <= 16 else { return nil }
        return alignFrom(short, 0, long, 0)
    }

    private static func alignFrom(_ short: [String], _ i: Int, _ long: [String], _ j: Int) -> [(short: String, long: [String])]? {
        if i == short.count {
            return long[j...].allSatisfy(JobTitleWords.stopwords.contains) ? [] : nil
        }
        guard j < long.count else { return nil }
        let word = short[i]
        if word == long[j] || TitleNormalizer.singular(word) == TitleNormalizer.singular(long[j]) {
            if let rest = alignFrom(short, i + 1, long, j + 1) { return rest }
        }
        if isAbbreviation(word, of: long[j]), let rest = alignFrom(short, i + 1, long, j + 1) {
            return [(word, [long[j]])] + rest
        }
        if word.utf8.count >= 2 {
            var span: [String] = []
            var end = j
            while end < long.count, span.count < word.utf8.count {
                let next = long[end]
                end += 1
                if JobTitleWords.stopwords.contains(next) && span.isEmpty { break }  // an acronym starts with a content word
                if JobTitleWords.stopwords.contains(next) { continue }
                span.append(next)
                if span.count >= 2, isAcronym(word, of: span), let rest = alignFrom(short, i + 1, long, end) {
                    return [(word, span)] + rest
                }
            }
        }
        if JobTitleWords.stopwords.contains(long[j]) { return alignFrom(short, i, long, j + 1) }
        return nil
    }

    /// "mgr" abbreviates "manager": same first letter, and its letters appear in order.
    static func isAbbreviation(_ short: String, of word: String) -> Bool {
        let a = Array(short.utf8), b = Array(word.utf8)
        guard a.count >= 2, a.count < b.count, a[0] == b[0] else { return false }
        return isSubsequence(a, of: b[...])
    }

    /// "cna" abbreviates "certified nursing assistant", "devops" "development operations": the short word
    /// splits into one piece per long word, each piece starting with that word's first letter.
    static func isAcronym(_ short: String, of words: [String]) -> Bool {
        let a = Array(short.utf8)
        let letters = words.map { Array($0.utf8) }
        guard a.count >= words.count, a.count <= 16 else { return false }
        func split(_ position: Int, _ wordIndex: Int) -> Bool {
            if wordIndex == letters.count { return position == a.count }
            let w = letters[wordIndex]
            guard position < a.count, !w.isEmpty, a[position] == w[0] else { return false }
            let remainingWords = letters.count - wordIndex - 1
            var end = position + 1
            while end <= a.count - remainingWords {
                if isSubsequence(a[position..<end], of: w[...]) {
                    if split(end, wordIndex + 1) { return true }
                } else {
                    break  // a longer piece cannot be a subsequence if this one is not
                }
                end += 1
            }
            return false
        }
        return split(0, 0)
    }

    private static func isSubsequence(_ a: some Collection<UInt8>, of b: ArraySlice<UInt8>) -> Bool {
        var position = b.startIndex
        for byte in a {
            guard let found = b[position...].firstIndex(of: byte) else { return false }
            position = found + 1
        }
        return true
    }
}

/// Which keys the lexicon's dictionaries may have, as bits of a 64-Kbit (8 KB) filter: most words of a query are
/// no short form, and two bits say so, where a dictionary lookup hashes the whole string (SipHash) and compares.
/// Only ASCII is filtered: Unicode strings are equal when canonically equivalent, whatever their bytes, so a word
/// with other bytes goes to the dictionary, and a dictionary with such a key is not filtered at all.
struct KeyFilter: Sendable {
    enum Table: UInt64 {
        case canonical = 1, alternatives, expansions
    }

    private var bits = [UInt64](repeating: 0, count: 1024)
    /// Some key is not ASCII: any word may equal it.
    private var passesAll = false

    init() {}

    init(of lexicon: AbbreviationLexicon) {
        let tables = [
            (Array(lexicon.canonical.keys), Table.canonical), (Array(lexicon.alternatives.keys), .alternatives),
            (Array(lexicon.expansions.keys), .expansions),
        ]
        for (keys, table) in tables {
            for key in keys {
                guard let hash = Self.hash(key, table) else {
                    passesAll = true
                    continue
                }
                let (first, second) = Self.bits(hash)
                bits[first &>> 6] |= 1 &<< (first & 63)
                bits[second &>> 6] |= 1 &<< (second & 63)
            }
        }
    }

    /// False only for a word that no key of the table is.
    @inline(__always)
    func mayContain(_ word: String, _ table: Table) -> Bool {
        guard !passesAll, let hash = Self.hash(word, table) else { return true }
        let (first, second) = Self.bits(hash)
        return bits[first &>> 6] & (1 &<< (first & 63)) != 0 && bits[second &>> 6] & (1 &<< (second & 63)) != 0
    }

    /// Two bits of the 65,536.
    @inline(__always)
    private static func bits(_ hash: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash & 0xFFFF), Int(truncatingIfNeeded: (hash &>> 32) & 0xFFFF))
    }

    /// FNV-1a of the word's bytes, started from the table and mixed at the end; nil for a word not all ASCII.
    private static func hash(_ word: String, _ table: Table) -> UInt64? {
        func hash(_ bytes: some Sequence<UInt8>) -> UInt64? {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ table.rawValue
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash ^= hash &>> 29
            hash &*= 0xbf58_476d_1ce4_e5b9
            return hash ^ (hash &>> 32)
        }
        return word.utf8.withContiguousStorageIfAvailable(hash) ?? hash(word.utf8)
    }
}
