/// The most common ORS preparation band of an occupation (ORS codes 00064–00072, the one ORS marks as the mode),
/// with the share of workers in it. The comparison's key differences and the moves both read it from here, so the
/// two never disagree about how long a job takes to learn.
public struct PreparationBand: Hashable, Sendable {
    public let answer: SurveyAnswer
    /// Percent of workers in the band.
    public let share: Double
    /// The band's place on ORS's scale: 0 for "a short demonstration only" … 8 for "over 10 years".
    public let step: Int

    public init(answer: SurveyAnswer, share: Double, step: Int) {
        self.answer = answer
        self.share = share
        self.step = step
    }
}

extension OccupationProfile {
    /// ORS's most common time to learn the job; nil when ORS marks no published band as the mode.
    public var preparationBand: PreparationBand? {
        guard let survey = requirementsSurvey, case .mode(let answers) = SurveyMeasure.preparation[0].kind else { return nil }
        for (step, answer) in answers.enumerated() {
            if let estimate = survey[answer.code], estimate.isMode, case .value(let share) = estimate.value {
                return PreparationBand(answer: answer, share: share, step: step)
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
