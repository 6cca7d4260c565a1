import Foundation
import VersusCore

/// The application layer: the questions every front end asks (compare two titles, an occupation's page, search
/// and suggest, the catalog) answered in one place, so the CLI, the site, the API and the export never disagree.
///
/// Everything that is the same for every request (title index, catalog, names, areas) is read once, when first
/// needed: a one-shot command pays only for what it uses, and a server calls `loadAll` at start-up. A request then
/// costs one store read at most. Front ends parse their input into strings and render the values returned here;
/// they never query the store or the title index themselves.
public struct VersusService: Sendable {
    public let reference: ReferenceData
    let store: any CareerStore
    private let catalogPart: Lazy<ComparisonCatalog>
    /// O*NET titles by code: which codes exist, and what to suggest near a code that does not.
    private let titlesPart: Lazy<[OccupationCode: String]>
    let catalogRoles = ResolvedCatalogRoles()
    let movesCache = MovesCache()

    /// At most this many type-ahead suggestions.
    public static let suggestionLimit = 10
    /// At most this many search results.
    public static let searchLimit = 50

    public init(store: any CareerStore) async throws {
        self.store = store
        let reference = try await store.reference()
        self.reference = reference
        catalogPart = Lazy { ComparisonCatalog(try reference.catalogInputs) }
        titlesPart = Lazy {
            Dictionary(try reference.catalogInputs.occupations.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Reads everything requests share now, so that a server pays for it (or fails) at start-up, never in a request.
    public func loadAll() throws {
        try reference.loadAll()
        _ = try (catalogPart.get(), titlesPart.get())
    }

    /// Reads every occupation's profile once, into the store's cache (in batches, to bound a read's size), and every
    /// occupation's state wages. A server calls this at start-up: no page without a place then reads the database, so
    /// its memory is flat from the first request (a read under load could open another connection, with its own cache).
    public func loadProfiles() async throws {
        let codes = try titlesPart.get().keys.sorted()
        for start in stride(from: 0, to: codes.count, by: 128) {
            _ = try await store.profiles(Array(codes[start..<min(start + 128, codes.count)]), area: nil)
        }
        try await store.loadStateWages()
    }

    /// For a one-shot command: starts reading, on other threads, what the profiles will need and the title index that
    /// resolving `queries` will need, so that they load while the catalog and names are read. No index when every query
    /// is a code, as then nothing is searched. A server reads everything at start-up instead (`loadAll`).
    public func prefetch(for queries: String...) { prefetch(for: queries) }

    public func prefetch(for queries: [String]) {
        let searches = queries.contains { query in
            guard case .title? = try? TypedTitle(query) else { return false }
            return true
        }
        if searches {
            let reference = self.reference
            DispatchQueue.global(qos: .userInitiated).async { _ = try? reference.titleIndex }
        }
        store.prepareProfileReads()
    }

    /// The comparison catalog: seed pairs first, then pairs of related occupations.
    public var catalog: ComparisonCatalog { get throws { try catalogPart.get() } }

    var resolver: RoleResolver {
        get throws { RoleResolver(index: { try reference.titleIndex }, catalog: try catalog, occupations: try titlesPart.get()) }
    }

    // MARK: Comparisons

    /// The comparison of two typed titles (or O*NET-SOC codes), with local wages when a place is given.
    ///
    /// Two names of a catalog pair keep the occupations chosen for it, whichever way round they are typed.
    public func compare(_ first: String, _ second: String, place: Place? = nil) async throws -> WrittenComparison {
        let requests = try resolve(first, second)
        return try await write(requests.0, requests.1, area: try area(place))
    }

    /// The comparison an address names: a catalog slug, or two typed titles as `canonicalSlug` writes them.
    public func compare(slug: String, place: Place? = nil) async throws -> WrittenComparison {
        let area = try area(place)
        if let entry = try catalog.entry(slug: slug) {
            let resolver = try self.resolver
            return try await write(catalogRoles.resolve(entry.first, with: resolver), catalogRoles.resolve(entry.second, with: resolver), area: area)
        }
        let (first, second) = try Self.titles(inSlug: slug)
        let requests = try resolve(first, second)
        return try await write(requests.0, requests.1, area: area)
    }

    /// The stable address of a typed pair: the catalog's slug when the titles resolve to a catalog pair (in its
    /// order), else the typed titles as slugs joined by "-vs-", which `compare(slug:)` resolves the same way.
    public func canonicalSlug(_ first: String, _ second: String) throws -> String {
        let (a, b) = try resolve(first, second)
        if let entry = try catalog.entry(a.resolved, b.resolved) { return entry.slug }
        return try Self.pairSlug(addressTitle(a), addressTitle(b))
    }

    /// The typed title as its address spells it. An address has no brackets, so a title written in a short and a long
    /// form, "ESL Sub (English as a Second Language Substitute)", comes back as one run of words, which may read as
    /// another occupation or as none: such a title is addressed by the first of its forms (outside the brackets, then
    /// inside) that still resolves to the occupation the typed title did.
    private func addressTitle(_ request: RoleRequest) -> String {
        let query = request.query
        guard let open = query.firstIndex(of: "("), let close = query[open...].firstIndex(of: ")") else { return query }
        func resolvesAlike(_ title: String) -> Bool {
            let words = Slug.make(title).split(separator: "-").joined(separator: " ")
            guard let typed = try? TypedTitle(words), let resolved = try? resolver.resolve(typed) else { return false }
            return resolved.resolved == request.resolved
        }
        if resolvesAlike(query) { return query }
        let inside = String(query[query.index(after: open)..<close])
        let outside = (query[..<open] + query[query.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        return [outside, inside].first(where: resolvesAlike) ?? query
    }

    /// The address of two typed titles outside the catalog: their slugs joined by "-vs-". The word "vs" after the
    /// first word of the first title would split the address in the wrong place ("coach-vs-trainer-vs-nurse" reads
    /// as "coach" and "trainer vs nurse"), so it is left out of the address: search drops it anyway (a grammar word).
    /// An address spells "&" and "+" out ("r-and-d"), so a title can outgrow the title limit there: such a pair is
    /// refused here, rather than sent to an address that would be refused.
    static func pairSlug(_ first: String, _ second: String) throws(InputError) -> String {
        try addressSlug([first, second])
    }

    /// The address of two to four typed titles: each title's slug, joined by "-vs-". The word "vs" after a title's
    /// first word is left out of every title (search drops it anyway, a grammar word), so the address splits back
    /// into the same titles: "coach vs trainer" beside "nurse" would otherwise read as three roles.
    static func addressSlug(_ titles: [String]) throws(InputError) -> String {
        var parts: [String] = []
        for title in titles {
            let words = Slug.make(title).split(separator: "-")
            let part = ([words[0]] + words.dropFirst().filter { $0 != "vs" }).joined(separator: "-")
            if part.utf8.count > TitleNormalizer.maximumLength {
                throw .badTitle(.tooLong(length: part.utf8.count, limit: TitleNormalizer.maximumLength))
            }
            parts.append(part)
        }
        return parts.joined(separator: "-vs-")
    }

    /// "ops-mgr-vs-coo" → ("ops mgr", "coo"): a comparison address of exactly two titles.
    static func titles(inSlug slug: String) throws(InputError) -> (String, String) {
        let titles = try titles(inAddress: slug)
        guard titles.count == 2 else { throw .unknownComparison(slug) }
        return (titles[0], titles[1])
    }

    /// "rn-vs-lpn-vs-cna" → ["rn", "lpn", "cna"]: the titles of a comparison address, split at every "-vs-", two to
    /// four of them. Slugs are lowercase ASCII words joined by hyphens.
    static func titles(inAddress slug: String) throws(InputError) -> [String] {
        let most = Lineup.roleCounts.upperBound
        guard slug.utf8.count <= most * (TitleNormalizer.maximumLength + 4),
            slug.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E })
        else { throw .unknownComparison(slug) }
        var titles: [String] = []
        var rest = slug[...]
        while let range = rest.range(of: "-vs-") {
            titles.append(slugPart(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        titles.append(slugPart(rest))
        guard titles.count >= 2, !titles.contains(where: \.isEmpty) else { throw .unknownComparison(slug) }
        guard titles.count <= most else { throw .roleCount(titles.count) }
        return titles
    }

    /// One title of an address: words joined by hyphens. An O*NET code keeps its form: "31-1121-00" (how an address
    /// spells "31-1121.00") is that code, not three words, so a comparison by code outside the catalog has an address
    /// that answers.
    static func slugPart(_ part: Substring) -> String {
        let words = part.split(separator: "-")
        func digits(_ word: Substring, _ count: Int) -> Bool { word.utf8.count == count && word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        // Three number words "dd-dddd-dd" and nothing else are a code, so "10--1021.00" stays words and an address
        // written from a code title reads back the same (found by Fuzz/ComparisonSlug).
        if words.count == 3, digits(words[0], 2), digits(words[1], 4), digits(words[2], 2) { return "\(words[0])-\(words[1]).\(words[2])" }
        return words.joined(separator: " ")
    }

    private func resolve(_ first: String, _ second: String) throws -> (RoleRequest, RoleRequest) {
        let typed: [TypedTitle]
        do {
            typed = [try TypedTitle(first), try TypedTitle(second)]
        } catch {
            throw InputError.badTitle(error)
        }
        let (catalog, resolver) = (try self.catalog, try self.resolver)
        if let entry = catalog.entry(named: typed[0].text, typed[1].text) {
            let roles = Slug.make(typed[0].text) == Slug.make(entry.first.name) ? (entry.first, entry.second) : (entry.second, entry.first)
            return (catalogRoles.resolve(roles.0, with: resolver), catalogRoles.resolve(roles.1, with: resolver))
        }
        return (try resolver.resolve(typed[0]), try resolver.resolve(typed[1]))
    }

    private func write(_ first: RoleRequest, _ second: RoleRequest, area: OEWSAreaRef?) async throws -> WrittenComparison {
        let placed = try await store.profiles([first.resolved, second.resolved], area: area)
        let casing = try reference.casing
        let roles = (
            Comparison.Role(request: first, profile: placed[0].profile, local: placed[0].local, casing: casing),
            Comparison.Role(request: second, profile: placed[1].profile, local: placed[1].local, casing: casing)
        )
        let catalog = try self.catalog
        let entry = catalog.entry(first.resolved, second.resolved)
        let links = entry.flatMap { navigation($0, roles, in: catalog) }
        let comparison = Comparison(first: roles.0, second: roles.1, area: area, catalog: links)
        return WrittenComparison(comparison: comparison, article: ArticleWriter.write(comparison), catalogEntry: entry)
    }

    /// Previous and Next are the catalog entry's neighbours, so they are shown only on the page that is that
    /// entry (its names, in either order); a page with other names says which entry it is, with no neighbours.
    private func navigation(_ entry: CatalogEntry, _ roles: (Comparison.Role, Comparison.Role), in catalog: ComparisonCatalog) -> CatalogLinks? {
        let names = [Slug.make(roles.0.name.text), Slug.make(roles.1.name.text)]
        let entryNames = [Slug.make(entry.first.name), Slug.make(entry.second.name)]
        if names == entryNames || names == entryNames.reversed() { return catalog.links(entry) }
        return CatalogLinks(entry: entry.link, previous: nil, next: nil)
    }

    // MARK: Occupations

    public func occupation(_ code: String, place: Place? = nil) async throws -> OccupationFacts {
        let occupationCode = try self.code(code)
        let area = try area(place)
        let placed = try await store.profiles([occupationCode], area: area)[0]
        var states: [LocalWages] = []
        if let wageCode = placed.profile.wageSource?.code { states = try await store.stateWages(wageCode) }
        let family = try reference.families.first { $0.code == placed.profile.occupation.socCode.majorGroup }
        return OccupationFacts(
            profile: placed.profile, name: try catalog.names[occupationCode] ?? placed.profile.occupation.title, family: family,
            stateWages: states, local: placed.local, comparisons: try comparisons(of: occupationCode))
    }

    /// `versus show`'s summary.
    public func summary(_ code: String) async throws -> OccupationSummary {
        let occupationCode = try self.code(code)
        guard let summary = try await store.summary(occupationCode) else { throw InputError.unknownCode(occupationCode, nearest: []) }
        return summary
    }

    /// Every occupation's code, in order.
    var occupationCodes: [OccupationCode] { get throws { try titlesPart.get().keys.sorted() } }

    /// A typed O*NET-SOC code of an occupation the data has.
    public func code(_ text: String) throws -> OccupationCode {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let code = OccupationCode(trimmed) else { throw InputError.notACode(text) }
        // The occupations alone, not the resolver, which would build the catalog `versus show` never uses.
        let occupations = try titlesPart.get()
        guard occupations[code] != nil else { throw InputError.unknownCode(code, nearest: RoleResolver.nearest(code, in: occupations)) }
        return code
    }

    /// Every occupation with the name people search for, by code.
    public var occupations: [OccupationRef] { get throws { try reference.catalogInputs.occupations } }

    /// The catalog comparisons that include `code`, in catalog order.
    public func comparisons(of code: OccupationCode) throws -> [CatalogEntry] {
        try catalog.entries(including: code)
    }

    // MARK: Search

    /// Occupations a title may name, best first: what `versus search` and the site's search page show.
    public func search(_ query: String, limit: Int = 10) throws -> [TitleMatch] {
        try search(query, limit: min(max(limit, 1), Self.searchLimit), typing: false)
    }

    /// What `versus search` and `/api/search` show for a title: at most `limit` results, and `asTyped`, the matches a
    /// comparison of the title reads for its verdict (`TitleChoice.depth` of them, the last word not completed), so
    /// that asking for fewer results, or type-ahead completions, never makes a weak match look sure.
    public struct SearchAnswer: Sendable {
        public let results: [TitleMatch]
        public let asTyped: [TitleMatch]
    }

    public func answer(_ query: String, limit: Int, typing: Bool) throws -> SearchAnswer {
        let shown = min(max(limit, 1), Self.searchLimit)
        let asTyped = try search(query, limit: max(shown, TitleChoice.depth), typing: false)
        let results = typing ? try search(query, limit: shown, typing: true) : Array(asTyped.prefix(shown))
        return SearchAnswer(results: results, asTyped: asTyped)
    }

    /// Type-ahead: the last word may be unfinished.
    public func suggest(_ query: String) throws -> [TitleMatch] {
        try search(query, limit: Self.suggestionLimit, typing: true)
    }

    /// `typing`: the last word may be unfinished (type-ahead), so it is completed even when it is a word of its own.
    public func search(_ query: String, limit: Int, typing: Bool) throws -> [TitleMatch] {
        let index = try reference.titleIndex
        do {
            return try index.search(query, limit: limit, typing: typing)
        } catch let error as TitleQueryError {
            throw InputError.badTitle(error)
        } catch {
            throw InputError.badTitle(.binary)
        }
    }

    /// How search reads a query: each word, what it may stand for, the variants tried.
    public func explain(_ query: String) throws -> String {
        let index = try reference.titleIndex
        do {
            return try index.explain(query)
        } catch let error as TitleQueryError {
            throw InputError.badTitle(error)
        } catch {
            throw InputError.badTitle(.binary)
        }
    }

    /// The abbreviations and acronyms the title index learnt.
    public var lexiconSummary: [String] { get throws { try reference.titleIndex.lexiconSummary } }

    /// Title search scored against queries with known answers.
    public func evaluate(_ cases: [TitleEvaluation.Case]) throws -> TitleEvaluation {
        TitleEvaluation(cases: cases, index: try reference.titleIndex)
    }

    // MARK: Places

    /// The OEWS area a place names; nil for none.
    public func area(_ place: Place?) throws -> OEWSAreaRef? {
        guard let place else { return nil }
        let statesOnly: Bool
        if case .state = place { statesOnly = true } else { statesOnly = false }
        switch try reference.areas.lookup(place.text, kind: statesOnly ? .state : .any) {
        case .found(let area): return area
        case .ambiguous(let areas): throw InputError.ambiguousPlace(place.text, areas)
        case .notFound: throw InputError.unknownPlace(place.text, statesOnly: statesOnly)
        }
    }
}
