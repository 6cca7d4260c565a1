/// The most common ORS preparation band of an occupation (ORS codes 00064–00072, the one ORS marks as the mode),
/// with the share of workers in it. The comparison's key differences and the moves both read it from here, so the
/// two never disagree about how long a job takes to learn.
public struct PreparationBand: Hashable, Sendable {
    public let answer: SurveyAnswer
    /// Percent of workers in the band.
    public let share: Double
    /// The band's place on ORS's scale: 0 for "a short demonstration only" … 8 for "over 10 years".
    public let step: Int
    /// The next largest band, its share and its step when they are too close to this one's to call (`MarginOfError`).
    public let close: SurveyAnswer?
    public let closeShare: Double?
    public let closeStep: Int?

    public init(
        answer: SurveyAnswer, share: Double, step: Int, close: SurveyAnswer? = nil, closeShare: Double? = nil, closeStep: Int? = nil
    ) {
        self.answer = answer
        self.share = share
        self.step = step
        self.close = close
        self.closeShare = closeShare
        self.closeStep = closeStep
    }

    /// The step, when the band stands clear of the next.
    public var clearStep: Int? { close == nil ? step : nil }

    /// How many bands longer `to`'s time to learn is than `from`'s, counting a band too close to call as either of its
    /// two: the gap every reading agrees on (the smallest), and whether it is only that bound. Nil when the readings
    /// disagree on the direction, or a band is not published.
    public static func gap(from: PreparationBand?, to: PreparationBand?) -> (bands: Int, isBound: Bool)? {
        guard let from, let to else { return nil }
        let gaps = [to.step, to.closeStep].compactMap { $0 }.flatMap { t in [from.step, from.closeStep].compactMap { $0 }.map { t - $0 } }
        let bound = gaps.count > 1
        if gaps.allSatisfy({ $0 > 0 }) { return (gaps.min()!, bound) }
        if gaps.allSatisfy({ $0 < 0 }) { return (gaps.max()!, bound) }
        return gaps.allSatisfy { $0 == 0 } ? (0, false) : nil
    }
}

extension OccupationProfile {
    /// ORS's most common time to learn the job; nil when ORS marks no published band as the mode.
    public var preparationBand: PreparationBand? {
        guard let survey = requirementsSurvey, case .mode(let answers) = SurveyMeasure.preparation[0].kind else { return nil }
        for (step, answer) in answers.enumerated() {
            if let estimate = survey[answer.code], estimate.isMode, case .value(let share) = estimate.value {
                let close = survey.runnerUp(to: estimate, of: answers)
                return PreparationBand(
                    answer: answer, share: share, step: step, close: close?.answer, closeShare: close?.share,
                    closeStep: close.flatMap { close in answers.firstIndex(of: close.answer) })
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
