/// What the application layer reads from storage, and nothing else.
///
/// The live version is the SQLite database (`LiveCareerStore` in VersusStore); `InMemoryCareerStore` (VersusService)
/// is its twin for tests. Everything that is the same for every request comes once, as `ReferenceData` (each part
/// read on first use); the reads a request makes are async so that a server can run many at once.
public protocol CareerStore: Sendable {
    /// The title index, the catalog's inputs, title casing, areas and families, each read once when first used.
    func reference() async throws -> ReferenceData
    /// Profiles of `codes`, in order (a code may repeat), each with its all-industry wages in `area` when one is given.
    /// Throws for a code the store does not know.
    func profiles(_ codes: [OccupationCode], area: OEWSAreaRef?) async throws -> [PlacedProfile]
    /// All-industry wages of an OEWS occupation code in every state that has an estimate, by state title.
    func stateWages(_ wageCode: SOCCode) async throws -> [LocalWages]
    /// Reads every code's state wages into memory, so that `stateWages` reads nothing after it (a server, at
    /// start-up). A store that holds them in memory already does nothing (the default).
    func loadStateWages() async throws
    /// The short summary `versus show` prints; nil for an unknown code.
    func summary(_ code: OccupationCode) async throws -> OccupationSummary?
    /// Starts reading, on another thread, what every profile read needs, so that a one-shot command's first profile
    /// read does not wait for it. A store with nothing to read ahead does nothing (the default).
    func prepareProfileReads()
}

extension CareerStore {
    public func prepareProfileReads() {}
    public func loadStateWages() async throws {}
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

/// What every request shares: each part read once, on first use (see `Lazy`).
public struct ReferenceData: Sendable {
    private let titleIndexPart: Lazy<TitleIndex>
    private let catalogInputsPart: Lazy<CatalogInputs>
    private let casingPart: Lazy<TitleCasing>
    private let areasPart: Lazy<AreaDirectory>
    private let familiesPart: Lazy<[SOCGroup]>
    private let employmentPart: Lazy<[OccupationCode: Double]>

    public var titleIndex: TitleIndex { get throws { try titleIndexPart.get() } }
    public var catalogInputs: CatalogInputs { get throws { try catalogInputsPart.get() } }
    public var casing: TitleCasing { get throws { try casingPart.get() } }
    public var areas: AreaDirectory { get throws { try areasPart.get() } }
    /// SOC 2018 major groups ("11-0000 Management Occupations"), the families occupations are browsed by.
    public var families: [SOCGroup] { get throws { try familiesPart.get() } }
    /// National employment by occupation (OEWS, shared equally among O*NET occupations OEWS counts together):
    /// what "popular" means when the hub picks comparisons to show.
    public var employment: [OccupationCode: Double] { get throws { try employmentPart.get() } }

    /// Parts read when first asked for.
    public init(
        titleIndex: Lazy<TitleIndex>, catalogInputs: Lazy<CatalogInputs>, casing: Lazy<TitleCasing>, areas: Lazy<AreaDirectory>,
        families: Lazy<[SOCGroup]>, employment: Lazy<[OccupationCode: Double]>
    ) {
        titleIndexPart = titleIndex
        catalogInputsPart = catalogInputs
        casingPart = casing
        areasPart = areas
        familiesPart = families
        employmentPart = employment
    }

    /// Parts already in memory.
    public init(
        titleIndex: TitleIndex, catalogInputs: CatalogInputs, casing: TitleCasing, areas: AreaDirectory, families: [SOCGroup],
        employment: [OccupationCode: Double]
    ) {
        self.init(
            titleIndex: Lazy(value: titleIndex), catalogInputs: Lazy(value: catalogInputs), casing: Lazy(value: casing),
            areas: Lazy(value: areas), families: Lazy(value: families), employment: Lazy(value: employment))
    }

    /// Reads every part now, so that a long-running process pays at start-up (and fails there, if it must).
    public func loadAll() throws {
        _ = try (titleIndex, catalogInputs, casing, areas, families, employment)
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
