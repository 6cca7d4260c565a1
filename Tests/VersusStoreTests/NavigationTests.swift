import Testing
import VersusCore
import VersusService
import VersusStore

/// Issue 9's navigation rule on the real data, through the service every front end calls: Previous and Next
/// belong to the catalog entry the page is, so they appear only when the page shows that entry's two names.
@Suite("Navigation matches the page, on the real data")
struct NavigationTests {
    static func service() async throws -> VersusService {
        try await VersusService(store: LiveCareerStore(database: realDatabase()))
    }

    /// The page's title is the entry's title, and its neighbours are the entry's neighbours in the catalog.
    static func expectNavigationMatches(_ result: WrittenComparison, in catalog: ComparisonCatalog) {
        guard let links = result.article.navigation, links.previous != nil || links.next != nil else { return }
        #expect(result.article.title == links.entry.title, "\(result.article.slug) shows the links of \(links.entry.slug)")
        guard let entry = catalog.entry(slug: links.entry.slug) else {
            Issue.record("no catalog entry \(links.entry.slug)")
            return
        }
        #expect(catalog.links(entry) == links)
    }

    @Test("a typed pair that resolves to a catalog entry under other names gets no Previous or Next")
    func otherNamesGetNoNeighbours() async throws {
        let service = try await Self.service()
        let catalog = try service.catalog
        for (a, b) in [("truck driver", "delivery driver"), ("gm", "ceo"), ("registered nurse", "nurse practitioner")] {
            let result = try await service.compare(a, b)
            Self.expectNavigationMatches(result, in: catalog)
        }
        let seed = try await service.compare("operations manager", "coo")
        #expect(seed.article.navigation?.previous?.slug == "demand-planner-vs-production-planner")
        #expect(seed.article.navigation?.next?.slug == "event-producer-vs-event-coordinator")
    }

    @Test("every catalog page's Previous and Next are its own neighbours")
    func catalogPages() async throws {
        let service = try await Self.service()
        let catalog = try service.catalog
        // The seed pairs, about sixty entries spread over the rest, and the last: all of them take minutes in a debug build.
        let step = max(1, catalog.entries.count / 60)
        let picked = Set(stride(from: 0, to: catalog.entries.count, by: step)).union([0, 1, 2, catalog.entries.count - 1])
        for index in picked.sorted() {
            let entry = catalog.entries[index]
            let result = try await service.compare(slug: entry.slug)
            #expect(result.article.navigation != nil, "\(entry.slug) has no navigation")
            #expect(result.article.navigation?.entry.slug == entry.slug)
            Self.expectNavigationMatches(result, in: catalog)
        }
    }
}
