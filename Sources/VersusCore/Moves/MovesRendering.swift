/// The words every front end shows for a moves table: one phrasing, so the CLI, the page and the Markdown agree.
public enum MoveText {
    /// "+$12,340" / "-$5,000" / "same" / "not published".
    public static func payChange(_ change: Double?) -> String {
        guard let change else { return "not published" }
        if change.rounded() == 0 { return "same" }
        return (change > 0 ? "+" : "") + NumberText.dollars(change)
    }

    /// A move's pay change, or that one OEWS estimate covers both roles.
    public static func payChange(_ move: Move) -> String {
        move.sharesWageEstimate ? "one OEWS estimate for both" : payChange(move.payChange)
    }

    /// "$93,600 ($66,030–$135,320)": the median with the 10th–90th percentile range, and whose figures they are when
    /// not the occupation's own (`sharedFigures`).
    public static func pay(_ figures: RoleFigures) -> String {
        guard let w = figures.wages else { return "not published" }
        let pay = "\(w.annualMedian.annualText) (\(w.annualP10.annualText)–\(w.annualP90.annualText))"
        return sharedFigures(figures).map { pay + "; " + $0 } ?? pay
    }

    /// Whose BLS figures a role's are when BLS does not publish its occupation alone: a group that contains it ("Weatherization
    /// Installers": Miscellaneous Construction and Related Workers, 47-4090), or a SOC code O*NET splits (all Registered
    /// Nurses for Critical Care Nurses). Pay, outlook and entry education all come from that code.
    public static func sharedFigures(_ figures: RoleFigures) -> String? {
        guard let source = figures.profile.wageSource else { return nil }
        if source.basis == .aggregate {
            return "pay, outlook and entry education are BLS’s for the group \(source.title) (\(source.code.rawValue))"
        }
        if !figures.profile.socSiblings.isEmpty {
            return "pay, outlook and entry education are BLS’s for all \(source.title) (SOC \(source.code.rawValue))"
        }
        return nil
    }

    /// "job zone 4; Bachelor's degree; over 2 years, up to 4 years; license 35%".
    public static func preparation(_ figures: RoleFigures) -> String {
        var parts: [String] = []
        parts.append(figures.jobZone.map { "job zone \($0)" } ?? "job zone not published")
        parts.append(figures.entryEducation ?? "entry education not published")
        if let band = figures.preparationBand {
            parts.append("learn in \(band.answer.phrase)" + (band.close.map { " or \($0.phrase) (too close to call)" } ?? ""))
        }
        if let license = license(figures.licenseShare) { parts.append("license \(license)") }
        return parts.joined(separator: "; ")
    }

    /// ORS's license share as a percent, "under 0.5%", or nil when not published.
    public static func license(_ value: SurveyValue?) -> String? {
        switch value {
        case .value(let v)?: return NumberText.percent(v)
        case .lessThan(let v)?: return "under " + NumberText.percent(v)
        default: return nil
        }
    }

    /// "zone +1, schooling +2 steps, ORS band +1": the gaps that are published and not zero; "no more preparation".
    public static func gap(_ move: Move) -> String {
        func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
        var parts: [String] = []
        if let gap = move.jobZoneGap, gap != 0, let zone = move.target.jobZone { parts.append("job zone \(zone - gap) → \(zone)") }
        if let gap = move.educationGap, gap != 0 {
            parts.append("entry education \(move.target.entryEducation ?? "") (\(signed(gap)) step\(abs(gap) == 1 ? "" : "s"))")
        }
        if let gap = move.preparationBandGap, gap != 0 { parts.append(bandGap(gap, atLeast: move.preparationBandGapIsBound)) }
        if parts.isEmpty {
            return move.jobZoneGap == nil && move.educationGap == nil ? "not published" : "no more preparation"
        }
        return parts.joined(separator: ", ")
    }

    /// "ORS time to learn 2 bands longer": how many of ORS's preparation bands apart the two most common ones are.
    static func bandGap(_ gap: Int, atLeast: Bool = false) -> String {
        "ORS time to learn \(atLeast ? "at least " : "")\(abs(gap)) band\(abs(gap) == 1 ? "" : "s") \(gap > 0 ? "longer" : "shorter")"
    }

    /// "+5.2% growth, 9.1 openings a year per 100 jobs".
    public static func outlook(_ figures: RoleFigures) -> String {
        var parts: [String] = []
        if let growth = figures.growthPercent { parts.append((growth > 0 ? "+" : "") + NumberText.percent(growth) + " growth 2024–34") }
        if let openings = figures.openingsPer100 { parts.append(NumberText.decimal(openings, places: 1) + " openings a year per 100 jobs") }
        return parts.isEmpty ? "not published" : parts.joined(separator: ", ")
    }

    /// "Medicine and Dentistry (3.2 → 4.1)".
    public static func needsMore(_ move: Move) -> String {
        move.needsMore.isEmpty
            ? "nothing clearly more"
            : move.needsMore.map { "\($0.name) (\(NumberText.decimal($0.from, places: 1)) → \(NumberText.decimal($0.to, places: 1)))" }
                .joined(separator: ", ")
    }

    /// "O*NET Primary-Short #2" or "found by Versus's similarity".
    public static func source(_ move: Move) -> String {
        guard let related = move.related else { return "found by Versus’s similarity" }
        return "O*NET \(related.tier) #\(related.rank)"
    }

    /// "shares Service Orientation, Reading Comprehension; both: Monitor patient conditions".
    public static func why(_ move: Move) -> String {
        var parts: [String] = []
        if !move.sharedSkills.isEmpty { parts.append("shares " + move.sharedSkills.joined(separator: ", ")) }
        if !move.sharedActivities.isEmpty {
            parts.append("both " + move.sharedActivities.map { $0.lowercasedFirst.trimmingTrailingPeriod }.joined(separator: "; "))
        }
        return parts.isEmpty ? "similar ratings" : parts.joined(separator: "; ")
    }

    /// "via Licensed Practical Nurses: +$22,140, ORS time to learn +4 bands; then +$33,150, entry education +3 steps".
    public static func steppingStone(_ move: Move) -> String? {
        guard let stone = move.steppingStone else { return nil }
        func step(_ step: SteppingStone.Step) -> String {
            func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
            var parts = [payChange(step.payChange)]
            if let gap = step.jobZoneGap, gap != 0 { parts.append("job zone \(signed(gap))") }
            if let gap = step.educationGap, gap != 0 { parts.append("entry education \(signed(gap)) step\(abs(gap) == 1 ? "" : "s")") }
            if let gap = step.preparationBandGap, gap != 0 { parts.append(bandGap(gap)) }
            return parts.joined(separator: ", ")
        }
        return "via \(stone.via.title) (\(stone.via.code)): \(step(stone.first)); then \(step(stone.second))"
    }

    public static func similarity(_ move: Move) -> String { NumberText.decimal(move.similarity.score, places: 2) }

    /// "national pay" or "pay in Texas".
    public static func payPlace(_ result: MovesResult) -> String { result.area.map { "pay in \($0.title)" } ?? "national pay" }

    /// The weak-match sentence a comparison shows, when the title matched thinly or as another title.
    public static func readAs(_ result: MovesResult) -> String? {
        let request = result.from
        guard let matched = request.matchedTitle, request.isWeakMatch || request.matchedOtherTitle != nil else { return nil }
        let weak = request.isWeakMatch ? " (a weak match: check the alternatives)" : ""
        return "“\(request.query)” was read as the title “\(matched)” (\(result.stay.title))\(weak)."
    }
}

extension String {
    /// O*NET writes work activities as sentences; in a list they read better without the full stop.
    var trimmingTrailingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }

    /// "Monitor patient conditions" → "monitor patient conditions", leaving acronyms ("CPR") alone.
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first.map({ !$0.isUppercase }) ?? true else { return self }
        return first.lowercased() + dropFirst()
    }
}

/// `versus moves` as text and Markdown. `comparison` gives each move's comparison address.
public enum MovesRenderer {
    public static func text(_ result: MovesResult, comparison: (Move) -> String) -> String {
        var out = "Moves from \(result.fromName) (\(result.stay.title), \(result.stay.code)), \(MoveText.payPlace(result))\n"
        if let note = MoveText.readAs(result) { out += note + "\n" }
        if !result.from.alternatives.isEmpty {
            out +=
                "Other occupations the title could mean: "
                + result.from.alternatives.prefix(4).map { "\($0.title) (\($0.code))" }.joined(separator: ", ") + "\n"
        }
        out += "\nStay: \(result.stay.title)\n"
        out += "    Pay: \(MoveText.pay(result.stay))\n"
        out += "    Preparation: \(MoveText.preparation(result.stay))\n"
        out += "    Outlook: \(MoveText.outlook(result.stay))\n"
        if result.moves.isEmpty { out += "\nNo moves pass these filters.\n" }
        for (number, move) in result.moves.enumerated() {
            out += "\n\(number + 1). \(move.target.title) (\(move.target.code)): \(MoveText.source(move)), similarity \(MoveText.similarity(move))\n"
            out += "    Pay change: \(MoveText.payChange(move)); \(MoveText.pay(move.target))\n"
            out += "    Preparation: \(MoveText.gap(move)); \(MoveText.preparation(move.target))\n"
            out += "    Needs more: \(MoveText.needsMore(move))\n"
            out += "    Outlook: \(MoveText.outlook(move.target))\n"
            out += "    Why: \(MoveText.why(move))\n"
            if let stone = MoveText.steppingStone(move) { out += "    Stepping stone: \(stone)\n" }
            out += "    Compare: \(comparison(move))\n"
        }
        out += "\nPay: OEWS May 2025 annual medians (10th–90th percentile). Preparation: O*NET job zones, BLS Employment Projections "
        out += "typical entry education, ORS 2020 time to learn the job and license share. See Docs/moves.md for the ranking.\n"
        return out
    }

    public static func markdown(_ result: MovesResult, comparison: (Move) -> String) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "# Moves from \(cell(result.fromName))\n\n"
        out += "\(cell(result.stay.title)) (\(result.stay.code)), \(MoveText.payPlace(result)).\n\n"
        if let note = MoveText.readAs(result) { out += "> \(cell(note))\n\n" }
        out += "| | Occupation | Pay change | Pay (10th–90th) | Preparation gap | Needs more | Outlook | Source | Why |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        out += "| Stay | \(cell(result.stay.title)) | — | \(cell(MoveText.pay(result.stay))) | \(cell(MoveText.preparation(result.stay))) | — "
        out += "| \(cell(MoveText.outlook(result.stay))) | — | — |\n"
        for (number, move) in result.moves.enumerated() {
            out += "| \(number + 1) | [\(cell(move.target.title))](\(comparison(move))) | \(MoveText.payChange(move)) "
            out += "| \(cell(MoveText.pay(move.target))) | \(cell(MoveText.gap(move))) | \(cell(MoveText.needsMore(move))) "
            out += "| \(cell(MoveText.outlook(move.target))) | \(cell(MoveText.source(move))) | \(cell(MoveText.why(move))) |\n"
        }
        if result.moves.isEmpty { out += "\nNo moves pass these filters.\n" }
        return out
    }
}
