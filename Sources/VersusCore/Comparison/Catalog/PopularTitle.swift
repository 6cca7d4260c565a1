/// A title that names an occupation in the data, with the evidence of how widely it is used.
public struct TitleCandidate: Hashable, Sendable {
    public let code: OccupationCode
    public let title: String
    /// How many O*NET sources list it as an alternate title (0 when it is only a reported title).
    public let alternateSources: Int
    /// Reported by incumbents (O*NET "Sample of Reported Titles").
    public let reported: Bool
    /// A reported title O*NET shows in My Next Move: its pick of the most recognizable titles.
    public let shownInMyNextMove: Bool

    public init(code: OccupationCode, title: String, alternateSources: Int, reported: Bool, shownInMyNextMove: Bool) {
        self.code = code
        self.title = title
        self.alternateSources = alternateSources
        self.reported = reported
        self.shownInMyNextMove = shownInMyNextMove
    }
}

/// Chooses the title people most likely use for an occupation ("Registered Nurse" rather than "Registered Nurses",
/// "General Manager" rather than "General and Operations Managers"), from the evidence in the data:
/// titles O*NET shows in My Next Move, reported by incumbents, and listed by several sources. A title that also
/// names another occupation (such as "Director") names neither well and is never chosen.
public enum PopularTitle {
    /// Bump when the choice changes: stored choices (the Store keeps them beside the database) are keyed by it.
    public static let version = 1

    /// Below this score the evidence is too thin and the O*NET occupation title is used instead.
    static let minimumScore = 2

    public static func score(_ candidate: TitleCandidate) -> Int {
        candidate.alternateSources + (candidate.reported ? 1 : 0) + (candidate.shownInMyNextMove ? 2 : 0)
    }

    /// The best candidate of one occupation, written as people write it ("CEO" from "CEO (Chief Executive Officer)").
    /// `occupationsWithTitle` counts the occupations using a title, looked up by its `key`.
    public static func best(_ candidates: [TitleCandidate], occupationsWithTitle: (String) -> Int) -> String? {
        best(candidates.map { Keyed(candidate: $0, key: key($0.title)) }, occupationsWithTitle: occupationsWithTitle)
    }

    /// Popular names of all occupations at once, for the catalog.
    ///
    /// Runs over every alternate and reported title (some 64,000), so titles are compared by a 64-bit hash of their
    /// case-folded bytes rather than by lowercased copies: no allocation per title, and cheap hashing. Two different
    /// titles sharing a hash (odds about 1 in 10^10 over this data) would only make a title count as shared.
    public static func all(_ candidates: [TitleCandidate]) -> [OccupationCode: String] {
        // Which occupation first used each title, or -1 once a second one does.
        var firstUser: [UInt64: Int] = [:]
        firstUser.reserveCapacity(candidates.count)
        var codeIndex: [OccupationCode: Int] = [:]
        var codes: [OccupationCode] = []
        var groups: [[(candidate: TitleCandidate, hash: UInt64)]] = []
        var lastCode: OccupationCode? = nil, lastIndex = 0
        for candidate in candidates {
            // Candidates come grouped by occupation, so the code is looked up only when it changes.
            if candidate.code != lastCode {
                lastCode = candidate.code
                if let index = codeIndex[candidate.code] {
                    lastIndex = index
                } else {
                    lastIndex = codes.count
                    codeIndex[candidate.code] = lastIndex
                    codes.append(candidate.code)
                    groups.append([])
                }
            }
            let hash = foldedHash(candidate.title)
            groups[lastIndex].append((candidate, hash))
            if let user = firstUser[hash] {
                if user != lastIndex && user != -1 { firstUser[hash] = -1 }
            } else {
                firstUser[hash] = lastIndex
            }
        }
        var names: [OccupationCode: String] = [:]
        for (index, group) in groups.enumerated() {
            // Merge each title's evidence within the occupation (alternate and reported), in first-seen order.
            var merged: [UInt64: Int] = [:]
            var list: [TitleCandidate] = []
            var hashes: [UInt64] = []
            for (candidate, hash) in group {
                if let at = merged[hash] {
                    let existing = list[at]
                    list[at] = TitleCandidate(
                        code: existing.code, title: existing.title,
                        alternateSources: max(existing.alternateSources, candidate.alternateSources),
                        reported: existing.reported || candidate.reported,
                        shownInMyNextMove: existing.shownInMyNextMove || candidate.shownInMyNextMove)
                } else {
                    merged[hash] = list.count
                    list.append(candidate)
                    hashes.append(hash)
                }
            }
            var best: (candidate: TitleCandidate, score: Int)?
            for (at, candidate) in list.enumerated() where firstUser[hashes[at]] != -1 {
                let score = score(candidate)
                guard score >= minimumScore else { continue }
                if let current = best, !isBetter(candidate, score, than: current.candidate, current.score) { continue }
                best = (candidate, score)
            }
            if let best { names[codes[index]] = withoutExpansion(best.candidate.title) }
        }
        return names
    }

    /// Higher score, then the shorter title, then the alphabetically first: a total order, so the choice is stable.
    private static func isBetter(_ candidate: TitleCandidate, _ score: Int, than current: TitleCandidate, _ currentScore: Int) -> Bool {
        if score != currentScore { return score > currentScore }
        let length = candidate.title.count, currentLength = current.title.count
        if length != currentLength { return length < currentLength }
        return candidate.title < current.title
    }

    /// FNV-1a over the title's bytes with ASCII letters folded to lower case (as `key` folds them).
    static func foldedHash(_ title: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in title.utf8 {
            hash ^= UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Titles compare ignoring ASCII case, as SQLite's `lower()` does (the Store counts titles with it), and on bytes,
    /// which is much cheaper than Unicode case mapping over tens of thousands of titles.
    public static func key(_ title: String) -> String {
        guard title.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return title }
        return String(decoding: title.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private struct Keyed {
        var candidate: TitleCandidate
        let key: String
    }

    private static func best(_ keyed: [Keyed], occupationsWithTitle: (String) -> Int) -> String? {
        var best: (candidate: TitleCandidate, score: Int)?
        for entry in merge(keyed) {
            let score = score(entry.candidate)
            guard score >= minimumScore, occupationsWithTitle(entry.key) <= 1 else { continue }
            if let current = best, !isBetter(entry.candidate, score, than: current.candidate, current.score) { continue }
            best = (entry.candidate, score)
        }
        return best.map { withoutExpansion($0.candidate.title) }
    }

    /// One candidate per title: an alternate title that is also reported carries both kinds of evidence.
    private static func merge(_ keyed: [Keyed]) -> [Keyed] {
        var order: [String] = []
        var merged: [String: Keyed] = [:]
        for entry in keyed {
            if let existing = merged[entry.key]?.candidate {
                let other = entry.candidate
                merged[entry.key]!.candidate = TitleCandidate(
                    code: existing.code, title: existing.title,
                    alternateSources: max(existing.alternateSources, other.alternateSources),
                    reported: existing.reported || other.reported,
                    shownInMyNextMove: existing.shownInMyNextMove || other.shownInMyNextMove)
            } else {
                merged[entry.key] = entry
                order.append(entry.key)
            }
        }
        return order.map { merged[$0]! }
    }

    /// "CEO (Chief Executive Officer)" → "CEO"; "Registered Nurse (RN)" → "Registered Nurse".
    static func withoutExpansion(_ title: String) -> String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "("), open > title.startIndex else { return title }
        let head = title[..<open]
        let trimmed = head.hasSuffix(" ") ? head.dropLast() : head
        return trimmed.isEmpty ? title : String(trimmed)
    }
}
