/// What the application layer reads from storage, and nothing else.
///
/// The live version is the SQLite database (`LiveCareerStore` in VersusStore); `InMemoryCareerStore` (VersusService)
/// is its twin for tests. Everything that is the same for every request comes once, as `ReferenceData`; the reads
/// a request makes are async so that a server can run many at once.
public protocol CareerStore: Sendable {
    /// The title index, the catalog's inputs, title casing, areas and families: read once when a process starts.
    func reference() async throws -> ReferenceData
    /// Profiles of `codes`, in order (a code may repeat), each with its all-industry wages in `area` when one is given.
    /// Throws for a code the store does not know.
    func profiles(_ codes: [OccupationCode], area: OEWSAreaRef?) async throws -> [PlacedProfile]
    /// All-industry wages of an OEWS occupation code in every state that has an estimate, by state title.
    func stateWages(_ wageCode: SOCCode) async throws -> [LocalWages]
    /// The short summary `versus show` prints; nil for an unknown code.
    func summary(_ code: OccupationCode) async throws -> OccupationSummary?
}

/// An occupation's profile with its wages in the area asked for.
public struct PlacedProfile: Sendable {
    public let profile: OccupationProfile
    /// nil when no area was asked for.
    public let local: LocalWages?

    public init(profile: OccupationProfile, local: LocalWages?) {
        self.profile = profile
        self.local = local
    }
}

/// What every request shares, read once.
public struct ReferenceData: Sendable {
    public let titleIndex: TitleIndex
    public let catalogInputs: CatalogInputs
    public let casing: TitleCasing
    public let areas: AreaDirectory
    /// SOC 2018 major groups ("11-0000 Management Occupations"), the families occupations are browsed by.
    public let families: [SOCGroup]
    /// National employment by occupation (OEWS, shared equally among O*NET occupations OEWS counts together):
    /// what "popular" means when the hub picks comparisons to show.
    public let employment: [OccupationCode: Double]

    public init(
        titleIndex: TitleIndex, catalogInputs: CatalogInputs, casing: TitleCasing, areas: AreaDirectory, families: [SOCGroup],
        employment: [OccupationCode: Double]
    ) {
        self.titleIndex = titleIndex
        self.catalogInputs = catalogInputs
        self.casing = casing
        self.areas = areas
        self.families = families
        self.employment = employment
    }
}

/// A SOC group by its code and title.
public struct SOCGroup: Hashable, Sendable {
    public let code: SOCCode
    public let title: String

    public init(code: SOCCode, title: String) {
        self.code = code
        self.title = title
    }
}
