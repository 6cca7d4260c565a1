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
/// O*NET-SOC codes directly; `TitleChoice` decides the role and its alternatives.
struct SearchTitleResolver: TitleResolving {
    let database: VersusDatabase

    func resolve(_ query: String) throws -> RoleResolution {
        try resolveAll([query])[0].get()
    }

    func resolveAll(_ queries: [String]) throws -> [Result<RoleResolution, Error>] {
        let codes = queries.compactMap(OccupationCode.init)
        let names = codes.isEmpty ? [:] : try database.popularTitles(codes)
        let index = queries.allSatisfy { OccupationCode($0) != nil } ? nil : try database.titleIndex()
        return try queries.map { query in
            if let code = OccupationCode(query) {
                guard let occupation = try database.occupation(code) else { return .failure(CLIError("no O*NET occupation has the code \(code)")) }
                return .success(RoleResolution(code: code, occupationTitle: occupation.title, matchedTitle: nil, alternatives: [],
                                               nameForCode: names[code] ?? occupation.title))
            }
            return Result {
                let choice = try TitleChoice(query: query, matches: try index!.search(query, limit: 6))
                return RoleResolution(code: choice.best.code, occupationTitle: choice.best.title, matchedTitle: choice.best.matched,
                                      alternatives: choice.alternatives.map { RoleRequest.Alternative(code: $0.code, title: $0.title, score: $0.score) },
                                      nameForCode: nil)
            }
        }
    }
}
