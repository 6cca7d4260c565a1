import VersusCore

/// A written comparison: the one value the CLI, the site, the API and the export render.
public struct WrittenComparison: Sendable {
    public let comparison: Comparison
    public let article: Article
    /// The catalog entry of this pair of occupations, when there is one (its address is the page's).
    public let catalogEntry: CatalogEntry?
}

/// Everything an occupation's page shows.
public struct OccupationFacts: Sendable {
    public let profile: OccupationProfile
    /// The name people search for (the catalog's popular name), else the O*NET title.
    public let name: String
    /// The SOC major group the occupation belongs to.
    public let family: SOCGroup?
    /// All-industry wages in each state that has an estimate, for the occupation's OEWS code.
    public let stateWages: [LocalWages]
    /// Wages in the area asked for, if any.
    public let local: LocalWages?
    /// Catalog comparisons that include this occupation, in catalog order.
    public let comparisons: [CatalogEntry]
}
