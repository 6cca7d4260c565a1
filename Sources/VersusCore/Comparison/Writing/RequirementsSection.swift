/// Job Requirements: the four education measures side by side (BLS entry level, what workers hold, what O*NET
/// respondents say the job requires, ORS's minimum), experience and training, credentials, and whether one role
/// leads to the other.
enum RequirementsSection {
    static func write(_ context: WritingContext) -> ArticleSection {
        var blocks: [Block] = []
        let shown = context.same ? [context.a] : context.roles
        let survey = SurveyText.rows(SurveyMeasure.requirements, context, labelSuffix: " (ORS)")
        blocks.append(.table(table(context, survey: survey)))

        // Each row names its source, and the sources measure different things (what workers hold, what they say the
        // job requires, employers' minimum), so no sentence explains them again.
        var notes: [Inlines] = []
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
        blocks.append(.claim(StepAnalysis.claim(context)))
        return ArticleSection(id: .requirements, heading: "Job Requirements", blocks: blocks)
    }

    private static func table(_ context: WritingContext, survey: SurveyText.Rows) -> Table {
        func entry(_ value: @escaping (Projections) -> String?) -> (Comparison.Role) -> String {
            { role in role.profile.projections.flatMap(value) ?? Figures.notPublished }
        }
        func onet(_ path: KeyPath<OccupationProfile, [CategoryShare]>, short: Bool) -> (Comparison.Role) -> String {
            { role in
                let shares = role.profile[keyPath: path]
                switch mode(shares) {
                case .published(let share):
                    let named = "\(short ? share.shortLabel : share.label) (\(Figures.percent(share.percent))"
                    guard let next = runnerUp(to: share, in: shares) else { return named + ")" }
                    return named + "; \(short ? next.shortLabel : next.label), \(Figures.percent(next.percent)), too close to call)"
                case .withheld: return "not named (see below)"
                case .none: return Figures.notPublished
                }
            }
        }
        // BLS's entry education, experience and training are in the time to qualify, read together.
        var rows: [[String]] = [
            context.row("Time to qualify") { timeToQualify($0) },
            context.row("Highest education workers hold (BLS)") { role in
                guard let top = role.profile.attainment.filter({ $0.percent != nil }).max(by: { ($0.percent!, $1.level) < ($1.percent!, $0.level) })
                else {
                    return Figures.notPublished
                }
                // "Most" only for a majority: the largest of seven groups can be a third of workers.
                let who = top.percent! > 50 ? "most workers" : "largest group"
                return "\(top.level) (\(who), \(Figures.percent(top.percent!))\(role.profile.attainmentIsForBroaderGroup ? ", broader group" : ""))"
            },
            context.row("Education the job requires, most common answer (O*NET)", onet(\.requiredEducation, short: true)),
        ]
        let minimum = survey.rows.filter { $0[0].hasPrefix(SurveyMeasure.requirements[0].label) }
        rows.append(contentsOf: minimum)
        rows.append(context.row("Job zone (O*NET)") { $0.profile.jobZone.map { "\($0.number) of 5: \($0.preparation)" } ?? Figures.notPublished })
        rows.append(
            contentsOf: survey.rows.filter { !$0[0].hasPrefix(SurveyMeasure.requirements[0].label) && !$0[0].hasPrefix("Median prior experience") })
        let roles = context.same ? [context.a] : context.roles
        if roles.contains(where: { KeyDifferences.licensingSentence($0) != nil }) {
            rows.append(context.row("Licensing in O*NET’s description") { KeyDifferences.licensingSentence($0).map { "“\($0)”" } ?? "not stated" })
        }
        return Table(header: context.header("Requirement"), rows: rows)
    }

    /// Time to qualify in one readable cell: ORS's most common time to learn the job and its share, the median days of
    /// on-the-job training and prior experience among those who need them, then BLS’s typical entry requirements.
    /// `shareAlone`: also the share that needs training or experience where ORS publishes no median days of it (a lineup,
    /// which has no row of its own for the share; a comparison's table has one).
    static func timeToQualify(_ role: Comparison.Role, shareAlone: Bool = false) -> String {
        var parts: [String] = []
        if let band = KeyDifferences.preparationBand(role) {
            // "Most" only for a majority that stands clear of the next band.
            let who = band.share > 50 && band.close == nil ? "most workers" : "the largest group"
            var close = ""
            if let next = band.close, let share = band.closeShare {
                close = "; \(next.phrase), \(Figures.percent(share)), too close to call"
            }
            parts.append("\(band.answer.phrase) to learn it for \(who) (\(Figures.percent(band.share)), ORS\(close))")
        }
        if let survey = role.profile.requirementsSurvey {
            parts += [
                medianWhereRequired(
                    survey, median: "00119", required: "00122", notRequired: "00123", of: "on-the-job training", shareAlone: shareAlone),
                medianWhereRequired(
                    survey, median: "00111", required: "00107", notRequired: "00114", of: "prior experience", shareAlone: shareAlone),
            ].compactMap { $0 }
        }
        if let p = role.profile.projections, let education = p.typicalEducation {
            let bls = [
                education, p.workExperience.map { $0 == "None" ? "no related experience" : $0.midSentence + " related experience" },
                p.onTheJobTraining.map(EntryPhrases.training),
            ]
            parts.append("BLS: " + bls.compactMap { $0 }.joined(separator: ", "))
        }
        return parts.isEmpty ? Figures.notPublished : parts.joined(separator: "; ").sentenceStart
    }

    /// ORS's median days of a requirement count only the workers whose job has it ("prior experience" of plumbers: 3
    /// years, where 70.5% need none): told with the share that needs it, so that no one reads it as everyone's.
    static func medianWhereRequired(
        _ survey: RequirementsSurvey, median: String, required: String, notRequired: String, of what: String, shareAlone: Bool = false
    ) -> String? {
        guard case .value(let days)? = survey[median]?.value else {
            guard shareAlone else { return nil }
            if let share = survey[required]?.value, share != .notPublished { return "\(Figures.survey(share)) need \(what)" }
            if let share = survey[notRequired]?.value, share != .notPublished { return "\(Figures.survey(share)) need no \(what)" }
            return nil
        }
        let duration = Figures.duration(days: days)
        if let share = survey[required]?.value, share != .notPublished {
            return "\(Figures.survey(share)) need \(what), a median of \(duration) of it"
        }
        if let share = survey[notRequired]?.value, share != .notPublished {
            return "\(what) where required: a median of \(duration) (\(Figures.survey(share)) need none)"
        }
        return "\(what) where required: a median of \(duration)"
    }

    /// The next largest published share when it is too close to the largest to call (`MarginOfError`), else nil.
    static func runnerUp(to top: CategoryShare, in shares: [CategoryShare]) -> CategoryShare? {
        let next = shares.filter { !$0.suppressed && $0.category != top.category && $0.percent > 0 }.max { $0.percent < $1.percent }
        guard let next, MarginOfError.tooCloseToCall(top.percent, top.standardError, next.percent, next.standardError) else { return nil }
        return next
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

/// The way between the two roles, from stated evidence only: a description or task of one that names the other
/// occupation (quoted), O*NET's related occupations in either direction, and what each takes to enter (BLS entry
/// education and experience, O*NET job zones). The data is called silent only where all of them are.
enum StepAnalysis {
    /// A sentence of one role's description or tasks that names the other's occupation.
    struct Mention {
        let role: Comparison.Role
        let other: Comparison.Role
        let quote: String
        let evidence: Evidence
        /// The sentence requires the other occupation ("Must be registered nurses"): a route, not only a link.
        let isRequirement: Bool
    }

    /// The key difference: said only when the data states a link (a mention, or a related-occupations entry).
    static func statedRoute(_ context: WritingContext) -> Claim? {
        guard !context.same else { return nil }
        // A related-occupations entry alone is said under Job Requirements; a key difference quotes a stated link.
        guard let mention = context.mention else { return nil }
        return claim(context, mention: mention, related: relatedLinks(context), withEntry: false)
    }

    /// The Requirements section's answer, always given.
    static func claim(_ context: WritingContext) -> Claim {
        if context.same {
            return Claim(.route, "Both titles are the same occupation in the data, so it cannot show one leading to the other.", evidence: [])
        }
        return claim(context, mention: context.mention, related: relatedLinks(context), withEntry: true)
    }

    /// `withEntry`: what each takes to enter, which the key differences give in their own sentence on time to qualify.
    private static func claim(
        _ context: WritingContext, mention: Mention?, related: [(from: Comparison.Role, link: RelatedOccupation)], withEntry: Bool
    ) -> Claim {
        let a = context.a, b = context.b
        var sentences: [Inlines] = []
        var evidence: [Evidence] = []
        if let mention {
            let source = mention.evidence.file == .onetTasks ? "a task O*NET lists for" : "O*NET’s description of"
            let lead =
                mention.isRequirement
                ? "The data states a route from \(mention.other.name.withArticle) to \(mention.role.name.withArticle)"
                : "The data names \(mention.other.occupation.title) in the work of \(mention.role.occupation.title)"
            sentences.append("\(lead): \(source) \(mention.role.occupation.title) says “\(mention.quote)”")
            evidence.append(mention.evidence)
        }
        if !related.isEmpty {
            sentences.append(relatedSentence(related, context))
            evidence += related.map { Cite.related($0.from, $0.link) }
        }
        if !withEntry { return Claim(.route, Inlines.joined(sentences), evidence: evidence) }
        // What each takes to enter, so that a stated link can be read as a step up or not.
        let (ea, eb) = (a.profile.projections?.typicalEducation, b.profile.projections?.typicalEducation)
        let (za, zb) = (a.profile.jobZone?.number, b.profile.jobZone?.number)
        if let ea, let eb {
            evidence += [Cite.projection(a, .education), Cite.projection(b, .education)].compactMap { $0 }
            if ea != eb {
                sentences.append(
                    "Becoming \(a.name.withArticle) typically takes \(EntryPhrases.education(ea)), and becoming \(b.name.withArticle) \(EntryPhrases.education(eb)) (BLS)."
                )
            }
        }
        if let za, let zb {
            evidence += [Cite.jobZone(a), Cite.jobZone(b)].compactMap { $0 }
            if za == zb {
                sentences.append("Both are in O*NET job zone \(figure: String(za)) of 5: O*NET rates the preparation they need alike.")
            } else {
                let (lower, higher) = za < zb ? (a, b) : (b, a)
                sentences.append(
                    "\(higher.name.withArticle.sentenceStart) \(higher.name.agreeing("needs", "need")) more preparation (O*NET job zone \(figure: String(max(za, zb))) against \(figure: String(min(za, zb))) for \(lower.name.withArticle))."
                )
                if let experience = higher.profile.projections?.workExperience, experience != "None" {
                    evidence += [Cite.projection(higher, .experience)].compactMap { $0 }
                    sentences.append(
                        "BLS asks for \(experience.midSentence) of work experience in a related occupation for \(higher.name.withArticle); no source says it must be as \(lower.name.withArticle)."
                    )
                }
            }
        }
        if mention == nil && related.isEmpty {
            sentences.insert(
                "No description or task of either requires the other, and O*NET does not list either among the other’s related occupations, so the data states no route between them.",
                at: 0)
        }
        return Claim(.route, Inlines.joined(sentences), evidence: evidence)
    }

    /// O*NET related-occupation entries between the two, in either direction.
    static func relatedLinks(_ context: WritingContext) -> [(from: Comparison.Role, link: RelatedOccupation)] {
        let a = context.a, b = context.b
        var links: [(from: Comparison.Role, link: RelatedOccupation)] = []
        if let link = a.profile.related.first(where: { $0.code == b.occupation.code }) { links.append((a, link)) }
        if let link = b.profile.related.first(where: { $0.code == a.occupation.code }) { links.append((b, link)) }
        return links
    }

    private static func relatedSentence(_ links: [(from: Comparison.Role, link: RelatedOccupation)], _ context: WritingContext) -> Inlines {
        func listing(_ link: RelatedOccupation, from: Comparison.Role) -> String {
            let closeness = link.tier == "Primary-Short" ? "among the occupations most related to" : "among the occupations related to"
            return "\(link.title) \(closeness) \(from.occupation.title)"
        }
        let first = links[0]
        var sentence = "O*NET lists " + listing(first.link, from: first.from)
        if links.count > 1 {
            // "The other way round" only when O*NET ranks the link alike both ways: most related one way may be only
            // related (Supplemental) the other.
            let second = links[1]
            let alike = (first.link.tier == "Primary-Short") == (second.link.tier == "Primary-Short")
            sentence += alike ? ", and the other way round" : ", and " + listing(second.link, from: second.from)
        }
        return Inlines(stringLiteral: sentence + ".")
    }

    /// Words that make a sentence naming another occupation a requirement rather than a mention ("May supervise nurses").
    static let requirementWords = ["must be", "must have", "must hold", "require", "experience as", "licensed as", "prior to becoming"]

    /// The first sentence of either role's description, then of its tasks (core first), that names the other's
    /// occupation: its O*NET title, a part of it ("lawyers" of "Lawyers"; "legal assistants" of "Paralegals and Legal
    /// Assistants"), singular or plural, or the name the page gives it. Failing that, a requirement that names the other
    /// only by its head noun, which many occupations share ("Must have experience as a teacher" of education
    /// administrators): not a mention of the other's occupation, but still a stated route, so that "no description or
    /// task requires the other" is never said over it.
    static func mention(_ a: Comparison.Role, _ b: Comparison.Role) -> Mention? {
        var found: [Mention] = []
        var inPassing: Mention?
        for (role, other) in [(a, b), (b, a)] {
            let wanted = names(of: other).map { Array((" " + lettersOnly($0) + " ").utf8) }
            let head = other.occupation.title.split(separator: " ").last.map { String($0).lowercased() } ?? ""
            let headForms =
                head.count > 3
                ? [head, head.hasSuffix("s") ? String(head.dropLast()) : head + "s"].map { Array((" " + lettersOnly($0) + " ").utf8) } : []
            var lower: [UInt8] = []
            // One pass over each sentence's letters serves both readings; a requirement is looked for only where the
            // head noun is (rarely), as that takes a second pass.
            func namesOther(_ sentence: Substring, _ mention: () -> Mention) -> Bool {
                letterBytes(sentence, into: &lower)
                if wanted.contains(where: { lower.contains(run: $0) }) { return true }
                if inPassing == nil, headForms.contains(where: { lower.contains(run: $0) }),
                    requirementBytes.contains(where: { lower.contains(run: $0) }), isRequirement(sentence)
                {
                    inPassing = mention()
                }
                return false
            }
            func fromDescription(_ sentence: Substring) -> Mention {
                let quote = sentence.trimmingCharacters(in: .whitespaces) + "."
                return Mention(
                    role: role, other: other, quote: quote, evidence: Cite.description(role, quoting: quote), isRequirement: isRequirement(sentence))
            }
            func fromTask(_ task: OccupationTask) -> Mention {
                Mention(
                    role: role, other: other, quote: task.statement, evidence: Cite.task(role, task),
                    isRequirement: isRequirement(Substring(task.statement)))
            }
            let sentences = role.occupation.description.split(separator: ".", omittingEmptySubsequences: true)
            if let sentence = sentences.first(where: { sentence in namesOther(sentence) { fromDescription(sentence) } }) {
                found.append(fromDescription(sentence))
            }
            if let task = DutiesSection.ordered(role.profile.tasks).first(where: { task in namesOther(Substring(task.statement)) { fromTask(task) } })
            {
                found.append(fromTask(task))
            }
        }
        // A stated requirement first ("Must be registered nurses"), then a description, then a task; then one in passing.
        return found.first(where: \.isRequirement) ?? found.first(where: { $0.evidence.file == .onetOccupations }) ?? found.first
            ?? inPassing
    }

    private static func isRequirement(_ sentence: Substring) -> Bool {
        let bytes = lowercasedBytes(sentence)
        return requirementBytes.contains(where: { bytes.contains(run: $0) })
    }

    /// The forms of an occupation's name a sentence can use. Parts of two or more words, or one word that is not a
    /// common word of many titles ("workers", "assistants"), so that "assistants" alone never counts as naming
    /// "Medical Assistants".
    static func names(of role: Comparison.Role) -> [String] {
        var names: [String] = []
        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            let words = trimmed.split(separator: " ")
            // One word alone names an occupation only as a plural noun no other title shares ("lawyers", not
            // "educational" of "Educational, Guidance, and Career Counselors" or "assistants").
            guard !words.isEmpty, words.first != "except", trimmed.count > 3,
                words.count >= 2 || (trimmed.hasSuffix("s") && !genericWords.contains(String(words[0])))
            else { return }
            names.append(trimmed)
            if trimmed.hasSuffix("s") { names.append(String(trimmed.dropLast())) }
        }
        let title = role.occupation.title
        add(title)
        for part in title.replacingOccurrences(of: ", ", with: " and ").components(separatedBy: " and ") where part != title { add(part) }
        let display = role.name.text
        if display.lowercased() != title.lowercased() { add(display) }
        return names
    }

    /// Words of many titles that name no occupation alone.
    static let genericWords: Set<String> = [
        "workers", "worker", "assistants", "assistant", "helpers", "helper", "operators", "operator", "managers", "manager",
        "specialists", "specialist", "technicians", "technician", "clerks", "clerk", "all", "other", "others", "occupations",
        "teachers", "teacher", "officers", "officer", "analysts", "analyst", "engineers", "engineer", "supervisors", "supervisor",
        "staff", "agents", "agent", "aides", "aide", "attendants", "attendant", "installers", "repairers", "mechanics",
    ]

    private static let requirementBytes = requirementWords.map { Array($0.utf8) }

    /// A sentence in lower case, as bytes: ASCII (as O*NET's descriptions are) folded byte by byte, any other text
    /// lower-cased by Unicode's rules.
    private static func lowercasedBytes(_ sentence: Substring) -> [UInt8] {
        guard sentence.utf8.allSatisfy({ $0 < 0x80 }) else { return Array(sentence.lowercased().utf8) }
        return sentence.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// A sentence as `lettersOnly` of its lower case, between spaces, as bytes: ASCII (as O*NET's statements are)
    /// folded byte by byte without building strings, any other text through Unicode's rules.
    /// Into one buffer, reused for every statement of a role.
    private static func letterBytes(_ sentence: Substring, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        guard sentence.utf8.allSatisfy({ $0 < 0x80 }) else {
            bytes.append(contentsOf: (" " + lettersOnly(sentence.lowercased()) + " ").utf8)
            return
        }
        bytes.append(0x20)
        for byte in sentence.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            bytes.append((0x61...0x7A).contains(lower) ? lower : 0x20)
        }
        bytes.append(0x20)
    }

    /// Letters kept, every other character a space ("registered nurses (rns)" → "registered nurses  rns ").
    private static func lettersOnly(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return String(text.map { $0.isLetter ? $0 : " " }) }
        return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) ? $0 : 0x20 }, as: UTF8.self)
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
