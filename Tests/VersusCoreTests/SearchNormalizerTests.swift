import Testing
@testable import VersusCore

/// One test per normalizing rule, on the words the normalizer produces.
@Suite struct SearchNormalizerTests {
    private func words(_ text: String) -> [String] { TitleNormalizer.tokenize(text).map(\.word) }

    @Test func caseIsFolded() {
        #expect(words("REGISTERED Nurse") == ["registered", "nurse"])
    }

    @Test func diacriticsAndWidthAreFolded() {
        #expect(words("Café Señor") == ["cafe", "senor"])
        #expect(words("ＣＥＯ") == ["ceo"])
        #expect(words("Straße Æsir") == ["strasse", "aesir"])
    }

    @Test func punctuationSeparatesWords() {
        #expect(words("Sr. Software-Engineer/II") == ["sr", "software", "engineer", "ii"])
        #expect(words("Cook, Line") == ["cook", "line"])
    }

    @Test func ampersandIsAnd() {
        #expect(words("Research & Development") == ["research", "and", "development"])
        #expect(words("Heating & Cooling") == words("Heating and Cooling"))
    }

    @Test func ampersandInsideAWordJoins() {
        #expect(words("R&D Manager") == ["rd", "manager"])
        // The join is remembered: "E&O" is errors and omissions, not the "EO" of an equipment operator.
        #expect(TitleNormalizer.tokenize("E&O Underwriter").map(\.isAmpersandForm) == [true, false])
        #expect(TitleNormalizer.tokenize("Food & Beverage").map(\.isAmpersandForm) == [false, false, false])
    }

    @Test func possessivesLoseTheirS() {
        #expect(words("Teacher's Aide") == ["teacher", "aide"])
        #expect(words("Teacher’s Aide") == ["teacher", "aide"])  // typographic apostrophe
        #expect(words("Drivers' Helper") == ["driver", "helper"])
    }

    @Test func elisionJoins() {
        #expect(words("O'Neil") == ["oneil"])
    }

    @Test func dottedInitialsJoin() {
        #expect(words("R.N.") == ["rn"])
        #expect(words("C.N.A. needed") == ["cna", "needed"])
        #expect(words("U.S. Army") == ["us", "army"])
    }

    @Test(arguments: [
        ("nurses", "nurse"), ("secretaries", "secretary"), ("boxes", "box"), ("coaches", "coach"), ("brushes", "brush"),
        ("salesmen", "salesman"), ("women", "woman"), ("waitresses", "waitress"), ("operations", "operation"),
        ("business", "business"), ("analysis", "analysis"), ("status", "status"), ("bus", "bus"), ("ops", "ops"),
        ("securities", "securities"), ("customs", "customs"), ("midwives", "midwife"), ("knives", "knife"), ("executives", "executive"),
        ("valves", "valve"),
    ])
    func pluralsBecomeSingular(plural: String, singular: String) {
        #expect(TitleNormalizer.singular(plural) == singular)
    }

    @Test func spacedDashesAndCommasStartNewSegments() {
        let tokens = TitleNormalizer.tokenize("RN - ICU, Austin")
        #expect(tokens.map(\.segment) == [0, 1, 2])
        #expect(TitleNormalizer.tokenize("full-time nurse").map(\.segment) == [0, 0, 0])
    }

    @Test func bracketedWordsAreMarked() {
        let tokens = TitleNormalizer.tokenize("Registered Nurse (ICU)")
        #expect(tokens.map(\.isBracketed) == [false, false, true])
    }

    @Test func invisibleCharactersVanish() {
        #expect(words("nur\u{200B}se") == ["nurse"])
        #expect(words("\u{FEFF}nurse") == ["nurse"])
    }

    @Test func typedKeepsThePlural() {
        #expect(TitleNormalizer.tokenize("Nurses").map(\.typed) == ["nurses"])
    }

    @Test func typedTitlesCollapseWhiteSpaceByScalar() throws {
        #expect(try TypedTitle(" Registered\t\r\n Nurse ").text == "Registered Nurse")
        // A space then a mark is one white character to Swift: the mark is text, and stays (found by Fuzz/TitleNormalizer).
        let marked = try TypedTitle("   \u{746}")
        #expect(marked.text == "\u{746}")
        #expect(try TypedTitle(marked.text) == marked)
    }

    @Test func emptyInputIsRefused() {
        #expect(throws: TitleQueryError.empty) { try TitleNormalizer.validate("") }
        #expect(throws: TitleQueryError.empty) { try TitleNormalizer.validate(" \t ") }
    }

    @Test func hugeInputIsRefused() {
        #expect(throws: TitleQueryError.tooLong(length: 201, limit: 200)) { try TitleNormalizer.validate(String(repeating: "a", count: 201)) }
        #expect(throws: Never.self) { try TitleNormalizer.validate(String(repeating: "a", count: 200)) }
    }

    @Test func controlCharactersAreRefused() {
        #expect(throws: TitleQueryError.controlCharacter(scalar: 7, position: 5)) { try TitleNormalizer.validate("nurse\u{7}") }
        #expect(throws: TitleQueryError.controlCharacter(scalar: 0x1B, position: 0)) { try TitleNormalizer.validate("\u{1B}[31mnurse") }
        #expect(throws: Never.self) { try TitleNormalizer.validate("nurse\taide\r\n") }
    }

    @Test func binaryInputIsRefused() {
        #expect(throws: TitleQueryError.binary) { try TitleNormalizer.validate("nu\u{0}rse") }
        #expect(throws: TitleQueryError.binary) { try TitleNormalizer.validate(String(decoding: [0xFF, 0xFE, 0x41], as: UTF8.self)) }
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(TitleQueryError.tooLong(length: 300, limit: 200).description.contains("300 characters"))
        #expect(TitleQueryError.controlCharacter(scalar: 7, position: 5).description.contains("U+0007"))
    }

    /// The Census index's shorthand after a backslash is spelt out for readers; other titles are left as they are.
    @Test func censusLinesAreShownReadably() {
        #expect(TitleSource.readable(censusLine: "Customer service\\ ns") == "Customer service (not specified)")
        #expect(TitleSource.readable(censusLine: "Clerk\\ ns\"") == "Clerk (not specified)")
        #expect(
            TitleSource.readable(censusLine: "Sales\\ any commodity nec exc driver sales")
                == "Sales (any commodity not elsewhere classified except driver sales)")
        #expect(TitleSource.readable(censusLine: "Helper mason") == "Helper mason")
    }
}
