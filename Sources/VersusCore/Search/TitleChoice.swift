/// Which occupation a typed title stands for on a page, and which others the page should name.
///
/// Search always ranks something; a page must not be written about a guess, a thin match must say it is
/// one, and an ambiguous title ("project manager") must say what else it could mean. The rules live here,
/// apart from the CLI, the API and the site, so every front end chooses the same way.
///
/// The confidence is the best match's score, and its two thresholds were chosen on the posting-style set
/// (Tests/VersusStoreTests/Fixtures/posting-titles.tsv: 601 job titles, 50 strings that are not jobs) by
/// tabulating, for each cut, the share of job titles kept (coverage), the share of those whose first
/// occupation is right (precision), and the share of non-jobs refused. `versus eval titles` prints this table
/// for any labelled file; on that set, today:
///
/// | best score ≥ | coverage | precision | non-jobs refused |
/// |---|---|---|---|
/// | 0.40 | 99.8% | 93.2% | 94% |
/// | **0.50** | **99.7%** | **93.3%** | **96%** |
/// | 0.60 | 99.2% | 93.5% | 96% |
/// | 0.70 | 97.8% | 93.5% | 98% |
/// | **0.80** | **91.7%** | **94.6%** | 98% |
/// | 0.90 | 79.2% | 96.2% | 100% |
///
/// Under 0.5 the title is not understood: higher cuts refuse real titles faster than non-jobs. Between
/// 0.5 and 0.8 the first occupation was right about four times in five, against nearly 19 in 20 above: such a
/// match is shown as weak, with its alternatives.
public struct TitleChoice: Hashable, Sendable {
    /// How close to the best score another occupation must come to be named as an alternative.
    public static let closeScore = 0.12
    /// Below this best score the title is not understood (see the table above).
    public static let minimumScore = 0.5
    /// Below this best score the match is weak (see the table above).
    public static let weakScore = 0.8
    public static let maximumAlternatives = 4

    public let best: TitleMatch
    /// Other occupations scoring within `closeScore` of the best, best first; for a weak match, the next
    /// occupations whatever their score, since the best may well not be the one meant.
    public let alternatives: [TitleMatch]

    /// 0…1, the best match's score: the measure the thresholds above are set on.
    public var confidence: Double { best.score }
    /// A thin match: the page should say so and offer `alternatives`.
    public var isWeak: Bool { best.score < Self.weakScore }

    /// `matches` as ranked by `TitleIndex.search`.
    public init(query: String, matches: [TitleMatch]) throws(UnclearTitle) {
        guard let best = matches.first, best.score >= Self.minimumScore else {
            throw UnclearTitle(query: query, nearest: Array(matches.prefix(5)))
        }
        self.best = best
        let others = matches.dropFirst().filter { $0.code != best.code }
        let weak = best.score < Self.weakScore
        alternatives = Array(others.filter { weak || $0.score >= best.score - Self.closeScore }.prefix(Self.maximumAlternatives))
    }
}

/// A title search could not match closely enough to write about; carries the nearest titles to suggest.
public struct UnclearTitle: Error, Hashable, Sendable, CustomStringConvertible {
    public let query: String
    public let nearest: [TitleMatch]

    public var description: String {
        let lines = nearest.map { "  \($0.code)  \($0.title) (matched \"\($0.matched)\")" }
        return "no occupation title is close to \"\(query)\""
            + (lines.isEmpty ? "; try a fuller job title or an O*NET code such as 11-1021.00" : "; the nearest:\n" + lines.joined(separator: "\n"))
    }
}
