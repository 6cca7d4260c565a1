/// Skills: what both need most and where they differ most (O*NET importance 1–5 and level 0–7),
/// BLS's top three skills, and the technologies each uses (hot technologies first).
public enum SkillsSection {
    static let sharedLimit = 3
    static let differenceLimit = 2
    static let sharedTechnologyLimit = 2
    static let ownTechnologyLimit = 1
    /// A difference is named only where one role rates the element at least this important (O*NET's "important"
    /// point on its 1–5 scale): a gap between two ratings that matter to neither job says nothing about either.
    static let mattersImportance = 3.0
    /// Differences smaller than these are within the noise of O*NET's ratings and are not called differences.
    static let importanceGap = 0.5
    static let levelGap = 1.0

    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        blocks.append(.subheading("Skills"))
        blocks.append(contentsOf: ratings(context, kind: "skill", \.skills))
        if let bls = topSkills(context) { blocks.append(.paragraph(bls)) }
        blocks.append(.subheading("Knowledge"))
        blocks.append(contentsOf: ratings(context, kind: "knowledge area", \.knowledge))
        blocks.append(.subheading("Technology"))
        blocks.append(contentsOf: technologies(context))
        return ArticleSection(id: .skills, heading: "Skills", blocks: blocks)
    }

    private static func ratings(_ context: WritingContext, kind: String, _ path: KeyPath<OccupationProfile, [Rating]>) -> [Block] {
        let shown = context.same ? [context.a] : context.roles
        let missing = shown.filter { $0.profile[keyPath: path].isEmpty }
        if !missing.isEmpty {
            var blocks: [Block] = [
                .paragraph(
                    "O*NET publishes no \(kind) ratings for \(missing.map(\.name.withArticle).joined(separator: " or ")), so \(kind)s cannot be compared."
                )
            ]
            for role in shown where !role.profile[keyPath: path].isEmpty {
                let top = role.profile[keyPath: path].filter { $0.importance != nil }.sorted { byImportance($0, $1) }.prefix(sharedLimit)
                blocks.append(
                    .paragraph(
                        "The \(kind)s O*NET rates most important for \(role.name.withArticle) are \(Figures.series(top.map { "\($0.name) (\(Figures.rating($0.importance)))" }))."
                    ))
                if let note = withheldNote(role.profile[keyPath: path], floor: top.last?.importance ?? 0) { blocks.append(.paragraph(note)) }
            }
            return blocks
        }
        if context.same {
            let top = context.a.profile[keyPath: path].filter { $0.importance != nil }.sorted { byImportance($0, $1) }.prefix(sharedLimit)
            let rows = top.map { [$0.name, Figures.rating($0.importance), Figures.rating($0.level)] }
            return [
                .paragraph(
                    "The \(kind)s O*NET rates most important for \(context.a.occupation.title), with importance on a 1–5 scale and level on a 0–7 scale:"
                ),
                .table(Table(header: [kind.sentenceStart, "Importance", "Level"], rows: rows)),
            ] + (withheldNote(context.a.profile[keyPath: path], floor: top.last?.importance ?? 0).map { [Block.paragraph($0)] } ?? [])
        }
        let a = context.a, b = context.b
        let listA = a.profile[keyPath: path], listB = b.profile[keyPath: path]
        let positionsB = positions(listB) { $0.elementID }
        let pairs = listA.compactMap { ra -> (a: Rating, b: Rating)? in
            guard let position = positionsB[ra.elementID], ra.importance != nil, listB[position].importance != nil else { return nil }
            return (ra, listB[position])
        }
        let shared = pairs.sorted { l, r in
            let ml = min(l.a.importance!, l.b.importance!), mr = min(r.a.importance!, r.b.importance!)
            return ml != mr ? ml > mr : l.a.name < r.a.name
        }.prefix(sharedLimit)
        var blocks: [Block] = []
        // Knowledge areas both need are shown only through their differences: the skills table already says what both share.
        let showShared = kind == "skill"
        if showShared { blocks.append(.paragraph("The \(kind)s both need most, by O*NET importance (1–5; the lower of the two ratings first):")) }
        let floor = shared.last.map { min($0.a.importance!, $0.b.importance!) } ?? 0
        let withheld = listA.compactMap { ra -> String? in
            guard let position = positionsB[ra.elementID] else { return nil }
            let rb = listB[position]
            guard ra.importance == nil || rb.importance == nil,
                (ra.importance ?? ra.withheldImportance ?? 0) >= floor, (rb.importance ?? rb.withheldImportance ?? 0) >= floor
            else { return nil }
            return ra.name
        }
        if showShared {
            blocks.append(
                .table(
                    Table(
                        header: [kind.sentenceStart, a.name.text, b.name.text],
                        rows: shared.map { [$0.a.name, Figures.rating($0.a.importance), Figures.rating($0.b.importance)] }
                    )))
        }

        if showShared && !withheld.isEmpty {
            blocks.append(
                .paragraph(
                    "O*NET advises against using its importance rating (Recommend Suppress) of \(Figures.series(withheld)) for one of them, so \(withheld.count == 1 ? "it is" : "they are") left out of this ranking."
                ))
        }
        let differences = differing(pairs)
        if differences.isEmpty {
            blocks.append(
                .paragraph(
                    "No \(kind) rated at least \(figure: "3.0") in importance for either differs by half a point of importance or a full point of level."
                ))
        } else {
            // A table, not a sentence each: the two ratings side by side say which role it matters more for.
            // Level is shown only when importance does not differ, as the reason the element is listed.
            let rows = differences.map { pair -> [String] in
                let byLevel = pair.a.importance == pair.b.importance && pair.a.level != nil && pair.b.level != nil
                func cell(_ r: Rating) -> String { Figures.rating(r.importance) + (byLevel ? ", level \(Figures.rating(r.level))" : "") }
                return [pair.a.name, cell(pair.a), cell(pair.b)]
            }
            blocks.append(.paragraph("Where they differ most (O*NET importance; only \(kind)s one of them rates at least \(figure: "3.0")):"))
            blocks.append(.table(Table(header: [kind.sentenceStart, a.name.text, b.name.text], rows: rows)))
        }
        return blocks
    }

    /// The pairs of ratings that differ enough to name, largest gap first, up to `differenceLimit`: what the "Where they
    /// differ most" table shows and the page's chart draws.
    static func differing(_ pairs: [(a: Rating, b: Rating)]) -> [(a: Rating, b: Rating)] {
        Array(
            pairs.filter { pair in
                guard max(pair.a.importance!, pair.b.importance!) >= mattersImportance else { return false }
                return abs(pair.a.importance! - pair.b.importance!) >= importanceGap
                    || abs((pair.a.level ?? 0) - (pair.b.level ?? 0)) >= levelGap && pair.a.level != nil && pair.b.level != nil
            }.sorted { l, r in
                let dl = abs(l.a.importance! - l.b.importance!), dr = abs(r.a.importance! - r.b.importance!)
                if dl != dr { return dl > dr }
                let ll = abs((l.a.level ?? 0) - (l.b.level ?? 0)), lr = abs((r.a.level ?? 0) - (r.b.level ?? 0))
                return ll != lr ? ll > lr : l.a.name < r.a.name
            }.prefix(differenceLimit))
    }

    /// The skills (not knowledge) the article's "Where they differ most" table names, with both importance ratings:
    /// the page's skills chart draws exactly these.
    public static func skillDifferences(_ a: OccupationProfile, _ b: OccupationProfile) -> [(name: String, first: Double, second: Double)] {
        let positionsB = positions(b.skills) { $0.elementID }
        let pairs = a.skills.compactMap { ra -> (a: Rating, b: Rating)? in
            guard let position = positionsB[ra.elementID], ra.importance != nil, b.skills[position].importance != nil else { return nil }
            return (ra, b.skills[position])
        }
        return differing(pairs).map { ($0.a.name, $0.a.importance!, $0.b.importance!) }
    }

    /// Names the ratings O*NET withholds that would rank at or above `floor`, so a ranking never passes over them silently.
    static func withheldNote(_ ratings: [Rating], floor: Double) -> Inlines? {
        let names = ratings.filter { $0.importance == nil && ($0.withheldImportance ?? 0) >= floor }.map(\.name)
        guard !names.isEmpty else { return nil }
        return
            "O*NET advises against using its importance rating (Recommend Suppress) of \(Figures.series(names)), so \(names.count == 1 ? "it is" : "they are") left out of this ranking."
    }

    private static func byImportance(_ l: Rating, _ r: Rating) -> Bool {
        l.importance! != r.importance! ? l.importance! > r.importance! : l.name < r.name
    }

    private static func topSkills(_ context: WritingContext) -> Inlines? {
        let shown = context.same ? [context.a] : context.roles
        guard shown.contains(where: { !$0.profile.topSkills.isEmpty }) else { return nil }
        if !context.same, let pa = context.a.profile.projections, let pb = context.b.profile.projections, pa.code == pb.code {
            return
                "BLS ranks \(Figures.series(context.a.profile.topSkills.map { $0.midSentence })) as the top skills of both (one list for \(pa.title.midSentence))."
        }
        if !context.same, !context.a.profile.topSkills.isEmpty, Set(context.a.profile.topSkills) == Set(context.b.profile.topSkills) {
            let order = context.a.profile.topSkills == context.b.profile.topSkills ? "" : " (ranked in a different order)"
            return "BLS’s top skills for both are \(Figures.series(context.a.profile.topSkills.map { $0.midSentence }))\(order)."
        }
        let parts = shown.map { role in
            role.profile.topSkills.isEmpty
                ? "none published for \(role.name.withArticle)"
                : "\(Figures.series(role.profile.topSkills.map { $0.midSentence })) for \(role.name.withArticle)"
        }
        return Inlines(stringLiteral: "BLS ranks as top skills " + parts.joined(separator: "; ") + ".")
    }

    /// The technologies that tell something about the occupation: O*NET marks them in demand in the occupation's own
    /// job postings, or, for an occupation with no in-demand technology, they are at least hot (frequent in postings
    /// overall). Anything else (MEDITECH for accountants) is a posting's accident, not the job.
    static func relevant(in list: [Technology]) -> [Technology] {
        // What the occupation's own postings ask for, when O*NET says: a technology hot in postings overall (Apache
        // Spark) says nothing about nurses whose own postings ask for other things.
        if list.contains(where: \.inDemand) { return list.filter(\.inDemand) }
        // Otherwise a technology two or more related occupations list too is this kind of work's; one that a single
        // related occupation lists (Apache Spark for registered nurses) is not.
        let anyHot = list.contains(where: \.hot)
        return list.filter { ($0.relatedCount ?? 2) >= 2 && ($0.hot || !anyHot) }
    }

    /// In demand first, then hot (counting both roles' own flags), then the most telling (`EnvironmentSection.telling`).
    static func ranked(_ list: [Technology], flags: (Technology) -> (inDemand: Int, hot: Int, telling: Double)) -> [Technology] {
        // Each technology's flags once, not once per comparison of the sort.
        list.map { ($0, flags($0)) }.sorted { left, right in
            let (l, fl) = left, (r, fr) = right
            if fl.inDemand != fr.inDemand { return fl.inDemand > fr.inDemand }
            if fl.hot != fr.hot { return fl.hot > fr.hot }
            return fl.telling != fr.telling ? fl.telling > fr.telling : l.name < r.name
        }.map(\.0)
    }

    private static func telling(_ t: Technology?) -> Double {
        t.map { EnvironmentSection.telling(occupationCount: $0.occupationCount, relatedCount: $0.relatedCount) } ?? 0
    }

    /// Each key's first position in `list`: a lookup that copies no element.
    private static func positions<Element>(_ list: [Element], by key: (Element) -> String) -> [String: Int] {
        var result: [String: Int] = .init(minimumCapacity: list.count)
        for (index, element) in list.enumerated() where result[key(element)] == nil { result[key(element)] = index }
        return result
    }

    /// "hot, in demand" for one occupation's own flags.
    static func flags(_ technology: Technology?) -> String {
        guard let technology else { return "not listed" }
        switch (technology.hot, technology.inDemand) {
        case (true, true): return "hot, in demand"
        case (true, false): return "hot"
        case (false, true): return "in demand"
        case (false, false): return "listed"
        }
    }

    private static func technologies(_ context: WritingContext) -> [Block] {
        let explanation: Inlines = """
            O*NET flags, per occupation: “hot” (frequent in all job postings), “in demand” (in its own).
            """
        if context.same {
            let own = context.a.profile.technologies
            let list = ranked(relevant(in: own)) { t in (t.inDemand ? 1 : 0, t.hot ? 1 : 0, telling(t)) }
                .prefix(sharedTechnologyLimit + 2 * ownTechnologyLimit)
            guard !list.isEmpty else { return [.paragraph("O*NET lists no hot or in-demand technologies for this occupation.")] }
            return [
                .paragraph(explanation),
                .table(Table(header: ["Technology (O*NET)", context.a.occupation.title], rows: list.map { [$0.name, flags($0)] })),
            ]
        }
        let a = context.a.profile.technologies, b = context.b.profile.technologies
        // Positions, not copies: a list runs to a couple of hundred technologies, most of them never shown.
        let positionsA = positions(a) { $0.name }, positionsB = positions(b) { $0.name }
        func inA(_ name: String) -> Technology? { positionsA[name].map { a[$0] } }
        func inB(_ name: String) -> Technology? { positionsB[name].map { b[$0] } }
        func both(_ t: Technology) -> (inDemand: Int, hot: Int, telling: Double) {
            let x = inA(t.name), y = inB(t.name)
            func count(_ flag: (Technology) -> Bool) -> Int { (x.map(flag) == true ? 1 : 0) + (y.map(flag) == true ? 1 : 0) }
            return (count(\.inDemand), count(\.hot), telling(x) + telling(y))
        }
        let relevantA = relevant(in: a), relevantB = relevant(in: b)
        let sharedNames = Set(relevantA.map(\.name)).union(relevantB.map(\.name)).filter { positionsA[$0] != nil && positionsB[$0] != nil }
        let shared = ranked(sharedNames.map { inA($0)! }, flags: both).prefix(sharedTechnologyLimit)
        let onlyA = ranked(relevantA.filter { positionsB[$0.name] == nil }, flags: both).prefix(ownTechnologyLimit)
        let onlyB = ranked(relevantB.filter { positionsA[$0.name] == nil }, flags: both).prefix(ownTechnologyLimit)
        let rows = (Array(shared) + Array(onlyA) + Array(onlyB)).map { [$0.name, flags(inA($0.name)), flags(inB($0.name))] }
        guard !rows.isEmpty else { return [.paragraph("O*NET lists no hot or in-demand technologies for either occupation.")] }
        return [.paragraph(explanation), .table(Table(header: context.header("Technology (O*NET)"), rows: rows))]
    }
}
