/// The most common ORS preparation band of an occupation (ORS codes 00064–00072, the one ORS marks as the mode),
/// with the share of workers in it. The comparison's key differences and the moves both read it from here, so the
/// two never disagree about how long a job takes to learn.
public struct PreparationBand: Hashable, Sendable {
    public let answer: SurveyAnswer
    /// Percent of workers in the band.
    public let share: Double
    /// The band's place on ORS's scale: 0 for "a short demonstration only" … 8 for "over 10 years".
    public let step: Int
    /// The next largest band and its share when they are too close to this one's to call (`MarginOfError`).
    public let close: SurveyAnswer?
    public let closeShare: Double?

    public init(answer: SurveyAnswer, share: Double, step: Int, close: SurveyAnswer? = nil, closeShare: Double? = nil) {
        self.answer = answer
        self.share = share
        self.step = step
        self.close = close
        self.closeShare = closeShare
    }

    /// The step, when the band stands clear of the next: a move is said to take more or less time to learn only then.
    public var clearStep: Int? { close == nil ? step : nil }
}

extension OccupationProfile {
    /// ORS's most common time to learn the job; nil when ORS marks no published band as the mode.
    public var preparationBand: PreparationBand? {
        guard let survey = requirementsSurvey, case .mode(let answers) = SurveyMeasure.preparation[0].kind else { return nil }
        for (step, answer) in answers.enumerated() {
            if let estimate = survey[answer.code], estimate.isMode, case .value(let share) = estimate.value {
                let close = survey.runnerUp(to: estimate, of: answers)
                return PreparationBand(answer: answer, share: share, step: step, close: close?.answer, closeShare: close?.share)
            }
        }
        return nil
    }
}

extension Projections {
    /// Annual openings per 100 jobs of 2024: how many chances a year the occupation offers for its size.
    public var openingsPer100: Double? {
        guard let openings = annualOpenings, let jobs = employment2024, jobs > 0 else { return nil }
        return openings / jobs * 100
    }
}
