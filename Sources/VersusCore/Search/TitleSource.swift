/// Where a title comes from, with what each source says about how typical the title is.
public enum TitleSource: Hashable, Sendable {
    /// The O*NET occupation's own title.
    case occupation
    /// An O*NET alternate title, listed by `sources` of O*NET's title sources (job postings, employers, experts…).
    case alternate(sources: Int)
    /// O*NET's Sample of Reported Titles (what incumbents call their job); `featured` when My Next Move shows it.
    case reported(featured: Bool)
    /// A SOC 2018 direct match title.
    case socDirectMatch
    /// A Census 2022 index title, perhaps valid only in some industries.
    case census(restriction: IndustryRestriction)
    /// A product of O*NET Technology Skills paired with one of the occupation's job nouns ("Python Developer");
    /// `inDemand` when O*NET finds it in the occupation's job postings, else it is a hot technology there.
    case technology(inDemand: Bool)
    /// A product of O*NET Tools Used paired with one of the occupation's job nouns ("MIG Welder").
    case tool

    public enum IndustryRestriction: Hashable, Sendable {
        case none
        /// Valid in the named industries only.
        case only
        /// Valid in every industry but the named ones.
        case except
    }

    /// The name of the source in the database and in JSON output.
    public var name: String {
        switch self {
        case .occupation: return "onet"
        case .alternate: return "alternate"
        case .reported: return "reported"
        case .socDirectMatch: return "soc_direct_match"
        case .census: return "census"
        case .technology: return "technology"
        case .tool: return "tool"
        }
    }

    /// How strongly the title names the occupation, 0…1. A title that many sources agree on
    /// (or that O*NET features) is more typical of the occupation than one seen once; a Census title
    /// restricted to some industries holds only there.
    var strength: Float {
        switch self {
        case .occupation: return 1.0
        case .reported(let featured): return featured ? 0.9 : 0.75
        case .alternate(let sources): return min(0.95, 0.5 + 0.1 * Float(max(1, sources)))
        case .socDirectMatch: return 0.8
        case .census(.none): return 0.7
        case .census(.except): return 0.6
        case .census(.only): return 0.5
        // Made by pairing, not seen as a title: below every title a source saw, and a product the
        // occupation's postings ask for above one it merely uses.
        case .technology(let inDemand): return inDemand ? 0.5 : 0.4
        case .tool: return 0.35
        }
    }
}

/// One title of one source, as the index is built from it.
public struct TitleRecord: Hashable, Sendable {
    public let text: String
    /// O*NET's short form of an alternate title ("COO" for "Chief Operating Officer (COO)").
    public let shortForm: String?
    public let source: TitleSource
    /// The O*NET occupations the title names: several when a source files it under a SOC group
    /// (a broad code such as `51-4070`, a Census aggregate such as `51-91XX`).
    public let occupations: [OccupationCode]
    /// 0…1, the share of the source's strength the title carries: 1 for every title a source saw; for a
    /// technology title, how likely the occupation is among those pairing the same product and noun.
    public let share: Float

    public init(text: String, shortForm: String? = nil, source: TitleSource, occupations: [OccupationCode], share: Float = 1) {
        self.text = text
        self.shortForm = shortForm
        self.source = source
        self.occupations = occupations
        self.share = share
    }
}

/// What the index knows of an occupation besides its titles.
public struct SearchableOccupation: Hashable, Sendable {
    public let code: OccupationCode
    public let title: String
    public let socCode: SOCCode
    /// National employment attributed to this O*NET occupation, nil when OEWS publishes none:
    /// the prior that breaks ties between occupations a title fits equally well.
    public let employment: Double?

    public init(code: OccupationCode, title: String, socCode: SOCCode, employment: Double?) {
        self.code = code
        self.title = title
        self.socCode = socCode
        self.employment = employment
    }
}

extension TitleSource {
    /// A Census index line as a reader can read it. The index writes what it leaves open after a backslash, in its own
    /// short words ("Customer service\ ns", "Sales\ any commodity nec"): shown as "Customer service (not specified)".
    static func readable(censusLine line: String) -> String {
        guard let slash = line.firstIndex(of: "\\") else { return line }
        let title = line[..<slash].trimmingCharacters(in: .whitespaces)
        let words = line[line.index(after: slash)...].split(whereSeparator: { $0 == " " || $0 == "\"" }).map { word in
            switch word.lowercased() {
            case "ns": "not specified"
            case "nec": "not elsewhere classified"
            case "exc": "except"
            default: String(word)
            }
        }
        return words.isEmpty ? title : "\(title) (\(words.joined(separator: " ")))"
    }
}
