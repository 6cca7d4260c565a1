import Testing
@testable import VersusCore

/// Each rule seen through search results on the hand-made index of `SearchFixture`.
@Suite struct SearchRankingTests {
    private func first(_ query: String) throws -> String? { try SearchFixture.first(query) }
    private func top(_ query: String, limit: Int = 5) throws -> [TitleMatch] { try SearchFixture.top(query, limit: limit) }

    // MARK: Normalizing rules, end to end

    @Test func caseAndPluralsDoNotMatter() throws {
        #expect(try first("REGISTERED NURSES") == "29-1141.00")
        #expect(try top("registered nurses").first?.score == top("Registered Nurse").first?.score)
    }

    @Test func ampersandAndAndAreTheSame() throws {
        #expect(try top("Heating & Air Conditioning Mechanic") == top("heating and air conditioning mechanic"))
    }

    @Test func possessivesMatchTheTitleWithOrWithoutThem() throws {
        #expect(try first("teachers aide") == "25-9042.00")
        #expect(try first("teacher's aide") == "25-9042.00")
    }

    @Test func unicodeIsFolded() throws {
        #expect(try first("ÉLECTRICIAN") == "47-2111.00")
    }

    @Test func wordOrderDoesNotMatter() throws {
        let ofForm = try top("director of operations")
        #expect(ofForm.first?.code.rawValue == "11-1021.00")
        #expect(ofForm.first?.matched == "Operations Director")
        #expect(try ofForm.first?.score == top("operations director").first?.score)
    }

    @Test func jobAdAbbreviationsExpand() throws {
        #expect(try first("ops mgr") == "11-1021.00")
        #expect(try first("customer service rep") == "43-4051.00")  // not the one occupation that writes "Rep"
    }

    @Test func abbreviationsLearntFromShortTitlesExpand() throws {
        #expect(try first("dept store gm") == "11-1021.00")
        #expect(try first("hvac tech") == "49-9021.00")
    }

    @Test func acronymsFromTheDataExpand() throws {
        #expect(try first("COO") == "11-1011.00")
        #expect(try first("coo")?.hasPrefix("11-1011") == true)
        #expect(try first("RN - ICU") == "29-1141.00")
        #expect(try first("hr generalist") == "13-1071.00")
    }

    @Test func anAcronymNoTitleSpellsOutIsReadFromInitials() throws {
        #expect(try first("SDR") == "41-4012.00")  // Sales Development Representative
    }

    @Test func seniorityAndLevelsAreNoise() throws {
        let plain = try top("software engineer")
        let decorated = try top("Sr. Software Engineer II")
        #expect(decorated.first?.code == plain.first?.code)
        #expect(try #require(decorated.first).score > 0.85, "\(decorated)")  // 0.897: two of five words say nothing of the job
    }

    @Test func shiftPlaceAndTermsAreNoise() throws {
        #expect(try first("Registered Nurse - Night Shift") == "29-1141.00")
        #expect(try first("Part-Time Electrician (Remote)") == "47-2111.00")
        #expect(try first("Electrician - Austin, TX") == "47-2111.00")
        #expect(try first("CEO & Founder") == "11-1011.00")
    }

    @Test func noiseWordsAloneAreMeant() throws {
        #expect(try first("Principal") == "11-9032.00")
    }

    @Test func typosAreTolerated() throws {
        #expect(try first("nurse practioner") == "29-1171.00")
        #expect(try first("electrican") == "47-2111.00")
        #expect(try first("elecrtician") == "47-2111.00")  // a swap of neighbours is one edit
    }

    @Test func anUnknownLastWordIsCompleted() throws {
        #expect(try first("registered nur") == "29-1141.00")
    }

    @Test func typeAheadCompletesEvenAKnownWord() throws {
        let typing = try SearchFixture.index.search("firefight", limit: 3, typing: true)
        #expect(typing.first?.code.rawValue == "33-2011.00")
    }

    @Test func wordsWrittenApartOrTogetherMatch() throws {
        #expect(try first("fire fighter") == "33-2011.00")
        #expect(try top("fullstack developer").map(\.code.rawValue).contains("15-1254.00"))
    }

    // MARK: Ranking

    @Test func exactTitleBeatsPartialTitle() throws {
        let results = try top("registered nurse")
        #expect(results.first?.code.rawValue == "29-1141.00")
        #expect(try #require(results.first).score > 0.95)
    }

    @Test func ambiguousProjectManagerGivesSeveralAndPrefersTheLargerEvidence() throws {
        let results = try top("project manager")
        let codes = results.map(\.code.rawValue)
        #expect(codes.prefix(3).sorted() == ["11-9021.00", "11-9041.00", "13-1082.00"])
        #expect(codes.first == "13-1082.00")  // most sources, most employment
        #expect(results.prefix(3).allSatisfy { $0.matched == "Project Manager" && $0.score > 0.85 })
    }

    @Test func ambiguousServerPrefersTheOccupationMoreSourcesNameSo() throws {
        let results = try top("server")
        #expect(results.map(\.code.rawValue).prefix(2) == ["35-3031.00", "35-3023.00"])
        #expect(results[0].score - results[1].score < 0.05)  // honest: nearly a tie
    }

    @Test func ambiguousTeacherListsEveryTeacherOccupation() throws {
        let results = try top("teacher")
        #expect(Set(results.prefix(3).map(\.code.rawValue)) == ["25-2021.00", "25-2031.00", "25-2011.00"])
        #expect(results.first?.code.rawValue == "25-2021.00")  // most sources
    }

    @Test func resultsExplainThemselves() throws {
        for query in ["ops mgr", "teacher", "COO", "nurse practioner", "Chief Happiness Officer"] {
            let results = try top(query)
            #expect(!results.isEmpty, "\(query)")
            #expect(results.allSatisfy { (0...1).contains($0.score) && !$0.matched.isEmpty && !$0.title.isEmpty })
            #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
        let coo = try #require(try top("COO").first)
        #expect(coo.matched == "Chief Operating Officer (COO)")
        #expect(coo.source.name == "alternate")
        #expect(coo.title == "Chief Executives")
    }

    @Test func limitIsHonoured() throws {
        #expect(try top("teacher", limit: 2).count == 2)
        #expect(try top("teacher", limit: 0).isEmpty)
    }

    // MARK: Unknown and hostile input

    @Test func unknownWordsStillGetTheNearestOccupations() throws {
        let results = try top("Chief Happiness Officer")
        #expect(results.first?.code.rawValue == "11-1011.00")
        #expect(try #require(results.first).score < 0.9)  // doubt shows
        #expect(try !top("electrishun").isEmpty)
    }

    @Test func badInputGetsAClearError() {
        #expect(throws: TitleQueryError.empty) { try top("   ") }
        #expect(throws: TitleQueryError.noWords) { try top("!!! ---") }
        #expect(throws: TitleQueryError.tooLong(length: 500, limit: 200)) { try top(String(repeating: "a", count: 500)) }
        #expect(throws: TitleQueryError.binary) { try top("\u{0}\u{1}\u{2}") }
        #expect(throws: TitleQueryError.controlCharacter(scalar: 0x1B, position: 0)) { try top("\u{1B}[2Jnurse") }
    }

    @Test func strangeButValidTextNeverCrashes() throws {
        for query in [
            "🙂🙂🙂 nurse", "護士", "Ω", "a", "the and of", String(repeating: "x", count: 200), "nurse (((", ")) ]] nurse",
            "'s", "&", "- - -nurse", String(repeating: "é", count: 200), "1234567", "R.&.D.",
        ] {
            _ = try? SearchFixture.index.search(query, limit: 5)
            _ = try? SearchFixture.index.search(query, limit: 5, typing: true)
        }
    }

    @Test func concurrentSearchesAgreeWithSequentialOnes() async throws {
        let queries = ["ops mgr", "teacher", "server", "COO", "nurse practioner", "project manager", "fire fighter", "hvac tech"]
        let expected = try queries.map { try SearchFixture.top($0) }
        try await withThrowingTaskGroup(of: (Int, [TitleMatch]).self) { group in
            for round in 0..<8 {
                for (index, query) in queries.enumerated() {
                    group.addTask {
                        _ = round; return (index, try SearchFixture.top(query))
                    }
                }
            }
            for try await (index, results) in group {
                #expect(results == expected[index])
            }
        }
    }
}

/// What SOC writes in an occupation's title to place it among the others is no word of the job.
@Suite struct ClassificationWordsTests {
    static func occupation(_ code: String, _ title: String) -> SearchableOccupation {
        let occupation = OccupationCode(code)!
        return SearchableOccupation(code: occupation, title: title, socCode: occupation.socPrefix, employment: 1000)
    }
    static func onet(_ occupation: SearchableOccupation) -> TitleRecord {
        TitleRecord(text: occupation.title, source: .occupation, occupations: [occupation.code])
    }

    @Test func anExceptClauseAndGeneralAreNotMatched() throws {
        let janitors = Self.occupation("37-2011.00", "Janitors and Cleaners, Except Maids and Housekeeping Cleaners")
        let maids = Self.occupation("37-2012.00", "Maids and Housekeeping Cleaners")
        let repairers = Self.occupation("49-9071.00", "Maintenance and Repair Workers, General")
        let agents = Self.occupation("13-1023.00", "Purchasing Agents, Except Wholesale, Retail, and Farm Products")
        let all = [janitors, maids, repairers, agents]
        let index = TitleIndex(occupations: all, titles: all.map(Self.onet))
        // "Maids" is a word of the janitors' title only as what they are not; the clause runs over its own commas.
        #expect(try index.search("maid", limit: 5).map(\.code) == [maids.code])
        #expect(try index.search("farm products", limit: 5).isEmpty)
        // The title without its ", General" is the occupation's own, in full.
        let repairer = try #require(try index.search("maintenance and repair worker", limit: 5).first)
        #expect(repairer.code == repairers.code && repairer.score > 0.9, "\(repairer)")
    }
}

/// A short form that is only grammar words and words of its long form ("LA" is dropped as the Spanish article) is not
/// indexed as the title left after it, on whichever side of the brackets it stands.
@Suite struct GrammarWordShortFormTests {
    @Test func aGrammarWordShortFormIsNoBareTitle() throws {
        let middle = ClassificationWordsTests.occupation("25-2022.00", "Middle School Teachers")
        let elementary = ClassificationWordsTests.occupation("25-2021.00", "Elementary School Teachers")
        let titles = [
            TitleRecord(text: "Teacher", source: .alternate(sources: 2), occupations: [middle.code, elementary.code]),
            TitleRecord(text: "Language Arts Teacher (LA Teacher)", source: .alternate(sources: 2), occupations: [middle.code]),
            TitleRecord(text: "LA Teacher (Language Arts Teacher)", source: .alternate(sources: 2), occupations: [middle.code]),
        ]
        let index = TitleIndex(occupations: [middle, elementary], titles: titles)
        let scores = try index.search("teacher", limit: 5).map(\.score)
        #expect(scores.count == 2 && scores[0] == scores[1], "\(scores)")
    }
}
