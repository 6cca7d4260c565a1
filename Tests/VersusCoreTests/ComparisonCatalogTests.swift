import Testing
@testable import VersusCore

@Suite("Comparison catalog")
struct ComparisonCatalogTests {
    static func code(_ text: String) -> OccupationCode { OccupationCode(text)! }

    static let inputs = CatalogInputs(
        occupations: [
            OccupationRef(code: code("11-1011.00"), title: "Chief Executives"),
            OccupationRef(code: code("11-1021.00"), title: "General and Operations Managers"),
            OccupationRef(code: code("13-1081.02"), title: "Logistics Analysts"),
            OccupationRef(code: code("43-5061.00"), title: "Production, Planning, and Expediting Clerks"),
            OccupationRef(code: code("29-1141.00"), title: "Registered Nurses"),
            OccupationRef(code: code("29-1171.00"), title: "Nurse Practitioners"),
            OccupationRef(code: code("29-2061.00"), title: "Licensed Practical and Licensed Vocational Nurses"),
        ],
        titleCandidates: [
            TitleCandidate(code: code("29-1141.00"), title: "Registered Nurse (RN)", alternateSources: 7, reported: false, shownInMyNextMove: false),
            TitleCandidate(code: code("29-1141.00"), title: "Staff Nurse", alternateSources: 1, reported: true, shownInMyNextMove: true),
            TitleCandidate(code: code("29-1171.00"), title: "Nurse Practitioner (NP)", alternateSources: 3, reported: true, shownInMyNextMove: true),
            // "Nurse" names two occupations, so it names neither well.
            TitleCandidate(code: code("29-1141.00"), title: "Nurse", alternateSources: 4, reported: true, shownInMyNextMove: true),
            TitleCandidate(code: code("29-2061.00"), title: "Nurse", alternateSources: 4, reported: true, shownInMyNextMove: true),
        ],
        related: [
            (code: code("29-1141.00"), related: code("29-1171.00"), rank: 1),
            (code: code("29-1171.00"), related: code("29-1141.00"), rank: 1),
            (code: code("29-1141.00"), related: code("29-2061.00"), rank: 2),
            (code: code("11-1021.00"), related: code("11-1011.00"), rank: 1),
        ])

    @Test("seed pairs come first, then related pairs in code and rank order, each pair once")
    func order() {
        let catalog = ComparisonCatalog(Self.inputs)
        #expect(catalog.entries.map(\.slug) == [
            "demand-planner-vs-production-planner",
            "operations-manager-vs-coo",
            "registered-nurse-vs-nurse-practitioner",
            "registered-nurse-vs-licensed-practical-and-licensed-vocational-nurses",
        ])
        #expect(catalog.entries[0].origin == .seed)
        #expect(catalog.entries[2].origin == .related(rank: 1))
    }

    @Test("seeds whose occupations are missing from the data are left out, not invented")
    func missingSeed() {
        // 27-2012.00 and 13-1121.00 are not among the inputs.
        #expect(ComparisonCatalog(Self.inputs).entry(slug: "event-producer-vs-event-coordinator") == nil)
    }

    @Test("popular titles: evidence wins, shared titles lose, expansions are dropped")
    func popularTitles() {
        let names = ComparisonCatalog(Self.inputs).names
        #expect(names[Self.code("29-1141.00")] == "Registered Nurse")
        #expect(names[Self.code("29-1171.00")] == "Nurse Practitioner")
        // Only candidate is the shared "Nurse": too weak, so the O*NET title stands.
        #expect(names[Self.code("29-2061.00")] == "Licensed Practical and Licensed Vocational Nurses")
        #expect(PopularTitle.withoutExpansion("CEO (Chief Executive Officer)") == "CEO")
        #expect(PopularTitle.withoutExpansion("Sales Manager") == "Sales Manager")
    }

    @Test("lookup by slug and by pair in either order, with previous and next")
    func links() throws {
        let catalog = ComparisonCatalog(Self.inputs)
        let entry = try #require(catalog.entry(Self.code("11-1011.00"), Self.code("11-1021.00")))
        #expect(entry.slug == "operations-manager-vs-coo")
        let links = try #require(catalog.links(entry))
        #expect(links.previous?.slug == "demand-planner-vs-production-planner")
        #expect(links.next?.slug == "registered-nurse-vs-nurse-practitioner")
        #expect(catalog.links(catalog.entries[0])?.previous == nil)
        let last = try #require(catalog.links(catalog.entries.last!))
        #expect(last.next == nil)
        #expect(last.previous?.slug == "registered-nurse-vs-nurse-practitioner")
        #expect(catalog.entry(named: "coo", "Operations Manager")?.slug == "operations-manager-vs-coo")
    }

    @Test("the same inputs always give the same catalog")
    func stable() {
        let once = ComparisonCatalog(Self.inputs).entries, twice = ComparisonCatalog(Self.inputs).entries
        #expect(once == twice)
    }

    @Test("two pairs with the same names get distinct slugs")
    func slugCollision() {
        let inputs = CatalogInputs(
            occupations: [OccupationRef(code: Self.code("51-0001.00"), title: "Welders"), OccupationRef(code: Self.code("51-0002.00"), title: "Welders"),
                          OccupationRef(code: Self.code("51-0003.00"), title: "Cutters")],
            titleCandidates: [],
            related: [(code: Self.code("51-0001.00"), related: Self.code("51-0003.00"), rank: 1), (code: Self.code("51-0002.00"), related: Self.code("51-0003.00"), rank: 1)])
        let slugs = ComparisonCatalog(inputs).entries.map(\.slug).filter { $0.hasPrefix("welders") }
        #expect(slugs == ["welders-vs-cutters", "welders-vs-cutters-51-0002-00-51-0003-00"])
    }
}
