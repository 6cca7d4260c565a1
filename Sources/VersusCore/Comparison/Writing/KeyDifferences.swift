/// The answer first: a few plain sentences, each a claim with the rows it rests on, on what a person deciding
/// between the two would want to know: pay, whether one leads to the other, time to qualify, licensing, the work,
/// the outlook and the conditions.
enum KeyDifferences {
    /// Medians closer than this (as a percent of the lower one) are called about the same: OEWS medians are survey
    /// estimates, and a gap of a few percent is within what changes from one year's estimate to the next.
    static let samePayPercent = 5.0

    /// Projected growth rates closer than this many percentage points are not called faster for either.
    static let similarGrowthPoints = 2.0

    /// Annual openings per 100 jobs closer than this are not called more for either.
    static let similarOpeningsPer100 = 1.0

    static func claims(_ context: WritingContext) -> [Claim] {
        var claims: [Claim] = []
        // On a page about an area, its pay first, then the national pay named as such.
        if let area = context.comparison.area, let local = SalarySection.medianComparison(context, area: area) { claims.append(local) }
        if let pay = SalarySection.medianComparison(context, nationally: context.comparison.area != nil) { claims.append(pay) }
        if let route = StepAnalysis.statedRoute(context) { claims.append(route) }
        if let preparation = preparation(context) { claims.append(preparation) }
        if let licensing = licensing(context) { claims.append(licensing) }
        if let duties = DutiesSection.keyDifference(context) { claims.append(duties) }
        if let outlook = outlook(context) { claims.append(outlook) }
        if let conditions = conditions(context) { claims.append(conditions) }
        return claims
    }

    // MARK: Time to qualify

    /// The most common ORS preparation band of a role, with its share (shared with the moves: `PreparationBand`).
    typealias Band = PreparationBand

    static func preparationBand(_ role: Comparison.Role) -> Band? { role.profile.preparationBand }

    /// "up to 1 month for most Nursing Assistants (57.3%)", or "for the largest group of …" when under half.
    static func bandPhrase(_ band: Band, _ role: Comparison.Role) -> Inlines {
        let who = band.share > 50 && band.close == nil ? "most" : "the largest group of"
        let phrase: Inlines = "\(band.answer.phrase) for \(who) \(role.occupation.title) (\(figure: Figures.percent(band.share))"
        guard let close = band.close, let share = band.closeShare else { return phrase + ")" }
        return phrase + "; \(close.phrase), \(figure: Figures.percent(share)), too close to call)"
    }

    /// BLS's typical way in: entry education, related experience and on-the-job training.
    static func way(_ role: Comparison.Role) -> String? {
        guard let p = role.profile.projections, let education = p.typicalEducation, let experience = p.workExperience else { return nil }
        var parts = [EntryPhrases.education(education), EntryPhrases.experience(experience)]
        if let training = p.onTheJobTraining { parts.append(EntryPhrases.training(training)) }
        return Figures.series(parts)
    }

    /// Time to qualify: ORS's most common preparation band, BLS's typical entry requirements, and the job zones. Said
    /// as a difference only where one of them differs; "the same way in" only when all of them agree.
    private static func preparation(_ context: WritingContext) -> Claim? {
        let a = context.a, b = context.b
        var sentences: [Inlines] = []
        var evidence: [Evidence] = []
        let (ba, bb) = (preparationBand(a), preparationBand(b))
        if let ba, let bb {
            evidence += [Cite.survey(a, ba.answer.code), Cite.survey(b, bb.answer.code)].compactMap { $0 }
            if ba.answer == bb.answer {
                sentences.append(
                    "ORS finds the same most common time to learn the job for both, \(ba.answer.phrase): \(figure: Figures.percent(ba.share)) of \(a.occupation.title) and \(figure: Figures.percent(bb.share)) of \(b.occupation.title)."
                )
            } else {
                sentences.append(
                    "Time to learn the job: " + bandPhrase(ba, a) + ", against " + bandPhrase(bb, b) + " (ORS).")
            }
        }
        let (wa, wb) = (way(a), way(b))
        if let wa, let wb {
            evidence += [a, b].flatMap { role in
                [Cite.ProjectionColumn.education, .experience, .training].compactMap { Cite.projection(role, $0) }
            }
            if wa == wb {
                // Said in full when nothing else is said of the time to qualify.
                sentences.append(
                    sentences.isEmpty ? "BLS’s typical entry requirements are the same for both: \(wa)." : "BLS’s entry requirements are the same.")
            } else {
                sentences.append("BLS expects \(wa) for \(a.name.withArticle), against \(wb) for \(b.name.withArticle).")
            }
        }
        if let za = a.profile.jobZone, let zb = b.profile.jobZone, za.number != zb.number {
            evidence += [Cite.jobZone(a), Cite.jobZone(b)].compactMap { $0 }
            sentences.append("O*NET job zones: \(figure: String(za.number)) and \(figure: String(zb.number)) of 5.")
        }
        // BLS's "no related experience" is its typical entry; where most jobs ORS surveyed ask for experience, a reader
        // deciding on it must hear both.
        for role in [a, b] where role.profile.projections?.workExperience == "None" {
            guard case .value(let share)? = role.profile.requirementsSurvey?["00107"]?.value, share > 50 else { continue }
            evidence += [Cite.survey(role, "00107")].compactMap { $0 }
            sentences.append(
                "Though BLS lists no related experience for entry, ORS finds that \(figure: Figures.percent(share)) of \(role.occupation.title) need prior work experience."
            )
        }
        guard !sentences.isEmpty else { return nil }
        return Claim(.preparation, Inlines.joined(sentences), evidence: evidence)
    }

    // MARK: Licensing

    /// Words of a description that name a license or registration ("Licensing or registration required").
    static let licensingWords = ["licens", "registration required", "must be registered", "must be certified", "certification required"]
    /// Words that make such a sentence a requirement of the worker: "licensed nursing staff" (whom a nursing assistant
    /// works under), "software licenses" (what an administrator maintains) and "licensing agencies" are not one.
    static let requirementWords = ["requir", "must "]

    /// The sentence of a role's description that states licensing as the worker's requirement, quoted.
    static func licensingSentence(_ role: Comparison.Role) -> String? {
        // On bytes: Foundation's locale-aware search costs more than the rest of the sentence, and this runs several
        // times per comparison.
        for sentence in sentences(role.occupation.description) {
            let lower = sentence.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            if licensingBytes.contains(where: { lower.contains(run: $0) }) && requirementBytes.contains(where: { lower.contains(run: $0) }) {
                return sentence.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A description's sentences, each with its full stop. A period ends a sentence only after a lower-case letter,
    /// a digit or a closing bracket: "issued by U.S. Coast Guard." is one sentence.
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.utf8.startIndex
        var previous: UInt8 = 0
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            defer { previous = byte }
            guard byte == UInt8(ascii: "."), (0x61...0x7A).contains(previous) || (0x30...0x39).contains(previous) || previous == UInt8(ascii: ")")
            else { continue }
            let end = text.utf8.index(after: index)
            if end == text.utf8.endIndex || text.utf8[end] == UInt8(ascii: " ") {
                result.append(text[start..<end])
                start = end
            }
        }
        if start < text.utf8.endIndex, !text[start...].allSatisfy(\.isWhitespace) { result.append(text[start...]) }
        return result
    }

    private static let licensingBytes = licensingWords.map { Array($0.utf8) }
    private static let requirementBytes = requirementWords.map { Array($0.utf8) }

    /// ORS's license shares for both, when published for both and markedly apart, and the descriptions' own words.
    private static func licensing(_ context: WritingContext) -> Claim? {
        let a = context.a, b = context.b
        var sentences: [Inlines] = []
        var evidence: [Evidence] = []
        if case .value(let la)? = a.profile.requirementsSurvey?["01087"]?.value, case .value(let lb)? = b.profile.requirementsSurvey?["01087"]?.value,
            abs(la - lb) >= SurveyText.markedGap
        {
            let (more, less, hi, lo) = la > lb ? (a, b, la, lb) : (b, a, lb, la)
            sentences.append(
                "A license is required for \(figure: Figures.percent(hi)) of \(more.occupation.title), against \(figure: Figures.percent(lo)) of \(less.occupation.title) (ORS)."
            )
            evidence += [Cite.survey(more, "01087"), Cite.survey(less, "01087")].compactMap { $0 }
        }
        // A description's words alone are no difference: O*NET's descriptions mention licensing for some occupations
        // that need one and not for others that need one too (physicians). They back an ORS difference, and the
        // Requirements table gives them for both.
        guard !sentences.isEmpty else { return nil }
        let quoted = [a, b].compactMap { role in licensingSentence(role).map { (role, $0) } }
        if quoted.count == 1, let (role, sentence) = quoted.first {
            sentences.append("O*NET’s description of \(role.occupation.title) says “\(sentence)”")
            evidence.append(Cite.description(role, quoting: sentence))
        }
        guard !sentences.isEmpty else { return nil }
        return Claim(.licensing, Inlines.joined(sentences), evidence: evidence)
    }

    // MARK: Outlook

    /// Annual openings per 100 jobs of 2024 (shared with the moves: `Projections.openingsPer100`).
    static func openingsPer100(_ p: Projections) -> Double? { p.openingsPer100 }

    /// Growth and openings side by side; "a better outlook" only when both point the same way.
    private static func outlook(_ context: WritingContext) -> Claim? {
        let a = context.a, b = context.b
        guard let pa = a.profile.projections, let pb = b.profile.projections, let ca = pa.changePercent, let cb = pb.changePercent else { return nil }
        let evidence = [a, b].flatMap { role in
            [Cite.ProjectionColumn.changePercent, .openings, .employment2024].compactMap { Cite.projection(role, $0) }
        }
        func change(_ value: Double) -> Inlines {
            value == 0 ? "stay level" : "\(value > 0 ? "grow" : "decline") \(figure: Figures.magnitude(value))"
        }
        if pa.code == pb.code {
            return Claim(.outlook, "BLS projects one outlook for both: employment to " + change(ca) + " from 2024 to 2034.", evidence: evidence)
        }
        guard let oa = openingsPer100(pa), let ob = openingsPer100(pb) else {
            let growth = "employment to " + change(ca) + " for \(a.name.withArticle) and to " + change(cb) + " for \(b.name.withArticle)"
            let lead: Inlines =
                abs(ca - cb) < similarGrowthPoints
                ? "BLS projects similar growth: " : "BLS projects faster growth for \((ca > cb ? a : b).name.withArticle): "
            return Claim(.outlook, lead + growth + " from 2024 to 2034.", evidence: evidence)
        }
        let growthSide: Comparison.Role? = abs(ca - cb) < similarGrowthPoints ? nil : (ca > cb ? a : b)
        let openingsSide: Comparison.Role? = abs(oa - ob) < similarOpeningsPer100 ? nil : (oa > ob ? a : b)
        let lead: Inlines
        switch (growthSide, openingsSide) {
        case let (g?, o?) where g === o:
            lead = "BLS projects a better outlook for \(g.name.withArticle) on both counts"
        case let (g?, o?):
            lead = "The outlook is mixed: faster growth for \(g.name.withArticle), more openings per job for \(o.name.withArticle)"
        case let (g?, nil):
            lead = "BLS projects faster growth for \(g.name.withArticle), and similar openings per job"
        case let (nil, o?):
            lead = "BLS projects similar growth, but more openings per job for \(o.name.withArticle)"
        case (nil, nil):
            lead = "BLS projects similar outlooks"
        }
        func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + Figures.percent(value) }
        return Claim(
            .outlook,
            lead + ": employment \(figure: signed(ca)) and \(figure: signed(cb)) in 2024–34, and \(figure: Figures.exact(oa, maxPlaces: 1)) and "
                + "\(figure: Figures.exact(ob, maxPlaces: 1)) openings a year per 100 jobs, in that order.",
            evidence: evidence)
    }

    // MARK: Working conditions

    /// The yes/no working condition whose ORS shares differ most, if by at least `SurveyText.markedGap` points: of those
    /// the page compares, which is all the sentence may claim.
    private static func conditions(_ context: WritingContext) -> Claim? {
        guard let (more, less) = SurveyText.largestShareGap(SurveyMeasure.environment, context) else { return nil }
        let evidence = [Cite.survey(more.role, more.code), Cite.survey(less.role, less.code)].compactMap { $0 }
        func verb(_ phrase: String) -> String { phrase.hasPrefix("exposed") || phrase.hasPrefix("not exposed") ? "are " + phrase : phrase }
        let lead = "Of the yes-or-no working conditions compared below, the largest difference (ORS 2020, preliminary): "
        if more.code == less.code {
            return Claim(
                .conditions,
                "\(lead)\(figure: Figures.percent(more.value)) of \(more.role.occupation.title) \(verb(more.phrase)), "
                    + "against \(figure: Figures.percent(less.value)) of \(less.role.occupation.title).",
                evidence: evidence)
        }
        return Claim(
            .conditions,
            "\(lead)\(figure: Figures.percent(more.value)) of \(more.role.occupation.title) \(verb(more.phrase)), "
                + "and \(figure: Figures.percent(less.value)) of \(less.role.occupation.title) \(verb(less.phrase)).",
            evidence: evidence)
    }
}
