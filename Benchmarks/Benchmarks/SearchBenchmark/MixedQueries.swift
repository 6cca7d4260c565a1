import VersusCore

/// 10,000 queries as people type them, drawn reproducibly from the index's own titles and bent the
/// ways real input is: lower case, abbreviations, seniority and schedule noise, typos, half-typed
/// words, acronyms, and some titles no source has.
enum MixedQueries {
    static func make(from titles: [TitleRecord], count: Int = 10_000) -> [String] {
        var random = SplitMix64(seed: 0x5EA2C4)
        let pool = titles.map(\.text).filter { $0.count <= 60 }
        let shortForms = titles.compactMap(\.shortForm)
        let noisePrefixes = ["Senior ", "Sr. ", "Lead ", "Junior ", "Remote ", "Part-Time "]
        let noiseSuffixes = [" II", " - Remote", " (Night Shift)", " - Austin, TX", ", Level 2", " | Full Time"]
        let abbreviations = [
            ("Manager", "Mgr"), ("Senior", "Sr"), ("Assistant", "Asst"), ("Technician", "Tech"),
            ("Representative", "Rep"), ("Operations", "Ops"), ("Administrative", "Admin"), ("Director", "Dir"),
        ]
        let unknown = ["Chief Happiness Officer", "Growth Hacker", "Blockchain Evangelist", "Ninja Developer", "xyzzy", "Vibe Curator"]
        var queries: [String] = []
        queries.reserveCapacity(count)
        while queries.count < count {
            var title = pool[random.next(below: pool.count)]
            switch random.next(below: 20) {
            case 0...5:
                break  // as written
            case 6, 7:
                title = title.lowercased()
            case 8, 9:
                for (long, short) in abbreviations { title = title.replacingOccurrences(of: long, with: short) }
            case 10, 11:
                title = noisePrefixes[random.next(below: noisePrefixes.count)] + title + noiseSuffixes[random.next(below: noiseSuffixes.count)]
            case 12, 13:
                title = typo(title, &random)
            case 14:
                title = String(title.prefix(max(3, title.count - 3)))  // still typing
            case 15:
                title = title.split(separator: " ").prefix(2).joined(separator: " ")
            case 16, 17:
                title = shortForms[random.next(below: shortForms.count)]
            case 18:
                title = title.split(separator: " ").reversed().joined(separator: " ")
            default:
                title = unknown[random.next(below: unknown.count)]
            }
            if title.contains(where: \.isLetter) { queries.append(title) }
        }
        return queries
    }

    /// One letter dropped, doubled or swapped with its neighbour, in a word of five letters or more.
    private static func typo(_ title: String, _ random: inout SplitMix64) -> String {
        var words = title.split(separator: " ").map(String.init)
        guard let target = words.indices.filter({ words[$0].count >= 5 }).randomElement(using: &random) else { return title }
        var letters = Array(words[target])
        let at = 1 + random.next(below: letters.count - 2)
        switch random.next(below: 3) {
        case 0: letters.remove(at: at)
        case 1: letters.insert(letters[at], at: at)
        default: letters.swapAt(at, at + 1)
        }
        words[target] = String(letters)
        return words.joined(separator: " ")
    }
}

/// A small fast generator with a fixed seed, so every run searches the same queries.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
