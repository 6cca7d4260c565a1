import Foundation

/// Two resolved roles with their facts, ready to be written: the single input of the article writer and of every renderer.
public struct Comparison: Sendable {
    /// A class, not a struct: a role carries a whole profile, and the writer passes roles around constantly.
    public final class Role: Sendable {
        public let request: RoleRequest
        public let name: DisplayName
        public let profile: OccupationProfile
        /// Wages in the area asked for with `--state`/`--area`; nil when no area was asked for.
        public let local: LocalWages?

        public init(request: RoleRequest, profile: OccupationProfile, local: LocalWages? = nil, casing: TitleCasing) {
            self.request = request
            // A code with no popular title is named by its O*NET title, which is plural ("Air Crew Officers"); a typed
            // title may be plural too ("Registered Nurses", "RNs").
            let source = request.nameSource
            let isPlural =
                !request.namesWork
                && (source == profile.occupation.title && source.hasSuffix("s")
                    || DisplayName.isPlural(typed: source, occupationTitle: profile.occupation.title))
            self.name = DisplayName(source, casing: casing, isPlural: isPlural, worker: request.namesWork ? "worker" : nil)
            self.profile = profile
            self.local = local
        }

        public var occupation: Occupation { profile.occupation }
    }

    public let first: Role
    public let second: Role
    /// The state or metro area asked for, if any.
    public let area: OEWSAreaRef?
    /// Where the pair sits in the catalog, when it is one of the catalog's pairs.
    public let catalog: CatalogLinks?

    public init(first: Role, second: Role, area: OEWSAreaRef? = nil, catalog: CatalogLinks? = nil) {
        self.first = first
        self.second = second
        self.area = area
        self.catalog = catalog
    }

    public var roles: [Role] { [first, second] }

    /// Both titles lead to one O*NET occupation: the public data cannot tell them apart.
    public var isSameOccupation: Bool { first.occupation.code == second.occupation.code }

    /// "operations-manager-vs-coo".
    public var slug: String { Slug.make(first.name.text) + "-vs-" + Slug.make(second.name.text) }

    /// "Operations Manager vs. COO: What Are the Differences?"
    public var title: String { "\(first.name.text) vs. \(second.name.text): What Are the Differences?" }
}

/// An OEWS area (state or metropolitan area) as named by BLS.
public struct OEWSAreaRef: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case state
        case metro
    }

    /// OEWS area code, e.g. "0600000" (California) or "0014460" (Boston-Cambridge-Newton, MA-NH).
    public let code: String
    public let title: String
    public let kind: Kind

    public init(code: String, title: String, kind: Kind) {
        self.code = code
        self.title = title
        self.kind = kind
    }
}

/// OEWS all-industry estimate for one role in one area; `estimate` is nil when OEWS publishes none there.
public struct LocalWages: Hashable, Sendable {
    public let area: OEWSAreaRef
    public let estimate: WageEstimate?

    public init(area: OEWSAreaRef, estimate: WageEstimate?) {
        self.area = area
        self.estimate = estimate
    }
}

/// The catalog neighbours of a comparison, for browsing.
public struct CatalogLinks: Hashable, Sendable {
    /// The catalog entry this comparison is (its slug may differ from the page's when titles were typed differently).
    public let entry: CatalogLink
    public let previous: CatalogLink?
    public let next: CatalogLink?

    public init(entry: CatalogLink, previous: CatalogLink?, next: CatalogLink?) {
        self.entry = entry
        self.previous = previous
        self.next = next
    }
}

public struct CatalogLink: Hashable, Sendable {
    public let slug: String
    public let title: String

    public init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }
}

/// URL-safe names: lowercase ASCII words joined by hyphens.
public enum Slug {
    /// "Operations Manager" → "operations-manager"; "R&D Director" → "r-and-d-director"; "Café Owner" → "cafe-owner".
    public static func make(_ text: String) -> String {
        // Folding goes through ICU; plain ASCII titles (nearly all) need only the byte loop below.
        let folded =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? text : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug: [UInt8] = []
        var pendingHyphen = false
        func word(_ bytes: some Sequence<UInt8>) {
            if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            slug.append(contentsOf: bytes)
            pendingHyphen = false
        }
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": word(CollectionOfOne(UInt8(scalar.value)))
            case "A"..."Z": word(CollectionOfOne(UInt8(scalar.value) + 32))
            // "R&D" → "r-and-d", "C++" → "c-plus-plus".
            case "&": pendingHyphen = true; word("and".utf8); pendingHyphen = true
            case "+": pendingHyphen = true; word("plus".utf8); pendingHyphen = true
            // Apostrophes join ("women's" → "womens"); everything else separates words.
            case "'", "’": break
            default: pendingHyphen = true
            }
        }
        return slug.isEmpty ? "role" : String(decoding: slug, as: UTF8.self)
    }
}
