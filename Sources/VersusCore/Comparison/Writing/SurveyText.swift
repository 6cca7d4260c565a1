/// How an ORS measure reads in a table cell: the published estimate with its phrase, never a computed complement.
enum SurveyText {
    static func cell(_ measure: SurveyMeasure, _ survey: RequirementsSurvey?) -> String {
        guard let survey else { return Figures.notPublished }
        switch measure.kind {
        case .share(let yes, let yesPhrase, let no, let noPhrase):
            if let estimate = survey[yes], estimate.value != .notPublished { return Figures.survey(estimate.value) + " " + yesPhrase }
            if let estimate = survey[no], estimate.value != .notPublished { return Figures.survey(estimate.value) + " " + noPhrase }
            return Figures.notPublished
        case .mode(let answers):
            for answer in answers {
                if let estimate = survey[answer.code], estimate.isMode, estimate.value != .notPublished {
                    return "\(answer.phrase) (\(Figures.survey(estimate.value)))"
                }
            }
            return Figures.notPublished
        case .figure(let code, let unit):
            guard let estimate = survey[code] else { return Figures.notPublished }
            return Figures.survey(estimate.value, unit: unit)
        }
    }

    /// Rows for the measures either role has published; nil when ORS publishes none of them for either.
    static func rows(_ measures: [SurveyMeasure], _ context: WritingContext) -> [[String]] {
        measures.compactMap { measure in
            let row = context.row(measure.label) { cell(measure, $0.profile.requirementsSurvey) }
            return row.dropFirst().allSatisfy { $0 == Figures.notPublished } ? nil : row
        }
    }

    /// Says which roles ORS does not cover, and that its estimates are preliminary.
    static func coverage(_ context: WritingContext, topic: String) -> Inlines {
        let covered = context.roles.filter { $0.profile.requirementsSurvey != nil }
        let uncovered = (context.same ? [context.a] : context.roles).filter { $0.profile.requirementsSurvey == nil }
        if covered.isEmpty {
            let subject = context.same ? context.a.occupation.title : "\(context.a.occupation.title) or \(context.b.occupation.title)"
            return "The Occupational Requirements Survey (ORS, preliminary 2020 estimates) publishes no \(topic) for \(subject); ORS covers only about a third of occupations, and no other occupation’s figures are borrowed."
        }
        var text: Inlines = "Figures marked ORS are BLS Occupational Requirements Survey estimates for 2020, which BLS calls preliminary; shares are percents of workers."
        for role in uncovered {
            text = text + " ORS publishes nothing for \(role.occupation.title) (SOC \(role.occupation.socCode.rawValue)), so its column says not published."
        }
        return text
    }
}
