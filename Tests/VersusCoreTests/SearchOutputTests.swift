import Testing
@testable import VersusCore

@Suite struct SearchOutputTests {
    private let match = TitleMatch(
        code: OccupationCode("11-1021.00")!, title: "General and Operations Managers",
        matched: "Operations Manager", score: 0.97, source: .alternate(sources: 1), socCode: SOCCode("11-1021")!)

    @Test func jsonLineHasTheDocumentedFields() {
        #expect(
            TitleSearchRendering.jsonLine(query: "ops mgr", results: [match]) == """
                {"query":"ops mgr","verdict":{"understood":true,"weak":false,"confidence":0.97,"genericWord":null},\
                "results":[{"code":"11-1021.00","title":"General and Operations Managers",\
                "matched":"Operations Manager","score":0.97,"source":"alternate","soc":"11-1021"}]}
                """)
    }

    @Test func jsonErrorsAreProblemsAndEscapeWhatTheyMust() {
        #expect(
            TitleSearchRendering.jsonLine(query: "a \"b\" \\ \u{1}", error: "bad", kind: "bad-title")
                == #"{"query":"a \"b\" \\ \u0001","error":{"type":"https://versus.example/problems/bad-title","title":"The query cannot be searched","#
                + #""status":400,"detail":"bad"},"results":[]}"#)
    }

    @Test func scoresAreRoundedToThreeDecimals() {
        let long = TitleMatch(
            code: match.code, title: match.title, matched: match.matched, score: 0.97456, source: .alternate(sources: 1), socCode: match.socCode)
        #expect(TitleSearchRendering.jsonLine(query: "q", results: [long]).contains("\"score\":0.975,"))
    }

    /// A title the data files under two occupations alike is weak however few lines are asked for.
    @Test func theVerdictReadsMoreThanTheLinesShown() {
        let rival = TitleMatch(
            code: OccupationCode("11-3051.00")!, title: "Industrial Production Managers", matched: "Operations Manager", score: 0.968,
            source: .alternate(sources: 1), socCode: SOCCode("11-3051")!)
        let one = TitleSearchRendering.text(query: "operations manager", results: [match], verdictFrom: [match, rival])
        #expect(one.hasPrefix("Only a weak match") && !one.contains("11-3051.00"))
        // Past `TitleChoice.depth`, a match is no rival: the verdict is the one a comparison reaches.
        let filler = (0..<(TitleChoice.depth - 1)).map { _ in match }
        #expect(TitleChoice.confidence(of: [match] + filler + [rival], query: "operations manager") == match.score)
        #expect(TitleChoice.confidence(of: [match, rival], query: "operations manager") < TitleChoice.weakScore)
        // The JSON says the same, whatever its limit: understood, but a guess.
        let json = TitleSearchRendering.jsonLine(query: "operations manager", results: [match], verdictFrom: [match, rival])
        #expect(json.contains(#""verdict":{"understood":true,"weak":true,"#) && !json.contains("11-3051.00"))
        let generic = TitleMatch(
            code: match.code, title: match.title, matched: "Contract Specialist", score: 0.8, source: .alternate(sources: 1),
            socCode: match.socCode)
        #expect(
            TitleSearchRendering.jsonLine(query: "specialist", results: [generic]).contains(
                #""verdict":{"understood":false,"weak":true,"confidence":0.8,"genericWord":"specialist"}"#))
    }

    @Test func textWarnsWhenNothingMatchesWell() {
        let weak = TitleMatch(
            code: match.code, title: match.title, matched: match.matched, score: 0.3, source: .census(restriction: .none), socCode: match.socCode)
        #expect(TitleSearchRendering.text(query: "zz", results: [weak]).hasPrefix("No close match"))
        #expect(TitleSearchRendering.text(query: "zz", results: []).hasPrefix("No occupation title resembles"))
        let generic = TitleMatch(
            code: match.code, title: match.title, matched: "Contract Specialist", score: 0.8, source: .alternate(sources: 1),
            socCode: match.socCode)
        #expect(TitleSearchRendering.text(query: "specialist", results: [generic]).hasPrefix("\"specialist\" alone names workers in many fields"))
        let refused = UnclearTitle(query: "specialist", nearest: [generic], genericWord: "specialist")
        #expect(refused.description.hasPrefix("\"specialist\" alone names workers in many fields"))
    }

    @Test func evaluationCasesParse() throws {
        let cases = try TitleEvaluation.parseCases("query\taccept\tnote\r\ncoo\t11-1011\tacronym\r\ncfo\t11-1011 11-3031\t\r\n\r\n")
        #expect(
            cases == [
                .init(query: "coo", accepted: [SOCCode("11-1011")!], note: "acronym"),
                .init(query: "cfo", accepted: [SOCCode("11-1011")!, SOCCode("11-3031")!], note: ""),
            ])
        #expect(throws: TitleEvaluation.ParseError.self) { try TitleEvaluation.parseCases("coo\tnot-a-code\n") }
        #expect(try TitleEvaluation.parseCases("banana\t-\tnot a job\n") == [.init(query: "banana", accepted: [], note: "not a job")])
    }

    @Test func evaluationCountsRefusedNonJobsApart() throws {
        let cases = try TitleEvaluation.parseCases("query\taccept\nops mgr\t11-1021\nqqqqzz\t-\n")
        let evaluation = TitleEvaluation(cases: cases, index: SearchFixture.index)
        #expect(evaluation.total == 1 && evaluation.nonsenseTotal == 1)
        #expect(evaluation.nonsenseRejected == 1)
        #expect(TitleEvaluationRendering.text(evaluation).contains("not jobs refused: 1/1 (100.00%)"))
    }

    /// The table `TitleChoice`'s thresholds are chosen on: each cut's coverage and precision on job titles,
    /// and the share of non-jobs it refuses, worked out from the confidences.
    @Test func evaluationTabulatesConfidenceCuts() throws {
        let cases = try TitleEvaluation.parseCases("query\taccept\nops mgr\t11-1021\nserver\t35-3023\nqqqqzz\t-\n")
        let evaluation = TitleEvaluation(cases: cases, index: SearchFixture.index)
        let scores = evaluation.outcomes.map { TitleChoice.confidence(of: $0.results, query: $0.case.query) }
        #expect(evaluation.cuts.map(\.score) == [0.4, 0.5, 0.6, 0.7, 0.8, TitleChoice.weakScore, 0.9])
        for cut in evaluation.cuts {
            let kept = evaluation.outcomes.indices.filter { !evaluation.outcomes[$0].isNonsense && scores[$0] >= cut.score }
            #expect(cut.coverage == Double(kept.count) / 2)
            let right = kept.filter { evaluation.outcomes[$0].rank == 1 }.count
            #expect(cut.precision == (kept.isEmpty ? 0 : Double(right) / Double(kept.count)))
            #expect(cut.refused == (scores[2] < cut.score ? 1 : 0))
        }
        #expect(TitleEvaluationRendering.text(evaluation).contains("confidence >=  coverage  precision  in band (n)  not jobs refused"))
    }

    @Test func textSaysWhenAMatchIsWeak() {
        let thin = TitleMatch(code: match.code, title: match.title, matched: match.matched, score: 0.6, source: .tool, socCode: match.socCode)
        #expect(TitleSearchRendering.text(query: "zz", results: [thin]).hasPrefix("Only a weak match"))
        #expect(!TitleSearchRendering.text(query: "ops mgr", results: [match]).hasPrefix("Only"))
    }

    @Test func evaluationCountsTopOneAndTopFive() throws {
        let cases = try TitleEvaluation.parseCases(
            """
            query\taccept
            ops mgr\t11-1021
            server\t35-3023
            teacher\t99-9999
            \u{7}\t11-1011
            """)
        let evaluation = TitleEvaluation(cases: cases, index: SearchFixture.index)
        #expect(evaluation.total == 4)
        #expect(evaluation.topOne == 1)
        #expect(evaluation.topFive == 2)
        #expect(evaluation.misses.map(\.case.query) == ["server", "teacher", "\u{7}"])
        #expect(evaluation.misses.last?.error != nil)
        #expect(TitleEvaluationRendering.text(evaluation).contains("top-1:   1/4 (25.00%)"))
    }
}
