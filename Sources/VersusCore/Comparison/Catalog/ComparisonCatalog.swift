/// One role of a catalog pair: the name people use and the occupation it stands for.
public struct CatalogRole: Hashable, Sendable {
    public let name: String
    public let code: OccupationCode

    public init(name: String, code: OccupationCode) {
        self.name = name
        self.code = code
    }
}

public struct CatalogEntry: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// Chosen by hand as an example of a comparison people search for.
        case seed
        /// O*NET lists `second` among the occupations most related to `first` (Primary-Short tier), at this rank.
        case related(rank: Int)
    }

    public let slug: String
    public let first: CatalogRole
    public let second: CatalogRole
    public let origin: Origin

    public var title: String { "\(first.name) vs. \(second.name): What Are the Differences?" }
    public var link: CatalogLink { CatalogLink(slug: slug, title: title) }
}

/// What the catalog is built from, read from the database by the Store.
public struct CatalogInputs: Sendable {
    public let occupations: [OccupationRef]
    /// Popular names by occupation (`PopularTitle.all`); occupations without one are named by their O*NET title.
    public let names: [OccupationCode: String]
    /// O*NET related occupations of the Primary-Short tier: (occupation, related occupation, rank).
    public let related: [(code: OccupationCode, related: OccupationCode, rank: Int)]

    public init(occupations: [OccupationRef], names: [OccupationCode: String], related: [(code: OccupationCode, related: OccupationCode, rank: Int)])
    {
        self.occupations = occupations
        self.names = names
        self.related = related
    }

    /// Inputs with names chosen from title candidates, as the Store does on first use; `employment` (national, by
    /// occupation) decides which occupation a shared title names (`PopularTitle`).
    public init(
        occupations: [OccupationRef], titleCandidates: [TitleCandidate], employment: [OccupationCode: Int] = [:],
        related: [(code: OccupationCode, related: OccupationCode, rank: Int)]
    ) {
        self.init(
            occupations: occupations, names: PopularTitle.all(titleCandidates, occupations: occupations, employment: employment), related: related)
    }
}

/// The comparisons offered for browsing: the seed pairs, then every pair of closely related O*NET occupations,
/// each named by popular titles, with a stable slug and a stable order (the same data gives the same catalog).
public struct ComparisonCatalog: Sendable {
    public struct Seed: Sendable {
        public let first: CatalogRole
        public let second: CatalogRole
    }

    /// The pairs the product opens with, in the order of the career site Versus was modelled on ("Operations
    /// Manager vs. COO" has Previous "Demand Planner vs. Production Planner" and Next "Event Producer vs. Event
    /// Coordinator"). The occupations are chosen editorially where a title is ambiguous:
    /// an event producer is filed with Producers and Directors (the eval also accepts event planners),
    /// a demand planner with Logistics Analysts (whose core tasks include demand forecasting).
    public static let seeds: [Seed] = [
        Seed(
            first: CatalogRole(name: "Demand Planner", code: OccupationCode("13-1081.02")!),
            second: CatalogRole(name: "Production Planner", code: OccupationCode("43-5061.00")!)),
        Seed(
            first: CatalogRole(name: "Operations Manager", code: OccupationCode("11-1021.00")!),
            second: CatalogRole(name: "COO", code: OccupationCode("11-1011.00")!)),
        Seed(
            first: CatalogRole(name: "Event Producer", code: OccupationCode("27-2012.00")!),
            second: CatalogRole(name: "Event Coordinator", code: OccupationCode("13-1121.00")!)),
    ]

    public let entries: [CatalogEntry]
    /// Popular name of every occupation that has one (else its O*NET title).
    public let names: [OccupationCode: String]
    private let indexBySlug: [String: Int]
    private let indexByPair: [PairKey: Int]
    /// Entry indexes by occupation, in catalog order: every comparison page lists its occupations' other entries.
    private let indexesByOccupation: [OccupationCode: [Int]]
    /// The catalog's roles by the slug of their name (a seed's name, else an occupation's popular name); a name two
    /// occupations share names neither.
    private let rolesByName: [String: CatalogRole]

    private struct PairKey: Hashable {
        let low: OccupationCode
        let high: OccupationCode
        init(_ a: OccupationCode, _ b: OccupationCode) {
            (low, high) = a < b ? (a, b) : (b, a)
        }
    }

    public init(_ inputs: CatalogInputs) {
        let known = Dictionary(inputs.occupations.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })
        var names = inputs.names
        for occupation in inputs.occupations where names[occupation.code] == nil { names[occupation.code] = occupation.title }

        var entries: [CatalogEntry] = []
        var bySlug: [String: Int] = [:]
        var byPair: [PairKey: Int] = [:]
        var byOccupation: [OccupationCode: [Int]] = [:]
        // Each name is in many pairs: slugged once (a one-shot command builds the catalog on every run).
        var slugs: [String: String] = [:]
        func slugged(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let made = Slug.make(name)
            slugs[name] = made
            return made
        }
        func add(_ first: CatalogRole, _ second: CatalogRole, _ origin: CatalogEntry.Origin) {
            let key = PairKey(first.code, second.code)
            guard first.code != second.code, byPair[key] == nil else { return }
            var slug = slugged(first.name) + "-vs-" + slugged(second.name)
            // `PopularTitle` gives every occupation its own name, so this happens only with names from elsewhere
            // (two occupations with one O*NET title); the codes then keep the slug unique and stable.
            if bySlug[slug] != nil { slug += "-" + Slug.make(first.code.rawValue) + "-" + Slug.make(second.code.rawValue) }
            byPair[key] = entries.count
            bySlug[slug] = entries.count
            byOccupation[first.code, default: []].append(entries.count)
            byOccupation[second.code, default: []].append(entries.count)
            entries.append(CatalogEntry(slug: slug, first: first, second: second, origin: origin))
        }
        for seed in Self.seeds where known[seed.first.code] != nil && known[seed.second.code] != nil {
            add(seed.first, seed.second, .seed)
        }
        let related = inputs.related.sorted { l, r in l.code != r.code ? l.code < r.code : l.rank != r.rank ? l.rank < r.rank : l.related < r.related
        }
        for link in related {
            guard let a = names[link.code], let b = names[link.related] else { continue }
            add(CatalogRole(name: a, code: link.code), CatalogRole(name: b, code: link.related), .related(rank: link.rank))
        }
        var byName: [String: CatalogRole] = [:]
        var shared: Set<String> = []
        for (code, name) in names {
            let slug = slugged(name)
            if let known = byName[slug], known.code != code { shared.insert(slug) }
            byName[slug] = CatalogRole(name: name, code: code)
        }
        for slug in shared { byName[slug] = nil }
        for seed in Self.seeds { for role in [seed.first, seed.second] { byName[slugged(role.name)] = role } }
        rolesByName = byName
        self.entries = entries
        self.names = names
        indexBySlug = bySlug
        indexByPair = byPair
        indexesByOccupation = byOccupation
    }

    public func entry(slug: String) -> CatalogEntry? { indexBySlug[slug].map { entries[$0] } }

    /// The entries that include `code`, in catalog order.
    public func entries(including code: OccupationCode) -> [CatalogEntry] {
        indexesByOccupation[code, default: []].map { entries[$0] }
    }

    /// The catalog entry of a pair of occupations, in either order.
    public func entry(_ a: OccupationCode, _ b: OccupationCode) -> CatalogEntry? { indexByPair[PairKey(a, b)].map { entries[$0] } }

    /// The entry's neighbours in catalog order; the ends have none on their outer side.
    public func links(_ entry: CatalogEntry) -> CatalogLinks? {
        guard let index = indexBySlug[entry.slug] else { return nil }
        return CatalogLinks(
            entry: entry.link,
            previous: index > 0 ? entries[index - 1].link : nil,
            next: index + 1 < entries.count ? entries[index + 1].link : nil)
    }

    public func links(_ a: OccupationCode, _ b: OccupationCode) -> CatalogLinks? { entry(a, b).flatMap(links) }

    /// The catalog role a title names as typed (case-insensitively): a seed's role, or an occupation by its popular name.
    public func role(named title: String) -> CatalogRole? { rolesByName[Slug.make(title)] }

    /// A catalog pair whose names match the two titles as typed (case-insensitively, either order).
    public func entry(named a: String, _ b: String) -> CatalogEntry? {
        let slug = Slug.make(a) + "-vs-" + Slug.make(b)
        if let entry = entry(slug: slug) { return entry }
        return entry(slug: Slug.make(b) + "-vs-" + Slug.make(a))
    }
}
