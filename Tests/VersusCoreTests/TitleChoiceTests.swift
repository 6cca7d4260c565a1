import Testing
@testable import VersusCore

@Suite struct TitleChoiceTests {
    func match(_ code: String, _ score: Double) -> TitleMatch {
        let occupation = OccupationCode(code)!
        return TitleMatch(
            code: occupation, title: "Occupation \(code)", matched: "Title \(code)", score: score, source: .alternate(sources: 1),
            socCode: occupation.socPrefix)
    }

    @Test func closeRunnersUpBecomeAlternatives() throws {
        let choice = try TitleChoice(
            query: "project manager",
            matches: [match("13-1082.00", 0.94), match("11-9041.00", 0.93), match("15-1299.09", 0.89), match("11-9199.00", 0.70)])
        #expect(choice.best.code == OccupationCode("13-1082.00"))
        #expect(choice.alternatives.map(\.code.rawValue) == ["11-9041.00", "15-1299.09"])
    }

    @Test func aClearWinnerHasNoAlternatives() throws {
        let choice = try TitleChoice(query: "COO", matches: [match("11-1011.00", 0.96), match("11-3021.00", 0.57)])
        #expect(choice.alternatives.isEmpty)
    }

    @Test func aThinMatchIsWeakAndNamesTheNextOccupations() throws {
        let choice = try TitleChoice(
            query: "team member", matches: [match("41-2031.00", 0.66), match("41-2011.00", 0.41), match("35-3023.00", 0.30)])
        #expect(choice.isWeak)
        #expect(choice.confidence == 0.66)
        #expect(choice.alternatives.map(\.code.rawValue) == ["41-2011.00", "35-3023.00"])
        let sure = try TitleChoice(query: "cashier", matches: [match("41-2011.00", 0.97), match("41-2031.00", 0.6)])
        #expect(!sure.isWeak && sure.alternatives.isEmpty)
    }

    /// A title the data files under several occupations alike matches each in full: a high score, but a guess.
    @Test func aHighScoreWithoutALeadIsWeak() throws {
        let tie = try TitleChoice(query: "mechanic", matches: [match("49-9041.00", 0.95), match("49-3023.00", 0.95), match("49-3042.00", 0.94)])
        #expect(tie.isWeak)
        #expect(abs(tie.confidence - 0.80) < 1e-9)
        #expect(tie.alternatives.map(\.code.rawValue) == ["49-3023.00", "49-3042.00"])
        // A longer title needs a shorter lead.
        let title = try TitleChoice(query: "diesel mechanic", matches: [match("49-3031.00", 0.95), match("49-3042.00", 0.92)])
        #expect(!title.isWeak && abs(title.confidence - 0.94) < 1e-9)
        // Occupations of one SOC broad group are no rivals: restaurant or short-order, a line cook is a cook.
        let cook = try TitleChoice(query: "line cook", matches: [match("35-2014.00", 0.91), match("35-2015.00", 0.90), match("35-2021.00", 0.70)])
        #expect(!cook.isWeak && cook.confidence == 0.91)
    }

    /// A title filed under many occupations alike is a guess however far it leads the second.
    @Test func aTitleCrowdedByRivalsIsWeak() throws {
        let crowded = try TitleChoice(
            query: "data analyst",
            matches: [match("19-3022.00", 0.91), match("15-2051.01", 0.90), match("15-2041.00", 0.88), match("13-2099.01", 0.88)])
        #expect(crowded.isWeak && abs(crowded.confidence - 0.76) < 1e-9)
        let two = try TitleChoice(
            query: "forklift operator", matches: [match("53-7051.00", 0.89), match("47-2073.00", 0.85), match("47-5041.00", 0.79)])
        #expect(!two.isWeak)
        // Rivals that matched the very title the best did crowd it from further off than other rivals do.
        func same(_ code: String, _ score: Double) -> TitleMatch {
            let occupation = OccupationCode(code)!
            return TitleMatch(
                code: occupation, title: "Occupation \(code)", matched: "Production Associate", score: score,
                source: .alternate(sources: 1), socCode: occupation.socPrefix)
        }
        let shared = [same("51-2023.00", 0.92), same("43-5061.00", 0.89), same("51-2092.00", 0.87), same("51-3092.00", 0.86)]
        #expect(try TitleChoice(query: "production associate", matches: shared).isWeak)
        let apart = [match("51-2023.00", 0.92), match("43-5061.00", 0.89), match("51-2092.00", 0.87), match("51-3092.00", 0.86)]
        #expect(try TitleChoice(query: "production associate", matches: apart).isWeak == false)
    }

    /// Two occupations the data files the very title under, parted only by the nudges of employment and own name.
    @Test func aTieOnTheSameTitleIsWeak() throws {
        func titled(_ code: String, _ score: Double, _ matched: String, _ source: TitleSource = .alternate(sources: 1)) -> TitleMatch {
            let occupation = OccupationCode(code)!
            return TitleMatch(
                code: occupation, title: "Occupation \(code)", matched: matched, score: score, source: source, socCode: occupation.socPrefix)
        }
        let tie = [titled("11-9199.10", 0.938, "Business Development Manager"), titled("11-2021.00", 0.937, "business development manager")]
        #expect(try TitleChoice(query: "business development manager", matches: tie).isWeak)
        // Different titles this close are not the data's tie; nor is the same title with a lead beyond the nudges.
        // A rival of another title at the same score does not hide the tie behind it.
        let hidden = [
            titled("11-9199.10", 0.938, "Business Development Manager"), titled("13-1161.00", 0.938, "Development Specialist"),
            titled("11-2021.00", 0.937, "Business Development Manager"),
        ]
        #expect(try TitleChoice(query: "business development manager", matches: hidden).isWeak)
        let near = [titled("11-9199.10", 0.938, "Business Development Manager"), titled("11-2021.00", 0.937, "Development Manager")]
        #expect(try TitleChoice(query: "business development manager", matches: near).isWeak == false)
        let ahead = [titled("11-9199.10", 0.938, "Business Development Manager"), titled("11-2021.00", 0.92, "Business Development Manager")]
        #expect(try TitleChoice(query: "business development manager", matches: ahead).isWeak == false)
        // Named alike by the sources, only the nudges part them a little further ("Journeyman Lineman": electricians 0.884,
        // power-line installers 0.878); named unequally, the score weighed that against employment already.
        let sameSource = [titled("47-2111.00", 0.884, "Journeyman Lineman"), titled("49-9051.00", 0.878, "Journeyman Lineman")]
        #expect(try TitleChoice(query: "journeyman lineman", matches: sameSource).isWeak)
        let reported = [
            titled("13-1082.00", 0.94, "Project Manager", .alternate(sources: 2)),
            titled("11-9041.00", 0.932, "Project Manager", .reported(featured: true)),
        ]
        #expect(try TitleChoice(query: "project manager", matches: reported).isWeak == false)
    }

    /// Qualifiers no title has lower the best score; when the title alone names the same occupation first, the answer is as
    /// sure as the title alone says, and never less sure than its own measure.
    @Test func aQualifierThatLeavesTheAnswerAddsNoDoubt() throws {
        var qualified = [match("31-9091.00", 0.64), match("25-1071.00", 0.49)]
        #expect(try TitleChoice(query: "dental assistant, grand rapids, mi", matches: qualified).isWeak)
        qualified[0].titleAloneConfidence = 0.97
        let choice = try TitleChoice(query: "dental assistant, grand rapids, mi", matches: qualified)
        #expect(!choice.isWeak && choice.confidence == 0.97)
        // A weak title alone leaves the measure as it was.
        qualified[0].titleAloneConfidence = 0.5
        #expect(abs(TitleChoice.confidence(of: qualified, query: "dental assistant, grand rapids, mi") - 0.64) < 1e-9)
    }

    @Test func thresholdsAreOrdered() {
        #expect(TitleChoice.minimumScore < TitleChoice.weakScore && TitleChoice.weakScore < 1)
    }

    @Test func alternativesAreCapped() throws {
        let matches = (0..<6).map { match("11-10\(10 + $0).00", 0.9 - Double($0) * 0.01) }
        #expect(try TitleChoice(query: "manager", matches: matches).alternatives.count == TitleChoice.maximumAlternatives)
    }

    @Test func aWeakBestMatchIsAnErrorNamingTheNearest() {
        let error = #expect(throws: UnclearTitle.self) { try TitleChoice(query: "xyzzy plumbr", matches: [match("47-2152.00", 0.42)]) }
        #expect(error?.nearest.map(\.code.rawValue) == ["47-2152.00"])
        #expect(error?.description.contains("the nearest:") == true)
    }

    @Test func noMatchAtAllSuggestsWhatToType() {
        let error = #expect(throws: UnclearTitle.self) { try TitleChoice(query: "xyzzy", matches: []) }
        #expect(error?.description.contains("O*NET code") == true)
    }
}

@Suite struct LoneGenericWordTests {
    func match(_ code: String, _ score: Double, matched: String) -> TitleMatch {
        let occupation = OccupationCode(code)!
        return TitleMatch(
            code: occupation, title: "Occupation \(code)", matched: matched, score: score, source: .alternate(sources: 1),
            socCode: occupation.socPrefix)
    }

    /// "Specialist" is no title of its own: a weak match on a longer title that has it is not understood.
    @Test func aWeakMatchOnALongerTitleIsNotUnderstood() {
        #expect(throws: UnclearTitle.self) {
            try TitleChoice(
                query: "specialist",
                matches: [match("13-1023.00", 0.84, matched: "Contract Specialist"), match("27-3031.00", 0.80, matched: "Media Specialist")])
        }
    }

    /// An employer's name beside such a word names no job of its own; the refusal names the word, not the query.
    @Test func anEmployersGenericWordIsNotUnderstood() throws {
        let refusal = #expect(throws: UnclearTitle.self) {
            try TitleChoice(query: "Walmart Associates", matches: [match("23-2011.00", 0.83, matched: "Summer Associate")])
        }
        #expect(refusal?.genericWord == "associates")
        #expect(refusal?.description.hasPrefix("\"associates\" alone names workers in many fields") == true)
        // A word of the employer list that the title has is the title's: a well tester tests wells.
        _ = try TitleChoice(query: "Well Tester", matches: [match("47-5071.00", 0.80, matched: "Well Tester")])
    }

    /// A word the data has as a title, a short form in brackets and a confident match stay understood.
    @Test func aTitleOfItsOwnIsUnderstood() throws {
        let rivals = [match("49-3023.00", 0.95, matched: "Mechanic")]
        _ = try TitleChoice(query: "mechanic", matches: [match("49-9041.00", 0.95, matched: "Mechanic")] + rivals)
        _ = try TitleChoice(query: "cto", matches: [match("11-1011.00", 0.80, matched: "Chief Technology Officer (CTO)")] + rivals)
        _ = try TitleChoice(query: "CISO", matches: [match("11-1011.00", 0.80, matched: "CISO (Chief Information Security Officer)")] + rivals)
        _ = try TitleChoice(query: "consultant", matches: [match("13-1111.00", 0.80, matched: "Consultant\\ ns")] + rivals)
        let sure = try TitleChoice(query: "contractor", matches: [match("11-9021.00", 0.95, matched: "General Contractor")])
        #expect(!sure.isWeak)
        let twoWords = try TitleChoice(query: "contract specialist", matches: [match("13-1023.00", 0.70, matched: "Contract Specialist")])
        #expect(twoWords.isWeak)
    }
}
