/// BLS Occupational Requirements Survey 2020 estimates (preliminary) for one SOC code.
///
/// ORS publishes a few hundred occupations, and for each only some estimates; the survey's own
/// complement (e.g. "telework not available") is shown when it is the one published, never computed.
public struct RequirementsSurvey: Hashable, Sendable {
    public let socCode: SOCCode
    /// Published estimates by ORS estimate code (e.g. "01205").
    public let estimates: [String: SurveyEstimate]

    public init(socCode: SOCCode, estimates: [SurveyEstimate]) {
        self.socCode = socCode
        var byCode: [String: SurveyEstimate] = [:]
        for estimate in estimates { byCode[estimate.code] = estimate }
        self.estimates = byCode
    }

    public subscript(code: String) -> SurveyEstimate? { estimates[code] }

    /// The answer with the next largest share when it is too close to the mode to call (`MarginOfError`), else nil.
    public func runnerUp(to mode: SurveyEstimate, of answers: [SurveyAnswer]) -> (answer: SurveyAnswer, share: Double)? {
        guard case .value(let top) = mode.value else { return nil }
        var best: (answer: SurveyAnswer, share: Double, error: Double?)?
        for answer in answers where answer.code != mode.code {
            guard let estimate = estimates[answer.code], case .value(let share) = estimate.value, share > (best?.share ?? 0) else { continue }
            best = (answer, share, estimate.standardError)
        }
        guard let best, MarginOfError.tooCloseToCall(top, mode.standardError, best.share, best.error) else { return nil }
        return (best.answer, best.share)
    }
}

public struct SurveyEstimate: Hashable, Sendable {
    /// ORS estimate code, e.g. "01205" ("Percent of workers, with telework available").
    public let code: String
    public let value: SurveyValue
    /// ORS footnote 7: "This estimate is the mode for the category group."
    public let isMode: Bool
    /// ORS's standard error, in the estimate's unit; nil when not published.
    public let standardError: Double?

    public init(code: String, value: SurveyValue, isMode: Bool, standardError: Double? = nil) {
        self.code = code
        self.value = value
        self.isMode = isMode
        self.standardError = standardError
    }
}

public enum SurveyValue: Hashable, Sendable {
    case value(Double)
    /// ORS publishes "-" with a footnote such as "Estimate is less than 0.5 percent".
    case lessThan(Double)
    case notPublished
}

/// The ORS estimates the comparison shows, in the order it shows them.
public struct SurveyMeasure: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A yes/no pair: the "yes" estimate when published, else the "no" estimate (ORS publishes each separately).
        case share(yes: String, yesPhrase: String, no: String, noPhrase: String)
        /// The most common answer of a group (ORS marks the mode), with a phrase per answer.
        case mode([SurveyAnswer])
        /// One figure with its unit phrase, e.g. the median days of prior work experience.
        case figure(code: String, unit: SurveyUnit)

        var codes: [String] {
            switch self {
            case .share(let yes, _, let no, _): return [yes, no]
            case .mode(let answers): return answers.map(\.code)
            case .figure(let code, _): return [code]
            }
        }
    }

    public let id: String
    public let label: String
    public let kind: Kind

    public init(id: String, label: String, kind: Kind) {
        self.id = id
        self.label = label
        self.kind = kind
    }

    /// Every ORS estimate code any measure reads: the Store loads exactly these.
    public static let allCodes: [String] = (environment + requirements + preparation).flatMap(\.kind.codes)

    /// Work environment: telework, pace, supervision, public contact, physical and environmental conditions.
    public static let environment: [SurveyMeasure] = [
        SurveyMeasure(
            id: "telework", label: "Telework", kind: .share(yes: "01205", yesPhrase: "can telework", no: "01206", noPhrase: "cannot telework")),
        SurveyMeasure(
            id: "pace", label: "Most common work pace",
            kind: .mode([.init("01171", "consistently fast"), .init("01172", "consistently slow"), .init("01173", "varying")])),
        SurveyMeasure(
            id: "workload", label: "Workload mostly set by",
            kind: .mode([
                .init("01164", "machinery, equipment or software"), .init("01165", "numerical targets"), .init("01166", "other people"),
                .init("01167", "the worker (self-paced)"), .init("01168", "another external source"),
            ])),
        SurveyMeasure(
            id: "supervisor-present", label: "Supervisor present",
            kind: .share(yes: "01160", yesPhrase: "have a supervisor present", no: "01161", noPhrase: "work without a supervisor present")),
        SurveyMeasure(
            id: "work-checked", label: "Work most often checked",
            kind: .mode([
                .init("01154", "more than once a day"), .init("01155", "once a day"), .init("01156", "at least weekly, not daily"),
                .init("01157", "less often than weekly"),
            ])),
        SurveyMeasure(
            id: "supervising", label: "Supervising others",
            kind: .share(yes: "01150", yesPhrase: "supervise others", no: "01149", noPhrase: "do not supervise others")),
        SurveyMeasure(
            id: "public", label: "Contact with the public",
            kind: .share(yes: "01197", yesPhrase: "deal with the general public", no: "01198", noPhrase: "do not deal with the general public")),
        SurveyMeasure(
            id: "strength", label: "Most common strength level",
            kind: .mode([
                .init("00661", "sedentary"), .init("00662", "light work"), .init("00663", "medium work"), .init("00664", "heavy work"),
                .init("00665", "very heavy work"),
            ])),
        SurveyMeasure(id: "sitting", label: "Sitting, mean share of the day", kind: .figure(code: "00997", unit: .percentOfDay)),
        SurveyMeasure(
            id: "outdoors", label: "Outdoors",
            kind: .share(yes: "00815", yesPhrase: "work outdoors at times", no: "00612", noPhrase: "never work outdoors")),
        SurveyMeasure(
            id: "noise", label: "Most common noise level",
            kind: .mode([.init("00571", "quiet"), .init("00572", "moderate"), .init("00573", "loud"), .init("00574", "very loud")])),
        SurveyMeasure(
            id: "contaminants", label: "Hazardous contaminants",
            kind: .share(yes: "00786", yesPhrase: "exposed to hazardous contaminants", no: "00772", noPhrase: "not exposed to hazardous contaminants")
        ),
        SurveyMeasure(
            id: "heights", label: "Heights",
            kind: .share(yes: "00792", yesPhrase: "exposed to heights", no: "00520", noPhrase: "not exposed to heights")),
        SurveyMeasure(
            id: "heat", label: "Extreme heat",
            kind: .share(yes: "00768", yesPhrase: "exposed to extreme heat", no: "00437", noPhrase: "not exposed to extreme heat")),
        SurveyMeasure(
            id: "cold", label: "Extreme cold",
            kind: .share(yes: "00767", yesPhrase: "exposed to extreme cold", no: "00423", noPhrase: "not exposed to extreme cold")),
        SurveyMeasure(id: "driving", label: "Driving", kind: .share(yes: "01097", yesPhrase: "must drive", no: "00311", noPhrase: "need not drive")),
    ]

    /// How long it takes to qualify: ORS's specific vocational preparation (the time a typical worker needs to learn
    /// the job, counting schooling, training and experience) and the median days of on-the-job training.
    public static let preparation: [SurveyMeasure] = [
        SurveyMeasure(
            id: "vocational-preparation", label: "Time to learn the job, most common",
            kind: .mode([
                .init("00064", "a short demonstration only"), .init("00065", "up to 1 month"), .init("00066", "over 1 month, up to 3 months"),
                .init("00067", "over 3 months, up to 6 months"), .init("00068", "over 6 months, up to 1 year"),
                .init("00069", "over 1 year, up to 2 years"), .init("00070", "over 2 years, up to 4 years"),
                .init("00071", "over 4 years, up to 10 years"), .init("00072", "over 10 years"),
            ])),
        SurveyMeasure(id: "training-days", label: "Median on-the-job training, where required", kind: .figure(code: "00119", unit: .days)),
    ]

    /// Job requirements: minimum education, credentials and prior experience employers ask for.
    public static let requirements: [SurveyMeasure] = [
        SurveyMeasure(
            id: "minimum-education", label: "Most common minimum education",
            kind: .mode([
                .init("00075", "none"), .init("00076", "high school diploma"), .init("00803", "high school vocational degree"),
                .init("00077", "associate's degree"),
                .init("00804", "associate's vocational degree"), .init("01029", "bachelor's degree"), .init("00079", "master's degree"),
                .init("00080", "professional degree"), .init("00081", "doctorate"),
            ])),
        SurveyMeasure(
            id: "credentials", label: "Credentials",
            kind: .share(yes: "00098", yesPhrase: "need a credential", no: "00099", noPhrase: "need no credential")),
        SurveyMeasure(
            id: "license", label: "License", kind: .share(yes: "01087", yesPhrase: "need a license", no: "01088", noPhrase: "need no license")),
        SurveyMeasure(
            id: "certification", label: "Certification",
            kind: .share(yes: "01084", yesPhrase: "need a certification", no: "01085", noPhrase: "need no certification")),
        SurveyMeasure(
            id: "prior-experience", label: "Prior work experience",
            kind: .share(yes: "00107", yesPhrase: "need prior experience", no: "00114", noPhrase: "need no prior experience")),
        SurveyMeasure(id: "prior-experience-days", label: "Median prior experience, where required", kind: .figure(code: "00111", unit: .days)),
    ]
}

public struct SurveyAnswer: Hashable, Sendable {
    public let code: String
    public let phrase: String

    public init(_ code: String, _ phrase: String) {
        self.code = code
        self.phrase = phrase
    }
}

public enum SurveyUnit: Hashable, Sendable {
    case percentOfDay
    case days
}

/// Whether the largest of a group's shares stands clear of the next one, by the standard errors their sources publish.
public enum MarginOfError {
    /// The two shares are too close to call when their difference is under 1.96 standard errors of a difference (95%):
    /// naming one the most common would claim more than the survey measured. Unknown errors call nothing close.
    public static func tooCloseToCall(_ top: Double, _ topError: Double?, _ next: Double, _ nextError: Double?) -> Bool {
        guard let topError, let nextError else { return false }
        return top - next < 1.96 * (topError * topError + nextError * nextError).squareRoot()
    }
}
