/// Which occupation a typed title stands for on a page, and which others the page should name.
///
/// Search always ranks something; a page must not be written about a weak guess, and an ambiguous
/// title ("project manager") must say what else it could mean. Both rules live here, apart from the
/// CLI and the web, so every front end chooses the same way.
public struct TitleChoice: Hashable, Sendable {
    /// How close to the best score another occupation must come to be named as an alternative.
    public static let closeScore = 0.12
    /// Below this best score the title is not understood.
    public static let minimumScore = 0.5
    public static let maximumAlternatives = 4

    public let best: TitleMatch
    /// Other occupations scoring within `closeScore` of the best, best first.
    public let alternatives: [TitleMatch]

    /// `matches` as ranked by `TitleIndex.search`.
    public init(query: String, matches: [TitleMatch]) throws(UnclearTitle) {
        guard let best = matches.first, best.score >= Self.minimumScore else {
            throw UnclearTitle(query: query, nearest: Array(matches.prefix(5)))
        }
        self.best = best
        alternatives = Array(matches.dropFirst().filter { $0.score >= best.score - Self.closeScore && $0.code != best.code }.prefix(Self.maximumAlternatives))
    }
}

/// A title search could not match closely enough to write about; carries the nearest titles to suggest.
public struct UnclearTitle: Error, Hashable, Sendable, CustomStringConvertible {
    public let query: String
    public let nearest: [TitleMatch]

    public var description: String {
        let lines = nearest.map { "  \($0.code)  \($0.title) (matched \"\($0.matched)\")" }
        return "no occupation title is close to \"\(query)\"" + (lines.isEmpty ? "; try a fuller job title or an O*NET code such as 11-1021.00" : "; the nearest:\n" + lines.joined(separator: "\n"))
    }
}
