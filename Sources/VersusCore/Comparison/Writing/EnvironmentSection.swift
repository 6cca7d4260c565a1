/// Work Environment: the industries that employ each role (OEWS), self-employment (Projections),
/// telework, pace, supervision, public contact and physical conditions (ORS 2020, preliminary), and tools (O*NET).
enum EnvironmentSection {
    static let industryLimit = 5
    static let toolLimit = 6

    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        blocks.append(.subheading("Where they work"))
        blocks.append(.paragraph(industries(context)))
        if let selfEmployment = selfEmployment(context) { blocks.append(.paragraph(selfEmployment)) }

        blocks.append(.subheading("How they work"))
        let rows = SurveyText.rows(SurveyMeasure.environment, context)
        blocks.append(.paragraph(SurveyText.coverage(context, topic: "working conditions (telework, pace, supervision, contact with the public, physical demands)")))
        if !rows.isEmpty {
            blocks.append(.table(Table(header: context.header("Working conditions (ORS 2020, preliminary)"), rows: rows)))
        }

        blocks.append(.subheading("Tools"))
        blocks.append(contentsOf: tools(context))
        return ArticleSection(id: .environment, heading: "Work Environment", blocks: blocks)
    }

    private static func industries(_ context: WritingContext) -> Inlines {
        let shown = context.same || context.sharesBLSFigures ? [context.a] : context.roles
        var sentences: [Inlines] = []
        for (index, role) in shown.enumerated() {
            let top = role.profile.industries.filter { $0.employment.value != nil }.prefix(industryLimit)
            guard let source = role.profile.wageSource, !top.isEmpty else {
                sentences.append("OEWS publishes no national employment by industry for \(role.occupation.title).")
                continue
            }
            let items = top.map { industry -> Inlines in "\(industry.title) (\(figure: Figures.count(industry.employment)))" }
            let subject = source.basis == .aggregate ? "\(source.title) (the OEWS group that holds \(role.occupation.title))" : context.blsTitle(role)
            let scope = index == 0 ? " (OEWS, May 2025, national jobs by 3-digit NAICS industry)" : ""
            sentences.append("The industries employing the most \(subject) are " + series(items) + "\(scope).")
        }
        if context.sharesBLSFigures && !context.same {
            sentences.append("The same OEWS figures describe both roles, so they cannot be told apart by industry.")
        } else if !context.same {
            let topA = Set(context.a.profile.industries.prefix(industryLimit).map(\.naics))
            let common = context.b.profile.industries.prefix(industryLimit).filter { topA.contains($0.naics) }.map(\.title)
            if common.isEmpty, !context.a.profile.industries.isEmpty, !context.b.profile.industries.isEmpty {
                sentences.append("No industry is among the largest employers of both.")
            } else if !common.isEmpty {
                sentences.append("\(Figures.series(common)) \(common.count == 1 ? "is" : "are") among the largest employers of both.")
            }
        }
        return Inlines.joined(sentences)
    }

    private static func series(_ items: [Inlines]) -> Inlines {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + " and " + items[1]
        default: return Inlines.joined(Array(items.dropLast()), separator: ", ") + ", and " + items.last!
        }
    }

    private static func selfEmployment(_ context: WritingContext) -> Inlines? {
        let shown = context.same ? [context.a] : context.roles
        let values = shown.map { role in (role, role.profile.projections?.selfEmployedPercent) }
        guard values.contains(where: { $0.1 != nil }) else {
            return "BLS publishes no self-employment share for \(shown.map(context.blsTitle).joined(separator: " or "))."
        }
        if let pa = context.a.profile.projections, let pb = context.b.profile.projections, !context.same, pa.code == pb.code, let share = pa.selfEmployedPercent {
            return "BLS counts \(figure: Figures.percent(share)) of \(pa.title.midSentence) as self-employed (2024), one figure for both."
        }
        let published = values.filter { $0.1 != nil }
        let missing = values.filter { $0.1 == nil }.map { context.blsTitle($0.0) }
        var sentence: Inlines = "BLS counts \(figure: Figures.percent(published[0].1!)) of \(context.blsTitle(published[0].0)) as self-employed (2024)"
        if published.count > 1 { sentence = sentence + ", against \(figure: Figures.percent(published[1].1!)) of \(context.blsTitle(published[1].0))" }
        if !missing.isEmpty { sentence = sentence + "; it publishes no share for \(missing.joined(separator: " or "))" }
        return sentence + "."
    }

    private static func tools(_ context: WritingContext) -> [Block] {
        if context.same {
            let names = context.a.profile.tools.map(\.name).prefix(toolLimit)
            return [.paragraph(names.isEmpty ? "O*NET lists no tools for this occupation." : "Tools O*NET lists for \(context.a.occupation.title) include \(Figures.series(Array(names))).")]
        }
        let a = context.a.profile.tools.map(\.name), b = context.b.profile.tools.map(\.name)
        if a.isEmpty && b.isEmpty { return [.paragraph("O*NET lists no tools for either occupation.")] }
        // O*NET writes a tool's name the same way in every occupation, so names compare as they are.
        let namesA = Set(a), namesB = Set(b)
        let shared = a.filter { namesB.contains($0) }
        let onlyA = a.filter { !namesB.contains($0) }, onlyB = b.filter { !namesA.contains($0) }
        var sentences: [Inlines] = []
        if !shared.isEmpty { sentences.append("Both use \(Figures.series(Array(shared.prefix(toolLimit)).map { $0.midSentence })).") }
        for (role, own) in [(context.a, onlyA), (context.b, onlyB)] {
            let other = context.other(role)
            if role.profile.tools.isEmpty {
                sentences.append("O*NET lists no tools for \(role.occupation.title).")
            } else if own.isEmpty {
                sentences.append("Every tool O*NET lists for \(role.occupation.title) is also listed for \(other.occupation.title).")
            } else {
                sentences.append("O*NET lists \(Figures.series(Array(own.prefix(toolLimit)).map { $0.midSentence })) for \(role.occupation.title) but not for \(other.occupation.title).")
            }
        }
        return [.paragraph(Inlines.joined(sentences))]
    }
}
