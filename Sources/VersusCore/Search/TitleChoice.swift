/// Which occupation a typed title stands for on a page, and which others the page should name.
///
/// Search always ranks something; a page must not be written about a guess, a thin match must say it is
/// one, and an ambiguous title ("project manager") must say what else it could mean. The rules live here,
/// apart from the CLI, the API and the site, so every front end chooses the same way.
///
/// Two measures decide. The best match's score says whether the title was understood at all: under
/// `minimumScore` it was not (chosen on the posting-style set, Tests/VersusStoreTests/Fixtures/posting-titles.tsv:
/// higher cuts refuse real titles faster than strings that are not jobs). The confidence says whether the first
/// occupation is the one meant: the best score, less how far its lead over the next occupation of another SOC broad
/// group falls short of a clear lead (`clearLead`). A title the data files under several occupations alike ("Mechanic",
/// "Teacher", "Associate") matches each of them in full: its score is high, its first occupation a coin toss. A
/// single word needs the longer lead (`clearLeadOfOneWord`): it is where the data's titles overlap most.
///
/// The thresholds were chosen on the outside set (Tests/VersusStoreTests/Fixtures/h2b-titles-dev.tsv, employer
/// titles with the Department of Labor's codes; noisy: about half its misses are codes two coders would dispute),
/// with `versus eval titles`, which prints for each confidence cut the share of first occupations right, and checked
/// on ours and on the absurd-answer traps (Tests/VersusStoreTests/Fixtures/absurd-traps.tsv):
///
/// | confident when | H-2B kept | H-2B right | posting-style kept | posting-style right | traps confidently wrong |
/// |---|---|---|---|---|---|
/// | score ≥ 0.80 (before) | 69% | 76% | 92% | 95% | 6 |
/// | confidence ≥ 0.80 | 66% | 77% | 91% | 95% | 3 |
/// | confidence ≥ 0.85 | 64% | 79% | 86% | 96% | 0 |
/// | confidence ≥ 0.85, rivals of the same title crowd it (`sameTitleSpread`) | 62% | 80% | 85% | 96% | 0 |
/// | the same, and a tie on the same title needs a lone word's lead (`sameTitleTie`) | 62% | 81% | 84% | 97% | 0 |
/// | **the same, and a near tie the sources make alike (`sameSourceTie`), today** | **63%** | **81%** | **85%** | **97%** | **0** |
/// | confidence ≥ 0.85, a lead of 0.15 for every title | 47% | 87% | 70% | 99% | 0 |
///
/// The last row would make a confident answer mean on the outside titles nearly what it means on ours (label noise
/// keeps it under 90%), but it calls "Forklift Operator", "Cashier Lead" and "Security Guard - Hospital" weak: the
/// data files those titles under two occupations with near scores. Too many real titles shown as doubtful. At 0.85
/// with the short lead, the outside labels dispute a confident first occupation about one time in five, most of
/// those label noise (judged by hand: "banquet server" as a waiter, not a nonrestaurant server); a weak one is still
/// right about four times in five on ours.
public struct TitleChoice: Hashable, Sendable {
    /// How often a first answer was right, in percent, as `versus eval titles` measured it: stated plainly (not weak)
    /// and marked as a guess (weak). The search page tells its readers; `TitleEvalTests` and `PostingTitleTests` check
    /// that a fresh measure stays within two points, so the page stays true as search changes.
    public struct MeasuredPrecision: Hashable, Sendable {
        public let titles: Int
        public let plain: Int
        public let guess: Int
    }
    /// The H-2B dev set: titles employers wrote, against the Department of Labor's codes (which are themselves noisy).
    public static let onEmployerTitles = MeasuredPrecision(titles: 844, plain: 81, guess: 57)
    /// The posting-style set (Tests/VersusStoreTests/Fixtures/posting-titles.tsv), written for this project.
    public static let onPostingTitles = MeasuredPrecision(titles: 601, plain: 97, guess: 73)

    /// How close to the best score another occupation must come to be named as an alternative.
    public static let closeScore = 0.12
    /// Below this best score the title is not understood (see above).
    public static let minimumScore = 0.5
    /// Below this confidence the match is weak (see the table above).
    public static let weakScore = 0.85
    /// A lead over the next occupation from which the first is as sure as its score says; closer, the confidence
    /// drops by the shortfall.
    public static let clearLead = 0.04
    /// The same for a query of one word, or a title crowded by rivals.
    public static let clearLeadOfOneWord = 0.15
    /// Rivals that close to the best score crowd it (see `confidence(of:query:)`).
    public static let crowdSpread = 0.04
    public static let crowdSize = 3
    /// A rival that matched the very title the best matched crowds it from further: the data files that title under
    /// both ("Production Associate" under five occupations, "Compliance Analyst" under four). Measured with `versus eval
    /// titles`: on the H-2B set, 11 confident wrong first answers became weak and no right one did (first answer right
    /// when stated plainly 78.5% → 80.2%); on ours, 3 wrong and 5 right ones, all titles the data files alike.
    public static let sameTitleSpread = 0.08
    /// The next occupation matched the very title the best matched, this close: only the nudges of employment and of
    /// the occupation's own name parted them (up to `priorWeight` and `ownTitleWeight` of the score), so the data gives
    /// no reason for the first. It then needs the lead of a lone word. "Business Development Manager" is filed under
    /// wind energy development managers (0.938) and marketing managers (0.937) alike; "Store Manager" under general and
    /// operations managers and retail supervisors. Measured with `versus eval titles`: on H-2B 3 wrong and 1 right
    /// first answers became weak, on ours 3 wrong and 4 right (first answer right when stated plainly 80.2% → 80.6%
    /// and 96.1% → 96.6%); 0.01 also called "Project Manager" and "Tableau Developer" weak, the tie getting loose.
    public static let sameTitleTie = 0.005
    /// The same tie, looser, when the sources name the title equally strongly for both (`TitleSource.strength`: both O*NET
    /// alternate titles from as many lists, say): then nothing but the nudges parts them. "Journeyman Lineman" is an
    /// alternate title of electricians (0.884) and of power-line installers (0.878) alike. Where the sources name it
    /// unequally, the score has already weighed that against employment: "Project Manager" is a featured reported title of
    /// architecture and engineering managers and an alternate one of project management specialists, whose five times
    /// the employment puts them first (0.940 against 0.932), and it stays sure. Measured with `versus eval titles`: 5
    /// confident wrong first answers became weak over the H-2B set, ours and the two sets written outside these sessions
    /// ("Tableau Developer", "Call Center Agent", "Sealing Machine Operator", "Journeyman Lineman" twice), no right one did.
    public static let sameSourceTie = 0.01
    public static let maximumAlternatives = 4
    /// The matches a verdict reads: search's first six, however many a caller shows. So `versus search --limit 1`, the
    /// search page's twenty and a comparison conclude alike about one title; each searches at least this many.
    public static let depth = 6

    public let best: TitleMatch
    /// Other occupations scoring within `closeScore` of the best, best first; for a weak match, the next
    /// occupations whatever their score, since the best may well not be the one meant.
    public let alternatives: [TitleMatch]
    /// 0…1: the measure `weakScore` is set on, see `confidence(of:query:)`.
    public let confidence: Double

    /// A thin or ambiguous match: the page should say so and offer `alternatives`.
    public var isWeak: Bool { confidence < Self.weakScore }

    /// The best score, less the shortfall of its lead over the next occupation of another SOC broad group (the first
    /// six characters of the code: restaurant and short-order cooks are one choice) from the clear lead; 0 without
    /// matches. A title crowded by rivals (`crowdSize` other broad groups among the first five matches, each within
    /// `crowdSpread` of the best, or `sameTitleSpread` when it matched the same title: "Data Analyst" is filed under
    /// survey researchers, BI analysts, statisticians, quants and research assistants alike) names no one occupation,
    /// however it leads the second: it counts as a lone word. A query whose title alone names the same occupation first
    /// (`TitleMatch.titleAloneConfidence`: "Dental Assistant" of "Dental Assistant - Pediatric Office, Grand Rapids") is as
    /// sure as the title alone, if that is surer, less the lead its qualifiers gave a rival: words no title has lower the
    /// score and change nothing, but "Nonprofit" brings another director close to "Executive Director - Nonprofit".
    public static func confidence(of matches: [TitleMatch], query: String) -> Double {
        let matches = matches.prefix(depth)
        guard let best = matches.first else { return 0 }
        let group = best.socCode.rawValue.prefix(6)
        let rivals = matches.dropFirst().filter { $0.socCode.rawValue.prefix(6) != group }
        let next = rivals.first?.score ?? 0
        let words = TitleNormalizer.tokenize(query).filter { !JobTitleWords.stopwords.contains($0.word) }.count
        let crowd = Set(
            matches.prefix(5).dropFirst().filter { rival in
                rival.socCode.rawValue.prefix(6) != group
                    && (best.score - rival.score <= crowdSpread
                        || (rival.matched.lowercased() == best.matched.lowercased() && best.score - rival.score <= sameTitleSpread))
            }.map { $0.socCode.rawValue.prefix(6) })
        // Any such rival: one of another title at the same score must not hide the tie.
        let tied = rivals.contains { rival in
            let gap = best.score - rival.score
            guard rival.matched.lowercased() == best.matched.lowercased() else { return false }
            return gap <= sameTitleTie || (gap <= sameSourceTie && rival.source.strength == best.source.strength)
        }
        let confidence = best.score - max(0, (words <= 1 || tied ? clearLeadOfOneWord : clearLead) - (best.score - next))
        let own = max(0, crowd.count >= crowdSize ? min(confidence, best.score - clearLeadOfOneWord) : confidence)
        return max(own, best.titleAloneConfidence ?? 0)
    }

    /// `matches` as ranked by `TitleIndex.search`.
    public init(query: String, matches: [TitleMatch]) throws(UnclearTitle) {
        guard let best = matches.first, best.score >= Self.minimumScore else {
            throw UnclearTitle(query: query, nearest: Array(matches.prefix(5)))
        }
        let confidence = Self.confidence(of: matches, query: query)
        if confidence < Self.weakScore, let word = Self.loneWordOfLongerTitle(query: query, matched: best.matched) {
            throw UnclearTitle(query: query, nearest: Array(matches.prefix(5)), genericWord: word)
        }
        self.best = best
        self.confidence = confidence
        let others = matches.prefix(Self.depth).dropFirst().filter { $0.code != best.code }
        let weak = confidence < Self.weakScore
        alternatives = Array(others.filter { weak || $0.score >= best.score - Self.closeScore }.prefix(Self.maximumAlternatives))
    }
}

extension TitleChoice {
    /// One word that no title of the data is on its own, met only inside longer titles ("Specialist" in "Contract
    /// Specialist", "Associate" in "Summer Associate"): the word names a kind of worker in every field, not a job, so a
    /// weak match on it is no answer. A word the data has as a title ("Mechanic", "Teacher", "Intern") is not this.
    /// An employer's name beside it adds no job ("Walmart Associate" is an associate at Walmart, not a paralegal's
    /// "Summer Associate"). The word as the normalizer gives it (folded, plural kept), or nil.
    static func loneWordOfLongerTitle(query: String, matched: String) -> String? {
        // Brackets hold the title's other form ("Chief Technology Officer (CTO)", "CISO (Chief Information Security
        // Officer)"): the title is what stands outside them.
        let title = TitleNormalizer.tokenize(matched).filter { token in
            !token.isBracketed && !JobTitleWords.stopwords.contains(token.word) && !JobTitleWords.censusMarkers.contains(token.word)
        }
        // An employer's name the title has, or shortens, is the title's word ("Well Tester" is no Wells Fargo, "Intel
        // Officer" an Intelligence Officer).
        let typed = TitleNormalizer.tokenize(query).filter { token in
            !JobTitleWords.stopwords.contains(token.word)
                && !(JobTitleWords.employers.contains(token.word) && !title.contains { $0.word.hasPrefix(token.word) })
        }
        guard typed.count == 1 else { return nil }
        return title.count > 1 && title.contains { $0.word == typed[0].word } ? typed[0].typed : nil
    }
}

/// A title search could not match closely enough to write about; carries the nearest titles to suggest.
public struct UnclearTitle: Error, Hashable, Sendable, CustomStringConvertible {
    public let query: String
    public let nearest: [TitleMatch]
    /// The query's one job word, when it is a word that titles of many fields share and none is on its own
    /// ("specialist", or "associate" in "Walmart Associate"): close titles exist, too many.
    public let genericWord: String?

    public init(query: String, nearest: [TitleMatch], genericWord: String? = nil) {
        self.query = query
        self.nearest = nearest
        self.genericWord = genericWord
    }

    /// What is said of a word refused as too generic, after the word itself, in every front end.
    public static let tooGenericAdvice = "alone names workers in many fields, not one job; add what the work is"

    public var description: String {
        let lines = nearest.map { "  \($0.code)  \($0.title) (matched \"\($0.matched)\")" }
        let reason = genericWord.map { "\"\($0)\" \(Self.tooGenericAdvice)" } ?? "no occupation title is close to \"\(query)\""
        return reason
            + (lines.isEmpty ? "; try a fuller job title or an O*NET code such as 11-1021.00" : "; the nearest:\n" + lines.joined(separator: "\n"))
    }
}
