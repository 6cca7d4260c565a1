/// An O*NET occupation: the unit every comparison is made of.
public struct Occupation: Hashable, Sendable {
    public let code: OccupationCode
    public let title: String
    public let description: String
    /// The SOC 2018 code per the O*NET-SOC crosswalk.
    public let socCode: SOCCode
    /// O*NET job zone 1–5; a few occupations have none.
    public let jobZone: Int?

    public init(code: OccupationCode, title: String, description: String, socCode: SOCCode, jobZone: Int?) {
        self.code = code
        self.title = title
        self.description = description
        self.socCode = socCode
        self.jobZone = jobZone
    }
}

/// Which OEWS estimate describes an occupation's wages, and why.
public struct WageSource: Hashable, Sendable {
    public enum Basis: String, Hashable, Sendable, Codable {
        /// OEWS publishes the occupation's own SOC code.
        case own
        /// OEWS publishes only an aggregate that contains the occupation (e.g. 31-1120 for 31-1121).
        case aggregate
    }

    public let code: SOCCode
    public let title: String
    public let basis: Basis

    public init(code: SOCCode, title: String, basis: Basis) {
        self.code = code
        self.title = title
        self.basis = basis
    }
}

/// OEWS employment and wages for one occupation code in one area and industry.
public struct WageEstimate: Hashable, Sendable {
    public var employment: Estimate
    public var hourlyMean: Estimate
    public var annualMean: Estimate
    public var hourlyP10: Estimate
    public var hourlyP25: Estimate
    public var hourlyMedian: Estimate
    public var hourlyP75: Estimate
    public var hourlyP90: Estimate
    public var annualP10: Estimate
    public var annualP25: Estimate
    public var annualMedian: Estimate
    public var annualP75: Estimate
    public var annualP90: Estimate
    /// BLS publishes only annual wages (no hourly) for this occupation, e.g. teachers.
    public var annualOnly: Bool
    /// BLS publishes only hourly wages (no annual), e.g. actors.
    public var hourlyOnly: Bool
    /// Relative standard error of the employment estimate, in percent.
    public var employmentRSE: Double?
    public var jobsPerThousand: Double?
    public var locationQuotient: Double?

    public init(
        employment: Estimate, hourlyMean: Estimate, annualMean: Estimate,
        hourlyP10: Estimate, hourlyP25: Estimate, hourlyMedian: Estimate, hourlyP75: Estimate, hourlyP90: Estimate,
        annualP10: Estimate, annualP25: Estimate, annualMedian: Estimate, annualP75: Estimate, annualP90: Estimate,
        annualOnly: Bool, hourlyOnly: Bool, employmentRSE: Double?, jobsPerThousand: Double?, locationQuotient: Double?
    ) {
        self.employment = employment
        self.hourlyMean = hourlyMean
        self.annualMean = annualMean
        self.hourlyP10 = hourlyP10
        self.hourlyP25 = hourlyP25
        self.hourlyMedian = hourlyMedian
        self.hourlyP75 = hourlyP75
        self.hourlyP90 = hourlyP90
        self.annualP10 = annualP10
        self.annualP25 = annualP25
        self.annualMedian = annualMedian
        self.annualP75 = annualP75
        self.annualP90 = annualP90
        self.annualOnly = annualOnly
        self.hourlyOnly = hourlyOnly
        self.employmentRSE = employmentRSE
        self.jobsPerThousand = jobsPerThousand
        self.locationQuotient = locationQuotient
    }
}

/// The first look at an occupation (`versus show`): who it is, what it pays, how people enter it.
public struct OccupationSummary: Hashable, Sendable {
    public let occupation: Occupation
    public let wageSource: WageSource?
    /// National, all-industry OEWS estimate from `wageSource`.
    public let nationalWages: WageEstimate?
    /// BLS Employment Projections "typical education needed for entry".
    public let typicalEntryEducation: String?
    public let sampleTitles: [String]

    public init(occupation: Occupation, wageSource: WageSource?, nationalWages: WageEstimate?, typicalEntryEducation: String?, sampleTitles: [String])
    {
        self.occupation = occupation
        self.wageSource = wageSource
        self.nationalWages = nationalWages
        self.typicalEntryEducation = typicalEntryEducation
        self.sampleTitles = sampleTitles
    }
}
