import Testing
import VersusCore
import VersusFixtures
@testable import versus

@Suite("versus compare through the service")
struct CompareCommandTests {
    @Test("every format renders the service's one comparison")
    func formats() async throws {
        let service = try await SmallWorld.service()
        let result = try await service.compare("operations manager", "coo")
        func output(_ format: Compare.Format) async throws -> String {
            String(
                decoding: try await Compare.output(service, ["operations manager", "coo"], place: nil, format: format, color: false), as: UTF8.self)
        }
        #expect(try await output(.json) == ComparisonJSON.render(result.comparison, article: result.article))
        #expect(try await output(.markdown) == MarkdownRenderer.render(result.article))
        let html = try await output(.html)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains(HTMLRenderer.render(result.article)))
        #expect(try await output(.text).hasPrefix("Operations Manager vs. COO: What Are the Differences?"))
    }

    @Test("local wages reach the page")
    func place() async throws {
        let bytes = try await Compare.output(
            try await SmallWorld.service(), ["registered nurse", "nurse practitioner"],
            place: .state("California"), format: .markdown, color: false)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("California"))
    }

    @Test("three or four titles print the lineup in every format; five are refused before the service is asked")
    func lineup() async throws {
        let service = try await SmallWorld.service()
        let titles = ["registered nurse", "nurse practitioner", "ceo"]
        let answer = try await service.compare(titles)
        guard case .lineup = answer else {
            Issue.record("three titles are not a lineup")
            return
        }
        func output(_ format: Compare.Format) async throws -> String {
            String(decoding: try await Compare.output(service, titles, place: nil, format: format, color: false), as: UTF8.self)
        }
        #expect(try await output(.json) == String(decoding: answer.json, as: UTF8.self))
        #expect(try await output(.markdown) == MarkdownRenderer.render(answer.article))
        #expect(try await output(.text).hasPrefix("Registered Nurse vs. Nurse Practitioner vs. CEO: Side by Side"))
        #expect(throws: (any Error).self) { try Compare.parse(["a", "b", "c", "d", "e"]) }
        #expect(throws: (any Error).self) { try Compare.parse(["a"]) }
    }
}
