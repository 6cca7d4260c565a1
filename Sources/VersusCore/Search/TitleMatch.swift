/// One occupation a query may mean, with what explains the ranking.
public struct TitleMatch: Hashable, Sendable {
    public let code: OccupationCode
    /// The occupation's title.
    public let title: String
    /// The title of the data that the query matched, as the source writes it.
    public let matched: String
    /// 0…1: how well the query's words fit `matched` (what is missing on either side lowers it),
    /// a little lowered when the source names the occupation only weakly, and a very little by the prior.
    public let score: Double
    /// The source of `matched`; `source.name` is how JSON output names it.
    public let source: TitleSource
    public let socCode: SOCCode
    /// On the first match of a query with qualifiers after its title ("Dental Assistant - Pediatrics, Grand Rapids, MI"):
    /// the confidence (`TitleChoice.confidence(of:query:)`) with which the title alone names this same occupation first,
    /// at most the query's own confidence raised by the score the qualifiers cost (what they took of the lead stays
    /// taken); nil when the title alone names another first, or the query has no qualifier.
    public internal(set) var titleAloneConfidence: Double?

    public init(code: OccupationCode, title: String, matched: String, score: Double, source: TitleSource, socCode: SOCCode) {
        self.code = code
        self.title = title
        self.matched = matched
        self.score = score
        self.source = source
        self.socCode = socCode
    }
}
