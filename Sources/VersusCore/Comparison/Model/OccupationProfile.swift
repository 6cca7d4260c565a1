/// Everything the comparison says about one occupation, as the sources publish it.
///
/// The Store fills it; the writer only reads it. Values the sources do not publish stay nil or empty,
/// so that the article can say "not published" instead of borrowing or inventing a figure.
public struct OccupationProfile: Hashable, Sendable {
    public var occupation: Occupation
    /// Titles incumbents reported for this job (O*NET "Sample of Reported Titles"), most shown first.
    public var reportedTitles: [String]
    /// Other O*NET occupations filed under the same SOC code: BLS figures (wages, projections, ORS) describe all of them together.
    public var socSiblings: [OccupationRef]
    public var jobZone: JobZone?
    /// The OEWS code whose figures describe this occupation, and its national all-industry estimate.
    public var wageSource: WageSource?
    public var nationalWages: WageEstimate?
    public var projections: Projections?
    /// Highest education of workers aged 25+ (Employment Projections table 5.3).
    public var attainment: [EducationShare]
    /// Table 5.3 marks these figures as published for a broader group of occupations, not for this one alone.
    public var attainmentIsForBroaderGroup: Bool
    /// O*NET education, training and experience distributions (percent of respondents).
    public var requiredEducation: [CategoryShare]
    public var relatedExperience: [CategoryShare]
    public var onSiteTraining: [CategoryShare]
    public var onTheJobTraining: [CategoryShare]
    public var tasks: [OccupationTask]
    public var skills: [Rating]
    public var knowledge: [Rating]
    /// Employment Projections table 6.2, in rank order.
    public var topSkills: [String]
    public var technologies: [Technology]
    public var tools: [Tool]
    /// National employment by 3-digit NAICS industry, largest first.
    public var industries: [IndustryEmployment]
    /// ORS 2020 (preliminary) estimates for this occupation's own SOC code; nil when ORS publishes none.
    public var requirementsSurvey: RequirementsSurvey?
    /// O*NET related occupations, best first.
    public var related: [RelatedOccupation]

    public init(
        occupation: Occupation, reportedTitles: [String] = [], socSiblings: [OccupationRef] = [], jobZone: JobZone? = nil,
        wageSource: WageSource? = nil, nationalWages: WageEstimate? = nil, projections: Projections? = nil,
        attainment: [EducationShare] = [], requiredEducation: [CategoryShare] = [], relatedExperience: [CategoryShare] = [],
        onSiteTraining: [CategoryShare] = [], onTheJobTraining: [CategoryShare] = [], tasks: [OccupationTask] = [],
        skills: [Rating] = [], knowledge: [Rating] = [], topSkills: [String] = [], technologies: [Technology] = [],
        tools: [Tool] = [], industries: [IndustryEmployment] = [], requirementsSurvey: RequirementsSurvey? = nil,
        related: [RelatedOccupation] = [], attainmentIsForBroaderGroup: Bool = false
    ) {
        self.occupation = occupation
        self.reportedTitles = reportedTitles
        self.socSiblings = socSiblings
        self.jobZone = jobZone
        self.wageSource = wageSource
        self.nationalWages = nationalWages
        self.projections = projections
        self.attainment = attainment
        self.attainmentIsForBroaderGroup = attainmentIsForBroaderGroup
        self.requiredEducation = requiredEducation
        self.relatedExperience = relatedExperience
        self.onSiteTraining = onSiteTraining
        self.onTheJobTraining = onTheJobTraining
        self.tasks = tasks
        self.skills = skills
        self.knowledge = knowledge
        self.topSkills = topSkills
        self.technologies = technologies
        self.tools = tools
        self.industries = industries
        self.requirementsSurvey = requirementsSurvey
        self.related = related
    }
}

/// An occupation named by code and title, without its facts.
public struct OccupationRef: Hashable, Sendable {
    public let code: OccupationCode
    public let title: String

    public init(code: OccupationCode, title: String) {
        self.code = code
        self.title = title
    }
}

/// O*NET job zone: how much preparation the occupation needs (1 little … 5 extensive).
public struct JobZone: Hashable, Sendable {
    public let number: Int
    /// "Job Zone Four: Considerable Preparation Needed".
    public let name: String

    public init(number: Int, name: String) {
        self.number = number
        self.name = name
    }

    /// "Considerable Preparation Needed", the part of the name after the colon.
    public var preparation: String {
        guard let colon = name.firstIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...].drop { $0 == " " })
    }
}

/// Employment Projections 2024–34 (table 1.2) for the code that describes the occupation.
public struct Projections: Hashable, Sendable {
    public enum Basis: String, Hashable, Sendable {
        /// The projections publish the occupation's own SOC code.
        case own
        /// Only an aggregate that contains it (the same one OEWS uses).
        case aggregate
    }

    public let code: SOCCode
    public let title: String
    public let basis: Basis
    /// Employment in thousands, as published.
    public let employment2024: Double?
    public let employment2034: Double?
    /// Change 2024–34 in thousands.
    public let changeNumeric: Double?
    public let changePercent: Double?
    public let selfEmployedPercent: Double?
    /// Average annual openings 2024–34, in thousands.
    public let annualOpenings: Double?
    public let typicalEducation: String?
    public let workExperience: String?
    public let onTheJobTraining: String?

    public init(
        code: SOCCode, title: String, basis: Basis, employment2024: Double?, employment2034: Double?, changeNumeric: Double?,
        changePercent: Double?, selfEmployedPercent: Double?, annualOpenings: Double?,
        typicalEducation: String?, workExperience: String?, onTheJobTraining: String?
    ) {
        self.code = code
        self.title = title
        self.basis = basis
        self.employment2024 = employment2024
        self.employment2034 = employment2034
        self.changeNumeric = changeNumeric
        self.changePercent = changePercent
        self.selfEmployedPercent = selfEmployedPercent
        self.annualOpenings = annualOpenings
        self.typicalEducation = typicalEducation
        self.workExperience = workExperience
        self.onTheJobTraining = onTheJobTraining
    }
}

/// One level of educational attainment (Projections 5.3) and the percent of workers at it.
public struct EducationShare: Hashable, Sendable {
    public let level: String
    public let percent: Double?

    public init(level: String, percent: Double?) {
        self.level = level
        self.percent = percent
    }
}

/// One category of an O*NET education/training/experience scale and the percent of respondents in it.
public struct CategoryShare: Hashable, Sendable {
    public let category: Int
    public let label: String
    public let percent: Double
    /// O*NET's "Recommend Suppress" flag: an estimate it advises against using.
    public let suppressed: Bool
    /// O*NET's standard error of the share, in percentage points; nil when not published.
    public let standardError: Double?

    public init(category: Int, label: String, percent: Double, suppressed: Bool, standardError: Double? = nil) {
        self.category = category
        self.label = label
        self.percent = percent
        self.suppressed = suppressed
        self.standardError = standardError
    }

    /// "Bachelor's Degree" from "Bachelor's Degree", "Post-Secondary Certificate" from "Post-Secondary Certificate - awarded for …".
    public var shortLabel: String {
        // " - " is ASCII: find it on bytes rather than through Foundation's string search.
        let bytes = Array(label.utf8)
        guard bytes.count >= 3, let at = (0...(bytes.count - 3)).first(where: { bytes[$0] == 0x20 && bytes[$0 + 1] == 0x2D && bytes[$0 + 2] == 0x20 })
        else { return label }
        return String(decoding: bytes[..<at], as: UTF8.self)
    }
}

/// An O*NET task statement with the detailed work activities it is linked to.
public struct OccupationTask: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case core = "Core"
        case supplemental = "Supplemental"
    }

    public let id: Int
    public let statement: String
    public let kind: Kind?
    public let incumbentsResponding: Double?
    public let activities: [WorkActivity]

    public init(id: Int, statement: String, kind: Kind?, incumbentsResponding: Double?, activities: [WorkActivity]) {
        self.id = id
        self.statement = statement
        self.kind = kind
        self.incumbentsResponding = incumbentsResponding
        self.activities = activities
    }
}

/// An O*NET detailed work activity (DWA), shared across occupations, with its intermediate activity (IWA).
public struct WorkActivity: Hashable, Sendable {
    public let id: String
    public let title: String
    public let intermediateID: String
    public let intermediateTitle: String

    public init(id: String, title: String, intermediateID: String, intermediateTitle: String) {
        self.id = id
        self.title = title
        self.intermediateID = intermediateID
        self.intermediateTitle = intermediateTitle
    }
}

/// An O*NET skill or knowledge rating: importance (IM, 1–5) and level (LV, 0–7).
public struct Rating: Hashable, Sendable {
    public let elementID: String
    public let name: String
    /// nil when not published or when O*NET recommends suppressing it.
    public let importance: Double?
    public let level: Double?
    /// The importance O*NET published with a "Recommend Suppress" flag, kept (never shown as a rating) so that a ranking
    /// can say when a withheld rating would have placed the element among those it names.
    public let withheldImportance: Double?

    public init(elementID: String, name: String, importance: Double?, level: Double?, withheldImportance: Double? = nil) {
        self.elementID = elementID
        self.name = name
        self.importance = importance
        self.level = level
        self.withheldImportance = withheldImportance
    }
}

/// A technology O*NET lists for the occupation; "hot" technologies are frequently in job postings.
public struct Technology: Hashable, Sendable {
    public let name: String
    public let hot: Bool
    public let inDemand: Bool
    /// How many O*NET occupations list this technology; nil when unknown. Few means it says much about the job.
    public let occupationCount: Int?
    /// How many of the occupation's O*NET related occupations list it too; nil when unknown. None means it says
    /// nothing about this kind of work (MEDITECH for accountants).
    public let relatedCount: Int?

    public init(name: String, hot: Bool, inDemand: Bool, occupationCount: Int? = nil, relatedCount: Int? = nil) {
        self.name = name
        self.hot = hot
        self.inDemand = inDemand
        self.occupationCount = occupationCount
        self.relatedCount = relatedCount
    }
}

public struct Tool: Hashable, Sendable {
    public let name: String
    /// How many O*NET occupations list this tool, and how many of the occupation's related occupations do; nil when unknown.
    public let occupationCount: Int?
    public let relatedCount: Int?
    /// The UNSPSC commodity O*NET files the tool under: one kind of tool, whatever each occupation calls it ("Staple
    /// removers" of nurses and "Surgical staple removers" of nurse practitioners are both 42312018).
    public let commodity: String?

    public init(name: String, occupationCount: Int? = nil, relatedCount: Int? = nil, commodity: String? = nil) {
        self.name = name
        self.occupationCount = occupationCount
        self.relatedCount = relatedCount
        self.commodity = commodity
    }
}

/// National OEWS employment of the occupation's wage code in one industry.
public struct IndustryEmployment: Hashable, Sendable {
    public let naics: String
    public let title: String
    public let employment: Estimate

    public init(naics: String, title: String, employment: Estimate) {
        self.naics = naics
        self.title = title
        self.employment = employment
    }
}

public struct RelatedOccupation: Hashable, Sendable {
    public let code: OccupationCode
    public let title: String
    /// "Primary-Short", "Primary-Long" or "Supplemental".
    public let tier: String
    public let rank: Int

    public init(code: OccupationCode, title: String, tier: String, rank: Int) {
        self.code = code
        self.title = title
        self.tier = tier
        self.rank = rank
    }
}

extension OccupationProfile {
    /// Whether BLS programmes publish figures for exactly the same thing for both (same OEWS code).
    func sharesWageCode(with other: OccupationProfile) -> Bool {
        guard let a = wageSource?.code, let b = other.wageSource?.code else { return false }
        return a == b
    }
}
