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
        #expect(
            catalog.entries.map(\.slug) == [
                "demand-planner-vs-production-planner",
                "operations-manager-vs-coo",
                "registered-nurse-vs-nurse-practitioner",
                "registered-nurse-vs-licensed-practical-and-licensed-vocational-nurse",
            ])
        #expect(catalog.entries[0].origin == .seed)
        #expect(catalog.entries[2].origin == .related(rank: 1))
    }

    @Test("an occupation's entries, in catalog order, and none for an occupation in no entry")
    func entriesIncluding() {
        let catalog = ComparisonCatalog(Self.inputs)
        #expect(
            catalog.entries(including: Self.code("29-1141.00")).map(\.slug) == [
                "registered-nurse-vs-nurse-practitioner",
                "registered-nurse-vs-licensed-practical-and-licensed-vocational-nurse",
            ])
        #expect(catalog.entries(including: Self.code("11-1011.00")).map(\.slug) == ["operations-manager-vs-coo"])
        #expect(catalog.entries(including: Self.code("99-9999.00")).isEmpty)
    }

    @Test("seeds whose occupations are missing from the data are left out, not invented")
    func missingSeed() {
        // 27-2012.00 and 13-1121.00 are not among the inputs.
        #expect(ComparisonCatalog(Self.inputs).entry(slug: "event-producer-vs-event-coordinator") == nil)
    }

    @Test("popular titles: the O*NET title in the singular, a shared title only for the largest, expansions dropped")
    func popularTitles() {
        let names = ComparisonCatalog(Self.inputs).names
        #expect(names[Self.code("29-1141.00")] == "Registered Nurse")
        #expect(names[Self.code("29-1171.00")] == "Nurse Practitioner")
        // Its only candidate, "Nurse", belongs to Registered Nurses (the lower code, without employment figures) and
        // names a family of occupations anyway: the O*NET title, in the singular, stands.
        #expect(names[Self.code("29-2061.00")] == "Licensed Practical and Licensed Vocational Nurse")
        #expect(names[Self.code("11-1011.00")] == "Chief Executive")
        #expect(PopularTitle.withoutExpansion("CEO (Chief Executive Officer)") == "CEO")
        #expect(PopularTitle.withoutExpansion("Sales Manager") == "Sales Manager")
    }

    @Test("naming rule: same-trade alternates, no bare acronyms, no other trade, shared titles to the largest")
    func namingRule() {
        func candidate(_ code: String, _ title: String, _ sources: Int, mnm: Bool = false) -> TitleCandidate {
            TitleCandidate(code: Self.code(code), title: title, alternateSources: sources, reported: mnm, shownInMyNextMove: mnm)
        }
        let occupations = [
            OccupationRef(code: Self.code("41-2011.00"), title: "Cashiers"),
            OccupationRef(code: Self.code("39-3011.00"), title: "Gambling Cage Workers"),
            OccupationRef(code: Self.code("13-2011.00"), title: "Accountants and Auditors"),
            OccupationRef(code: Self.code("29-1141.04"), title: "Clinical Nurse Specialists"),
            OccupationRef(code: Self.code("53-3032.00"), title: "Heavy and Tractor-Trailer Truck Drivers"),
            OccupationRef(code: Self.code("53-3033.00"), title: "Light Truck Drivers"),
            OccupationRef(code: Self.code("35-2014.00"), title: "Cooks, Restaurant"),
            OccupationRef(code: Self.code("11-9199.00"), title: "Managers, All Other"),
            OccupationRef(code: Self.code("25-2021.00"), title: "Elementary School Teachers, Except Special Education"),
        ]
        let names = PopularTitle.all(
            [
                // "Cashier" is the O*NET title of Cashiers, so it is theirs; "Toll Collector" is another trade.
                candidate("41-2011.00", "Toll Collector", 5, mnm: true),
                candidate("39-3011.00", "Cashier", 3, mnm: true),
                candidate("13-2011.00", "CPA (Certified Public Accountant)", 6, mnm: true),
                candidate("13-2011.00", "Accountant", 4),
                candidate("29-1141.04", "CNS", 6, mnm: true),
                candidate("53-3032.00", "Driver", 6, mnm: true),
                candidate("53-3032.00", "Over the Road Driver", 3),
                candidate("53-3032.00", "Truck Driver", 3),
                // Listed by both: it goes to the larger occupation, even though Light Truck Drivers list it more often.
                candidate("53-3033.00", "Truck Driver", 6, mnm: true),
                candidate("35-2014.00", "Banquet Cook", 5, mnm: true),
                candidate("11-9199.00", "Theater Manager", 5, mnm: true),
            ], occupations: occupations, employment: [Self.code("53-3032.00"): 2_000_000, Self.code("53-3033.00"): 1_000_000])
        #expect(names[Self.code("41-2011.00")] == "Cashier")
        #expect(names[Self.code("13-2011.00")] == "Accountant")  // "CPA" alone is an acronym
        #expect(names[Self.code("29-1141.04")] == "Clinical Nurse Specialist")
        #expect(names[Self.code("53-3032.00")] == "Truck Driver")  // "Driver" names a family; "Over the Road Driver" shares only the noun
        #expect(names[Self.code("53-3033.00")] == "Light Truck Driver")
        #expect(names[Self.code("35-2014.00")] == "Restaurant Cook")
        #expect(names[Self.code("11-9199.00")] == "Manager, All Other")
        #expect(names[Self.code("25-2021.00")] == "Elementary School Teacher")
        #expect(Set(names.values).count == names.count)
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
            occupations: [
                OccupationRef(code: Self.code("51-0001.00"), title: "Welders"), OccupationRef(code: Self.code("51-0002.00"), title: "Welders"),
                OccupationRef(code: Self.code("51-0003.00"), title: "Cutters"),
            ],
            titleCandidates: [],
            related: [
                (code: Self.code("51-0001.00"), related: Self.code("51-0003.00"), rank: 1),
                (code: Self.code("51-0002.00"), related: Self.code("51-0003.00"), rank: 1),
            ])
        let slugs = ComparisonCatalog(inputs).entries.map(\.slug).filter { $0.hasPrefix("welder") }
        #expect(slugs.count == 2 && Set(slugs).count == 2, "\(slugs)")
    }
}
