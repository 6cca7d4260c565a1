/// Overview: how each title was matched, the headline differences, what each role is, and the figures at a glance.
enum OverviewSection {
    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        if context.same {
            blocks.append(.paragraph(sameOccupation(context)))
        } else {
            blocks.append(.paragraph(matching(context)))
        }
        for role in context.roles {
            if let note = alternatives(role, context) { blocks.append(.paragraph(note)) }
        }
        if !context.same, let headline = headline(context) { blocks.append(.paragraph(headline)) }

        if context.same {
            blocks.append(.subheading("What \(context.a.name.agreeing("is", "are")) \(context.a.name.withArticle) or \(context.b.name.withArticle)?"))
            blocks.append(contentsOf: portrait(context.a, context))
        } else {
            for role in context.roles {
                blocks.append(.subheading("What \(role.name.agreeing("is", "are")) \(role.name.withArticle)?"))
                blocks.append(contentsOf: portrait(role, context))
            }
        }
        blocks.append(.subheading("At a glance"))
        blocks.append(.table(glance(context)))
        return ArticleSection(id: .overview, heading: "Overview", blocks: blocks)
    }

    private static func sameOccupation(_ context: WritingContext) -> Inlines {
        let a = context.a, b = context.b
        return """
        “\(a.name.text)” and “\(b.name.text)” both lead to one O*NET occupation, \(context.occupationWithCode(a)). \
        The public data describes occupations, not job titles, so it does not tell \(a.name.withArticle) from \(b.name.withArticle): \
        every duty, requirement, skill and figure below belongs to that one occupation, and no difference is shown because the data holds none.
        """
    }

    /// "Operations Manager is matched to … General and Operations Managers (11-1021.00), and COO to Chief Executives (11-1011.00), through the title “Chief Operating Officer (COO)”."
    private static func matching(_ context: WritingContext) -> Inlines {
        func through(_ role: Comparison.Role) -> String {
            guard let matched = role.request.matchedTitle,
                  matched.lowercased() != role.name.text.lowercased(),
                  matched.lowercased() != role.occupation.title.lowercased() else { return "" }
            return " through the title “\(matched)”"
        }
        let a = context.a, b = context.b
        return "This comparison matches \(a.name.text) to the O*NET occupation \(context.occupationWithCode(a))\(through(a)), and \(b.name.text) to \(context.occupationWithCode(b))\(through(b))."
    }

    private static func alternatives(_ role: Comparison.Role, _ context: WritingContext) -> Inlines? {
        let shown = role.request.alternatives.prefix(3)
        guard !shown.isEmpty else { return nil }
        let names = shown.map { "\($0.title) (\($0.code))" }
        return "“\(role.name.text)” can also mean \(Figures.series(names, conjunction: "or")); this page uses \(context.occupationWithCode(role))."
    }

    /// The differences a reader asks about first: pay, how many people do the job, and how people enter it.
    private static func headline(_ context: WritingContext) -> Inlines? {
        var sentences: [Inlines] = []
        // The pay sentence names the BLS occupation behind each figure, e.g. "a Demand Planner (Logisticians)".
        if let pay = SalarySection.medianComparison(context, short: true) { sentences.append(pay) }
        if !context.sharesBLSFigures,
           let ea = context.a.profile.nationalWages?.employment, let eb = context.b.profile.nationalWages?.employment,
           ea.value != nil, eb.value != nil {
            sentences.append("OEWS counts \(figure: Figures.countInWords(ea)) jobs as \(context.blsTitle(context.a)) and \(figure: Figures.countInWords(eb)) as \(context.blsTitle(context.b)).")
        }
        if let entry = entry(context) { sentences.append(entry) }
        return sentences.isEmpty ? nil : Inlines.joined(sentences)
    }

    private static func entry(_ context: WritingContext) -> Inlines? {
        guard let pa = context.a.profile.projections, let pb = context.b.profile.projections,
              let ea = pa.typicalEducation, let eb = pb.typicalEducation,
              let xa = pa.workExperience, let xb = pb.workExperience else { return nil }
        if pa.code == pb.code {
            return "BLS publishes one entry profile for both (\(pa.title)): \(EntryPhrases.education(ea)) and \(EntryPhrases.experience(xa))."
        }
        if ea == eb && xa == xb {
            return "BLS lists the same typical entry for both: \(EntryPhrases.education(ea)) and \(EntryPhrases.experience(xa))."
        }
        return "For entry, BLS lists \(EntryPhrases.education(ea)) and \(EntryPhrases.experience(xa)) for \(context.blsTitle(context.a)), against \(EntryPhrases.education(eb)) and \(EntryPhrases.experience(xb)) for \(context.blsTitle(context.b))."
    }

    /// What one role is: O*NET's description, reported titles, how many hold the job, and how BLS figures map to it.
    private static func portrait(_ role: Comparison.Role, _ context: WritingContext) -> [Block] {
        let profile = role.profile
        var blocks: [Block] = []
        blocks.append(.paragraph("O*NET describes \(context.occupationWithCode(role)) this way: “\(profile.occupation.description)”"))
        let titles = profile.reportedTitles.prefix(6)
        if !titles.isEmpty {
            blocks.append(.paragraph("Titles that workers in this occupation report include \(Figures.series(Array(titles)))."))
        }
        var facts: [Inlines] = []
        if let wages = profile.nationalWages, let source = profile.wageSource {
            switch wages.employment {
            case .value, .atLeast:
                facts.append("OEWS counts \(figure: Figures.count(wages.employment)) jobs in the U.S. as \(source.title) (May 2025).")
            case .notPublished:
                facts.append("OEWS does not publish employment for \(source.title).")
            }
        }
        facts.append(contentsOf: Notes.coverage(role))
        blocks.append(.paragraph(Inlines.joined(facts)))
        return blocks
    }

    private static func glance(_ context: WritingContext) -> Table {
        var rows: [[String]] = []
        rows.append(context.row("O*NET occupation") { "\($0.occupation.title) (\($0.occupation.code))" })
        rows.append(context.row("Median pay (May 2025)") { role in
            let pay = medianPay(role.profile.nationalWages)
            return context.blsIsBroader(role) && role.profile.nationalWages != nil ? pay + " (all \(context.blsTitle(role)))" : pay
        })
        rows.append(context.row("Jobs (May 2025)") { $0.profile.nationalWages.map { Figures.count($0.employment) } ?? Figures.notPublished })
        rows.append(context.row("Typical entry education") { $0.profile.projections?.typicalEducation ?? Figures.notPublished })
        rows.append(context.row("Related work experience") { $0.profile.projections?.workExperience ?? Figures.notPublished })
        rows.append(context.row("Job zone (1–5)") { $0.profile.jobZone.map { "\($0.number): \($0.preparation)" } ?? Figures.notPublished })
        rows.append(context.row("Projected growth 2024–34") { role in
            role.profile.projections?.changePercent.map { (($0 > 0) ? "+" : "") + Figures.percent($0) } ?? Figures.notPublished
        })
        return Table(header: context.header(""), rows: rows)
    }

    /// "$102,950 a year", or the hourly median where OEWS publishes only hourly wages.
    static func medianPay(_ wages: WageEstimate?) -> String {
        guard let wages else { return Figures.notPublished }
        if wages.annualMedian != .notPublished { return Figures.annual(wages.annualMedian) + " a year" }
        if wages.hourlyMedian != .notPublished { return Figures.hourly(wages.hourlyMedian) + " an hour" }
        return Figures.notPublished
    }
}

/// Sentences that say where a role's BLS figures come from when that is not simply its own code.
enum Notes {
    static func coverage(_ role: Comparison.Role) -> [Inlines] {
        var notes: [Inlines] = []
        let profile = role.profile
        let soc = profile.occupation.socCode
        if let source = profile.wageSource {
            if source.basis == .aggregate {
                notes.append("OEWS does not publish SOC \(soc.rawValue) on its own; the employment and wage figures here are those of \(source.title) (\(source.code.rawValue)), a group that contains it.")
            }
        } else {
            notes.append("OEWS publishes no employment or wage estimate for this occupation.")
        }
        if !profile.socSiblings.isEmpty {
            let names = profile.socSiblings.prefix(4).map(\.title)
            let more = profile.socSiblings.count > 4 ? " and others" : ""
            notes.append("BLS figures for SOC \(soc.rawValue) also cover \(Figures.series(names))\(more), which O*NET describes as separate occupations.")
        }
        return notes
    }
}
