import Dispatch
import GRDB
import VersusCore

/// The application's store over the SQLite database: `CareerStore` for the service. What every request shares
/// (reference data, the lookups every profile needs) is read once, when first used, and so is each profile.
public struct LiveCareerStore: CareerStore {
    public let database: VersusDatabase
    private let lookups: Lazy<ProfileLookups>
    private let referenceData: ReferenceData
    private let profileCache = ProfileCache()
    private let stateWageTable = StateWageTable()

    public init(database: VersusDatabase) throws {
        self.database = database
        lookups = Lazy { try database.profileLookups() }
        referenceData = ReferenceData(
            titleIndex: Lazy { try database.titleIndex() }, catalogInputs: Lazy { try database.catalogInputs() },
            casing: Lazy { try database.titleCasing() }, areas: Lazy { try database.areaDirectory() },
            families: Lazy { try database.families() }, employment: Lazy { try database.employment() })
    }

    public func reference() async throws -> ReferenceData { referenceData }

    /// Profiles come from the cache once read; only local wages, which vary with the area asked for, are read each time.
    public func profiles(_ codes: [OccupationCode], area: OEWSAreaRef?) async throws -> [PlacedProfile] {
        let cached = profileCache.cached(codes)
        if area == nil, cached.allSatisfy({ $0 != nil }) { return cached.map { PlacedProfile(profile: $0!, local: nil) } }
        let lookups = try self.lookups.get()
        let missing = zip(codes, cached).compactMap { $1 == nil ? $0 : nil }
        let placed = try await database.read { db in
            let read = missing.isEmpty ? [] : try VersusDatabase.profiles(db, missing, lookups)
            let profiles = zip(codes, cached).map { code, profile in profile ?? read.first { $0.occupation.code == code }! }
            return (
                read,
                try profiles.map { profile in
                    PlacedProfile(profile: profile, local: try area.map { try VersusDatabase.localWages(db, profile, area: $0) })
                }
            )
        }
        profileCache.keep(placed.0)
        return placed.1
    }

    public func prepareProfileReads() {
        let lookups = self.lookups
        DispatchQueue.global(qos: .userInitiated).async { _ = try? lookups.get() }
    }

    /// From memory once `loadStateWages` has run, else read.
    public func stateWages(_ wageCode: SOCCode) async throws -> [LocalWages] {
        if let kept = stateWageTable.wages(wageCode) { return kept }
        return try await database.read { db in try VersusDatabase.stateWages(db, occupation: wageCode)[wageCode.rawValue] ?? [] }
    }

    public func loadStateWages() async throws {
        stateWageTable.keep(try await database.read { db in try VersusDatabase.stateWages(db) })
    }

    public func summary(_ code: OccupationCode) async throws -> OccupationSummary? {
        try await database.read { db in try VersusDatabase.occupation(db, code) == nil ? nil : try VersusDatabase.summary(db, code) }
    }
}

extension VersusDatabase {
    /// The small reference tables every profile needs (labels, names), read once.
    public func profileLookups() throws -> ProfileLookups {
        try read { db in try ProfileLookups(db) }
    }

    /// A comparison's facts in one read: both profiles and, when an area is given, each one's local wages.
    public func comparisonFacts(
        _ first: OccupationCode, _ second: OccupationCode, area: OEWSAreaRef?, lookups: ProfileLookups? = nil
    ) throws -> (OccupationProfile, OccupationProfile, LocalWages?, LocalWages?) {
        try read { db in
            let profiles = try Self.profiles(db, [first, second], try lookups ?? ProfileLookups(db))
            let (a, b) = (profiles[0], profiles[1])
            guard let area else { return (a, b, nil, nil) }
            return (a, b, try Self.localWages(db, a, area: area), try Self.localWages(db, b, area: area))
        }
    }
}

/// Comparisons straight from the database, for tests and benchmarks that check the Store's reading on its own;
/// the product builds comparisons in the service (`VersusService`) from a `CareerStore`.
public struct ComparisonReader: Sendable {
    public let database: VersusDatabase
    public let casing: TitleCasing
    let lookups: ProfileLookups

    public init(database: VersusDatabase) throws {
        self.database = database
        casing = try database.titleCasing()
        lookups = try database.profileLookups()
    }

    /// The comparison of two resolved roles, with local wages when an area is given and catalog links when known.
    public func comparison(_ first: RoleRequest, _ second: RoleRequest, area: OEWSAreaRef? = nil, catalog: CatalogLinks? = nil) throws -> Comparison {
        let (a, b, localA, localB) = try database.comparisonFacts(first.resolved, second.resolved, area: area, lookups: lookups)
        return Comparison(
            first: Comparison.Role(request: first, profile: a, local: localA, casing: casing),
            second: Comparison.Role(request: second, profile: b, local: localB, casing: casing),
            area: area, catalog: catalog)
    }
}
