import Foundation
import VersusCore

/// Turns what a person typed for one role into the occupation it names, with the others it could mean.
struct RoleResolver {
    /// Read only when a title must be searched: a comparison of two codes never loads it.
    let index: () throws -> TitleIndex
    let catalog: ComparisonCatalog
    let occupations: [OccupationCode: String]

    func resolve(_ typed: TypedTitle) throws -> RoleRequest {
        switch typed {
        case .code(let code):
            guard occupations[code] != nil else { throw InputError.unknownCode(code, nearest: nearest(code)) }
            return RoleRequest(query: code.rawValue, resolved: code, matchedTitle: nil, nameWhenQueryIsCode: catalog.names[code])
        case .title(let text):
            let choice = try choose(text)
            let alternatives = choice.alternatives.map { RoleRequest.Alternative(code: $0.code, title: $0.title, score: $0.score) }
            return RoleRequest(
                query: text, resolved: choice.best.code, matchedTitle: choice.best.matched, alternatives: alternatives,
                isWeakMatch: choice.isWeak, namesWork: try index().readsAsWork(text), matchScore: choice.best.score)
        }
    }

    /// A role named by the catalog: it keeps the catalog's occupation, whatever the name alone would resolve to;
    /// the search's own choice, if different, is listed first among the alternatives.
    func resolve(catalogRole role: CatalogRole) -> RoleRequest {
        let choice = try? choose(role.name)
        var alternatives = choice.map { [RoleRequest.Alternative(code: $0.best.code, title: $0.best.title, score: nil)] } ?? []
        alternatives += choice?.alternatives.map { RoleRequest.Alternative(code: $0.code, title: $0.title, score: $0.score) } ?? []
        let matched = choice?.best.code == role.code ? choice?.best.matched : nil
        return RoleRequest(query: role.name, resolved: role.code, matchedTitle: matched, alternatives: alternatives)
    }

    func choose(_ text: String) throws -> TitleChoice {
        let index = try self.index()
        let matches: [TitleMatch]
        do {
            matches = try index.search(text, limit: TitleChoice.depth)
        } catch let error as TitleQueryError {
            throw InputError.badTitle(error)
        } catch {
            throw InputError.badTitle(.binary)
        }
        do {
            return try TitleChoice(query: text, matches: matches)
        } catch {
            throw InputError.unclearTitle(error)
        }
    }

    /// Occupations whose codes share the longest prefix with `code`: what to suggest for a code that does not exist.
    func nearest(_ code: OccupationCode, limit: Int = 5) -> [OccupationRef] {
        Self.nearest(code, in: occupations, limit: limit)
    }

    static func nearest(_ code: OccupationCode, in occupations: [OccupationCode: String], limit: Int = 5) -> [OccupationRef] {
        let sorted = occupations.keys.sorted()
        for length in [7, 6, 4, 2] {
            let prefix = code.rawValue.prefix(length)
            let near = sorted.filter { $0.rawValue.hasPrefix(prefix) }.prefix(limit)
            if !near.isEmpty { return near.map { OccupationRef(code: $0, title: occupations[$0]!) } }
        }
        return []
    }
}

/// Catalog roles as resolved, kept: a catalog role's search gives the same answer every time (the index and the
/// catalog are fixed for the process), and it was a third of a catalog comparison's time. The catalog bounds it.
final class ResolvedCatalogRoles: @unchecked Sendable {
    private let lock = NSLock()
    private var roles: [CatalogRole: RoleRequest] = [:]

    func resolve(_ role: CatalogRole, with resolver: RoleResolver) -> RoleRequest {
        if let known = lock.withLock({ roles[role] }) { return known }
        let request = resolver.resolve(catalogRole: role)
        lock.withLock { roles[role] = request }
        return request
    }
}
