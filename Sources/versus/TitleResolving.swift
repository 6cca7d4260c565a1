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

/// Resolves titles with the title search (`TitleIndex`, loaded from the database's stored snapshot) and
/// O*NET-SOC codes directly. The best match is the role; the others that score within `closeScore` of it are
/// its alternatives, so a page about an ambiguous title ("project manager") says what else it could mean.
struct SearchTitleResolver: TitleResolving {
    let database: VersusDatabase

    /// How close to the best score another occupation must come to be named as an alternative.
    static let closeScore = 0.12
    /// Below this best score the title is not understood: the user gets the nearest titles instead of a page.
    static let minimumScore = 0.5

    func resolve(_ query: String) throws -> RoleResolution {
        try resolveAll([query])[0].get()
    }

    func resolveAll(_ queries: [String]) throws -> [Result<RoleResolution, Error>] {
        let codes = queries.compactMap(OccupationCode.init)
        let names = codes.isEmpty ? [:] : try database.popularTitles(codes)
        let index = queries.allSatisfy { OccupationCode($0) != nil } ? nil : try database.titleIndex()
        return try queries.map { query in
            if let code = OccupationCode(query) {
                guard let occupation = try database.occupation(code) else { return .failure(CompareError("no O*NET occupation has the code \(code)")) }
                return .success(RoleResolution(code: code, occupationTitle: occupation.title, matchedTitle: nil, alternatives: [],
                                               nameForCode: names[code] ?? occupation.title))
            }
            return Result { try Self.choose(query, try index!.search(query, limit: 6)) }
        }
    }

    static func choose(_ query: String, _ matches: [TitleMatch]) throws -> RoleResolution {
        guard let best = matches.first, best.score >= minimumScore else {
            let nearest = matches.prefix(5).map { "  \($0.code)  \($0.title) (matched \"\($0.matched)\")" }.joined(separator: "\n")
            throw CompareError("no occupation title is close to \"\(query)\"" + (nearest.isEmpty ? "" : "; the nearest:\n" + nearest))
        }
        let alternatives = matches.dropFirst()
            .filter { $0.score >= best.score - closeScore }
            .prefix(4)
            .map { RoleRequest.Alternative(code: $0.code, title: $0.title, score: $0.score) }
        return RoleResolution(code: best.code, occupationTitle: best.title, matchedTitle: best.matched, alternatives: Array(alternatives), nameForCode: nil)
    }
}
