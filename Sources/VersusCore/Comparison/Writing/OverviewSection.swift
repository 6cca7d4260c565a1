/// Overview: a warning when a title matched thinly, the key differences, then what each role is.
enum OverviewSection {
    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        // A thin match goes first: every figure below depends on it.
        for role in context.roles where role.request.isWeakMatch {
            blocks.append(contentsOf: weakMatch(role))
        }
        if context.same {
            blocks.append(.paragraph(sameOccupation(context)))
        } else {
            blocks.append(.subheading("Key differences"))
            blocks.append(.claims(KeyDifferences.claims(context)))
        }
        if context.same {
            blocks.append(.subheading("What \(context.a.name.agreeing("is", "are")) \(context.a.name.withArticle) or \(context.b.name.withArticle)?"))
            blocks.append(contentsOf: portrait(context.a, context))
        } else {
            for role in context.roles {
                blocks.append(.subheading("What \(role.name.agreeing("is", "are")) \(role.name.withArticle)?"))
                blocks.append(contentsOf: portrait(role, context))
            }
        }
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

    /// "“Event Producer” matched only the title “Producer” …", with the other occupations it could mean, as a list. A title
    /// matched closely is weak only because other occupations match it too: about as well ("Store Manager", within
    /// `TitleChoice.clearLead`), or less well where one word needs a longer lead ("Bookkeeping"). The page says which,
    /// not that the match is thin.
    static func weakMatch(_ role: Comparison.Role) -> [Block] {
        let occupation = "\(role.occupation.title) (\(role.occupation.code.rawValue))"
        let query = role.request.query
        let warning: Inlines
        if let matched = role.request.matchedTitle, let score = role.request.matchScore, score >= TitleChoice.weakScore,
            !role.request.alternatives.isEmpty
        {
            let close = role.request.alternatives.first?.score.map { score - $0 <= TitleChoice.clearLead } ?? false
            let others = close ? "other occupations match it about as well" : "it also matches the other occupations listed below"
            warning = """
                Check the match: “\(query)” matched the title “\(matched)” closely, but \(others); \
                this page takes it as \(occupation), which may not be the job you mean.
                """
        } else {
            let through = role.request.matchedTitle.map { " only the title “\($0)”, filed under" } ?? ""
            warning = "Check the match: “\(query)” matched\(through) \(occupation), a weak match, so this page may not describe the job you mean."
        }
        var blocks: [Block] = [.paragraph(warning)]
        let shown = role.request.alternatives.prefix(5)
        if !shown.isEmpty {
            blocks.append(.paragraph("It may instead be one of these occupations; compare with its code to be sure:"))
            blocks.append(.list(shown.map { Inlines(stringLiteral: "\($0.title) (\($0.code.rawValue))") }))
        }
        return blocks
    }

    /// What one role is: O*NET's description, how the title was matched, reported titles, and how BLS figures map to it.
    private static func portrait(_ role: Comparison.Role, _ context: WritingContext) -> [Block] {
        let profile = role.profile
        var sentences: [Inlines] = []
        sentences.append(
            "O*NET files \(role.name.withArticle) under \(context.occupationWithCode(role))\(through(role)): “\(opening(profile.occupation.description))”"
        )
        let titles = profile.reportedTitles.prefix(3)
        if !titles.isEmpty {
            sentences.append("Workers in it report titles such as \(Figures.series(Array(titles))).")
        }
        if !role.request.isWeakMatch {
            let shown = role.request.alternatives.prefix(3)
            if !shown.isEmpty {
                sentences.append("“\(role.name.text)” can also mean \(Figures.series(shown.map { "\($0.title) (\($0.code))" }, conjunction: "or")).")
            }
        }
        sentences.append(contentsOf: Notes.coverage(role, context))
        return [.paragraph(Inlines.joined(sentences))]
    }

    /// A description's opening sentences, up to `descriptionWords` words (always the first sentence), with "…" where
    /// the rest is left out: O*NET's later sentences list duties the Job Duties section shows from core tasks, and
    /// classification notes ("Excludes First-Line Supervisors.") a reader does not need.
    static let descriptionWords = 40

    static func opening(_ description: String) -> String {
        guard description.utf8.allSatisfy({ $0 < 0x80 }) else { return openingOfAnyText(description) }
        // ASCII, as O*NET's descriptions are: the same rules on bytes, without Foundation's search or grapheme breaking.
        let bytes = Array(description.utf8)
        var kept: [UInt8] = [], words = 0, start = 0
        let period = UInt8(ascii: "."), space = UInt8(ascii: " "), capitals = UInt8(ascii: "A")...UInt8(ascii: "Z")
        while start < bytes.count {
            var end = bytes.count, index = start
            while index + 1 < bytes.count {
                guard bytes[index] == period, bytes[index + 1] == space else {
                    index += 1
                    continue
                }
                if index + 2 < bytes.count, capitals.contains(bytes[index + 2]) {
                    end = index + 1
                    break
                }
                index += 2
            }
            var count = 0
            for position in start..<end where bytes[position] != space && (position == start || bytes[position - 1] == space) { count += 1 }
            if !kept.isEmpty && words + count > descriptionWords { return String(decoding: kept, as: UTF8.self) + " …" }
            if !kept.isEmpty { kept.append(space) }
            kept += bytes[start..<end]
            words += count
            start = end
            while start < bytes.count && bytes[start] == space { start += 1 }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// `opening` for any text: sentences found by characters, so a capital after ". " may be any letter.
    static func openingOfAnyText(_ description: String) -> String {
        var kept = "", words = 0, rest = Substring(description)
        while !rest.isEmpty {
            // A sentence ends at ". " before a capital letter (so "e.g. the" and "U.S. Navy" do not end one).
            var end = rest.endIndex
            var search = rest.startIndex
            while let stop = rest[search...].range(of: ". ") {
                if let next = rest[stop.upperBound...].first, next.isUppercase { end = rest.index(after: stop.lowerBound); break }
                search = stop.upperBound
            }
            let sentence = rest[..<end]
            let count = sentence.split(separator: " ").count
            if !kept.isEmpty && words + count > descriptionWords { return kept + " …" }
            kept += (kept.isEmpty ? "" : " ") + sentence
            words += count
            rest = rest[end...].drop(while: { $0 == " " })
        }
        return kept
    }

    /// ", through the title “Chief Operating Officer (COO)”" when the typed title matched a title the page does not show.
    private static func through(_ role: Comparison.Role) -> String {
        guard !role.request.isWeakMatch, let matched = role.request.matchedTitle,
            matched.lowercased() != role.name.text.lowercased(),
            matched.lowercased() != role.occupation.title.lowercased()
        else { return "" }
        return ", through the title “\(matched)”"
    }

    /// "$102,950 a year", or the hourly median where OEWS publishes only hourly wages.
    static func medianPay(_ wages: WageEstimate?) -> String {
        guard let wages else { return Figures.notPublished }
        if wages.annualMedian != .notPublished { return Figures.annual(wages.annualMedian) + " a year" }
        if wages.hourlyMedian != .notPublished { return Figures.hourly(wages.hourlyMedian) + " an hour" }
        return Figures.notPublished
    }
}

/// Sentences that say, once per page, where a role's BLS figures come from when that is not simply its own code.
enum Notes {
    static func coverage(_ role: Comparison.Role, _ context: WritingContext) -> [Inlines] {
        var notes: [Inlines] = []
        let profile = role.profile
        let soc = profile.occupation.socCode
        if let source = profile.wageSource {
            if source.basis == .aggregate {
                notes.append(
                    "BLS does not publish SOC \(soc.rawValue) on its own: its pay, job and outlook figures here are those of the group \(source.title) (\(source.code.rawValue))."
                )
            } else if !profile.socSiblings.isEmpty {
                notes.append(
                    "Its pay, job and outlook figures are BLS’s for all \(source.title) (SOC \(soc.rawValue)), which O*NET splits into \(String(profile.socSiblings.count + 1)) occupations."
                )
            }
        } else {
            notes.append("OEWS publishes no employment or wage estimate for this occupation.")
        }
        return notes
    }
}
