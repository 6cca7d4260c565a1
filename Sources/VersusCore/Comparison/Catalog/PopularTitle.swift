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
/// Chooses the name a job seeker would type for each occupation, so that catalog pages are titled, and their slugs
/// spelled, by titles people search for. The rule, in order:
///
/// 1. **A residual group keeps its O*NET title**, in the singular ("Manager, All Other"): no alternate title names
///    the group, only one of its members.
/// 2. **The O*NET title in the singular**, when that is a plain job title: one job, not a list ("and", commas), at most
///    `plainWords` words. "Registered Nurses" → "Registered Nurse", "Project Management Specialists" → "Project
///    Management Specialist", "Elementary School Teachers, Except Special Education" → "Elementary School Teacher",
///    "Cooks, Restaurant" → "Restaurant Cook". It names exactly this occupation, in O*NET's own words.
/// 3. Otherwise **the alternate or reported title with the most evidence** (O*NET sources listing it, reported by
///    incumbents, shown in My Next Move: `score` of at least `minimumScore`) that is a job title for the same worker:
///    its last word is one of the O*NET title's nouns and at least half its words are the O*NET title's ("Accountant"
///    for Accountants and Auditors, "Truck Driver" for Heavy and Tractor-Trailer Truck Drivers); one job (no "and"),
///    at most `alternateWords` words; never an acronym alone ("CMD", "CNS"; expansions are dropped, so "Registered
///    Nurse (RN)" counts as "Registered Nurse"); never one word that is the worker noun of other occupations too
///    ("Driver", "Secretary"). Ties go to the title sharing a qualifier with the O*NET title, then to the shorter.
///    A title from another trade ("Toll Collector" for Cashiers, "Clinical Director" for health services managers)
///    is never chosen.
/// 4. **A title shared by several occupations names only the largest of them** (national employment, then the lower
///    code, so O*NET's ".00" occupation before its detailed ones); an occupation's own O*NET title in the singular is
///    reserved for it. So "Nurse" never names a licensed practical nurse, and no two occupations share a name: a slug
///    never needs codes.
/// 5. Failing all of these, **the O*NET title in the singular**, however long ("Maintenance and Repair Worker",
///    "Securities, Commodities, and Financial Services Sales Agent"): it names only this occupation.
public enum PopularTitle {
    /// Bump when the choice changes: stored choices (the Store keeps them beside the database) are keyed by it.
    /// 2: the O*NET title in the singular first, same-trade alternates only, no bare acronyms, shared titles to the largest.
    public static let version = 2

    /// Below this score the evidence for an alternate title is too thin to prefer it.
    static let minimumScore = 2

    /// A plain job title has at most this many words.
    static let plainWords = 4

    /// An alternate title has at most this many words: longer ones name a specialty ("Mutual Funds Sales Agent").
    static let alternateWords = 3

    public static func score(_ candidate: TitleCandidate) -> Int {
        candidate.alternateSources + (candidate.reported ? 1 : 0) + (candidate.shownInMyNextMove ? 2 : 0)
    }

    /// Names of all occupations (see the rule above). `employment` is national employment by occupation (OEWS);
    /// without it, shared titles go to the lower code.
    public static func all(_ candidates: [TitleCandidate], occupations: [OccupationRef], employment: [OccupationCode: Int] = [:]) -> [OccupationCode:
        String]
    {
        // Largest first; the rank decides who may use a shared title.
        let ranked = occupations.sorted { l, r in
            let el = employment[l.code] ?? -1, er = employment[r.code] ?? -1
            return el != er ? el > er : l.code < r.code
        }
        var rank: [OccupationCode: Int] = [:]
        for (index, occupation) in ranked.enumerated() where rank[occupation.code] == nil { rank[occupation.code] = index }
        let singulars = Dictionary(ranked.map { ($0.code, singular($0.title)) }, uniquingKeysWith: { first, _ in first })

        // Owner of each title: the largest occupation whose singular O*NET title it is, else the largest listing it.
        var reservedBy: [String: Int] = [:]
        for (index, occupation) in ranked.enumerated() {
            let k = key(singulars[occupation.code]!)
            if reservedBy[k] == nil { reservedBy[k] = index }
        }
        var listedBy: [String: Int] = [:]
        var byCode: [OccupationCode: [TitleCandidate]] = [:]
        for candidate in candidates {
            guard let index = rank[candidate.code] else { continue }
            let k = key(withoutExpansion(candidate.title))
            if let current = listedBy[k] { if index < current { listedBy[k] = index } } else { listedBy[k] = index }
            byCode[candidate.code, default: []].append(candidate)
        }
        func owns(_ title: String, _ index: Int) -> Bool {
            let k = key(title)
            return (reservedBy[k] ?? listedBy[k] ?? index) == index
        }

        // How many occupations each worker noun names ("driver", "secretary"): a one-word title naming several is a family, not a job.
        var nounUse: [String: Int] = [:]
        let headsByCode = Dictionary(ranked.map { ($0.code, heads($0.title)) }, uniquingKeysWith: { first, _ in first })
        for heads in headsByCode.values { for noun in heads { nounUse[noun, default: 0] += 1 } }
        func isFamily(_ words: [String], _ code: OccupationCode) -> Bool {
            guard words.count == 1 else { return false }
            let noun = TitleNormalizer.singular(words[0].lowercased())
            return (nounUse[noun] ?? 0) - (headsByCode[code]?.contains(noun) == true ? 1 : 0) >= 1
        }

        var names: [OccupationCode: String] = [:]
        for (index, occupation) in ranked.enumerated() where names[occupation.code] == nil {
            // A residual group has no title of its own: any alternate would name one member only.
            if let range = occupation.title.range(of: ", All Other") {
                names[occupation.code] = singularWords(String(occupation.title[..<range.lowerBound])) + occupation.title[range.lowerBound...]
                continue
            }
            let own = singulars[occupation.code]!
            if isPlain(own) && owns(own, index) {
                names[occupation.code] = own
                continue
            }
            let nouns = Set(words(occupation.title).map { TitleNormalizer.singular($0.lowercased()) })
            var best: (title: String, candidate: TitleCandidate, rank: [Int])?
            for candidate in merge(byCode[occupation.code] ?? []) {
                let score = score(candidate)
                let title = withoutExpansion(candidate.title)
                let parts = words(title)
                guard score >= minimumScore, !parts.isEmpty, parts.count <= alternateWords, !title.contains(" and "),
                    !isAcronym(title), !isFamily(parts, occupation.code), owns(title, index),
                    nouns.contains(TitleNormalizer.singular(parts.last!.lowercased()))
                else { continue }
                let shared = Set(parts.map { TitleNormalizer.singular($0.lowercased()) }).intersection(nouns).count
                guard parts.count == 1 || shared * 2 >= parts.count else { continue }
                // More evidence, then sharing a qualifier as well as the noun with the O*NET title, then the shorter.
                let rank = [-score, -min(shared, 2), title.count]
                if let current = best, !(rank.lexicographicallyPrecedes(current.rank) || (rank == current.rank && title < current.title)) { continue }
                best = (title, candidate, rank)
            }
            names[occupation.code] = best?.title ?? own
        }
        return names
    }

    /// The worker nouns of an O*NET title, singular: "secretary" and "assistant" for "Legal Secretaries and
    /// Administrative Assistants". Helpers ("Helpers--Carpenters") are not the trade they help.
    static func heads(_ title: String) -> Set<String> {
        guard !title.hasPrefix("Helpers") else { return [] }
        var head = title
        for cut in [", Except", ", All Other"] { if let range = head.range(of: cut) { head = String(head[..<range.lowerBound]) } }
        let plural = words(head), single = words(singularWords(head))
        var nouns = Set<String>()
        for (p, s) in zip(plural, single) where p != s { nouns.insert(s.lowercased()) }
        if let last = plural.last { nouns.insert(TitleNormalizer.singular(last.lowercased())) }
        return nouns
    }

    /// One candidate per title: an alternate title that is also reported carries both kinds of evidence.
    private static func merge(_ candidates: [TitleCandidate]) -> [TitleCandidate] {
        var order: [String] = []
        var merged: [String: TitleCandidate] = [:]
        for candidate in candidates {
            let k = key(candidate.title)
            if let existing = merged[k] {
                merged[k] = TitleCandidate(
                    code: existing.code, title: existing.title,
                    alternateSources: max(existing.alternateSources, candidate.alternateSources),
                    reported: existing.reported || candidate.reported,
                    shownInMyNextMove: existing.shownInMyNextMove || candidate.shownInMyNextMove)
            } else {
                merged[k] = candidate
                order.append(k)
            }
        }
        return order.map { merged[$0]! }
    }

    static func words(_ title: String) -> [String] {
        title.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" }).map(String.init)
    }

    /// One job, not a group: no "and", no list, a few words.
    static func isPlain(_ title: String) -> Bool {
        !title.contains(",") && !title.contains(" and ") && !title.contains("/") && words(title).count <= plainWords
    }

    /// "CMD", "CNS", "RN": letters all capitals, one word.
    static func isAcronym(_ title: String) -> Bool {
        let letters = title.filter(\.isLetter)
        return !title.contains(" ") && letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// Plural words that are not the plural of a worker ("Sales Managers", "Health Services Managers").
    static let notPlural: Set<String> = [
        "sales", "services", "operations", "goods", "arts", "systems", "resources", "communications",
        "relations", "sciences", "affairs", "graphics", "electronics", "physics", "mathematics", "economics",
        "news", "athletics", "works", "products", "materials", "utilities", "sports", "programs",
    ]

    /// The O*NET title in the singular, as a job title: "Registered Nurses" → "Registered Nurse", "Cooks, Restaurant" →
    /// "Restaurant Cook", "Office Clerks, General" → "Office Clerk", "Secretaries and Administrative Assistants, Except
    /// Legal, Medical, and Executive" → "Secretary and Administrative Assistant". A list ("Inspectors, Testers, …, and
    /// Weighers") has each worker in the singular.
    public static func singular(_ title: String) -> String {
        var segments = title.components(separatedBy: ", ")
        if let cut = segments.indices.dropFirst().first(where: { segments[$0].hasPrefix("Except") || segments[$0].hasPrefix("All Other") }) {
            segments = Array(segments[..<cut])
        }
        if segments.dropFirst().contains(where: { $0.hasPrefix("and ") }) {
            return singularWords(segments.joined(separator: ", "))
        }
        var head = singularWords(segments[0])
        for qualifier in segments.dropFirst().reversed() {
            if qualifier == "General" || qualifier.hasPrefix("Including") { continue }
            head = qualifier + " " + head
        }
        return head
    }

    /// Singular of the last word and of every worker noun before "and" or a comma.
    /// In "Supervisors of Retail Sales Workers" only the words before "of" are the worker.
    static func singularWords(_ phrase: String) -> String {
        if let of = phrase.range(of: " of ") {
            return singularWords(String(phrase[..<of.lowerBound])) + phrase[of.lowerBound...]
        }
        var parts = phrase.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for i in parts.indices {
            let isLast = i == parts.count - 1
            var word = parts[i], comma = ""
            if word.hasSuffix(",") { word.removeLast(); comma = "," }
            let beforeJoin = !comma.isEmpty || (i + 1 < parts.count && parts[i + 1] == "and")
            guard isLast || beforeJoin else { continue }
            let lower = word.lowercased()
            guard !notPlural.contains(lower), word.first?.isUppercase == true else { continue }
            if !isLast
                && ![
                    "ers", "ors", "ists", "ians", "ants", "ents", "esses", "men", "aries", "ives", "ees", "nurses", "cooks", "clerks", "aides",
                    "maids", "guards",
                ].contains(where: lower.hasSuffix)
            {
                continue
            }
            let one = TitleNormalizer.singular(lower)
            guard one != lower else { continue }
            parts[i] = String(word.prefix(1)) + one.dropFirst() + comma
        }
        return parts.joined(separator: " ")
    }

    /// Titles compare ignoring ASCII case, as SQLite's `lower()` does (the Store counts titles with it).
    public static func key(_ title: String) -> String {
        guard title.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return title }
        return String(decoding: title.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// "CEO (Chief Executive Officer)" → "CEO"; "Registered Nurse (RN)" → "Registered Nurse".
    static func withoutExpansion(_ title: String) -> String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "("), open > title.startIndex else { return title }
        let head = title[..<open]
        let trimmed = head.hasSuffix(" ") ? head.dropLast() : head
        return trimmed.isEmpty ? title : String(trimmed)
    }
}
