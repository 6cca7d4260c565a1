/// Three or four roles side by side: the roles, the place asked for, and each two of them as a comparison to read next.
///
/// A lineup is a table, not an article of comparing sentences: the pairwise comparisons say what differs and why,
/// with their evidence; the lineup lets a person see every role's figures at once and pick the pair to read.
public struct Lineup: Sendable {
    /// How many roles a lineup has: two are a comparison, and a table wider than four no longer reads on a phone.
    public static let roleCounts = 3...4

    public let roles: [Comparison.Role]
    /// The state or metro area asked for, if any.
    public let area: OEWSAreaRef?
    /// Each two of the roles, in order (first and second, first and third, …), with its comparison's address.
    public let pairs: [CatalogLink]

    public init(roles: [Comparison.Role], area: OEWSAreaRef? = nil, pairs: [CatalogLink]) {
        self.roles = roles
        self.area = area
        self.pairs = pairs
    }

    /// "registered-nurse-vs-lpn-vs-cna".
    public var slug: String { roles.map { Slug.make($0.name.text) }.joined(separator: "-vs-") }

    /// "Registered Nurse vs. LPN vs. CNA: Side by Side".
    public var title: String { roles.map(\.name.text).joined(separator: " vs. ") + ": Side by Side" }

    /// Each two of `count` roles as index pairs, in reading order: (0, 1), (0, 2), (1, 2), …
    public static func pairIndices(_ count: Int) -> [(Int, Int)] {
        (0..<count).flatMap { i in (i + 1..<count).map { (i, $0) } }
    }
}
