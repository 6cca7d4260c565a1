/// Job Duties: what both do and what only one does, from O*NET core tasks only, told apart by the detailed work
/// activities (DWAs) and intermediate activities (IWAs) that link tasks across occupations.
///
/// Core tasks are those O*NET's incumbents rate relevant and important to the job; supplemental tasks are not, so a
/// supplemental task (an RN's "prescribe medications") never makes work "shared" and is never a role's own work.
enum DutiesSection {
    static let sharedLimit = 5
    static let distinctLimit = 2
    /// Same-worded tasks shown among work both do: whole statements are long, the activities short.
    static let sameWordedLimit = 1

    static func write(_ context: WritingContext) -> ArticleSection {
        ArticleSection(id: .duties, heading: "Job Duties", blocks: context.same ? sameOccupation(context) : compared(context))
    }

    private static func sameOccupation(_ context: WritingContext) -> [Block] {
        let role = context.a
        let tasks = ordered(role.profile.tasks)
        guard !tasks.isEmpty else {
            return [
                .paragraph("O*NET lists no tasks for \(context.occupationWithCode(role)), so the data says nothing about the duties of either title.")
            ]
        }
        let core = tasks.filter { $0.kind == .core }
        let shown = (core.isEmpty ? tasks : core).prefix(sharedLimit)
        return [
            .paragraph(
                "Both titles share every task O*NET lists for \(role.occupation.title). \(core.isEmpty ? "Its tasks" : "Its core tasks") include:"),
            .list(shown.map { Inlines(stringLiteral: label($0)) }),
        ]
    }

    /// The tasks each role is compared on and the work they involve.
    struct CoreDuties {
        /// Core tasks, or every task when O*NET rates none of an occupation's tasks (Data Scientists): then what it
        /// lists is all that says what the job is.
        let coreA: [OccupationTask]
        let coreB: [OccupationTask]
        /// Whether each side is compared on rated core tasks (true) or on unrated tasks (false).
        let ratedA: Bool
        let ratedB: Bool
        /// Tasks of each role whose work no task of the other involves: no shared detailed or intermediate activity with
        /// the other's compared or unrated tasks, and no nearly same-worded task among all the other's tasks.
        let onlyA: [OccupationTask]
        let onlyB: [OccupationTask]
        /// DWAs found in the compared tasks of both, most frequent first.
        let shared: [WorkActivity]
        /// Pairs of nearly same-worded tasks, one of each role, whatever their activity links.
        let sameWorded: [(a: OccupationTask, b: OccupationTask)]

        init(_ a: OccupationProfile, _ b: OccupationProfile) {
            (coreA, ratedA) = DutiesSection.compared(a)
            (coreB, ratedB) = DutiesSection.compared(b)
            let activitiesA = DutiesSection.activities(coreA), activitiesB = DutiesSection.activities(coreB)
            shared = activitiesA.compactMap { id, a in activitiesB[id].map { b in (activity: a.activity, weight: a.tasks + b.tasks) } }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.activity.title < $1.activity.title }
                .map(\.activity)
            // An unrated task is still work the occupation does (a firefighter's first aid): it keeps the other's
            // tasks from being called its own, though it is never listed as shared or own itself.
            let (isRatedA, isRatedB) = (ratedA, ratedB)
            let workA = DutiesSection.activities(coreA + a.tasks.filter { $0.kind == nil && isRatedA })
            let workB = DutiesSection.activities(coreB + b.tasks.filter { $0.kind == nil && isRatedB })
            // Each statement's words once: every task of one role is set against every task of the other.
            let wordsA = a.tasks.map { TaskWords($0) }, wordsB = b.tasks.map { TaskWords($0) }
            let byIDA = Dictionary(wordsA.map { ($0.task.id, $0) }, uniquingKeysWith: { first, _ in first })
            let byIDB = Dictionary(wordsB.map { ($0.task.id, $0) }, uniquingKeysWith: { first, _ in first })
            onlyA = DutiesSection.rankedByDifference(DutiesSection.own(coreA, words: byIDA, against: workB, statements: wordsB))
            onlyB = DutiesSection.rankedByDifference(DutiesSection.own(coreB, words: byIDB, against: workA, statements: wordsA))
            var pairs: [(a: OccupationTask, b: OccupationTask)] = []
            let comparedB = coreB.compactMap { byIDB[$0.id] }
            for task in coreA {
                guard let words = byIDA[task.id] else { continue }
                if let match = comparedB.first(where: { $0.isNearlySame(as: words) }) { pairs.append((task, match.task)) }
            }
            sameWorded = pairs
        }
    }

    /// The tasks an occupation is compared on: its core tasks, or all its tasks when none is rated core or supplemental.
    static func compared(_ profile: OccupationProfile) -> (tasks: [OccupationTask], rated: Bool) {
        let core = ordered(profile.tasks.filter { $0.kind == .core })
        if !core.isEmpty { return (core, true) }
        if profile.tasks.allSatisfy({ $0.kind == nil }) { return (ordered(profile.tasks), false) }
        return ([], true)
    }

    /// Tasks that involve none of the work of the other role (`other`: its DWAs, by ID) at either level of O*NET's
    /// activities (a shared IWA, "Teach academic or vocational subjects", is the same kind of work even when the DWAs
    /// differ), and are not nearly the same words as any task of the other.
    /// A task linked to no activity is kept only when no statement of the other resembles it.
    private static func own(
        _ tasks: [OccupationTask], words: [Int: TaskWords], against other: [String: (activity: WorkActivity, tasks: Int)],
        statements: [TaskWords]
    ) -> [OccupationTask] {
        let iwas = Set(other.values.map(\.activity.intermediateID))
        return tasks.filter { task in
            let words = words[task.id] ?? TaskWords(task)
            guard !statements.contains(where: { $0.overlaps(words) }) else { return false }
            return !task.activities.isEmpty && !task.activities.contains { other[$0.id] != nil || iwas.contains($0.intermediateID) }
        }
    }

    /// Record keeping and reporting, which nearly every job has, after the work that sets a role apart (diagnose,
    /// prescribe, repair): the order is otherwise kept.
    static func rankedByDifference(_ tasks: [OccupationTask]) -> [OccupationTask] {
        let clerical = tasks.map(isClerical)
        return zip(tasks, clerical).filter { !$0.1 }.map(\.0) + zip(tasks, clerical).filter(\.1).map(\.0)
    }

    static let clericalWords = ["record", "report", "document", "schedul", "file ", "files", "correspond", "paperwork", "log "].map { Array($0.utf8) }

    /// Searched on bytes: Foundation's locale-aware search made this a tenth of a comparison's time.
    static func isClerical(_ task: OccupationTask) -> Bool {
        let texts = task.activities.isEmpty ? [task.statement] : task.activities.map(\.title)
        return texts.allSatisfy { text in
            let lower = text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            return clericalWords.contains { lower.contains(run: $0) }
        }
    }

    private static func compared(_ context: WritingContext) -> [Block] {
        let a = context.a, b = context.b
        var blocks: [Block] = []
        let duties = context.coreDuties
        let missing = [(a, duties.coreA), (b, duties.coreB)].filter { $0.1.isEmpty }.map(\.0)
        if !missing.isEmpty {
            for role in missing {
                let why = role.profile.tasks.isEmpty ? "lists no tasks" : "lists only supplemental tasks"
                blocks.append(
                    .paragraph(
                        "O*NET \(why) for \(context.occupationWithCode(role)), so its duties cannot be set against those of \(context.other(role).name.withArticle)."
                    ))
            }
            for (role, core) in [(a, duties.coreA), (b, duties.coreB)] where !core.isEmpty {
                blocks.append(.paragraph("The core tasks O*NET lists for \(role.name.withArticle) include:"))
                blocks.append(.list(core.prefix(distinctLimit).map { Inlines(stringLiteral: $0.statement) }))
            }
            return blocks
        }

        let unrated = [(a, duties.ratedA), (b, duties.ratedB)].filter { !$0.1 }.map(\.0)
        var intro: Inlines = "Compared on O*NET’s core tasks"
        if !unrated.isEmpty {
            intro =
                "Compared on O*NET’s core tasks, and on every task listed for \(Figures.series(unrated.map(\.name.withArticle))), whose tasks O*NET does not rate core or supplemental"
        }
        let supplemental = [a, b].map { role in (role, role.profile.tasks.filter { $0.kind == .supplemental }.count) }.filter { $0.1 > 0 }
        // Tasks O*NET has not rated, beside rated ones, are left out too: said, so that no task goes missing unseen.
        let notRated = [(a, duties.ratedA), (b, duties.ratedB)].filter(\.1).map { role, _ in
            (role, role.profile.tasks.filter { $0.kind == nil }.count)
        }.filter { $0.1 > 0 }
        func counts(_ list: [(Comparison.Role, Int)]) -> String { Figures.series(list.map { "\($0.1) for \($0.0.name.withArticle)" }) }
        var leftOut: [String] = []
        if !supplemental.isEmpty { leftOut.append("supplemental tasks (\(counts(supplemental))), rated less relevant by workers,") }
        if !notRated.isEmpty { leftOut.append("tasks O*NET has not rated (\(counts(notRated)))") }
        if leftOut.isEmpty {
            intro = intro + "."
        } else {
            intro = intro + Inlines(stringLiteral: "; " + leftOut.joined(separator: " and ") + " are left out.")
        }
        blocks.append(.paragraph(intro))

        blocks.append(.subheading("Work both do"))
        var both: [Claim] = []
        for pair in duties.sameWorded.prefix(sameWordedLimit) {
            both.append(Claim(.shared, Inlines(stringLiteral: pair.a.statement), evidence: [Cite.task(a, pair.a), Cite.task(b, pair.b)]))
        }
        for activity in duties.shared where both.count < sharedLimit {
            guard let ta = duties.coreA.first(where: { $0.activities.contains(activity) }),
                let tb = duties.coreB.first(where: { $0.activities.contains(activity) })
            else { continue }
            both.append(
                Claim(.shared, Inlines(stringLiteral: activity.title), evidence: [Cite.activity(a, ta, activity), Cite.activity(b, tb, activity)]))
        }
        if !both.isEmpty {
            blocks.append(.claims(both))
        } else {
            let iwasA = Set(duties.coreA.flatMap { $0.activities.map(\.intermediateID) })
            let broad = duties.coreB.flatMap(\.activities).filter { iwasA.contains($0.intermediateID) }
            let titles = Set(broad.map(\.intermediateTitle)).sorted()
            if titles.isEmpty {
                blocks.append(.paragraph("No work activity, detailed or intermediate, appears in the core tasks of both."))
            } else {
                blocks.append(
                    .paragraph("No detailed work activity appears in the core tasks of both; at O*NET’s broader, intermediate level both include:"))
                blocks.append(.list(titles.prefix(sharedLimit).map { Inlines(stringLiteral: $0) }))
            }
        }

        for (role, own) in [(a, duties.onlyA), (b, duties.onlyB)] {
            let other = context.other(role)
            blocks.append(.subheading("Only \(role.name.withArticle)"))
            if own.isEmpty {
                blocks.append(
                    .paragraph("Every compared task of \(role.name.withArticle) involves work found in the tasks of \(other.name.withArticle)."))
            } else {
                // The counts ("2 of 9 core tasks …") are in the key differences; the list shows the work itself.
                blocks.append(
                    .claims(own.prefix(distinctLimit).map { Claim(.only, Inlines(stringLiteral: $0.statement), evidence: [Cite.task(role, $0)]) }))
            }
        }
        return blocks
    }

    /// Up to this share of each role's core tasks its own, the work is said to overlap rather than differ: "1 of 36
    /// and 0 of 33" is no difference a reader should be led to by "The work differs".
    static let mostlySharedShare = 0.25

    /// The key difference in duties: each role's count of core tasks the other's core tasks do not involve, with the first.
    static func keyDifference(_ context: WritingContext) -> Claim? {
        let duties = context.coreDuties
        guard !duties.coreA.isEmpty, !duties.coreB.isEmpty else { return nil }
        if duties.onlyA.isEmpty && duties.onlyB.isEmpty {
            // Said, not left out: that neither has work of its own is the answer to "what is the difference".
            var evidence: [Evidence] = []
            for activity in duties.shared.prefix(3) {
                guard let ta = duties.coreA.first(where: { $0.activities.contains(activity) }),
                    let tb = duties.coreB.first(where: { $0.activities.contains(activity) })
                else { continue }
                evidence += [Cite.activity(context.a, ta, activity), Cite.activity(context.b, tb, activity)]
            }
            for pair in duties.sameWorded.prefix(3) { evidence += [Cite.task(context.a, pair.a), Cite.task(context.b, pair.b)] }
            return Claim(
                .duties,
                "The work overlaps: each compared task of \(context.a.name.withArticle) and of \(context.b.name.withArticle) involves work the other’s tasks do too (see Job Duties).",
                evidence: evidence)
        }
        let sides = [(context.a, duties.onlyA, duties.coreA), (context.b, duties.onlyB, duties.coreB)]
        var parts: [Inlines] = []
        for ((role, own, core), rated) in zip(sides, [duties.ratedA, duties.ratedB]) {
            parts.append(
                "\(figure: String(own.count)) of \(figure: String(core.count)) \(rated ? "core tasks" : "tasks") of \(role.name.withArticle)")
        }
        let mostlyShared = sides.allSatisfy { Double($0.1.count) <= mostlySharedShare * Double($0.2.count) }
        // No example here: the "Only …" lists of Job Duties show that work, and quoting it twice only adds length.
        let text =
            (mostlyShared ? "The work mostly overlaps: only " : "The work differs: ") + Inlines.joined(parts, separator: " and ")
            + " involve none of the other role’s work."
        let evidence = sides.flatMap { role, own, _ in own.map { Cite.task(role, $0) } }
        return Claim(.duties, text, evidence: evidence)
    }

    /// Core tasks first, then by the share of incumbents who responded to them, then by O*NET's task ID.
    static func ordered(_ tasks: [OccupationTask]) -> [OccupationTask] {
        func rank(_ kind: OccupationTask.Kind?) -> Int { kind == .core ? 0 : kind == .supplemental ? 1 : 2 }
        return tasks.sorted { l, r in
            if rank(l.kind) != rank(r.kind) { return rank(l.kind) < rank(r.kind) }
            let li = l.incumbentsResponding ?? -1, ri = r.incumbentsResponding ?? -1
            if li != ri { return li > ri }
            return l.id < r.id
        }
    }

    private static func label(_ task: OccupationTask) -> String {
        task.kind == .supplemental ? task.statement + " (supplemental)" : task.statement
    }

    /// Each detailed work activity of some tasks, with how many of them link to it.
    private static func activities(_ tasks: [OccupationTask]) -> [String: (activity: WorkActivity, tasks: Int)] {
        var result: [String: (activity: WorkActivity, tasks: Int)] = [:]
        for task in tasks {
            for activity in task.activities {
                result[activity.id, default: (activity, 0)].tasks += 1
            }
        }
        return result
    }
}

/// A task statement's content words, for telling nearly same-worded tasks apart from different ones.
struct TaskWords {
    let task: OccupationTask
    /// Each content word's stem, as a 64-bit FNV-1a hash of its lower-case bytes: sets of numbers, not strings, because
    /// every task of one role is set against every task of the other on each comparison.
    let words: [UInt64]
    /// `words` but whom the work is for (`people`), worked out once: every task is set against every task of the other.
    let work: [UInt64]

    init(_ task: OccupationTask) {
        self.task = task
        var words: [UInt64] = []
        words.reserveCapacity(24)
        var word: [UInt8] = []
        word.reserveCapacity(24)
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count > 2, !Self.stopwords.contains(Self.hash(word[...])) else { return }
            words.append(Self.hash(Self.stem(word[...])))
        }
        // O*NET's statements are ASCII; any other byte is kept as part of a word.
        for byte in task.statement.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || lower >= 0x80 { word.append(lower) } else { flush() }
        }
        flush()
        // Sorted and unique, so two statements' shared words are counted in one walk, without hashing or allocating.
        words.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(words.count)
        for word in words where unique.last != word { unique.append(word) }
        self.words = unique
        work = unique.filter { !Self.people.contains($0) }
    }

    /// How many words both statements have.
    func sharedCount(_ other: TaskWords) -> Int { words.sortedIntersectionCount(other.words) }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map { hash(Array($0.utf8)[...]) }) }

    static let suffixes: [[UInt8]] = ["ing", "ed", "es", "s"].map { Array($0.utf8) }

    /// A crude stem: "records", "recorded" and "recording" are one word here, and so are "exercise", "exercises" and
    /// "exercised" (a final "e" goes too), and "process" and "processes" (an "s" after "s" is no plural).
    static func stem(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = word.endIndex
        for suffix in suffixes where end - word.startIndex > suffix.count + 3 && word[(end - suffix.count)..<end].elementsEqual(suffix) {
            if suffix == [0x73], word[end - 2] == 0x73 { break }  // "ss"
            end -= suffix.count
            break
        }
        if end - word.startIndex > 3, word[end - 1] == 0x65 { end -= 1 }  // final "e"
        return word[word.startIndex..<end]
    }

    static let stopwords = hashes([
        "and", "the", "for", "with", "such", "other", "from", "into", "that", "this", "are", "or", "of", "to", "in", "on", "as", "by",
        "their", "its", "any", "all", "may", "using", "use", "according", "related", "needed", "necessary", "various",
    ])

    /// Shared content words over the smaller task's: how much of the shorter statement the other repeats.
    func containment(_ other: TaskWords) -> Double {
        let smaller = min(words.count, other.words.count)
        guard smaller > 0 else { return 0 }
        return Double(sharedCount(other)) / Double(smaller)
    }

    /// The same statement in nearly the same words ("Prepare reports on students and activities as required by
    /// administration"): listed as work both do whatever their activity links.
    func isNearlySame(as other: TaskWords) -> Bool {
        words == other.words || (min(words.count, other.words.count) >= 3 && containment(other) >= 0.8)
    }

    /// Enough of the same words that the task cannot be called one role's alone: half of the shorter statement, or
    /// three words that are not whom the work is for ("taking temperatures or blood pressures" against "Measure and
    /// record patients' vital signs, such as temperature, blood pressure …").
    func overlaps(_ other: TaskWords) -> Bool {
        let smaller = min(words.count, other.words.count)
        guard smaller > 0 else { return words == other.words }
        let shared = sharedCount(other)
        if words == other.words || (smaller >= 3 && Double(shared) / Double(smaller) >= 0.8) { return true }  // nearly the same
        // Half of a short statement, in words other than whom the work is for: "Bathe patients" and "Turn patients" share
        // only the patients.
        let sharedWork = work.sortedIntersectionCount(other.work)
        if smaller >= 2 && Double(sharedWork) / Double(smaller) >= 0.5 { return true }
        return shared >= 3 && sharedWork >= 3
    }

    /// Whom tasks are done for or with: shared by most tasks of a field, so they say nothing about the work.
    static let people = Set(
        ["patient", "student", "client", "customer", "employee", "worker", "staff", "member", "people", "public"].map {
            hash(stem(Array($0.utf8)[...]))
        })
}

extension String {
    /// A task statement quoted inside a sentence, without its own full stop.
    var trimmingFinalStop: String { hasSuffix(".") ? String(dropLast()) : self }
}
