import VersusCore
import VersusStore

/// Turns what a person typed into one O*NET occupation, with the other occupations it could mean.
protocol TitleResolving {
    func resolve(_ query: String) throws -> RoleResolution
    /// Several queries at once, in order; resolvers that can share work between them override it.
    func resolveAll(_ queries: [String]) throws -> [Result<RoleResolution, Error>]
}

extension TitleResolving {
    func resolveAll(_ queries: [String]) throws -> [Result<RoleResolution, Error>] {
        queries.map { query in Result { try resolve(query) } }
    }
}

struct RoleResolution {
    let code: OccupationCode
    let occupationTitle: String
    /// The title in the data that matched; nil when the query was a code.
    let matchedTitle: String?
    let alternatives: [RoleRequest.Alternative]
    /// A popular title of the occupation, used as the display name when the query was a code.
    let nameForCode: String?

    func request(query: String) -> RoleRequest {
        RoleRequest(query: query, resolved: code, matchedTitle: matchedTitle, alternatives: alternatives, nameWhenQueryIsCode: nameForCode)
    }
}

/// TEMPORARY resolver, until title search (issue 3, branch `search`) is merged and `TitleIndex` replaces it:
/// accepts an O*NET-SOC code, or an O*NET occupation title, alternate title or short title typed exactly
/// (case-insensitive; "Chief Operating Officer" also matches "Chief Operating Officer (COO)").
/// When a title names several occupations, the one whose title is the O*NET occupation title wins,
/// then the one more sources list it for, then the lower code; the others become alternatives.
struct ExactTitleResolver: TitleResolving {
    let database: VersusDatabase

    func resolve(_ query: String) throws -> RoleResolution {
        try resolveAll([query])[0].get()
    }

    /// One scan of the title table for all title queries, one lookup for all code queries.
    func resolveAll(_ queries: [String]) throws -> [Result<RoleResolution, Error>] {
        let codes = queries.compactMap(OccupationCode.init)
        let names = codes.isEmpty ? [:] : try database.popularTitles(codes)
        let titles = queries.filter { OccupationCode($0) == nil }
        let matches = try database.exactTitleMatches(titles)
        return try queries.map { query in
            if let code = OccupationCode(query) {
                guard let occupation = try database.occupation(code) else { return .failure(CompareError("no O*NET occupation has the code \(code)")) }
                return .success(RoleResolution(code: code, occupationTitle: occupation.title, matchedTitle: nil, alternatives: [],
                                               nameForCode: names[code] ?? occupation.title))
            }
            return Result { try Self.choose(query, matches[titles.firstIndex(of: query)!]) }
        }
    }

    private static func choose(_ query: String, _ matches: [VersusDatabase.ExactTitleMatch]) throws -> RoleResolution {
        guard !matches.isEmpty else {
            throw CompareError("""
                no O*NET title is exactly "\(query)". Until title search arrives, compare accepts an O*NET-SOC code \
                (e.g. 11-1021.00) or an O*NET occupation title, alternate title or short title typed in full.
                """)
        }
        struct Candidate { var code: OccupationCode; var title: String; var matched: String; var score: Int }
        var byCode: [OccupationCode: Candidate] = [:]
        for match in matches {
            let score = (match.source == "onet" ? 100 : 0) + match.alternateSources + (match.source == "reported" ? 1 : 0)
            var candidate = byCode[match.code] ?? Candidate(code: match.code, title: match.occupationTitle, matched: match.matched, score: 0)
            candidate.score += score
            if match.source == "onet" { candidate.matched = match.matched }
            byCode[match.code] = candidate
        }
        let ranked = byCode.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.code < $1.code }
        let best = ranked[0]
        return RoleResolution(
            code: best.code, occupationTitle: best.title, matchedTitle: best.matched,
            alternatives: ranked.dropFirst().map { RoleRequest.Alternative(code: $0.code, title: $0.title, score: nil) },
            nameForCode: nil)
    }
}
