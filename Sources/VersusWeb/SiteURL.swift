import VersusCore

/// Every address of the site, typed: route registration, every link, the sitemap and the export's file names
/// all come from here, so no URL string is built by hand anywhere else.
public enum SiteURL: Hashable, Sendable {
    case home
    /// The two-title form's target: `/compare?a=…&b=…` redirects to a comparison's stable address.
    case compareForm(first: String, second: String, place: PlaceParameter?)
    case comparison(slug: String, place: PlaceParameter?)
    case occupations
    case occupation(OccupationCode, place: PlaceParameter?)
    case search(query: String)
    case stylesheet
    case script
    case sitemap
    case robots
    case openAPI
    case health
    case metrics
    case apiSearch(query: String, limit: Int?)
    case apiSuggest(query: String)
    case apiCompare(first: String, second: String, place: PlaceParameter?)
    case apiComparison(slug: String)
    case apiOccupation(OccupationCode)
    /// The moves from a role: `/moves/registered-nurse` (a typed title) or `/moves/29-1141-00` (a code).
    case moves(slug: String, choices: MovesChoices)
    /// The moves form's target: `/moves?from=…` redirects to the role's moves address.
    case movesForm(from: String)
    case apiMoves(from: String, choices: MovesChoices)

    /// The router's patterns, one per route (`:name` is a parameter).
    public enum Pattern {
        public static let home = "/"
        public static let compareForm = "/compare"
        public static let comparison = "/compare/:slug"
        public static let occupations = "/occupations"
        public static let occupation = "/occupations/:code"
        public static let search = "/search"
        public static let stylesheet = "/assets/site.css"
        public static let script = "/assets/site.js"
        public static let sitemap = "/sitemap.xml"
        public static let robots = "/robots.txt"
        public static let openAPI = "/openapi.json"
        public static let health = "/healthz"
        public static let metrics = "/metrics"
        public static let apiSearch = "/api/search"
        public static let apiSuggest = "/api/suggest"
        public static let apiCompare = "/api/compare"
        public static let apiComparison = "/api/comparisons/:slug"
        public static let apiOccupation = "/api/occupations/:code"
        public static let moves = "/moves/:slug"
        public static let movesForm = "/moves"
        public static let apiMoves = "/api/moves"
    }

    /// The path with its query, percent-encoded: what goes in an `href`.
    public var path: String {
        switch self {
        case .home: return "/"
        case .compareForm(let first, let second, let place):
            return "/compare" + Self.query([("a", first), ("b", second)] + (place?.pairs ?? []))
        case .comparison(let slug, let place): return "/compare/" + Self.segment(slug) + Self.query(place?.pairs ?? [])
        case .occupations: return "/occupations"
        case .occupation(let code, let place): return "/occupations/" + code.rawValue + Self.query(place?.pairs ?? [])
        case .search(let query): return "/search" + Self.query([("q", query)])
        case .stylesheet: return Pattern.stylesheet
        case .script: return Pattern.script
        case .sitemap: return Pattern.sitemap
        case .robots: return Pattern.robots
        case .openAPI: return Pattern.openAPI
        case .health: return Pattern.health
        case .metrics: return Pattern.metrics
        case .apiSearch(let query, let limit): return "/api/search" + Self.query([("q", query)] + (limit.map { [("limit", String($0))] } ?? []))
        case .apiSuggest(let query): return "/api/suggest" + Self.query([("q", query)])
        case .apiCompare(let first, let second, let place):
            return "/api/compare" + Self.query([("a", first), ("b", second)] + (place?.pairs ?? []))
        case .apiComparison(let slug): return "/api/comparisons/" + Self.segment(slug)
        case .apiOccupation(let code): return "/api/occupations/" + code.rawValue
        case .moves(let slug, let choices): return "/moves/" + Self.segment(slug) + Self.query(choices.pairs)
        case .movesForm(let from): return "/moves" + Self.query([("from", from)])
        case .apiMoves(let from, let choices): return "/api/moves" + Self.query([("from", from)] + choices.pairs)
        }
    }

    /// Where the static export writes this page: directories with an index file, so `/compare/x` works on any
    /// static server; nil for what only a live server answers.
    public var exportFile: String? {
        switch self {
        case .home: return "index.html"
        case .comparison(let slug, nil): return "compare/\(slug)/index.html"
        case .occupations: return "occupations/index.html"
        case .occupation(let code, nil): return "occupations/\(code.rawValue)/index.html"
        case .stylesheet: return "assets/site.css"
        case .script: return "assets/site.js"
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        case .openAPI: return "openapi.json"
        case .apiComparison(let slug): return "api/comparisons/\(slug).json"
        case .apiOccupation(let code): return "api/occupations/\(code.rawValue).json"
        case .moves(let slug, let choices) where choices == MovesChoices(): return "moves/\(slug)/index.html"
        default: return nil
        }
    }

    /// An absolute URL on `base` ("https://example.org"), for canonical links and the sitemap.
    public func absolute(_ base: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    }

    static func segment(_ text: String) -> String { percentEncode(text) }

    static func query(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
    }

    /// RFC 3986 unreserved characters pass; every other byte is %XX.
    static func percentEncode(_ text: String) -> String {
        func unreserved(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
        // A slug, as most are, needs no escape.
        if text.utf8.allSatisfy(unreserved) { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if unreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `?state=` or `?area=` on a page: local pay.
public enum PlaceParameter: Hashable, Sendable {
    case state(String)
    case area(String)

    var pairs: [(String, String)] {
        switch self {
        case .state(let value): return [("state", value)]
        case .area(let value): return [("area", value)]
        }
    }
}

/// The choices a person makes on a moves page, all in the address so they work without script: the order, the two
/// filters, how many, and the place whose pay is used.
public struct MovesChoices: Hashable, Sendable {
    public var sort: MoveSort = .match
    public var paysMore = false
    public var noMoreSchooling = false
    /// nil for the default number of moves.
    public var limit: Int?
    public var place: PlaceParameter?

    public init(sort: MoveSort = .match, paysMore: Bool = false, noMoreSchooling: Bool = false, limit: Int? = nil, place: PlaceParameter? = nil) {
        self.sort = sort
        self.paysMore = paysMore
        self.noMoreSchooling = noMoreSchooling
        self.limit = limit
        self.place = place
    }

    /// Only what differs from the default, so the default page has one address.
    var pairs: [(String, String)] {
        var pairs: [(String, String)] = []
        if sort != .match { pairs.append(("sort", sort.rawValue)) }
        if paysMore { pairs.append(("pays-more", "1")) }
        if noMoreSchooling { pairs.append(("no-more-schooling", "1")) }
        if let limit { pairs.append(("limit", String(limit))) }
        return pairs + (place?.pairs ?? [])
    }
}
