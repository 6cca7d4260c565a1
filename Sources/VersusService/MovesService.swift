import Foundation
import VersusCore

extension VersusService {
    /// The moves from a typed title (or an O*NET-SOC code): the role as resolved, its stay row, and where it can go.
    /// Resolves like one role of `compare`, so a weak match says so and bad input gives the same errors.
    public func moves(
        _ title: String, place: Place? = nil, limit: Int = MovePlanner.defaultLimit, sort: MoveSort = .match, filters: MoveFilters = .none
    ) async throws -> MovesResult {
        let typed = try Self.typedTitle(title)
        let request = try resolver.resolve(typed)
        let area = try area(place)
        let world = try await movesWorld()
        guard let profile = world.profiles[request.resolved] else { throw InputError.unknownCode(request.resolved, nearest: []) }
        let candidates = MovePlanner.candidates(from: profile, index: world.index).filter { world.profiles[$0.code] != nil }
        let figures: [RoleFigures]
        if let area {
            // Local pay is read per area; the rest of each profile comes from the store's cache.
            let placed = try await store.profiles([request.resolved] + candidates.map(\.code), area: area)
            figures = placed.map { RoleFigures(profile: $0.profile, wages: $0.local?.estimate) }
        } else {
            figures = ([profile] + candidates.map { world.profiles[$0.code]! }).map { RoleFigures(profile: $0, wages: $0.nationalWages) }
        }
        let name = Comparison.Role(request: request, profile: profile, casing: try reference.casing).name.text
        let catalog = try self.catalog
        return MovePlanner.plan(
            from: request, fromName: name, stay: figures[0], candidates: Array(zip(candidates, figures.dropFirst())), area: area,
            sort: sort, filters: filters, limit: limit, index: world.index, catalogSlug: { catalog.entry($0, $1)?.slug })
    }

    /// The typed text checked once, its error the service's own.
    static func typedTitle(_ title: String) throws(InputError) -> TypedTitle {
        do {
            return try TypedTitle(title)
        } catch {
            throw .badTitle(error)
        }
    }

    /// The moves an address names: `/moves/registered-nurse` (a typed title as a slug) or `/moves/29-1141-00` (a code).
    public func moves(
        slug: String, place: Place? = nil, limit: Int = MovePlanner.defaultLimit, sort: MoveSort = .match, filters: MoveFilters = .none
    ) async throws -> MovesResult {
        try await moves(Self.title(inMovesSlug: slug), place: place, limit: limit, sort: sort, filters: filters)
    }

    /// The stable address of a typed title's moves: its slug, or the code's address form ("29-1141-00").
    public func movesSlug(_ title: String) throws -> String {
        let typed = try Self.typedTitle(title)
        let request = try resolver.resolve(typed)
        if case .code(let code) = typed { return Self.slug(of: code) }
        let slug = Slug.make(typed.text)
        guard !slug.isEmpty else { return Self.slug(of: request.resolved) }
        return slug
    }

    /// "29-1141.00" → "29-1141-00": a code as an address spells it.
    public static func slug(of code: OccupationCode) -> String { code.rawValue.replacingOccurrences(of: ".", with: "-") }

    /// "registered-nurse" → "registered nurse"; "29-1141-00" → "29-1141.00".
    public static func title(inMovesSlug slug: String) throws(InputError) -> String {
        guard !slug.isEmpty, slug.utf8.count <= TitleNormalizer.maximumLength,
            slug.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E })
        else { throw .unknownMoves(slug) }
        return slugPart(Substring(slug))
    }

    /// Every occupation's profile and the similarity index over them, built once per process on first use.
    func movesWorld() async throws -> MovesWorld {
        try await movesCache.get {
            let codes = try self.occupationCodes
            var profiles: [OccupationCode: OccupationProfile] = [:]
            for start in stride(from: 0, to: codes.count, by: 128) {
                for placed in try await self.store.profiles(Array(codes[start..<min(start + 128, codes.count)]), area: nil) {
                    profiles[placed.profile.occupation.code] = placed.profile
                }
            }
            return MovesWorld(profiles: profiles, index: SimilarityIndex(profiles: codes.compactMap { profiles[$0] }))
        }
    }

    /// Builds the moves' similarity index now: a server pays for it at start-up, never in a request.
    public func loadMoves() async throws { _ = try await movesWorld() }
}

/// What every moves answer reads: all profiles by code and the similarity index over them.
struct MovesWorld: Sendable {
    let profiles: [OccupationCode: OccupationProfile]
    let index: SimilarityIndex
}

/// The moves' world, built by the first request that needs it; later ones (and concurrent ones) await that build.
final class MovesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var building: Task<MovesWorld, any Error>?

    func get(_ build: @escaping @Sendable () async throws -> MovesWorld) async throws -> MovesWorld {
        let task = lock.withLock {
            if let building { return building }
            let task = Task { try await build() }
            building = task
            return task
        }
        return try await task.value
    }
}

extension VersusService {
    /// The similarity index, for tests that check its ranking on the real data.
    public func movesIndexForTesting() async throws -> SimilarityIndex { try await movesWorld().index }
}
