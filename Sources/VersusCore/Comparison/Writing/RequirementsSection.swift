/// Job Requirements: entry education, experience and training (BLS), what workers' education actually is (BLS 5.3)
/// and what respondents say the job requires (O*NET), job zone, credentials (ORS), and whether one role leads to the other.
enum RequirementsSection {
    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        blocks.append(.table(entryTable(context)))
        for role in context.same ? [context.a] : context.roles {
            if let projections = role.profile.projections, projections.basis == .aggregate {
                blocks.append(.paragraph("BLS projections do not list SOC \(role.occupation.socCode.rawValue) on its own; the entry requirements shown for \(role.occupation.title) are those of \(projections.title) (\(projections.code.rawValue))."))
            } else if role.profile.projections == nil {
                blocks.append(.paragraph("BLS Employment Projections publish no entry requirements for \(role.occupation.title)."))
            }
        }
        blocks.append(.paragraph(SurveyText.coverage(context, topic: "credential or experience requirements")))

        blocks.append(.subheading("Education in practice"))
        blocks.append(contentsOf: education(context))
        if let preparation = preparation(context) { blocks.append(.paragraph(preparation)) }

        blocks.append(.subheading("Is one a step toward the other?"))
        blocks.append(.paragraph(StepAnalysis.sentence(context)))
        return ArticleSection(id: .requirements, heading: "Job Requirements", blocks: blocks)
    }

    private static func entryTable(_ context: WritingContext) -> Table {
        var rows: [[String]] = [
            context.row("Typical entry education (BLS)") { $0.profile.projections?.typicalEducation ?? Figures.notPublished },
            context.row("Related work experience (BLS)") { $0.profile.projections?.workExperience ?? Figures.notPublished },
            context.row("On-the-job training (BLS)") { $0.profile.projections?.onTheJobTraining ?? Figures.notPublished },
            context.row("Job zone (O*NET)") { $0.profile.jobZone.map { "\($0.number) of 5: \($0.preparation)" } ?? Figures.notPublished },
        ]
        rows.append(contentsOf: SurveyText.rows(SurveyMeasure.requirements, context).map { row in [row[0] + " (ORS)"] + row.dropFirst() })
        return Table(header: context.header("Requirement"), rows: rows)
    }

    private static func education(_ context: WritingContext) -> [Block] {
        var blocks: [Block] = []
        let shown = context.same ? [context.a] : context.roles
        // Projections 5.3: the highest level workers actually hold.
        let levels = shown.first { !$0.profile.attainment.isEmpty }?.profile.attainment.map(\.level) ?? []
        if levels.isEmpty {
            blocks.append(.paragraph("BLS publishes no educational attainment figures for \(shown.map(context.blsTitle).joined(separator: " or "))."))
        } else {
            var sentences: [Inlines] = []
            for role in shown {
                if let top = role.profile.attainment.filter({ $0.percent != nil }).max(by: { ($0.percent!, $1.level) < ($1.percent!, $0.level) }) {
                    sentences.append("Among \(context.blsTitle(role)), the most common highest level of education is \(EntryPhrases.education(top.level)) (\(figure: Figures.percent(top.percent!)) of workers).")
                }
            }
            blocks.append(.paragraph(Inlines.joined(sentences)))
            let rows = levels.map { level in
                context.row(level) { role in Figures.percent(role.profile.attainment.first { $0.level == level }?.percent) }
            }
            blocks.append(.table(Table(header: context.header("Highest education of workers (BLS)"), rows: rows)))
        }

        // O*NET RL: the level respondents say the job requires.
        let categories = Set(shown.flatMap { $0.profile.requiredEducation.filter { $0.percent > 0 && !$0.suppressed }.map(\.category) }).sorted()
        if categories.isEmpty {
            blocks.append(.paragraph("O*NET publishes no required-education ratings for \(shown.map(\.occupation.title).joined(separator: " or "))."))
        } else {
            var sentences: [Inlines] = []
            for role in shown {
                if let top = mode(role.profile.requiredEducation) {
                    sentences.append("For \(role.occupation.title), the answer O*NET respondents give most often for the education the job requires is \(EntryPhrases.education(top.shortLabel.lowercasedWords)) (\(figure: Figures.percent(top.percent))).")
                } else {
                    sentences.append("O*NET publishes no required-education ratings for \(role.occupation.title).")
                }
            }
            blocks.append(.paragraph(Inlines.joined(sentences)))
            let rows = categories.map { category in
                context.row(label(category, shown)) { role in
                    guard !role.profile.requiredEducation.isEmpty else { return Figures.notPublished }
                    guard let share = role.profile.requiredEducation.first(where: { $0.category == category }) else { return Figures.notPublished }
                    return share.suppressed ? "withheld by O*NET" : Figures.percent(share.percent)
                }
            }
            blocks.append(.table(Table(header: context.header("Education required (O*NET)"), rows: rows)))
        }
        return blocks
    }

    private static func label(_ category: Int, _ roles: [Comparison.Role]) -> String {
        for role in roles {
            if let share = role.profile.requiredEducation.first(where: { $0.category == category }) { return share.shortLabel }
        }
        return String(category)
    }

    /// The category most respondents chose (ties: the lower category), ignoring estimates O*NET advises against.
    static func mode(_ shares: [CategoryShare]) -> CategoryShare? {
        shares.filter { !$0.suppressed && $0.percent > 0 }.max { $0.percent != $1.percent ? $0.percent < $1.percent : $0.category > $1.category }
    }

    /// O*NET's related experience, on-site and on-the-job training: the most common answer for each role.
    private static func preparation(_ context: WritingContext) -> Inlines? {
        var sentences: [Inlines] = []
        for role in context.same ? [context.a] : context.roles {
            let p = role.profile
            var parts: [Inlines] = []
            if let experience = mode(p.relatedExperience) {
                parts.append("related work experience: \(experience.label.lowercasedWords) (\(figure: Figures.percent(experience.percent)))")
            }
            if let training = mode(p.onTheJobTraining) {
                parts.append("on-the-job training: \(training.label.lowercasedWords) (\(figure: Figures.percent(training.percent)))")
            }
            if let onSite = mode(p.onSiteTraining) {
                parts.append("on-site or in-plant training: \(onSite.label.lowercasedWords) (\(figure: Figures.percent(onSite.percent)))")
            }
            guard !parts.isEmpty else { continue }
            sentences.append("The most common answers of O*NET respondents for \(role.occupation.title) are " + Inlines.joined(parts, separator: "; ") + ".")
        }
        return sentences.isEmpty ? nil : Inlines.joined(sentences)
    }
}

/// Whether the data suggests one role usually leads to the other: job zones, BLS related experience, O*NET related occupations.
enum StepAnalysis {
    static func sentence(_ context: WritingContext) -> Inlines {
        if context.same {
            return "Both titles are the same occupation in the data, so it cannot show one leading to the other."
        }
        let a = context.a, b = context.b
        let relation = relatedness(context)
        guard let za = a.profile.jobZone?.number, let zb = b.profile.jobZone?.number else {
            let missing = [a, b].filter { $0.profile.jobZone == nil }.map(\.occupation.title)
            return "O*NET assigns no job zone to \(Figures.series(missing)), so the data cannot say whether one role prepares for the other." + relation
        }
        if za == zb {
            return "Both are in job zone \(figure: String(za)) (\(a.profile.jobZone!.preparation.midSentence)), so neither needs more preparation than the other; the data points to a move between them being sideways rather than a step up." + relation
        }
        let (lower, higher) = za < zb ? (a, b) : (b, a)
        let zl = min(za, zb), zh = max(za, zb)
        let experience = higher.profile.projections?.workExperience
        if let experience, experience != "None" {
            return "The data fits \(lower.name.withArticle) being a step toward \(higher.name.withArticle): \(higher.occupation.title) are in job zone \(figure: String(zh)) against \(figure: String(zl)), and BLS says entry usually takes \(experience.midSentence) of work experience in a related occupation." + relation
        }
        return "\(higher.name.withArticle.sentenceStart) \(higher.name.agreeing("needs", "need")) more preparation (job zone \(figure: String(zh)) against \(figure: String(zl))), but BLS lists no related work experience for entry, so the data does not show one role as the usual route to the other." + relation
    }

    /// " O*NET lists X among the occupations most related to Y." or that it does not.
    private static func relatedness(_ context: WritingContext) -> Inlines {
        let a = context.a, b = context.b
        let aToB = a.profile.related.first { $0.code == b.occupation.code }
        let bToA = b.profile.related.first { $0.code == a.occupation.code }
        func phrase(_ link: RelatedOccupation, from: Comparison.Role) -> String {
            let closeness = link.tier == "Primary-Short" ? "among the occupations most related to" : "among the occupations related to"
            return "O*NET lists \(link.title) \(closeness) \(from.occupation.title)"
        }
        switch (aToB, bToA) {
        case let (x?, _?): return " " + Inlines(stringLiteral: phrase(x, from: a) + ", and the other way round.")
        case let (x?, nil): return " " + Inlines(stringLiteral: phrase(x, from: a) + ".")
        case let (nil, y?): return " " + Inlines(stringLiteral: phrase(y, from: b) + ".")
        case (nil, nil): return " O*NET does not list either among the other’s related occupations."
        }
    }
}
