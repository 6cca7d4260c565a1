/// Writes a lineup (three or four roles) as an article: one table of the figures a person weighs first (pay, time to
/// qualify, outlook, license, skills, the working conditions that differ most), the notes that keep each figure
/// honest, then the pairwise comparisons to read. It compares nothing in words: every comparing sentence lives in a
/// pairwise article, with its evidence.
public enum LineupWriter {
    /// At most this many working conditions: the ones whose ORS shares differ most.
    static let conditionLimit = 4
    static let skillLimit = 3

    public static func write(_ lineup: Lineup) -> Article {
        let sections = [
            ArticleSection(id: .lineup, heading: "At a Glance", blocks: table(lineup)),
            ArticleSection(
                id: .pairs, heading: "Compare Two at a Time",
                blocks: [
                    .paragraph(
                        "Each comparison below says what differs between two of them (duties, requirements, working conditions, skills, pay and outlook) and names the rows behind every sentence."
                    ),
                    .links(lineup.pairs),
                ]),
            SourcesSection.write(area: lineup.area),
        ]
        return Article(title: lineup.title, slug: lineup.slug, sections: sections)
    }

    private static func table(_ lineup: Lineup) -> [Block] {
        let roles = lineup.roles
        var blocks: [Block] = []
        for role in roles where role.request.isWeakMatch {
            blocks.append(contentsOf: OverviewSection.weakMatch(role))
        }
        func row(_ label: String, _ value: (Comparison.Role) -> String) -> [String] { [label] + roles.map(value) }
        var rows: [[String]] = []
        var notes: [Inlines] = []

        rows.append(row("O*NET occupation") { "\($0.occupation.title) (\($0.occupation.code.rawValue))" })

        // Pay: the place's first when one was asked for, then the nation's.
        if let area = lineup.area {
            rows.append(row("Median pay, \(area.title)") { OverviewSection.medianPay($0.local?.estimate) })
            rows.append(row("10th–90th percentile, \(area.title)") { range($0.local?.estimate) })
        }
        rows.append(row(lineup.area == nil ? "Median pay" : "Median pay, U.S.") { OverviewSection.medianPay($0.profile.nationalWages) })
        rows.append(row(lineup.area == nil ? "10th–90th percentile" : "10th–90th percentile, U.S.") { range($0.profile.nationalWages) })
        rows.append(row("Jobs, May 2025") { $0.profile.nationalWages.map { Figures.count($0.employment) } ?? Figures.notPublished })

        rows.append(
            row("Employment change, 2024–34") { role in
                guard let percent = role.profile.projections?.changePercent else { return Figures.notPublished }
                return (percent > 0 ? "+" : "") + Figures.percent(percent)
            })
        rows.append(
            row("Openings a year per 100 jobs") { role in
                guard let p = role.profile.projections, let per100 = p.openingsPer100, let openings = p.annualOpenings else {
                    return Figures.notPublished
                }
                return "\(Figures.exact(per100, maxPlaces: 1)) (\(Figures.fromThousands(openings)) a year)"
            })

        rows.append(row("Time to qualify") { RequirementsSection.timeToQualify($0, shareAlone: true) })
        rows.append(row("Job zone (O*NET)") { $0.profile.jobZone.map { "\($0.number) of 5: \($0.preparation)" } ?? Figures.notPublished })

        // A credential (license, certification or the like) beside the license alone: "license not published" must not
        // hide that most medical assistants need a certification.
        let license = SurveyText.rows(
            SurveyMeasure.requirements.filter { ["credentials", "license"].contains($0.id) }, roles: roles, named: true, labelSuffix: " (ORS)")
        rows.append(contentsOf: license.rows)
        notes.append(contentsOf: license.opposite)
        if roles.contains(where: { KeyDifferences.licensingSentence($0) != nil }) {
            rows.append(row("Licensing in O*NET’s description") { KeyDifferences.licensingSentence($0).map { "“\($0)”" } ?? "not stated" })
        }

        var withheld: [Inlines] = []
        rows.append(
            row("Most important skills (O*NET)") { role in
                let (top, tied) = topRated(role.profile.skills)
                if let note = SkillsSection.withheldNote(role.profile.skills, floor: top.last?.importance ?? 0) {
                    withheld.append("For \(role.name.withArticle): " + note)
                }
                guard let last = top.last else { return Figures.notPublished }
                // Three of several rated alike are not "the" three most important: the others are counted.
                let more = tied > 0 ? ", and \(tied) more rated \(Figures.rating(last.importance))" : ""
                return top.map { "\($0.name) (\(Figures.rating($0.importance)))" }.joined(separator: ", ") + more
            })
        notes.append(contentsOf: withheld)
        if roles.contains(where: { !$0.profile.topSkills.isEmpty }) {
            rows.append(
                row("Top skills (BLS)") {
                    $0.profile.topSkills.isEmpty ? Figures.notPublished : Figures.series($0.profile.topSkills.map(\.midSentence)).sentenceStart
                })
        }

        let (conditions, marked) = workingConditions(roles)
        rows.append(contentsOf: conditions.rows)
        notes.append(contentsOf: conditions.opposite)

        blocks.append(.table(Table(header: ["Measure"] + roles.map(\.name.text), rows: rows)))
        blocks.append(.paragraph(Inlines.joined(self.notes(lineup, conditions: (shown: conditions.rows.count, marked: marked)) + notes)))
        return blocks
    }

    /// "$41,950 – $132,050 a year", or hourly where OEWS publishes only hourly wages.
    static func range(_ wages: WageEstimate?) -> String {
        guard let wages else { return Figures.notPublished }
        if wages.annualP10 != .notPublished || wages.annualP90 != .notPublished {
            return "\(Figures.annual(wages.annualP10)) – \(Figures.annual(wages.annualP90)) a year"
        }
        if wages.hourlyP10 != .notPublished || wages.hourlyP90 != .notPublished {
            return "\(Figures.hourly(wages.hourlyP10)) – \(Figures.hourly(wages.hourlyP90)) an hour"
        }
        return Figures.notPublished
    }

    /// The skills O*NET rates most important for the role, best first (ties by name), and how many others are rated
    /// the same as the last of them.
    static func topRated(_ ratings: [Rating]) -> (top: [Rating], tied: Int) {
        let rated = ratings.filter { $0.importance != nil }.sorted {
            $0.importance! != $1.importance! ? $0.importance! > $1.importance! : $0.name < $1.name
        }
        let top = Array(rated.prefix(skillLimit))
        return (top, rated.dropFirst(skillLimit).filter { $0.importance == top.last?.importance }.count)
    }

    /// The yes/no ORS working conditions whose shares, published for two roles or more in either direction, are
    /// `SurveyText.markedGap` points apart or more ("exposed" for one role against "not exposed" for another counts as
    /// the complement, `SurveyText.stated`): the largest gaps first, at most `conditionLimit`, and how many differ so.
    static func workingConditions(_ roles: [Comparison.Role]) -> (rows: SurveyText.Rows, marked: Int) {
        var found: [(gap: Double, rows: SurveyText.Rows)] = []
        for measure in SurveyMeasure.environment {
            guard case .share = measure.kind else { continue }
            let shares = roles.compactMap { SurveyText.stated($0, measure)?.yesShare }
            guard shares.count >= 2, let low = shares.min(), let high = shares.max(), high - low >= SurveyText.markedGap else { continue }
            found.append((high - low, SurveyText.rows([measure], roles: roles, named: true, labelSuffix: " (ORS)")))
        }
        var result = SurveyText.Rows()
        for item in found.sorted(by: { $0.gap > $1.gap }).prefix(conditionLimit) {
            result.rows += item.rows.rows
            result.opposite += item.rows.opposite
        }
        return (result, found.count)
    }

    /// What a reader must know to read the table right: whose figures BLS publishes, which roles share an occupation
    /// or an estimate, what ORS covers, which conditions are shown.
    private static func notes(_ lineup: Lineup, conditions: (shown: Int, marked: Int)) -> [Inlines] {
        let roles = lineup.roles
        var notes: [Inlines] = []
        for (i, j) in Lineup.pairIndices(roles.count) {
            let (a, b) = (roles[i], roles[j])
            if a.occupation.code == b.occupation.code {
                notes.append(
                    "“\(a.name.text)” and “\(b.name.text)” both lead to one O*NET occupation, \(a.occupation.title): the data holds no difference between them."
                )
            } else if a.profile.sharesWageCode(with: b.profile), let source = a.profile.wageSource {
                notes.append(
                    "BLS publishes one set of figures for \(a.name.withArticle) and \(b.name.withArticle): those of \(source.title) (\(source.code.rawValue)), so their pay, jobs and outlook are the same."
                )
            }
        }
        for role in roles {
            guard let source = role.profile.wageSource else {
                notes.append("OEWS publishes no wages for \(role.name.withArticle).")
                continue
            }
            if source.basis == .aggregate || !role.profile.socSiblings.isEmpty {
                notes.append("Pay, jobs and outlook for \(role.name.withArticle) are BLS’s for \(source.title) (\(source.code.rawValue)).")
            }
            if role.profile.nationalWages?.hourlyOnly == true {
                notes.append("OEWS publishes only hourly wages for \(source.title), no annual figures.")
            } else if role.profile.nationalWages?.annualOnly == true {
                notes.append("OEWS publishes only annual wages for \(source.title).")
            }
            if role.profile.nationalWages.map(isTopCoded) == true || role.local?.estimate.map(isTopCoded) == true {
                notes.append("Pay written “or more” for \(role.name.withArticle) is at OEWS’s top code: BLS publishes no exact value above it.")
            }
        }
        if let area = lineup.area {
            let missing = roles.filter { $0.local?.estimate == nil }
            if !missing.isEmpty {
                notes.append("OEWS publishes no \(area.title) estimate for \(Figures.series(missing.map(\.name.withArticle))).")
            }
        }
        notes.append(
            "Openings per 100 jobs: BLS’s projected openings a year, 2024–34, for every 100 jobs in its projections’ 2024 employment, which is not the OEWS May 2025 count of jobs above."
        )
        let uncovered = roles.filter { $0.profile.requirementsSurvey == nil }
        if uncovered.count == roles.count {
            notes.append(
                "The Occupational Requirements Survey (ORS) publishes nothing for any of them, and no other occupation’s figures are borrowed.")
        } else {
            notes.append("ORS: BLS Occupational Requirements Survey, 2020 preliminary estimates, in percent of workers.")
            if !uncovered.isEmpty {
                notes.append("ORS publishes nothing for \(Figures.series(uncovered.map(\.name.withArticle))).")
            }
            let gap = Figures.exact(SurveyText.markedGap)
            // Of the conditions Versus compares, not of all ORS measures (wetness, pausing work): said, so that no
            // reader takes the list for every marked difference ORS holds.
            let compared = SurveyMeasure.environment.filter { if case .share = $0.kind { true } else { false } }.count
            let scope = "of the \(compared) yes-or-no working conditions Versus compares"
            if conditions.shown == 0 {
                notes.append("None \(scope) differs by \(figure: gap) points or more between two of them in ORS.")
            } else if conditions.shown == conditions.marked {
                notes.append(
                    "Working conditions shown: those \(scope) whose ORS shares differ by \(figure: gap) points or more between two of them, the largest gaps first."
                )
            } else {
                notes.append(
                    "Working conditions shown: the \(figure: String(conditions.shown)) \(scope) whose ORS shares differ most, of \(figure: String(conditions.marked)) that differ by \(figure: gap) points or more between two of them."
                )
            }
        }
        notes.append("Importance ratings run from 1 to 5.")
        return notes
    }

    private static func isTopCoded(_ wages: WageEstimate) -> Bool {
        [wages.annualMedian, wages.annualP10, wages.annualP90, wages.hourlyMedian, wages.hourlyP10, wages.hourlyP90].contains(where: \.isTopCoded)
    }
}
