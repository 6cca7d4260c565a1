/// Measures title search on queries with known answers: the share of queries whose first result, and
/// whose first five, hold an accepted occupation, judged at the 6-digit SOC level; and, for strings that
/// are not job titles (accepted codes written `-`), the share that `TitleChoice` refuses as not understood.
public struct TitleEvaluation: Sendable {
    public struct Case: Hashable, Sendable {
        public let query: String
        /// Any of these SOC codes is a right answer; an O*NET code counts by its first seven characters.
        /// Empty for a string that is not a job title: the right answer is "not understood".
        public let accepted: [SOCCode]
        public let note: String

        public init(query: String, accepted: [SOCCode], note: String = "") {
            self.query = query
            self.accepted = accepted
            self.note = note
        }

        func accepts(_ match: TitleMatch) -> Bool { accepted.contains(match.code.socPrefix) }
    }

    public struct Outcome: Sendable {
        public let `case`: Case
        public let results: [TitleMatch]
        /// 1-based rank of the first accepted result, nil when none of the results is accepted.
        public let rank: Int?
        /// Why the query could not be searched, if it could not.
        public let error: String?
        /// `TitleChoice` accepts the results: a page would be written about the first.
        public let isUnderstood: Bool
        public var isNonsense: Bool { `case`.accepted.isEmpty }
        /// Understood and not weak: a page would be written about the first occupation without a doubt shown.
        public var isConfident: Bool { isUnderstood && TitleChoice.confidence(of: results, query: `case`.query) >= TitleChoice.weakScore }
        /// The worst answer search can give: a confident first occupation that is not accepted (for a string
        /// that is not a job, any confident occupation).
        public var isConfidentlyWrong: Bool { isConfident && rank != 1 }
    }

    public let outcomes: [Outcome]

    /// Job titles: the queries with accepted codes.
    public var total: Int { outcomes.filter { !$0.isNonsense }.count }
    public var topOne: Int { outcomes.filter { $0.rank == 1 }.count }
    public var topFive: Int { outcomes.filter { ($0.rank ?? 99) <= 5 }.count }
    public var topOneRate: Double { total == 0 ? 0 : Double(topOne) / Double(total) }
    public var topFiveRate: Double { total == 0 ? 0 : Double(topFive) / Double(total) }
    /// Job titles whose first result is not accepted.
    public var misses: [Outcome] { outcomes.filter { !$0.isNonsense && $0.rank != 1 } }
    /// Strings that are not job titles.
    public var nonsenseTotal: Int { outcomes.filter(\.isNonsense).count }
    public var nonsenseRejected: Int { outcomes.filter { $0.isNonsense && !$0.isUnderstood }.count }
    public var nonsenseRejectionRate: Double { nonsenseTotal == 0 ? 0 : Double(nonsenseRejected) / Double(nonsenseTotal) }
    /// Strings that are not job titles but got an occupation.
    public var nonsenseAccepted: [Outcome] { outcomes.filter { $0.isNonsense && $0.isUnderstood } }

    /// Queries answered with a confident occupation that is not accepted: see `Outcome.isConfidentlyWrong`.
    public var confidentlyWrong: [Outcome] { outcomes.filter(\.isConfidentlyWrong) }
    /// Job titles given a weak first occupation (understood, below `TitleChoice.weakScore`), and not understood.
    public var weakTitles: Int { outcomes.filter { !$0.isNonsense && $0.isUnderstood && !$0.isConfident }.count }
    /// Of the job titles a page would state plainly (`Outcome.isConfident`), the share whose first occupation is accepted.
    public var plainAnswerPrecision: Double { precision(of: \.isConfident) }
    /// Of the job titles a page would answer marked as a guess (understood, weak), the share whose first is accepted.
    public var guessPrecision: Double { precision(of: { $0.isUnderstood && !$0.isConfident }) }
    private func precision(of chosen: (Outcome) -> Bool) -> Double {
        let kept = outcomes.filter { !$0.isNonsense && chosen($0) }
        return kept.isEmpty ? 0 : Double(kept.filter { $0.rank == 1 }.count) / Double(kept.count)
    }
    public var refusedTitles: Int { refused.count }
    /// Job titles refused as not understood: what the refusal rules cost.
    public var refused: [Outcome] { outcomes.filter { !$0.isNonsense && !$0.isUnderstood } }

    /// What a confidence cut would do, on job titles and on strings that are not jobs: the table
    /// `TitleChoice`'s thresholds were chosen on.
    public struct Cut: Hashable, Sendable {
        /// The confidence (`TitleChoice.confidence(of:query:)`) a title needs to be kept.
        public let score: Double
        /// Job titles kept, of all job titles.
        public let coverage: Double
        /// Kept job titles whose first occupation is accepted, of those kept.
        public let precision: Double
        /// Strings that are not jobs under the cut, of all such strings.
        public let refused: Double
        /// Job titles whose confidence is at least this cut but under the next one: what a confidence in this band
        /// means, the measure that should read alike on every set.
        public let bandCount: Int
        /// Of those, the share whose first occupation is accepted.
        public let bandPrecision: Double
    }

    /// The cuts from 0.4 to 0.9 by tenths, and `TitleChoice.weakScore`; empty without job titles.
    public var cuts: [Cut] {
        let titles = outcomes.filter { !$0.isNonsense }, others = outcomes.filter(\.isNonsense)
        guard !titles.isEmpty else { return [] }
        func confidence(_ outcome: Outcome) -> Double { TitleChoice.confidence(of: outcome.results, query: outcome.case.query) }
        let scores = Set((4...9).map { Double($0) / 10 } + [TitleChoice.weakScore]).sorted()
        return scores.enumerated().map { place, score in
            let kept = titles.filter { confidence($0) >= score }
            let band = kept.filter { place + 1 == scores.count || confidence($0) < scores[place + 1] }
            return Cut(
                score: score, coverage: Double(kept.count) / Double(titles.count),
                precision: kept.isEmpty ? 0 : Double(kept.filter { $0.rank == 1 }.count) / Double(kept.count),
                refused: others.isEmpty ? 0 : Double(others.filter { confidence($0) < score }.count) / Double(others.count),
                bandCount: band.count, bandPrecision: band.isEmpty ? 0 : Double(band.filter { $0.rank == 1 }.count) / Double(band.count))
        }
    }

    public init(cases: [Case], index: TitleIndex) {
        outcomes = cases.map { evaluated in
            do {
                let results = try index.search(evaluated.query, limit: TitleChoice.depth)
                let rank = results.firstIndex(where: evaluated.accepts).map { $0 + 1 }
                let understood = (try? TitleChoice(query: evaluated.query, matches: results)) != nil
                return Outcome(case: evaluated, results: results, rank: rank, error: nil, isUnderstood: understood)
            } catch {
                return Outcome(case: evaluated, results: [], rank: nil, error: "\(error)", isUnderstood: false)
            }
        }
    }

    /// The accepted-codes field of a string that is not a job title.
    public static let notAJob = "-"

    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case malformedLine(number: Int, reason: String)

        public var description: String {
            switch self {
            case .malformedLine(let number, let reason): return "line \(number): \(reason)"
            }
        }
    }

    /// `query<TAB>accepted SOC codes, space-separated<TAB>note`, with a header line `query<TAB>accept…`.
    /// Accepted codes `-` mark a string that is not a job title.
    public static func parseCases(_ text: String) throws(ParseError) -> [Case] {
        var cases: [Case] = []
        // "\r\n" is one Character in Swift: splitting on "\n" alone would leave CRLF files in one piece.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if offset == 0, fields.first == "query" { continue }
            guard fields.count >= 2 else { throw .malformedLine(number: offset + 1, reason: "expected query<TAB>accepted codes") }
            var accepted: [SOCCode] = []
            if fields[1] == Self.notAJob {
                cases.append(Case(query: String(fields[0]), accepted: [], note: fields.count > 2 ? String(fields[2]) : ""))
                continue
            }
            for code in fields[1].split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let soc = SOCCode(String(code.prefix(7))) else {
                    throw .malformedLine(number: offset + 1, reason: "\"\(code)\" is not a SOC code")
                }
                accepted.append(soc)
            }
            guard !accepted.isEmpty else { throw .malformedLine(number: offset + 1, reason: "no accepted code") }
            cases.append(Case(query: String(fields[0]), accepted: accepted, note: fields.count > 2 ? String(fields[2]) : ""))
        }
        return cases
    }
}
