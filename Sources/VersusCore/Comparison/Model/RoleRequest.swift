/// One side of a comparison as the person asked for it: what they typed and the occupation it was resolved to.
///
/// Resolution (title search) happens before Core sees the request; Core only reports it honestly:
/// the occupation chosen, the title that matched, and the other occupations the title could mean.
public struct RoleRequest: Hashable, Sendable {
    /// Another occupation the query could mean, as ranked by the resolver.
    public struct Alternative: Hashable, Sendable {
        public let code: OccupationCode
        public let title: String
        /// The resolver's confidence in 0...1, when it has one.
        public let score: Double?

        public init(code: OccupationCode, title: String, score: Double?) {
            self.code = code
            self.title = title
            self.score = score
        }
    }

    /// The text as typed (trimmed).
    public let query: String
    public let resolved: OccupationCode
    /// The title in the data that the query matched (an O*NET alternate title, for example); nil when the
    /// occupation was given by code or chosen editorially (catalog seed pairs).
    public let matchedTitle: String?
    /// Other occupations the query could mean, best first, never including `resolved`.
    public let alternatives: [Alternative]
    /// The name to show when the query itself is not a title (an O*NET code): a popular title of the occupation.
    public let nameWhenQueryIsCode: String?
    /// Title search found only a thin match (a bare "Producer" for "event producer"): the article says which title
    /// matched and offers the alternatives first, instead of writing as if sure. Set by the resolver from its confidence.
    public let isWeakMatch: Bool
    /// The query names the work, not the worker ("inside sales", "data entry"): pages call the role "an Inside Sales
    /// worker" in their sentences, and keep the typed words as its name.
    public let namesWork: Bool
    /// The search score of `matchedTitle` when search chose the occupation: a weak match that scored high is weak
    /// because other occupations match as well, not because the title fits thinly.
    public let matchScore: Double?

    public init(
        query: String, resolved: OccupationCode, matchedTitle: String?, alternatives: [Alternative] = [], nameWhenQueryIsCode: String? = nil,
        isWeakMatch: Bool = false, namesWork: Bool = false, matchScore: Double? = nil
    ) {
        self.query = query
        self.resolved = resolved
        self.matchedTitle = matchedTitle
        self.alternatives = alternatives.filter { $0.code != resolved }
        self.nameWhenQueryIsCode = nameWhenQueryIsCode
        self.isWeakMatch = isWeakMatch
        self.namesWork = namesWork
        self.matchScore = matchScore
    }

    /// The words the display name is made from: the query with its misspellings corrected from the title it matched,
    /// unless the query is an O*NET code.
    var nameSource: String {
        if OccupationCode(query) != nil { return nameWhenQueryIsCode ?? query }
        return TitleWords.correctingSpelling(query, from: matchedTitle)
    }

    /// The title the query matched, when it is not simply the typed words or their plural ("Financial Manager" read
    /// as "Financial Managers" tells a reader nothing): what a page says the query was read as.
    public var matchedOtherTitle: String? {
        guard let matched = matchedTitle else { return nil }
        let (typed, read) = (Slug.make(query), Slug.make(matched))
        return read == typed || read == typed + "s" || typed == read + "s" ? nil : matched
    }
}
