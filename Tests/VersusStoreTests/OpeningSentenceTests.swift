import GRDB
import Testing

@testable import VersusCore
@testable import VersusStore

/// The overview quotes a description's opening sentences. Descriptions are ASCII and are cut on their bytes; the
/// character-by-character version (kept for any other text) must agree with that on every description of the data.
@Suite("Opening sentences of a description")
struct OpeningSentenceTests {
    @Test("cut on bytes, every O*NET description opens as when cut on characters")
    func bytesAgreeWithCharacters() throws {
        let descriptions = try realDatabase().read { try String.fetchAll($0, sql: "SELECT description FROM occupation") }
        #expect(descriptions.count > 1_000)
        let crafted = [
            "", " ", "One.", "Ends with a stop. ", "U.S. Navy officers. Lead crews.", "Use tools, e.g. saws. Fix them.",
            "Two  spaces. Then  more.   And   more.", "a. b. c. D", String(repeating: "Word ", count: 60) + ". Next sentence.",
            String(repeating: "Short one. ", count: 30), "Trailing stop.  ",
        ]
        for text in descriptions + crafted {
            #expect(OverviewSection.opening(text) == OverviewSection.openingOfAnyText(text), "\(text)")
        }
        #expect(OverviewSection.opening("Café owners. Cook food.") == OverviewSection.openingOfAnyText("Café owners. Cook food."))
    }
}
