/// Skills: what both need most and where they differ most (O*NET importance 1–5 and level 0–7),
/// BLS's top three skills, and the technologies each uses (hot technologies first).
enum SkillsSection {
    static let sharedLimit = 5
    static let differenceLimit = 4
    static let technologyLimit = 8
    /// Differences smaller than these are within the noise of O*NET's ratings and are not called differences.
    static let importanceGap = 0.5
    static let levelGap = 1.0

    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        blocks.append(.subheading("Skills"))
        blocks.append(contentsOf: ratings(context, kind: "skill", \.skills))
        blocks.append(.subheading("Knowledge"))
        blocks.append(contentsOf: ratings(context, kind: "knowledge area", \.knowledge))
        if let bls = topSkills(context) {
            blocks.append(.subheading("Top skills according to BLS"))
            blocks.append(.paragraph(bls))
        }
        blocks.append(.subheading("Technology"))
        blocks.append(contentsOf: technologies(context))
        return ArticleSection(id: .skills, heading: "Skills", blocks: blocks)
    }

    private static func ratings(_ context: WritingContext, kind: String, _ path: KeyPath<OccupationProfile, [Rating]>) -> [Block] {
        let shown = context.same ? [context.a] : context.roles
        let missing = shown.filter { $0.profile[keyPath: path].isEmpty }
        if !missing.isEmpty {
            var blocks: [Block] = [.paragraph("O*NET publishes no \(kind) ratings for \(missing.map(\.occupation.title).joined(separator: " or ")), so \(kind)s cannot be compared.")]
            for role in shown where !role.profile[keyPath: path].isEmpty {
                let top = role.profile[keyPath: path].filter { $0.importance != nil }.sorted { byImportance($0, $1) }.prefix(sharedLimit)
                blocks.append(.paragraph("The \(kind)s O*NET rates most important for \(role.occupation.title) are \(Figures.series(top.map { "\($0.name) (\(Figures.rating($0.importance)))" }))."))
            }
            return blocks
        }
        if context.same {
            let top = context.a.profile[keyPath: path].filter { $0.importance != nil }.sorted { byImportance($0, $1) }.prefix(sharedLimit)
            let rows = top.map { [$0.name, Figures.rating($0.importance), Figures.rating($0.level)] }
            return [
                .paragraph("The \(kind)s O*NET rates most important for \(context.a.occupation.title), with importance on a 1–5 scale and level on a 0–7 scale:"),
                .table(Table(header: [kind.sentenceStart, "Importance", "Level"], rows: rows)),
            ]
        }
        let a = context.a, b = context.b
        let ratingsB = Dictionary(b.profile[keyPath: path].map { ($0.elementID, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = a.profile[keyPath: path].compactMap { ra -> (a: Rating, b: Rating)? in
            guard let rb = ratingsB[ra.elementID], ra.importance != nil, rb.importance != nil else { return nil }
            return (ra, rb)
        }
        let shared = pairs.sorted { l, r in
            let ml = min(l.a.importance!, l.b.importance!), mr = min(r.a.importance!, r.b.importance!)
            return ml != mr ? ml > mr : l.a.name < r.a.name
        }.prefix(sharedLimit)
        var blocks: [Block] = []
        blocks.append(.paragraph("The \(kind)s both need most, by O*NET importance (1–5, the lower of the two ratings first) with level (0–7):"))
        blocks.append(.table(Table(
            header: [kind.sentenceStart, "Importance: \(a.name.text)", "Importance: \(b.name.text)", "Level: \(a.name.text)", "Level: \(b.name.text)"],
            rows: shared.map { [$0.a.name, Figures.rating($0.a.importance), Figures.rating($0.b.importance), Figures.rating($0.a.level), Figures.rating($0.b.level)] }
        )))

        let differences = pairs.filter { pair in
            abs(pair.a.importance! - pair.b.importance!) >= importanceGap || abs((pair.a.level ?? 0) - (pair.b.level ?? 0)) >= levelGap && pair.a.level != nil && pair.b.level != nil
        }.sorted { l, r in
            let dl = abs(l.a.importance! - l.b.importance!), dr = abs(r.a.importance! - r.b.importance!)
            if dl != dr { return dl > dr }
            let ll = abs((l.a.level ?? 0) - (l.b.level ?? 0)), lr = abs((r.a.level ?? 0) - (r.b.level ?? 0))
            return ll != lr ? ll > lr : l.a.name < r.a.name
        }.prefix(differenceLimit)
        if differences.isEmpty {
            blocks.append(.paragraph("Their \(kind) ratings are close: no \(kind) differs by half a point of importance or a full point of level."))
        } else {
            let sentences = differences.map { pair -> Inlines in
                let aHigher = pair.a.importance! != pair.b.importance! ? pair.a.importance! > pair.b.importance! : (pair.a.level ?? 0) > (pair.b.level ?? 0)
                let (more, less, hi, lo) = aHigher ? (a, b, pair.a, pair.b) : (b, a, pair.b, pair.a)
                let level: Inlines = hi.level != nil && lo.level != nil
                    ? ", level \(figure: Figures.rating(hi.level)) against \(figure: Figures.rating(lo.level))" : ""
                return "\(pair.a.name) matters more for \(more.name.withArticle) than for \(less.name.withArticle): importance \(figure: Figures.rating(hi.importance)) against \(figure: Figures.rating(lo.importance))" + level + "."
            }
            blocks.append(.paragraph(Inlines(stringLiteral: context.vary.pick("differences-\(kind)", ["The largest differences:", "Where they differ most:"]))))
            blocks.append(.list(sentences))
        }
        return blocks
    }

    private static func byImportance(_ l: Rating, _ r: Rating) -> Bool {
        l.importance! != r.importance! ? l.importance! > r.importance! : l.name < r.name
    }

    private static func topSkills(_ context: WritingContext) -> Inlines? {
        let shown = context.same ? [context.a] : context.roles
        guard shown.contains(where: { !$0.profile.topSkills.isEmpty }) else { return nil }
        if !context.same, let pa = context.a.profile.projections, let pb = context.b.profile.projections, pa.code == pb.code {
            return "BLS ranks \(Figures.series(context.a.profile.topSkills.map { $0.midSentence })) as the top skills of \(pa.title.midSentence), one list for both."
        }
        var sentences: [Inlines] = shown.map { role in
            role.profile.topSkills.isEmpty
                ? "BLS publishes no top skills for \(context.blsTitle(role))."
                : "BLS ranks \(Figures.series(role.profile.topSkills.map { $0.midSentence })) as the top skills of \(context.blsTitle(role))."
        }
        if !context.same {
            let common = context.a.profile.topSkills.filter { context.b.profile.topSkills.contains($0) }
            if !common.isEmpty && !context.a.profile.topSkills.isEmpty && !context.b.profile.topSkills.isEmpty {
                sentences.append("\(Figures.series(common.map { $0.midSentence }).sentenceStart) \(common.count == 1 ? "is" : "are") on both lists.")
            }
        }
        return Inlines.joined(sentences)
    }

    private static func technologies(_ context: WritingContext) -> [Block] {
        func label(_ t: Technology) -> String { t.name + (t.hot && t.inDemand ? " (hot, in demand)" : t.hot ? " (hot)" : t.inDemand ? " (in demand)" : "") }
        func ordered(_ list: [Technology]) -> [Technology] {
            list.sorted { l, r in
                if l.hot != r.hot { return l.hot }
                if l.inDemand != r.inDemand { return l.inDemand }
                return l.name < r.name
            }
        }
        if context.same {
            let list = ordered(context.a.profile.technologies).prefix(technologyLimit)
            return [.paragraph(list.isEmpty ? "O*NET lists no technologies for this occupation." : "Technologies O*NET lists for \(context.a.occupation.title), hot technologies (frequent in job postings) first: \(Figures.series(list.map(label))).")]
        }
        let a = context.a, b = context.b
        if a.profile.technologies.isEmpty && b.profile.technologies.isEmpty { return [.paragraph("O*NET lists no technologies for either occupation.")] }
        let namesA = Set(a.profile.technologies.map(\.name)), namesB = Set(b.profile.technologies.map(\.name))
        var sentences: [Inlines] = []
        let shared = ordered(a.profile.technologies.filter { namesB.contains($0.name) })
        if !shared.isEmpty {
            sentences.append("Both use \(Figures.series(shared.prefix(technologyLimit).map(label))).")
        } else if !a.profile.technologies.isEmpty && !b.profile.technologies.isEmpty {
            sentences.append("O*NET lists no technology for both.")
        }
        for (role, otherNames) in [(a, namesB), (b, namesA)] {
            let own = ordered(role.profile.technologies.filter { !otherNames.contains($0.name) })
            if role.profile.technologies.isEmpty {
                sentences.append("O*NET lists no technologies for \(role.occupation.title).")
            } else if own.isEmpty {
                sentences.append("Every technology O*NET lists for \(role.occupation.title) is listed for the other occupation too.")
            } else {
                sentences.append("For \(role.occupation.title) only, O*NET lists \(Figures.series(own.prefix(technologyLimit).map(label))).")
            }
        }
        return [
            .paragraph("O*NET marks a technology “hot” when it appears often in employers’ job postings across occupations, and “in demand” when it appears often in postings for the occupation itself."),
            .paragraph(Inlines.joined(sentences)),
        ]
    }
}
