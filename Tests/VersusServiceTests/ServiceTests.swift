import Testing
import VersusCore
import VersusFixtures
@testable import VersusService

@Suite("The application layer, over the in-memory store")
struct ServiceTests {
    let code = SmallWorld.code

    @Test("a catalog pair keeps the occupations chosen for it, whichever way round it is typed")
    func catalogPairKeepsItsOccupations() async throws {
        let service = try await SmallWorld.service()
        let result = try await service.compare("coo", "Operations Manager")
        #expect(result.comparison.first.occupation.code == code("11-1011.00"))
        #expect(result.comparison.second.occupation.code == code("11-1021.00"))
        #expect(result.article.title == "COO vs. Operations Manager: What Are the Differences?")
        #expect(result.catalogEntry?.slug == "operations-manager-vs-coo")
        // "Demand Planner" alone could mean its own occupation; the catalog's choice stands and the page names it.
        let planners = try await service.compare("Demand Planner", "Production Planner")
        #expect(planners.comparison.first.occupation.code == code("13-1081.02"))
    }

    @Test("a catalog role answers the same from the service's kept resolution as from a fresh search, either way round")
    func catalogRolesKept() async throws {
        let service = try await SmallWorld.service()
        func json(_ written: WrittenComparison) -> String { ComparisonJSON.render(written.comparison, article: written.article) }
        let first = json(try await service.compare(slug: "operations-manager-vs-coo"))
        #expect(json(try await service.compare(slug: "operations-manager-vs-coo")) == first)
        #expect(json(try await SmallWorld.service().compare(slug: "operations-manager-vs-coo")) == first)
        let reversed = try await service.compare("coo", "Operations Manager")
        let freshReversed = try await SmallWorld.service().compare("coo", "Operations Manager")
        #expect(json(reversed) == json(freshReversed))
        #expect(reversed.comparison.first.request.alternatives == freshReversed.comparison.first.request.alternatives)
    }

    @Test("an ambiguous title names the other occupations it could mean")
    func alternatives() async throws {
        let service = try await SmallWorld.service()
        let result = try await service.compare("project manager", "registered nurse")
        let role = result.comparison.first
        #expect([code("13-1082.00"), code("11-9021.00")].contains(role.occupation.code))
        #expect(!role.request.alternatives.isEmpty)
        #expect(!role.request.alternatives.contains { $0.code == role.occupation.code })
    }

    @Test("two titles of one occupation are a same-occupation comparison")
    func sameOccupation() async throws {
        let result = try await SmallWorld.service().compare("operations manager", "operations director")
        #expect(result.comparison.isSameOccupation)
    }

    @Test("an unclear title is an input error with what to try; a bad one says what is wrong")
    func unclearAndBadTitles() async throws {
        let service = try await SmallWorld.service()
        await #expect(throws: InputError.self) { try await service.compare("xyzzy plugh", "registered nurse") }
        do {
            _ = try await service.compare("   ", "coo")
            Issue.record("an empty title was accepted")
        } catch let error as InputError {
            #expect(error == .badTitle(.empty))
        }
        do {
            _ = try await service.compare("nurse\u{1B}[31m", "coo")
            Issue.record("a control character was accepted")
        } catch let error as InputError {
            #expect(error.kind == "bad-title")
        }
    }

    @Test("codes name occupations directly; an unknown code suggests the nearest")
    func codes() async throws {
        let service = try await SmallWorld.service()
        let result = try await service.compare("11-1021", "29-1141.00")
        #expect(result.comparison.first.name.text == "Operations Manager")
        #expect(result.comparison.second.occupation.code == code("29-1141.00"))
        do {
            _ = try await service.compare("29-1149.00", "coo")
            Issue.record("an unknown code was accepted")
        } catch InputError.unknownCode(let unknown, let nearest) {
            #expect(unknown == code("29-1149.00"))
            #expect(nearest.map(\.code).contains(code("29-1141.00")))
        }
    }

    @Test("local wages for a state or metro; unknown and ambiguous places are input errors")
    func places() async throws {
        let service = try await SmallWorld.service()
        let texas = try await service.compare("registered nurse", "nurse practitioner", place: .state("Texas"))
        #expect(texas.comparison.area == SmallWorld.texas)
        #expect(texas.comparison.first.local?.estimate?.annualMedian == .value(81_000))
        let boston = try await service.compare("registered nurse", "nurse practitioner", place: .area("boston"))
        #expect(boston.comparison.first.local?.estimate?.annualMedian == .value(120_000))
        #expect(boston.comparison.second.local?.estimate == nil)
        #expect(throws: InputError.unknownPlace("Atlantis", statesOnly: true)) { try service.area(.state("Atlantis")) }
        #expect(throws: InputError.self) { try service.area(.state("Boston")) }
    }

    @Test("Previous and Next only on the page that is the catalog entry")
    func navigationMatchesThePage() async throws {
        let service = try await SmallWorld.service()
        let entry = try await service.compare("Operations Manager", "COO")
        // As on the page Versus was modelled on.
        #expect(entry.article.navigation?.previous?.slug == "demand-planner-vs-production-planner")
        #expect(entry.article.navigation?.next?.slug == "event-producer-vs-event-coordinator")
        let other = try await service.compare("gm", "ceo")
        #expect(other.catalogEntry?.slug == "operations-manager-vs-coo")
        #expect(other.article.navigation?.previous == nil && other.article.navigation?.next == nil)
    }

    @Test("a typed pair has a stable address that resolves the same way")
    func canonicalSlugs() async throws {
        let service = try await SmallWorld.service()
        #expect(try service.canonicalSlug("gm", "coo") == "operations-manager-vs-coo")
        let slug = try service.canonicalSlug("Staff Nurse", "Event Planner")
        #expect(slug == "staff-nurse-vs-event-planner")
        let opened = try await service.compare(slug: slug)
        #expect(opened.comparison.first.occupation.code == code("29-1141.00"))
        #expect(opened.comparison.second.occupation.code == code("13-1121.00"))
        // "vs" inside the first title would split the address in the wrong place (found by Fuzz/ComparisonSlug).
        let split = try service.canonicalSlug("Staff vs Nurse", "Event Planner")
        #expect(split == "staff-nurse-vs-event-planner")
        #expect(try await service.compare(slug: split).comparison.second.occupation.code == code("13-1121.00"))
        // "vs" after the first word of either title is left out, so the address splits back into two titles, not three.
        #expect(try service.canonicalSlug("vs nurse vs", "Event Planner vs") == "vs-nurse-vs-event-planner")
        #expect(try service.canonicalSlug("Staff Nurse", "event vs planner") == "staff-nurse-vs-event-planner")
        // Three or four titles are a lineup's address, split at every "-vs-"; five are refused as such.
        #expect(try VersusService.titles(inAddress: "rn-vs-lpn-vs-cna") == ["rn", "lpn", "cna"])
        #expect(try VersusService.titles(inAddress: "a-vs-vs-b-vs-29-1141-00") == ["a", "vs b", "29-1141.00"])
        #expect(throws: InputError.roleCount(5)) { try VersusService.titles(inAddress: "a-vs-b-vs-c-vs-d-vs-e") }
        #expect(throws: InputError.unknownComparison("a-vs--vs-c")) { try VersusService.titles(inAddress: "a-vs--vs-c") }
        #expect(throws: InputError.unknownComparison("rn-vs-lpn-vs-cna")) { try VersusService.titles(inSlug: "rn-vs-lpn-vs-cna") }
        // "&" is spelt out in an address: a title that outgrows the title limit there is refused, not redirected to
        // an address that is refused (found by Fuzz/ComparisonSlug).
        #expect(throws: InputError.badTitle(.tooLong(length: 245, limit: 200))) {
            try service.canonicalSlug("nurse " + String(repeating: "& ", count: 60), "coo")
        }
        // Two O*NET codes address a comparison outside the catalog ("31-1121-00" is 31-1121.00), and an address
        // written from what is read back reads the same (found by Fuzz/ComparisonSlug: "11-1021-11-vs-0").
        #expect(try VersusService.titles(inSlug: "31-1121-00-vs-29-2061-00") == ("31-1121.00", "29-2061.00"))
        #expect(try VersusService.titles(inSlug: "11-1021-11-vs-0") == ("11-1021.11", "0"))
        #expect(try VersusService.titles(inSlug: "op-m-vs-10--1021.00") == ("op m", "10 1021.00"))
        #expect(try VersusService.titles(inSlug: "31-1121--00-vs-x") == ("31-1121.00", "x"))
        #expect(try VersusService.titles(inSlug: "11-1021-vs-nurse") == ("11 1021", "nurse"))
        let byCode = try await service.compare(slug: "13-1081-02-vs-29-1171-00")
        #expect(byCode.comparison.first.occupation.code == code("13-1081.02"))
        for bad in ["../etc/passwd", "no-versus-here", "-vs-", "a-vs-", "%2e%2e-vs-x", String(repeating: "a", count: 500) + "-vs-b"] {
            await #expect(throws: InputError.self, "\(bad)") { try await service.compare(slug: bad) }
        }
    }

    @Test("an occupation's page: pay by state, its catalog comparisons, its family")
    func occupationPage() async throws {
        let service = try await SmallWorld.service()
        let nurse = try await service.occupation("29-1141.00")
        #expect(nurse.name == "Registered Nurse")
        #expect(nurse.stateWages.map(\.area) == [SmallWorld.california, SmallWorld.texas])
        #expect(nurse.comparisons.contains { $0.second.code == code("29-1171.00") })
        #expect(nurse.family?.title == "Healthcare Practitioners and Technical Occupations")
        await #expect(throws: InputError.notACode("nurse")) { try await service.occupation("nurse") }
    }

    @Test("search and type-ahead are bounded and refuse what is not a title")
    func searchAndSuggest() async throws {
        let service = try await SmallWorld.service()
        #expect(try service.search("nurse", limit: 500).count <= VersusService.searchLimit)
        #expect(try service.suggest("regis").first?.code == code("29-1141.00"))
        // What the CLI and the API show: the results asked for, and the title as typed for the verdict.
        let one = try service.answer("nurse", limit: 1, typing: false)
        #expect(one.results.count == 1 && one.asTyped.count > 1 && one.asTyped.first == one.results.first)
        let typing = try service.answer("regis", limit: 10, typing: true)
        let asTyped = try service.search("regis", limit: TitleChoice.depth)
        #expect(typing.results.first?.code == code("29-1141.00") && typing.asTyped == asTyped)
        #expect(throws: InputError.badTitle(.binary)) { try service.search("\u{0}", limit: 5) }
    }
}
