/// Salary: OEWS May 2025 wages and employment (national, and local when asked), the gap between the two,
/// and the Employment Projections outlook for 2024–34.
enum SalarySection {
    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        blocks.append(.table(wageTable(context)))
        var notes: [Inlines] = []
        for role in context.same || context.sharesBLSFigures ? [context.a] : context.roles {
            notes.append(contentsOf: publicationNotes(role, context))
        }
        if !notes.isEmpty { blocks.append(.paragraph(Inlines.joined(notes))) }
        if let area = context.comparison.area { blocks.append(contentsOf: local(context, area: area)) }

        blocks.append(.subheading("Outlook, 2024–34"))
        if !context.same, let pa = context.a.profile.projections, let pb = context.b.profile.projections, pa.code == pb.code {
            blocks.append(.paragraph("BLS projects \(pa.title.midSentence) as one occupation, so the outlook is the same for both."))
        }
        let missing = (context.same ? [context.a] : context.roles).filter { $0.profile.projections == nil }
        if !missing.isEmpty {
            blocks.append(.paragraph("BLS publishes no projections for \(Figures.series(missing.map { $0.name.withArticle }, conjunction: "or"))."))
        }
        blocks.append(.table(outlookTable(context)))
        return ArticleSection(id: .salary, heading: "Salary", blocks: blocks)
    }

    enum Unit {
        case annual, hourly

        func text(_ estimate: Estimate) -> String { self == .annual ? estimate.annualText : estimate.hourlyText }
        func money(_ value: Double) -> String { self == .annual ? NumberText.dollars(value) : NumberText.cents(value) }
        var per: String { self == .annual ? "a year" : "an hour" }
    }

    /// The median pay of the two and the gap between them, in annual dollars when both are published, else hourly;
    /// "about the same" below `KeyDifferences.samePayPercent`. With an area, the local medians, after "In <area>, ".
    /// `nationally`: the national sentence on a page about an area says so ("Nationally, ..."), so that no reader takes it
    /// for the area's.
    static func medianComparison(_ context: WritingContext, area: OEWSAreaRef? = nil, nationally: Bool = false) -> Claim? {
        if context.same { return nil }
        let local = area != nil
        func wages(_ role: Comparison.Role) -> WageEstimate? { local ? role.local?.estimate : role.profile.nationalWages }
        // The sentence starts after "In California, " when local, so its first word is not capitalized then.
        let opening = area.map { "In \($0.title), " } ?? (nationally ? "Nationally, " : nil)
        func start(_ text: String) -> String { opening.map { $0 + text } ?? text.sentenceStart }
        if context.sharesBLSFigures, let source = context.a.profile.wageSource {
            let median = wages(context.a).map { OverviewSection.medianPay($0) } ?? Figures.notPublished
            let column = wages(context.a)?.annualMedian != .notPublished ? "A_MEDIAN" : "H_MEDIAN"
            return Claim(
                .pay,
                "\(start("pay cannot be told apart")): both are paid from one OEWS estimate, \(source.title), with a median of \(figure: median).",
                evidence: [Cite.wage(context.a, column: column, local: local)].compactMap { $0 })
        }
        guard let wa = wages(context.a), let wb = wages(context.b) else { return nil }
        let unit: Unit
        if wa.annualMedian != .notPublished && wb.annualMedian != .notPublished {
            unit = .annual
        } else if wa.hourlyMedian != .notPublished && wb.hourlyMedian != .notPublished {
            unit = .hourly
        } else {
            return nil
        }
        let ma = unit == .annual ? wa.annualMedian : wa.hourlyMedian
        let mb = unit == .annual ? wb.annualMedian : wb.hourlyMedian
        let column = unit == .annual ? "A_MEDIAN" : "H_MEDIAN"
        let evidence = [Cite.wage(context.a, column: column, local: local), Cite.wage(context.b, column: column, local: local)].compactMap { $0 }
        return Claim(.pay, gap(context, ma, mb, unit: unit, start: start), evidence: evidence)
    }

    /// " (BLS figure for all Logisticians)" after a role whose pay is that of a wider BLS occupation or group.
    private static func group(_ role: Comparison.Role, _ context: WritingContext) -> String {
        context.blsIsBroader(role) ? " (BLS figure for all \(context.blsTitle(role)))" : ""
    }

    private static func gap(_ context: WritingContext, _ ma: Estimate, _ mb: Estimate, unit: Unit, start: (String) -> String) -> Inlines {
        let a = context.a, b = context.b
        switch (ma, mb) {
        case (.value(let x), .value(let y)):
            if x == y { return "\(start("both have the same median pay")), \(figure: unit.money(x)) \(unit.per)." }
            let (high, low, hv, lv) = x > y ? (a, b, x, y) : (b, a, y, x)
            let difference = hv - lv
            let share = difference / lv * 100
            let percent = Figures.exact(share, maxPlaces: 1) + "%"
            if share < KeyDifferences.samePayPercent {
                return """
                    \(start("pay is about the same")) (we call a gap under \(figure: Figures.exact(KeyDifferences.samePayPercent))% about the same): a median of \
                    \(figure: unit.money(hv)) \(unit.per) for \(high.name.withArticle)\(group(high, context)) and \(figure: unit.money(lv)) \
                    for \(low.name.withArticle)\(group(low, context)), \(figure: percent) apart.
                    """
            }
            return """
                \(start(high.name.withArticle)) \(high.name.agreeing("earns", "earn")) more: a median of \(figure: unit.money(hv)) \(unit.per)\(group(high, context)) \
                against \(figure: unit.money(lv)) for \(low.name.withArticle)\(group(low, context)), \(figure: unit.money(difference)) or \(figure: percent) more.
                """
        case (.atLeast(let x), .value(let y)) where y < x, (.value(let y), .atLeast(let x)) where y < x:
            let (high, low) = ma.isTopCoded ? (a, b) : (b, a)
            return
                "\(start(high.name.withArticle)) \(high.name.agreeing("earns", "earn")) more: a median of \(figure: unit.money(x) + " or more") \(unit.per) (OEWS publishes no figure above its top code), at least \(figure: unit.money(x - y)) more than the \(figure: unit.money(y)) of \(low.name.withArticle)."
        case (.atLeast, .atLeast):
            return "\(start("both medians are at or above OEWS’s top code")) (\(figure: unit.text(ma))), so the data cannot say which role pays more."
        default:
            return "\(start("the published medians")) (\(figure: unit.text(ma)) and \(figure: unit.text(mb))) cannot be ranked."
        }
    }

    private static func wageTable(_ context: WritingContext) -> Table {
        let roles = context.same ? [context.a] : context.roles
        let area = context.comparison.area
        var header = ["May 2025"]
        for role in roles {
            header.append(
                area == nil ? (context.same ? role.occupation.title : role.name.text) : "\(context.same ? "U.S." : role.name.text + ", U.S.")")
        }
        if let area { for role in roles { header.append(context.same ? area.title : "\(role.name.text), \(area.title)") } }
        let lines: [(String, (WageEstimate) -> String)] = [
            ("Annual median", { $0.annualMedian.annualText }),
            ("Annual, 10th percentile", { $0.annualP10.annualText }),
            ("Annual, 25th percentile", { $0.annualP25.annualText }),
            ("Annual, 75th percentile", { $0.annualP75.annualText }),
            ("Annual, 90th percentile", { $0.annualP90.annualText }),
            ("Hourly median", { $0.hourlyMedian.hourlyText }),
            ("Jobs", { $0.employment.countText }),
        ]
        let rows = lines.map { label, value -> [String] in
            var row = [label]
            for role in roles { row.append(role.profile.nationalWages.map(value) ?? Figures.notPublished) }
            if area != nil { for role in roles { row.append(role.local?.estimate.map(value) ?? Figures.notPublished) } }
            return row
        }
        return Table(header: header, rows: rows)
    }

    private static func publicationNotes(_ role: Comparison.Role, _ context: WritingContext) -> [Inlines] {
        var notes: [Inlines] = []
        guard let source = role.profile.wageSource else {
            return ["OEWS publishes no wages for \(role.name.withArticle)."]
        }
        // Which BLS occupation or group the figures describe is said once, in the overview (`Notes.coverage`).
        if let wages = role.profile.nationalWages {
            if wages.hourlyOnly { notes.append("OEWS publishes only hourly wages for \(source.title), so it gives no annual figures.") }
            if wages.annualOnly { notes.append("OEWS publishes only annual wages for \(source.title), so it gives no hourly rates.") }
            let values = [
                wages.annualMedian, wages.annualMean, wages.annualP10, wages.annualP25, wages.annualP75, wages.annualP90, wages.hourlyMedian,
                wages.hourlyMean,
            ]
            if values.contains(where: \.isTopCoded) {
                notes.append("Figures written “or more” for \(source.title) are at OEWS’s top code: BLS publishes no exact value above it.")
            }
        } else {
            notes.append("OEWS publishes no national estimate for \(source.title).")
        }
        return notes
    }

    private static func local(_ context: WritingContext, area: OEWSAreaRef) -> [Block] {
        var sentences: [Inlines] = []
        for role in context.same || context.sharesBLSFigures ? [context.a] : context.roles where role.local?.estimate == nil {
            sentences.append("OEWS publishes no \(area.title) estimate for \(role.profile.wageSource?.title ?? role.occupation.title).")
        }
        let localTopCoded = (context.same ? [context.a] : context.roles).contains { role in
            guard let wages = role.local?.estimate else { return false }
            return [
                wages.annualMedian, wages.annualMean, wages.annualP10, wages.annualP25, wages.annualP75, wages.annualP90,
                wages.hourlyMedian, wages.hourlyMean,
            ].contains(where: \.isTopCoded)
        }
        if localTopCoded {
            sentences.append("\(area.title) figures written “or more” are at OEWS’s top code: BLS publishes no exact value above it.")
        }
        var blocks: [Block] = sentences.isEmpty ? [] : [.paragraph(Inlines.joined(sentences))]
        if !context.sharesBLSFigures, let gap = medianComparison(context, area: area) {
            blocks.append(.claim(gap))
        } else if context.same, let estimate = context.a.local?.estimate {
            blocks.append(
                .paragraph("In \(area.title), the median pay of \(context.a.occupation.title) is \(figure: OverviewSection.medianPay(estimate))."))
        }
        return blocks
    }

    private static func outlookTable(_ context: WritingContext) -> Table {
        func thousands(_ value: Double?) -> String { value.map(Figures.fromThousands) ?? Figures.notPublished }
        let rows = [
            context.row("Change, 2024–34") { role in
                guard let p = role.profile.projections, let percent = p.changePercent else { return Figures.notPublished }
                let sign = percent > 0 ? "+" : ""
                let numeric = p.changeNumeric.map { " (\($0 > 0 ? "+" : "")\(Figures.fromThousands($0)))" } ?? ""
                return sign + Figures.percent(percent) + numeric
            },
            context.row("Openings a year") { thousands($0.profile.projections?.annualOpenings) },
        ]
        return Table(header: context.header("Projections (BLS)"), rows: rows)
    }
}
