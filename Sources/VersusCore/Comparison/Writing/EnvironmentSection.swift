/// Work Environment: the industries that employ each role (OEWS), self-employment (Projections), telework, pace,
/// supervision, public contact and physical conditions (ORS 2020, preliminary), and tools (O*NET).
enum EnvironmentSection {
    static let industryLimit = 2
    static let toolLimit = 2
    /// A tool O*NET lists for this many occupations or more (desktop computers, telephones, hand trucks, USB drives)
    /// says nothing about a job; the Tools part is left out when neither role has one that does.
    static let genericToolCount = 25
    /// ORS shares this close (percentage points) are told as alike rather than tabled: the survey's own standard errors
    /// are often a point or two, so smaller gaps are not differences a reader should weigh.
    static let closeShare = 5.0

    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        blocks.append(.subheading("Where they work"))
        var whereSentences = [industries(context)]
        if let selfEmployment = selfEmployment(context) { whereSentences.append(selfEmployment) }
        blocks.append(.paragraph(Inlines.joined(whereSentences)))

        blocks.append(.subheading("How they work"))
        let survey = SurveyText.rows(SurveyMeasure.environment, context)
        if survey.rows.isEmpty {
            blocks.append(.paragraph(SurveyText.coverage(context)))
        } else {
            // Shares both roles publish within `closeShare` points of each other say only "the same for both": one sentence, not a row each.
            let close =
                context.same
                ? []
                : survey.rows.filter { row in
                    guard row.count == 3, let x = Double(row[1].dropLast()), let y = Double(row[2].dropLast()), row[1].hasSuffix("%"),
                        row[2].hasSuffix("%")
                    else { return false }
                    return abs(x - y) < closeShare
                }
            let labels = Set(close.map { $0[0] })
            blocks.append(.table(Table(header: context.header("Share of workers (ORS)"), rows: survey.rows.filter { !labels.contains($0[0]) })))
            var notes = survey.opposite
            if !close.isEmpty {
                notes.append(
                    "Within \(figure: Figures.exact(closeShare)) points for both, so not tabled: \(Figures.series(close.map { $0[0].midSentence })).")
            }
            if !notes.isEmpty { blocks.append(.paragraph(Inlines.joined(notes))) }
        }

        if !ranked(context.a.profile.tools).isEmpty || (!context.same && !ranked(context.b.profile.tools).isEmpty) {
            blocks.append(.subheading("Tools"))
            blocks.append(.paragraph(tools(context)))
        }
        return ArticleSection(id: .environment, heading: "Work Environment", blocks: blocks)
    }

    private static func industries(_ context: WritingContext) -> Inlines {
        let shown = context.same || context.sharesBLSFigures ? [context.a] : context.roles
        var sentences: [Inlines] = []
        for (index, role) in shown.enumerated() {
            let top = role.profile.industries.filter { $0.employment.value != nil }.prefix(industryLimit)
            guard !top.isEmpty else {
                sentences.append("OEWS publishes no national employment by industry for \(role.name.withArticle).")
                continue
            }
            let items = top.map { industry -> Inlines in "\(industry.title) (\(figure: Figures.count(industry.employment)))" }
            let scope = index == 0 ? " (OEWS, May 2025, jobs)" : ""
            let who = context.same || context.sharesBLSFigures ? "both" : role.name.withArticle
            sentences.append("The largest employers of \(who) are " + series(items) + "\(scope).")
        }
        return Inlines.joined(sentences)
    }

    private static func series(_ items: [Inlines]) -> Inlines {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + " and " + items[1]
        default: return Inlines.joined(Array(items.dropLast()), separator: "; ") + "; and " + items.last!
        }
    }

    private static func selfEmployment(_ context: WritingContext) -> Inlines? {
        let shown = context.same ? [context.a] : context.roles
        let values = shown.map { role in (role, role.profile.projections?.selfEmployedPercent) }
        guard values.contains(where: { $0.1 != nil }) else { return nil }
        if let pa = context.a.profile.projections, let pb = context.b.profile.projections, !context.same, pa.code == pb.code,
            let share = pa.selfEmployedPercent
        {
            return "BLS counts \(figure: Figures.percent(share)) of both as self-employed (2024), one figure for the two."
        }
        let published = values.filter { $0.1 != nil }
        let missing = values.filter { $0.1 == nil }.map { $0.0.name.withArticle }
        var sentence: Inlines = "Self-employed (BLS, 2024): \(figure: Figures.percent(published[0].1!)) for \(published[0].0.name.withArticle)"
        if published.count > 1 { sentence = sentence + ", \(figure: Figures.percent(published[1].1!)) for \(published[1].0.name.withArticle)" }
        if !missing.isEmpty { sentence = sentence + "; no share published for \(missing.joined(separator: " or "))" }
        return sentence + "."
    }

    /// How telling an item is for one occupation: the share of its related occupations that list it, against how many
    /// occupations list it at all (Microsoft Excel, listed nearly everywhere, says little; wire threaders say "electrician").
    static func telling(occupationCount: Int?, relatedCount: Int?) -> Double {
        Double(relatedCount ?? 0) / Double(max(occupationCount ?? 1, 1))
    }

    /// An item none of the occupation's related occupations lists says nothing about the kind of work, and one listed for
    /// `genericToolCount` or more occupations says nothing about any job; the rest, the most telling first.
    static func ranked(_ tools: [Tool]) -> [Tool] {
        // Telling: rare across occupations, and listed by two or more of the occupation's related ones (a tool only one
        // related occupation lists, hand trucks for general managers, is that occupation's, not this kind of work's).
        tools.filter { ($0.relatedCount ?? 2) >= 2 && ($0.occupationCount ?? 0) < genericToolCount }.sorted { l, r in
            let tl = telling(occupationCount: l.occupationCount, relatedCount: l.relatedCount)
            let tr = telling(occupationCount: r.occupationCount, relatedCount: r.relatedCount)
            return tl != tr ? tl > tr : l.name < r.name
        }
    }

    private static func tools(_ context: WritingContext) -> Inlines {
        func names(_ list: [Tool]) -> String { Figures.series(list.prefix(toolLimit).map { $0.name.midSentence }) }
        let lead = "O*NET’s tools, most telling first (used in related occupations, rare elsewhere): "
        if context.same {
            let list = ranked(context.a.profile.tools)
            return list.isEmpty ? "O*NET lists no job-specific tools for this occupation." : Inlines(stringLiteral: lead + names(list) + ".")
        }
        let allA = context.a.profile.tools, allB = context.b.profile.tools
        let a = ranked(allA), b = ranked(allB)
        if a.isEmpty && b.isEmpty { return "O*NET lists no job-specific tools for either occupation." }
        // With no tools listed for one, nothing is "only" the other's: O*NET is silent, not saying that one does without.
        for (role, list, other) in [(context.a, a, allB), (context.b, b, allA)] where other.isEmpty {
            let without = role === context.a ? context.b : context.a
            return Inlines(
                stringLiteral: lead
                    + "\(role.name.withArticle), \(names(list)); O*NET lists no tools for \(without.occupation.title), so they cannot be compared."
            )
        }
        // A tool is the other's too when the other lists it under any name: by name or by its UNSPSC commodity, against
        // all the other's tools, not only its telling ones.
        // A scan, not sets: only the few telling tools are looked up, and hashing every tool's name cost a comparison more.
        func uses(_ tools: [Tool]) -> (Tool) -> Bool {
            { tool in tools.contains { ($0.commodity != nil && $0.commodity == tool.commodity) || $0.name == tool.name } }
        }
        let aUses = uses(allA), bUses = uses(allB)
        var parts: [String] = []
        let shared = a.filter(bUses)
        if !shared.isEmpty { parts.append("both use \(names(shared))") }
        for (role, own) in [(context.a, a.filter { !bUses($0) }), (context.b, b.filter { !aUses($0) })] {
            if !own.isEmpty {
                parts.append("only \(role.name.withArticle), \(names(own))")
            } else {
                parts.append("nothing specific to \(role.name.withArticle) alone")
            }
        }
        return Inlines(stringLiteral: lead + parts.joined(separator: "; ") + ".")
    }
}
