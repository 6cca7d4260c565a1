/// Where a person can go from a role: the role itself (the "stay" row every move reads against) and the moves,
/// each with what it pays, what it takes and why it is a move at all. Built by `MovePlanner`; rendered by the CLI,
/// the site and the API alike.
public struct MovesResult: Sendable {
    /// The role as typed and resolved (with the weak-match flag and alternatives a comparison shows).
    public let from: RoleRequest
    /// The name shown for the role: what was typed, corrected from the title it matched.
    public let fromName: String
    public let stay: RoleFigures
    public let moves: [Move]
    /// The state or metro area whose pay the figures use; nil for national pay.
    public let area: OEWSAreaRef?
    public let sort: MoveSort
    public let filters: MoveFilters
    /// How many candidates were weighed before filters and the limit.
    public let candidates: Int

    public init(
        from: RoleRequest, fromName: String, stay: RoleFigures, moves: [Move], area: OEWSAreaRef?, sort: MoveSort, filters: MoveFilters,
        candidates: Int
    ) {
        self.from = from
        self.fromName = fromName
        self.stay = stay
        self.moves = moves
        self.area = area
        self.sort = sort
        self.filters = filters
        self.candidates = candidates
    }
}

/// The order of the moves shown. `match` is the default: O*NET's Primary-Short related occupations first, in
/// O*NET's order, then the rest by similarity with a small bonus for O*NET's other tiers.
public enum MoveSort: String, CaseIterable, Hashable, Sendable {
    case match, pay, similarity, openings
}

/// Which moves to keep.
public struct MoveFilters: Hashable, Sendable {
    /// Only moves whose median pay is published and higher than the role's.
    public var paysMore: Bool
    /// Only moves whose BLS typical entry education is published and not above the role's.
    public var noMoreSchooling: Bool

    public init(paysMore: Bool = false, noMoreSchooling: Bool = false) {
        self.paysMore = paysMore
        self.noMoreSchooling = noMoreSchooling
    }

    public static let none = MoveFilters()
}

/// One role's row: the same columns for the stay row and every move.
public struct RoleFigures: Sendable {
    public let profile: OccupationProfile
    /// Wages in the area asked for, or national ones when none was asked for; nil when not published there.
    public let wages: WageEstimate?

    public init(profile: OccupationProfile, wages: WageEstimate?) {
        self.profile = profile
        self.wages = wages
    }

    public var code: OccupationCode { profile.occupation.code }
    public var title: String { profile.occupation.title }
    /// The published annual median (a top-coded median is a bound, not a figure to subtract).
    public var annualMedian: Double? { wages?.annualMedian.value }
    public var jobZone: Int? { profile.jobZone?.number }
    public var entryEducation: String? { profile.projections?.typicalEducation }
    public var entryEducationStep: Int? { entryEducation.flatMap(EntryEducation.step) }
    public var preparationBand: PreparationBand? { profile.preparationBand }
    /// ORS: percent of workers who need a license (01087).
    public var licenseShare: SurveyValue? { profile.requirementsSurvey?["01087"]?.value }
    public var growthPercent: Double? { profile.projections?.changePercent }
    public var openingsPer100: Double? { profile.projections?.openingsPer100 }
}

/// BLS's typical entry education categories, in BLS's order (Employment Projections table 5.2, lowest first, where a
/// postsecondary nondegree award ranks above some college without a degree): how much schooling a move adds.
public enum EntryEducation {
    public static let ordered = [
        "No formal educational credential", "High school diploma or equivalent", "Some college, no degree",
        "Postsecondary nondegree award", "Associate's degree", "Bachelor's degree", "Master's degree", "Doctoral or professional degree",
    ]

    public static func step(_ category: String) -> Int? { ordered.firstIndex(of: category) }
}

/// One move: the target's row, and how it differs from the stay row.
public struct Move: Sendable {
    public let target: RoleFigures
    /// O*NET's listing of the target among the role's related occupations; nil when Versus's similarity found it.
    public let related: RelatedOccupation?
    public let similarity: Similarity
    /// Target median minus the role's median, in dollars a year; nil unless both are published.
    public let payChange: Double?
    /// Target minus role, on each scale; nil unless both are published.
    public let jobZoneGap: Int?
    public let educationGap: Int?
    public let preparationBandGap: Int?
    /// Where the target needs clearly more (importance at least `MovePlanner.clearlyMore` higher), largest first.
    public let needsMore: [RatingGap]
    /// Why it is a move: skills and knowledge both rate important, and detailed work activities both do.
    public let sharedSkills: [String]
    public let sharedActivities: [String]
    /// The catalog's page of the pair, when it has one.
    public let catalogSlug: String?
    /// A path through an intermediate role, when the target needs much more preparation and one splits the gap.
    public internal(set) var steppingStone: SteppingStone?
    /// OEWS publishes one estimate for both occupations (Registered Nurses and Acute Care Nurses): the data cannot say
    /// whether the move changes pay, so `payChange` is nil rather than a false "same".
    public internal(set) var sharesWageEstimate = false
    /// `preparationBandGap` is the least gap a time to learn too close to call allows ("at least 5 bands longer").
    public internal(set) var preparationBandGapIsBound = false

    public init(
        target: RoleFigures, related: RelatedOccupation?, similarity: Similarity, payChange: Double?, jobZoneGap: Int?, educationGap: Int?,
        preparationBandGap: Int?, needsMore: [RatingGap], sharedSkills: [String], sharedActivities: [String], catalogSlug: String?
    ) {
        self.target = target
        self.related = related
        self.similarity = similarity
        self.payChange = payChange
        self.jobZoneGap = jobZoneGap
        self.educationGap = educationGap
        self.preparationBandGap = preparationBandGap
        self.needsMore = needsMore
        self.sharedSkills = sharedSkills
        self.sharedActivities = sharedActivities
        self.catalogSlug = catalogSlug
    }
}

/// A skill or knowledge area with both roles' O*NET importance (1–5).
public struct RatingGap: Hashable, Sendable {
    public let name: String
    public let from: Double
    public let to: Double

    public init(name: String, from: Double, to: Double) {
        self.name = name
        self.from = from
        self.to = to
    }

    public var difference: Double { to - from }
}
