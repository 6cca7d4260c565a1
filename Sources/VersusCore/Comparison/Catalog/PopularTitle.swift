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
    /// Below this score the evidence is too thin and the O*NET occupation title is used instead.
    static let minimumScore = 2

    public static func score(_ candidate: TitleCandidate) -> Int {
        candidate.alternateSources + (candidate.reported ? 1 : 0) + (candidate.shownInMyNextMove ? 2 : 0)
    }

    /// The best candidate of one occupation, written as people write it ("CEO" from "CEO (Chief Executive Officer)").
    public static func best(_ candidates: [TitleCandidate], occupationsWithTitle: (String) -> Int) -> String? {
        let scored = merge(candidates).map { (candidate: $0, shared: occupationsWithTitle($0.title.lowercased()) > 1, score: score($0)) }
            .filter { $0.score >= minimumScore && !$0.shared }
        guard let best = scored.min(by: { l, r in
            if l.score != r.score { return l.score > r.score }
            if l.candidate.title.count != r.candidate.title.count { return l.candidate.title.count < r.candidate.title.count }
            return l.candidate.title < r.candidate.title
        }) else { return nil }
        return withoutExpansion(best.candidate.title)
    }

    /// Popular names of all occupations at once, for the catalog.
    public static func all(_ candidates: [TitleCandidate]) -> [OccupationCode: String] {
        var codesByTitle: [String: Set<OccupationCode>] = [:]
        var byCode: [OccupationCode: [TitleCandidate]] = [:]
        for candidate in candidates {
            codesByTitle[candidate.title.lowercased(), default: []].insert(candidate.code)
            byCode[candidate.code, default: []].append(candidate)
        }
        var names: [OccupationCode: String] = [:]
        for (code, list) in byCode {
            if let name = best(list, occupationsWithTitle: { codesByTitle[$0]?.count ?? 1 }) { names[code] = name }
        }
        return names
    }

    /// One candidate per title: an alternate title that is also reported carries both kinds of evidence.
    static func merge(_ candidates: [TitleCandidate]) -> [TitleCandidate] {
        var order: [String] = []
        var merged: [String: TitleCandidate] = [:]
        for candidate in candidates {
            let key = candidate.title.lowercased()
            if let existing = merged[key] {
                merged[key] = TitleCandidate(
                    code: existing.code, title: existing.title,
                    alternateSources: max(existing.alternateSources, candidate.alternateSources),
                    reported: existing.reported || candidate.reported,
                    shownInMyNextMove: existing.shownInMyNextMove || candidate.shownInMyNextMove)
            } else {
                merged[key] = candidate
                order.append(key)
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
