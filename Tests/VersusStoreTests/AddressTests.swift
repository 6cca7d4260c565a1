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

    /// "Inside Sales" names the work, not the worker: the page keeps the typed words as the name and its address, and its
    /// sentences speak of the worker ("An Inside Sales worker earns more"), never of "an Inside Sales".
    @Test("a work area is named as typed and, in sentences, as its worker; a job title is not")
    func workAreaNamesItsWorker() async throws {
        let service = try await VersusService(store: LiveCareerStore(database: realDatabase()))
        let written = try await service.compare("inside sales", "data entry")
        #expect(written.comparison.first.name.text == "Inside Sales" && written.comparison.slug == "inside-sales-vs-data-entry")
        let text = MarkdownRenderer.render(written.article).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("An Inside Sales worker earns more"))
        #expect(text.contains("What is a Data Entry worker?"))
        for name in ["Inside Sales", "Data Entry"] {
            for article in ["a ", "an ", "A ", "An "] {
                let bare = text.components(separatedBy: article + name).dropFirst().filter { !$0.hasPrefix(" worker") }
                #expect(bare.isEmpty, "\(article + name) without its worker: \(bare.map { $0.prefix(40) })")
            }
        }
        #expect(ComparisonJSON.render(written.comparison, article: written.article).contains("\"nameInSentence\": \"an Inside Sales worker\""))
        // Work a title's worker does is work too: "Software Engineering" is what a software engineer does.
        let field = try await service.compare("software engineering", "registered nurse")
        #expect(MarkdownRenderer.render(field.article).contains("What is a Software Engineering worker?"))
        #expect(field.comparison.second.name.withArticle == "a Registered Nurse")
        let opened = try await service.compare(slug: written.comparison.slug)
        #expect(opened.comparison.roles.map(\.occupation.code) == written.comparison.roles.map(\.occupation.code))
        let jobs = try await service.compare("operations manager", "data entry clerk")
        #expect(jobs.comparison.roles.allSatisfy { $0.name.worker == nil && !$0.request.namesWork })
    }
}
