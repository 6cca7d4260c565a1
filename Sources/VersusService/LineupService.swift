import VersusCore

/// A written lineup: three or four roles side by side, the one value the CLI, the site and the API render.
public struct WrittenLineup: Sendable {
    public let lineup: Lineup
    public let article: Article
}

/// What a comparison address or a list of typed titles answers: two roles are a comparison, three or four a lineup.
public enum ComparisonAnswer: Sendable {
    case pair(WrittenComparison)
    case lineup(WrittenLineup)

    public var article: Article {
        switch self {
        case .pair(let written): return written.article
        case .lineup(let written): return written.article
        }
    }

    /// The JSON document, as the CLI prints it and the API sends it.
    public var json: [UInt8] {
        switch self {
        case .pair(let written): return ComparisonJSON.utf8(written.comparison, article: written.article)
        case .lineup(let written): return ComparisonJSON.utf8(written.lineup, article: written.article)
        }
    }
}

extension VersusService {
    /// Two to four typed titles (or codes): two are today's comparison, unchanged; three or four are a lineup.
    public func compare(_ titles: [String], place: Place? = nil) async throws -> ComparisonAnswer {
        switch titles.count {
        case 2: return .pair(try await compare(titles[0], titles[1], place: place))
        case Lineup.roleCounts: return .lineup(try await lineup(try resolve(titles), area: try area(place)))
        default: throw InputError.roleCount(titles.count)
        }
    }

    /// The comparison an address names: a catalog slug, two titles joined by "-vs-", or three or four of them.
    public func compare(address slug: String, place: Place? = nil) async throws -> ComparisonAnswer {
        if try catalog.entry(slug: slug) != nil { return .pair(try await compare(slug: slug, place: place)) }
        let titles = try Self.titles(inAddress: slug)
        if titles.count == 2 { return .pair(try await compare(slug: slug, place: place)) }
        return .lineup(try await lineup(try resolve(titles), area: try area(place)))
    }

    /// The stable address of two to four typed titles (what `/compare?a=&b=&c=` redirects to).
    public func canonicalSlug(_ titles: [String]) throws -> String {
        switch titles.count {
        case 2: return try canonicalSlug(titles[0], titles[1])
        case Lineup.roleCounts: return try Self.addressSlug(try resolve(titles).map(\.query))
        default: throw InputError.roleCount(titles.count)
        }
    }

    /// Each title resolved on its own, as a comparison resolves it; a catalog role's name keeps the catalog's
    /// occupation, so a column and the pairwise comparison it links to describe the same occupation.
    private func resolve(_ titles: [String]) throws -> [RoleRequest] {
        let resolver = try self.resolver
        let catalog = try self.catalog
        let typed: [TypedTitle]
        do {
            typed = try titles.map(TypedTitle.init)
        } catch {
            throw InputError.badTitle(error)
        }
        return try typed.map { title in
            if let role = catalog.role(named: title.text) { return catalogRoles.resolve(role, with: resolver) }
            return try resolver.resolve(title)
        }
    }

    private func lineup(_ requests: [RoleRequest], area: OEWSAreaRef?) async throws -> WrittenLineup {
        let placed = try await store.profiles(requests.map(\.resolved), area: area)
        let casing = try reference.casing
        let roles = zip(requests, placed).map { request, placed in
            Comparison.Role(request: request, profile: placed.profile, local: placed.local, casing: casing)
        }
        // A pair the catalog has is linked to its page; any other to its titles' address, which resolves each title
        // as the lineup did.
        let catalog = try self.catalog
        let pairs = try Lineup.pairIndices(roles.count).map { i, j in
            CatalogLink(
                slug: try catalog.entry(requests[i].resolved, requests[j].resolved)?.slug
                    ?? Self.addressSlug([requests[i].query, requests[j].query]),
                title: "\(roles[i].name.text) vs. \(roles[j].name.text)")
        }
        let lineup = Lineup(roles: roles, area: area, pairs: pairs)
        return WrittenLineup(lineup: lineup, article: LineupWriter.write(lineup))
    }
}
