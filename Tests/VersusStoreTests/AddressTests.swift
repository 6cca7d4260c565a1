import Testing
import VersusCore
import VersusService
import VersusStore

/// A typed pair's address resolves, when opened later, as the typed pair did (issue 8's shareable URLs), on the real data.
@Suite("Addresses of typed pairs, on the real data")
struct AddressTests {
    /// An address has no brackets: a title written in a short and a long form, as the data writes thousands, must still
    /// come back as its occupation. Every 25th bracketed title of the data, paired with a plain one.
    @Test("a title with a bracketed form gets an address that opens as the same comparison")
    func bracketedTitlesKeepTheirOccupation() async throws {
        let database = try realDatabase()
        let service = try await VersusService(store: LiveCareerStore(database: database))
        let titles = try database.titleIndexInput().titles.map(\.text).filter { $0.contains("(") && $0.contains(")") }
        var checked = 0, differing: [String] = []
        for title in stride(from: 0, to: titles.count, by: 25).map({ titles[$0] }) {
            guard let typed = try? await service.compare(title, "Registered Nurse") else { continue }  // refused as typed: no address
            let slug = try service.canonicalSlug(title, "Registered Nurse")
            let opened = try? await service.compare(slug: slug)
            checked += 1
            // A catalog pair's address is the catalog's, in its order.
            let codes = { (result: WrittenComparison?) in Set(result?.comparison.roles.map(\.occupation.code) ?? []) }
            if codes(opened) != codes(typed) { differing.append("\(title) → \(slug)") }
        }
        #expect(checked > 150)
        #expect(differing.isEmpty, "\(differing.count) of \(checked): \(differing.prefix(20).joined(separator: "; "))")
    }
}
