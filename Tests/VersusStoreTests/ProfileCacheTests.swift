import Testing
import VersusCore
import VersusStore

/// The live store keeps each profile it has read: what it answers from memory must be what the database says,
/// in the order asked, and local wages must still follow the area asked for.
@Suite("Profiles kept once read")
struct ProfileCacheTests {
    static let nurse = OccupationCode("29-1141.00")!, practitioner = OccupationCode("29-1171.00")!
    static let manager = OccupationCode("11-1021.00")!

    @Test("a cached profile is the database's profile, in the order asked, repeats included")
    func cachedEqualsRead() async throws {
        let database = try realDatabase()
        let store = try LiveCareerStore(database: database)
        let first = try await store.profiles([Self.nurse, Self.practitioner], area: nil).map(\.profile)
        #expect(first == (try database.profiles([Self.nurse, Self.practitioner])))
        // One cached, one not, one repeated: each answer in its place.
        let mixed = try await store.profiles([Self.manager, Self.nurse, Self.manager], area: nil).map(\.profile)
        #expect(mixed == (try database.profiles([Self.manager, Self.nurse, Self.manager])))
        let again = try await store.profiles([Self.practitioner, Self.nurse], area: nil).map(\.profile)
        #expect(again == [first[1], first[0]])
    }

    @Test("local wages follow the area of each request, cached profile or not")
    func localWagesAreNotCached() async throws {
        let database = try realDatabase()
        let store = try LiveCareerStore(database: database)
        let areas = try await store.reference().areas
        let texas = try #require(areas.area(code: "4800000")), boston = try #require(areas.area(code: "0014460"))
        _ = try await store.profiles([Self.nurse], area: nil)
        for area in [texas, boston] {
            let placed = try await store.profiles([Self.nurse, Self.practitioner], area: area)
            let facts = try database.comparisonFacts(Self.nurse, Self.practitioner, area: area)
            #expect(placed.map(\.local) == [facts.2, facts.3])
            #expect(placed.first?.local?.area == area)
        }
        #expect(try await store.profiles([Self.nurse], area: nil).first?.local == nil)
    }

    /// A server reads every code's state wages at start-up, so that no page without a place reads the database
    /// under load (where each concurrent read may open a connection with its own page cache).
    @Test("state wages kept from start-up are each code's own read, in state order; a code without any has none")
    func keptStateWagesEqualReads() async throws {
        let database = try realDatabase()
        let reading = try LiveCareerStore(database: database), keeping = try LiveCareerStore(database: database)
        try await keeping.loadStateWages()
        let occupations = try await reading.reference().catalogInputs.occupations
        let codes = Set(occupations.map(\.code.socPrefix)).sorted() + [SOCCode("00-0000")!, SOCCode("99-9999")!]
        var withStates = 0
        for code in codes {
            let read = try await reading.stateWages(code), kept = try await keeping.stateWages(code)
            #expect(kept == read, "\(code.rawValue)")
            if !read.isEmpty { withStates += 1 }
        }
        #expect(withStates > 700)
        #expect(try await keeping.stateWages(SOCCode("99-9999")!).isEmpty)
        let nurses = try await keeping.stateWages(SOCCode("29-1141")!)
        #expect(nurses.count >= 50 && nurses.map(\.area.title) == nurses.map(\.area.title).sorted())
    }

    @Test("an unknown code fails, and does not spoil the codes that were read")
    func unknownCodeFails() async throws {
        let store = try LiveCareerStore(database: try realDatabase())
        await #expect(throws: StoreError.unknownOccupation("99-9999.99")) {
            try await store.profiles([Self.nurse, OccupationCode("99-9999.99")!], area: nil)
        }
        #expect(try await store.profiles([Self.nurse], area: nil).first?.profile.occupation.code == Self.nurse)
    }

    /// Found as a hang of the whole test suite on two cores: synchronous first-use reads (each new store reads its
    /// lookups so) blocked both cooperative threads while async reads held every connection. With GRDB's own async
    /// read this test never finishes (checked): a blocked thread cannot be cancelled, so CI's time limit catches it.
    @Test("async reads and first-use synchronous reads together always finish")
    func asyncAndSynchronousReadsTogether() async throws {
        let database = try realDatabase()
        let codes = [Self.nurse, Self.practitioner, Self.manager]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let store = try LiveCareerStore(database: database)
                    _ = try await store.profiles([codes[index % codes.count]], area: nil)
                    _ = try database.profiles([codes[(index + 1) % codes.count]])
                }
            }
            try await group.waitForAll()
        }
    }
}
