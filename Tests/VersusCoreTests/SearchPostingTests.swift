import Testing
@testable import VersusCore

/// The word rules behind posting-style titles (issue 10), on their own.
@Suite struct SearchPostingTests {
    @Test func formsOfAWordShareARoot() {
        #expect(JobTitleWords.stem("operation") == JobTitleWords.stem("operational"))  // words arrive singular
        #expect(JobTitleWords.stem("operating") == JobTitleWords.stem("operator"))
        #expect(JobTitleWords.stem("accounting") == JobTitleWords.stem("accountant"))
        #expect(JobTitleWords.stem("engineering") == "engineer")
        #expect(JobTitleWords.stem("engineer") == "engineer")
        #expect(JobTitleWords.stem("management") == JobTitleWords.stem("manager"))
        #expect(JobTitleWords.stem("nurse") == JobTitleWords.stem("nursing"))
        #expect(JobTitleWords.stem("rn") == "rn")
    }

    @Test func theJobNounIsTheHeadOfTheTitle() {
        #expect(JobTitleWords.headNoun(TitleNormalizer.tokenize("Director of Operations")) == "director")
        #expect(JobTitleWords.headNoun(TitleNormalizer.tokenize("Aide, home care")) == "aide")
        #expect(JobTitleWords.headNoun(TitleNormalizer.tokenize("Registered Nurse (ICU)")) == "nurse")
        #expect(JobTitleWords.headNoun(TitleNormalizer.tokenize("of the")) == nil)
    }

    @Test func technologyTitlesPairAProductWithTheOccupationsJobNouns() {
        let developers = OccupationCode("15-1252.00")!, drafters = OccupationCode("17-3011.00")!
        let titles =
            ["Software Developer", "Applications Developer", "Software Engineer", "Software Engineer II"].map {
                TitleRecord(text: $0, source: .alternate(sources: 1), occupations: [developers])
            } + ["CAD Drafter", "Architectural Drafter"].map { TitleRecord(text: $0, source: .reported(featured: false), occupations: [drafters]) }
        let uses = [
            TechnologyUse(example: "Python", occupation: developers, source: .technology(inDemand: true)),
            TechnologyUse(example: "Autodesk AutoCAD", occupation: drafters, source: .technology(inDemand: false)),
        ]
        let records = TechnologyTitles.records(uses: uses, titles: titles)
        #expect(Set(records.map(\.text)) == ["Python Developer", "Python Engineer", "Autodesk Drafter", "AutoCAD Drafter"])
        #expect(records.first { $0.text == "Python Engineer" }?.occupations == [developers])
        #expect(records.allSatisfy { !$0.source.isSeenTitle })
    }

    @Test func aTitleMatchNamesItsSourceAsBefore() {
        #expect(TitleSource.technology(inDemand: true).name == "technology")
        #expect(TitleSource.tool.name == "tool")
        #expect(TitleSource.alternate(sources: 3).name == "alternate")
    }
}
