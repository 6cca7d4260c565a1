/// How ORS measures read in a table: the published estimate, never a computed complement, and each row in one direction.
enum SurveyText {
    /// Table rows, and the sentences that go with them.
    struct Rows {
        var rows: [[String]] = []
        /// Estimates published only in the other direction than their row reads, told in words so that no figure is lost.
        var opposite: [Inlines] = []
    }

    /// Rows for the measures ORS publishes for at least one role; rows it publishes for neither are left out.
    ///
    /// A yes/no share reads "yes" when ORS publishes the "yes" estimate for every role that has either, else "no" when
    /// that one is published for all of them, else the direction more roles have ("yes" on a tie). A role whose only
    /// estimate reads the other way shows "see below" in the row and the estimate in `opposite`: ORS's two shares need
    /// not add up to 100 (rounding, "less than" bounds), so neither is computed from the other.
    static func rows(_ measures: [SurveyMeasure], _ context: WritingContext, labelSuffix: String = "") -> Rows {
        rows(measures, roles: context.same ? [context.a] : context.roles, named: !context.same, labelSuffix: labelSuffix)
    }

    /// The rows for any number of roles, a value per role (a comparison's two, or a lineup's three or four). `named`:
    /// whether a note about one role's estimate names the role (not when the page is about one occupation).
    static func rows(_ measures: [SurveyMeasure], roles: [Comparison.Role], named: Bool, labelSuffix: String = "") -> Rows {
        var result = Rows()
        func row(_ label: String, _ value: (Comparison.Role) -> String) -> [String] { [label] + roles.map(value) }
        for measure in measures {
            switch measure.kind {
            case .share(let yes, let yesPhrase, let no, let noPhrase):
                func published(_ role: Comparison.Role, _ code: String) -> SurveyValue? {
                    guard let value = role.profile.requirementsSurvey?[code]?.value, value != .notPublished else { return nil }
                    return value
                }
                let withYes = roles.filter { published($0, yes) != nil }, withNo = roles.filter { published($0, no) != nil }
                let withAny = roles.filter { published($0, yes) != nil || published($0, no) != nil }
                guard !withAny.isEmpty else { continue }
                let readsYes = withYes.count == withAny.count || (withNo.count != withAny.count && withYes.count >= withNo.count)
                let (code, phrase, otherCode, otherPhrase) = readsYes ? (yes, yesPhrase, no, noPhrase) : (no, noPhrase, yes, yesPhrase)
                let row = row(phrase.sentenceStart + labelSuffix) { role in
                    if let value = published(role, code) { return Figures.survey(value) }
                    return published(role, otherCode) == nil ? Figures.notPublished : "see below"
                }
                result.rows.append(row)
                for role in roles where published(role, code) == nil {
                    guard let value = published(role, otherCode) else { continue }
                    let who = named ? " for \(role.name.withArticle)" : ""
                    result.opposite.append("ORS publishes only the opposite share\(who): \(figure: Figures.survey(value)) \(otherPhrase).")
                }
            case .mode, .figure:
                let row = row(measure.label + labelSuffix) { cell(measure, $0.profile.requirementsSurvey) }
                if row.dropFirst().allSatisfy({ $0 == Figures.notPublished }) { continue }
                result.rows.append(row)
            }
        }
        return result
    }

    static func cell(_ measure: SurveyMeasure, _ survey: RequirementsSurvey?) -> String {
        guard let survey else { return Figures.notPublished }
        switch measure.kind {
        case .share(let yes, _, let no, let noPhrase):
            if let estimate = survey[yes], estimate.value != .notPublished { return Figures.survey(estimate.value) }
            if let estimate = survey[no], estimate.value != .notPublished { return Figures.survey(estimate.value) + " " + noPhrase }
            return Figures.notPublished
        case .mode(let answers):
            for answer in answers {
                if let estimate = survey[answer.code], estimate.isMode, estimate.value != .notPublished {
                    let named = "\(answer.phrase) (\(Figures.survey(estimate.value))"
                    guard let (next, share) = survey.runnerUp(to: estimate, of: answers) else { return named + ")" }
                    return named + "; \(next.phrase), \(Figures.percent(share)), too close to call)"
                }
            }
            return Figures.notPublished
        case .figure(let code, let unit):
            guard let estimate = survey[code] else { return Figures.notPublished }
            return Figures.survey(estimate.value, unit: unit)
        }
    }

    /// One role's side of a yes/no working condition: the estimate ORS publishes, in its own direction.
    struct StatedShare {
        let role: Comparison.Role
        let code: String
        let phrase: String
        let value: Double
    }

    /// The estimate ORS publishes for the role in either direction of a yes/no measure, the "yes" one first, with the
    /// share of workers the "yes" answer describes: for ranking gaps only, never shown, so the complement of a "no"
    /// estimate (exact within ORS's rounding) may stand in for it.
    static func stated(_ role: Comparison.Role, _ measure: SurveyMeasure) -> (stated: StatedShare, yesShare: Double)? {
        guard case .share(let yes, let yesPhrase, let no, let noPhrase) = measure.kind else { return nil }
        if case .value(let value)? = role.profile.requirementsSurvey?[yes]?.value {
            return (StatedShare(role: role, code: yes, phrase: yesPhrase, value: value), value)
        }
        if case .value(let value)? = role.profile.requirementsSurvey?[no]?.value {
            return (StatedShare(role: role, code: no, phrase: noPhrase, value: value), 100 - value)
        }
        return nil
    }

    /// The yes/no working condition whose shares differ most between the two roles, if by at least `markedGap` points,
    /// each side as ORS publishes it: in one direction for both where it can, else each in its own ("exposed" for one,
    /// "not exposed" for the other). Nil when there is none.
    static func largestShareGap(_ measures: [SurveyMeasure], _ context: WritingContext) -> (more: StatedShare, less: StatedShare)? {
        guard !context.same else { return nil }
        var best: (more: StatedShare, less: StatedShare, gap: Double)?
        for measure in measures {
            guard case .share(_, _, let no, let noPhrase) = measure.kind, var a = stated(context.a, measure),
                var b = stated(context.b, measure)
            else { continue }
            // One direction for both when ORS publishes it so: "not exposed" for both rather than one of each.
            if a.stated.code != b.stated.code, a.stated.code != no, case .value(let value)? = context.a.profile.requirementsSurvey?[no]?.value {
                a.stated = StatedShare(role: context.a, code: no, phrase: noPhrase, value: value)
            } else if a.stated.code != b.stated.code, b.stated.code != no,
                case .value(let value)? = context.b.profile.requirementsSurvey?[no]?.value
            {
                b.stated = StatedShare(role: context.b, code: no, phrase: noPhrase, value: value)
            }
            let gap = abs(a.yesShare - b.yesShare)
            guard gap >= markedGap, gap > (best?.gap ?? 0) else { continue }
            let sameDirection = a.stated.code == b.stated.code
            // The larger share first: of the published figures when both read one way, else of the "yes" answer.
            let aFirst = sameDirection ? a.stated.value >= b.stated.value : a.yesShare >= b.yesShare
            best = aFirst ? (a.stated, b.stated, gap) : (b.stated, a.stated, gap)
        }
        return best.map { ($0.more, $0.less) }
    }

    /// A gap of this many percentage points in the share of workers is called a marked difference in working conditions.
    static let markedGap = 20.0

    /// Says which roles ORS does not cover, and that its estimates are preliminary: once per page.
    static func coverage(_ context: WritingContext) -> Inlines {
        let uncovered = (context.same ? [context.a] : context.roles).filter { $0.profile.requirementsSurvey == nil }
        if uncovered.count == (context.same ? 1 : 2) {
            return "The Occupational Requirements Survey (ORS) publishes nothing for either occupation (it covers about a third of them), "
                + "and no other occupation’s figures are borrowed."
        }
        var text: Inlines = "ORS: BLS Occupational Requirements Survey, 2020 preliminary estimates, in percent of workers."
        for role in uncovered {
            text = text + " ORS publishes nothing for \(role.name.withArticle) (SOC \(role.occupation.socCode.rawValue))."
        }
        return text
    }
}
