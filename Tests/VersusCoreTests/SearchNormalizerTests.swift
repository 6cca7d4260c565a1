import Testing
@testable import VersusCore

@Suite struct SearchNormalizerTests {
    @Test func placeholder() { #expect(TitleNormalizer.singular("nurses") == "nurse") }
}
