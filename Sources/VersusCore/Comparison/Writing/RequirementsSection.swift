/// Job Requirements: the four education measures side by side (BLS entry level, what workers hold, what O*NET
/// respondents say the job requires, ORS's minimum), experience and training, credentials, and whether one role
/// leads to the other.
enum RequirementsSection {
    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        let shown = context.same ? [context.a] : context.roles
        let survey = SurveyText.rows(SurveyMeasure.requirements, context, labelSuffix: " (ORS)")
        blocks.append(.table(table(context, survey: survey)))

        var notes: [Inlines] = [
            """
            The four education rows measure different things, so they can disagree: what new workers typically need (BLS), \
            what today’s workers hold (BLS table 5.3), what workers say the job requires (O*NET), and employers’ minimum (ORS).
            """
        ]
        for role in shown {
            if let projections = role.profile.projections, projections.basis == .aggregate {
                notes.append(
                    "BLS entry requirements for \(role.name.withArticle) are those of the group \(projections.title) (\(projections.code.rawValue)).")
            } else if role.profile.projections == nil {
                notes.append("BLS Employment Projections publish no entry requirements for \(role.name.withArticle).")
            }
            if role.profile.attainmentIsForBroaderGroup, !role.profile.attainment.isEmpty {
                notes.append("For \(role.name.withArticle), BLS table 5.3 gives the education held by a broader group only.")
            }
        }
        for role in shown {
            for (scale, shares) in [("the education the job requires", role.profile.requiredEducation)] {
                if case .withheld(let top) = mode(shares) {
                    notes.append(
                        """
                        For \(role.name.withArticle), the largest answer on \(scale) is “\(top.shortLabel)”, an estimate O*NET advises against using \
                        (Recommend Suppress), so no most common answer is named.
                        """)
                }
            }
        }
        notes.append(SurveyText.coverage(context))
        if survey.rows.contains(where: { $0[0].hasPrefix("Need a credential") || $0[0].hasPrefix("Need no credential") }) {
            notes.append("An ORS credential is a license, certification or similar qualification the employer requires.")
        }
        notes.append(contentsOf: survey.opposite)
        blocks.append(.paragraph(Inlines.joined(notes)))

        blocks.append(.subheading("Is one a step toward the other?"))
        blocks.append(.paragraph(StepAnalysis.sentence(context)))
        return ArticleSection(id: .requirements, heading: "Job Requirements", blocks: blocks)
    }

    private static func table(_ context: WritingContext, survey: SurveyText.Rows) -> Table {
        func entry(_ value: @escaping (Projections) -> String?) -> (Comparison.Role) -> String {
            { role in role.profile.projections.flatMap(value) ?? Figures.notPublished }
        }
        func onet(_ path: KeyPath<OccupationProfile, [CategoryShare]>, short: Bool) -> (Comparison.Role) -> String {
            { role in
                switch mode(role.profile[keyPath: path]) {
                case .published(let share): return "\(short ? share.shortLabel : share.label) (\(Figures.percent(share.percent)))"
                case .withheld: return "not named (see below)"
                case .none: return Figures.notPublished
                }
            }
        }
        var rows: [[String]] = [
            context.row("Typical entry education (BLS)", entry(\.typicalEducation)),
            context.row("Highest education most workers hold (BLS)") { role in
                guard let top = role.profile.attainment.filter({ $0.percent != nil }).max(by: { ($0.percent!, $1.level) < ($1.percent!, $0.level) })
                else {
                    return Figures.notPublished
                }
                return "\(top.level) (\(Figures.percent(top.percent!))\(role.profile.attainmentIsForBroaderGroup ? ", broader group" : ""))"
            },
            context.row("Education the job requires, most common answer (O*NET)", onet(\.requiredEducation, short: true)),
        ]
        let minimum = survey.rows.filter { $0[0].hasPrefix(SurveyMeasure.requirements[0].label) }
        rows.append(contentsOf: minimum)
        rows.append(contentsOf: [
            context.row("Related work experience (BLS)", entry(\.workExperience)),
            context.row("On-the-job training (BLS)", entry(\.onTheJobTraining)),
            context.row("Job zone (O*NET)") { $0.profile.jobZone.map { "\($0.number) of 5: \($0.preparation)" } ?? Figures.notPublished },
        ])
        rows.append(contentsOf: survey.rows.filter { !$0[0].hasPrefix(SurveyMeasure.requirements[0].label) })
        return Table(header: context.header("Requirement"), rows: rows)
    }

    /// The answer O*NET respondents chose most often, or why none can be named.
    enum Mode: Equatable {
        /// The largest share, and no share O*NET withholds is as large.
        case published(CategoryShare)
        /// The largest share is one O*NET advises against using: naming the next one "most common" would be false.
        case withheld(CategoryShare)
        case none
    }

    /// The category most respondents chose (ties: the lower category). A share O*NET flags "Recommend Suppress" is never
    /// named, and none smaller than it is called the most common.
    static func mode(_ shares: [CategoryShare]) -> Mode {
        func largest(_ list: [CategoryShare]) -> CategoryShare? {
            list.filter { $0.percent > 0 }.max { $0.percent != $1.percent ? $0.percent < $1.percent : $0.category > $1.category }
        }
        let published = largest(shares.filter { !$0.suppressed }), withheld = largest(shares.filter(\.suppressed))
        if let withheld, withheld.percent >= (published?.percent ?? 0) { return .withheld(withheld) }
        return published.map(Mode.published) ?? .none
    }
}

/// Whether one role leads to the other, claimed only on evidence the data states and quoted: a description naming the
/// other occupation, job zones with BLS's required related experience, and O*NET's related occupations.
enum StepAnalysis {
    static func sentence(_ context: WritingContext) -> Inlines {
        if context.same {
            return "Both titles are the same occupation in the data, so it cannot show one leading to the other."
        }
        let a = context.a, b = context.b
        // A description that names the other occupation states the route itself ("Must be registered nurses …").
        for (role, other) in [(a, b), (b, a)] {
            if let quote = mention(of: other, in: role) {
                return
                    "The data states a route from \(other.name.withArticle) to \(role.name.withArticle): O*NET’s description of \(role.occupation.title) says “\(quote)”"
                    + relatedness(context)
            }
        }
        guard let za = a.profile.jobZone?.number, let zb = b.profile.jobZone?.number else {
            let missing = [a, b].filter { $0.profile.jobZone == nil }.map { $0.name.withArticle }
            return
                "O*NET assigns no job zone to \(Figures.series(missing)), and neither description names the other, so the data cannot say whether one role prepares for the other."
                + relatedness(context)
        }
        if za == zb {
            return
                "Neither description names the other, and both are in job zone \(figure: String(za)) (\(a.profile.jobZone!.preparation.midSentence)), so the data shows no step up from one to the other."
                + relatedness(context)
        }
        let (lower, higher) = za < zb ? (a, b) : (b, a)
        let zl = min(za, zb), zh = max(za, zb)
        let linked =
            higher.profile.related.contains { $0.code == lower.occupation.code }
            || lower.profile.related.contains { $0.code == higher.occupation.code }
        if let experience = higher.profile.projections?.workExperience, experience != "None", linked {
            return """
                The data fits \(lower.name.withArticle) being a step toward \(higher.name.withArticle): job zone \(figure: String(zh)) against \(figure: String(zl)), \
                BLS asks for \(experience.midSentence) of experience in a related occupation, and O*NET lists them as related; \
                no source says that experience must be as \(lower.name.withArticle).
                """
        }
        let experience =
            higher.profile.projections?.workExperience.map { $0 == "None" ? "no related experience" : $0.midSentence + " of related experience" }
            ?? "no entry experience figure"
        return """
            \(higher.name.withArticle.sentenceStart) \(higher.name.agreeing("needs", "need")) more preparation (job zone \(figure: String(zh)) against \(figure: String(zl))), \
            but neither description names the other and BLS lists \(experience) for it, so the data does not show one role as a route to the other.
            """ + relatedness(context)
    }

    /// Words that make a sentence naming another occupation a requirement rather than a mention ("May supervise nurses").
    static let requirementWords = ["must be", "must have", "must hold", "require", "experience as", "licensed as", "prior to becoming"]

    /// The sentence of `role`'s description that requires `other`'s occupation ("Must be registered nurses who …").
    static func mention(of other: Comparison.Role, in role: Comparison.Role) -> String? {
        let title = other.occupation.title.lowercased()
        var names = [title]
        if title.hasSuffix("s") { names.append(String(title.dropLast())) }
        let display = other.name.text.lowercased()
        if display.count > 3 { names.append(display) }
        let description = role.occupation.description
        // Searched as bytes: String.contains goes through Foundation's locale-aware search, which made this the
        // costliest sentence of the article.
        let wanted = names.map { Array((" " + lettersOnly($0) + " ").utf8) }
        for sentence in description.split(separator: ".", omittingEmptySubsequences: true) {
            let bytes = lowercasedBytes(sentence)
            guard requirementBytes.contains(where: { bytes.contains(run: $0) }) else { continue }
            let lower = Array((" " + lettersOnly(sentence.lowercased()) + " ").utf8)
            if wanted.contains(where: { lower.contains(run: $0) }) {
                return sentence.trimmingCharacters(in: .whitespaces) + "."
            }
        }
        return nil
    }

    private static let requirementBytes = requirementWords.map { Array($0.utf8) }

    /// A sentence in lower case, as bytes: ASCII (as O*NET's descriptions are) folded byte by byte, any other text
    /// lower-cased by Unicode's rules.
    private static func lowercasedBytes(_ sentence: Substring) -> [UInt8] {
        guard sentence.utf8.allSatisfy({ $0 < 0x80 }) else { return Array(sentence.lowercased().utf8) }
        return sentence.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// Letters kept, every other character a space ("registered nurses (rns)" → "registered nurses  rns ").
    private static func lettersOnly(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return String(text.map { $0.isLetter ? $0 : " " }) }
        return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) ? $0 : 0x20 }, as: UTF8.self)
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

extension Array where Element == UInt8 {
    /// Whether `run` occurs in these bytes, contiguous. Written out because the standard library's generic
    /// `Collection.contains(_:)` (string processing's `firstRange(of:)`) made every comparison about 40% slower:
    /// this search runs for each description sentence of both roles.
    func contains(run: [UInt8]) -> Bool {
        guard !run.isEmpty else { return true }
        guard run.count <= count else { return false }
        let first = run[0]
        for start in 0...(count - run.count) where self[start] == first {
            var matched = true
            for offset in 1..<run.count where self[start + offset] != run[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}
