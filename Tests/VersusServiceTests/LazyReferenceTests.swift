import Foundation
import Testing
import VersusCore
import VersusFixtures
@testable import VersusService

/// Reference data is read once, each part when first used: a one-shot command pays only for what it uses,
/// and `loadAll` (what a server calls at start-up) reads every part.
@Suite("Reference data read on first use")
struct LazyReferenceTests {
    /// How many times each part was read.
    final class Reads: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func note(_ part: String) { lock.withLock { counts[part, default: 0] += 1 } }
        subscript(_ part: String) -> Int { lock.withLock { counts[part] ?? 0 } }
    }

    /// SmallWorld's store, with each reference part counted as it is read.
    static func service(_ reads: Reads) async throws -> VersusService {
        let world = SmallWorld.reference
        func part<T: Sendable>(_ name: String, _ value: @escaping @Sendable () throws -> T) -> Lazy<T> {
            Lazy {
                reads.note(name)
                return try value()
            }
        }
        let reference = ReferenceData(
            titleIndex: part("titles") { try world.titleIndex }, catalogInputs: part("catalog") { try world.catalogInputs },
            casing: part("casing") { try world.casing }, areas: part("areas") { try world.areas },
            families: part("families") { try world.families }, employment: part("employment") { try world.employment })
        return try await VersusService(
            store: InMemoryCareerStore(reference: reference, profiles: SmallWorld.profiles, wagesByArea: SmallWorld.wagesByArea))
    }

    @Test("an occupation's summary reads no title index; a comparison of two codes searches nothing")
    func oneShotCommandsReadOnlyWhatTheyUse() async throws {
        let reads = Reads()
        let service = try await Self.service(reads)
        _ = try await service.summary("29-1141.00")
        #expect(reads["titles"] == 0 && reads["areas"] == 0 && reads["employment"] == 0)
        _ = try await service.compare("29-1141.00", "29-1171.00")
        #expect(reads["titles"] == 0)
        _ = try await service.compare("registered nurse", "nurse practitioner")
        #expect(reads["titles"] == 1)
    }

    @Test("prefetch reads the title index ahead only when a query is a title, and the comparison then reads it no more")
    func prefetchReadsTheIndexOnlyForTitles() async throws {
        let reads = Reads()
        let service = try await Self.service(reads)
        service.prefetch(for: "29-1141.00", "29-1171.00")
        _ = try await service.compare("29-1141.00", "29-1171.00")
        #expect(reads["titles"] == 0)
        service.prefetch(for: "29-1141.00", "nurse practitioner")
        for _ in 0..<500 where reads["titles"] == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(reads["titles"] == 1)
        _ = try await service.compare("29-1141.00", "nurse practitioner")
        #expect(reads["titles"] == 1)
    }

    @Test("loadAll reads every part once, and nothing is read again")
    func loadAllReadsEverythingOnce() async throws {
        let reads = Reads()
        let service = try await Self.service(reads)
        try service.loadAll()
        _ = try service.search("nurse")
        _ = try await service.compare("registered nurse", "nurse practitioner", place: .state("Texas"))
        for part in ["titles", "catalog", "casing", "areas", "families", "employment"] { #expect(reads[part] == 1, "\(part)") }
    }

    @Test("a part that cannot be read fails where it is used, with the store's error, every time")
    func failedReadIsKept() async throws {
        struct Unreadable: Error {}
        let world = SmallWorld.reference
        let reference = ReferenceData(
            titleIndex: Lazy { throw Unreadable() }, catalogInputs: Lazy(value: try world.catalogInputs), casing: Lazy(value: try world.casing),
            areas: Lazy(value: try world.areas), families: Lazy(value: try world.families), employment: Lazy(value: try world.employment))
        let service = try await VersusService(store: InMemoryCareerStore(reference: reference, profiles: SmallWorld.profiles))
        #expect(try await service.summary("29-1141.00").occupation.code == SmallWorld.code("29-1141.00"))
        #expect(throws: Unreadable.self) { try service.search("nurse") }
        #expect(throws: Unreadable.self) { try service.loadAll() }
    }

    /// A store that records every profile read it is asked for, over SmallWorld's.
    struct CountingStore: CareerStore {
        let inner: InMemoryCareerStore
        let asked: Reads
        func reference() async throws -> ReferenceData { try await inner.reference() }
        func profiles(_ codes: [OccupationCode], area: OEWSAreaRef?) async throws -> [PlacedProfile] {
            asked.note("batch")
            for code in codes { asked.note(code.rawValue) }
            return try await inner.profiles(codes, area: area)
        }
        func stateWages(_ wageCode: SOCCode) async throws -> [LocalWages] { try await inner.stateWages(wageCode) }
        func summary(_ code: OccupationCode) async throws -> OccupationSummary? { try await inner.summary(code) }
    }

    @Test("loadProfiles asks the store for every occupation's profile once; a profile it cannot read fails it")
    func loadProfilesReadsEveryOccupationOnce() async throws {
        let asked = Reads()
        let world = InMemoryCareerStore(reference: SmallWorld.reference, profiles: SmallWorld.profiles)
        let service = try await VersusService(store: CountingStore(inner: world, asked: asked))
        try await service.loadProfiles()
        let codes = try SmallWorld.reference.catalogInputs.occupations.map(\.code)
        #expect(!codes.isEmpty)
        for code in codes { #expect(asked[code.rawValue] == 1, "\(code)") }
        #expect(asked["batch"] == (codes.count + 127) / 128)

        let missing = InMemoryCareerStore(reference: SmallWorld.reference, profiles: Array(SmallWorld.profiles.dropFirst()))
        await #expect(throws: (any Error).self) { try await VersusService(store: missing).loadProfiles() }
    }
}
