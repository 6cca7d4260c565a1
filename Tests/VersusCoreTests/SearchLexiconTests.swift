import Testing
@testable import VersusCore

/// Short forms are learnt by aligning them with their long forms.
@Suite struct SearchLexiconTests {
    private func mappings(_ short: String, _ long: String) -> [String]? {
        AbbreviationLexicon.align(short: short.split(separator: " ").map(String.init), long: long.split(separator: " ").map(String.init))?
            .map { "\($0.short)=\($0.long.joined(separator: " "))" }
    }

    @Test func acronymsAlignWithTheirInitials() {
        #expect(mappings("coo", "chief operating officer") == ["coo=chief operating officer"])
    }

    @Test func shortTitlesMixWordsAbbreviationsAndAcronyms() {
        #expect(mappings("dept store gm", "department store general manager") == ["dept=department", "gm=general manager"])
    }

    @Test func grammarWordsOfTheLongFormMayBeSkipped() {
        #expect(
            mappings("hvac tech", "heating ventilation and air conditioning technician")
                == ["hvac=heating ventilation air conditioning", "tech=technician"])
    }

    @Test func anAcronymMayTakeSeveralLettersFromAWord() {
        #expect(mappings("devops engineer", "development operations engineer") == ["devops=development operations"])
    }

    @Test func aQualifierIsNoShortForm() {
        #expect(mappings("airline", "charter pilot") == nil)
    }

    @Test func oneWordAbbreviationsFollowTheLettersInOrder() {
        #expect(AbbreviationLexicon.isAbbreviation("mgr", of: "manager"))
        #expect(!AbbreviationLexicon.isAbbreviation("rgm", of: "manager"))
        #expect(!AbbreviationLexicon.isAbbreviation("manager", of: "manager"))
    }

    @Test func aMeaningSeenTwiceIsLearnt() {
        let lexicon = AbbreviationLexicon(
            pairs: [
                .init(short: ["maint", "supervisor"], long: ["maintenance", "supervisor"]),
                .init(short: ["maint", "worker"], long: ["maintenance", "worker"]),
            ], frequency: ["maint": 2])
        #expect(lexicon.canonical["maint"] == "maintenance")
    }

    @Test func aWordUsedMostlyOnItsOwnIsNotRewritten() {
        // "END" abbreviates electroneurodiagnostic in two titles, but "end" is mostly a word ("Front End").
        let lexicon = AbbreviationLexicon(
            pairs: [
                .init(short: ["end", "technologist"], long: ["electroneurodiagnostic", "technologist"]),
                .init(short: ["end", "technician"], long: ["electroneurodiagnostic", "technician"]),
            ], frequency: ["end": 40])
        #expect(lexicon.canonical["end"] == nil)
        #expect(lexicon.alternatives["end"]?.map(\.word) == ["electroneurodiagnostic"])
    }

    @Test func aWordThatMostlyStartsAPhraseIsNotRewrittenToOneWord() {
        let lexicon = AbbreviationLexicon(
            pairs: [
                .init(short: ["qa", "inspector"], long: ["quality", "inspector"]),
                .init(short: ["qa", "lead"], long: ["quality", "lead"]),
                .init(short: ["qa", "tester"], long: ["quality", "assurance", "tester"]),
                .init(short: ["qa", "analyst"], long: ["quality", "assurance", "analyst"]),
                .init(short: ["qa", "manager"], long: ["quality", "assurance", "manager"]),
            ], frequency: ["qa": 5])
        #expect(lexicon.canonical["qa"] == nil)
        #expect(lexicon.expansions["qa"] == [["quality", "assurance"]])
    }

    @Test func handWrittenAbbreviationsApply() {
        let lexicon = AbbreviationLexicon(pairs: [], frequency: [:])
        #expect(lexicon.canonical["mgr"] == "manager")
        #expect(lexicon.alternatives["tech"]?.map(\.word) == ["technician", "technical", "technology"])
        #expect(lexicon.expansions["vp"] == [["vice", "president"]])
    }

    /// A job ad's contraction is a word without its vowels; a word that keeps them is a word of its own.
    @Test func contractionsAreWordsWithoutTheirVowels() {
        #expect(["mgmt", "bldg", "whse", "acctg", "mfg"].map(JobTitleWords.isContraction) == [true, true, true, true, true])
        #expect(["stay", "mom", "blah", "love", "m"].map(JobTitleWords.isContraction) == [false, false, false, false, false])
    }

    /// A misspelling that keeps a word's consonants and first letter may be read as the word, even two edits away.
    @Test func misspelledVowelsKeepTheConsonants() {
        #expect(JobTitleWords.hasSameConsonants("anylst", "analyst"))
        #expect(JobTitleWords.hasSameConsonants("finacial", "financial") == false)  // a consonant dropped: one edit, not this
        #expect(JobTitleWords.hasSameConsonants("pilot", "plot") && !JobTitleWords.hasSameConsonants("nurse", "purse"))
    }
}
