/// Job Duties: what both do and what only one does, from O*NET core tasks only, told apart by the detailed work
/// activities (DWAs) and intermediate activities (IWAs) that link tasks across occupations.
///
/// Core tasks are those O*NET's incumbents rate relevant and important to the job; supplemental tasks are not, so a
/// supplemental task (an RN's "prescribe medications") never makes work "shared" and is never a role's own work.
enum DutiesSection {
    static let sharedLimit = 5
    static let distinctLimit = 2

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

    /// The core tasks of each role and the work they involve.
    struct CoreDuties {
        let coreA: [OccupationTask]
        let coreB: [OccupationTask]
        /// Core tasks of each role involving no DWA and no IWA of the other role's core tasks.
        let onlyA: [OccupationTask]
        let onlyB: [OccupationTask]
        /// DWAs found in the core tasks of both, most frequent first.
        let shared: [WorkActivity]

        init(_ a: OccupationProfile, _ b: OccupationProfile) {
            coreA = DutiesSection.ordered(a.tasks.filter { $0.kind == .core })
            coreB = DutiesSection.ordered(b.tasks.filter { $0.kind == .core })
            let activitiesA = DutiesSection.activities(coreA), activitiesB = DutiesSection.activities(coreB)
            shared = activitiesA.compactMap { id, a in activitiesB[id].map { b in (activity: a.activity, weight: a.tasks + b.tasks) } }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.activity.title < $1.activity.title }
                .map(\.activity)
            onlyA = DutiesSection.own(coreA, against: activitiesB)
            onlyB = DutiesSection.own(coreB, against: activitiesA)
        }
    }

    /// Core tasks that involve none of the work of the other role's core tasks (`other`: their DWAs, by ID), at either
    /// level of O*NET's activities: a shared IWA ("Teach academic or vocational subjects") is the same kind of work
    /// even when the DWAs differ.
    /// A task linked to no activity cannot be shown to differ, so it is left out.
    private static func own(_ tasks: [OccupationTask], against other: [String: (activity: WorkActivity, tasks: Int)]) -> [OccupationTask] {
        let iwas = Set(other.values.map(\.activity.intermediateID))
        return tasks.filter { task in
            !task.activities.isEmpty && !task.activities.contains { other[$0.id] != nil || iwas.contains($0.intermediateID) }
        }
    }

    private static func compared(_ context: WritingContext) -> [Block] {
        let a = context.a, b = context.b
        var blocks: [Block] = []
        let duties = context.coreDuties
        let missing = [(a, duties.coreA), (b, duties.coreB)].filter { $0.1.isEmpty }.map(\.0)
        if !missing.isEmpty {
            for role in missing {
                let why = role.profile.tasks.isEmpty ? "lists no tasks" : "marks none of its tasks as core"
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

        var intro: Inlines = "Compared on O*NET’s core tasks"
        let supplemental = [a, b].map { role in (role, role.profile.tasks.filter { $0.kind == .supplemental }.count) }.filter { $0.1 > 0 }
        if !supplemental.isEmpty {
            let counts = supplemental.map { "\($0.1) for \($0.0.name.withArticle)" }
            intro = intro + "; supplemental tasks (\(Figures.series(counts))), rated less relevant by workers, are left out."
        } else {
            intro = intro + "."
        }
        blocks.append(.paragraph(intro))

        blocks.append(.subheading("Work both do"))
        if !duties.shared.isEmpty {
            blocks.append(.list(duties.shared.prefix(sharedLimit).map { Inlines(stringLiteral: $0.title) }))
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
                    .paragraph("Every core task of \(role.name.withArticle) involves work found in the core tasks of \(other.name.withArticle)."))
            } else {
                // The counts ("2 of 9 core tasks …") are in the key differences; the list shows the work itself.
                blocks.append(.list(own.prefix(distinctLimit).map { Inlines(stringLiteral: $0.statement) }))
            }
        }
        return blocks
    }

    /// Up to this share of each role's core tasks its own, the work is said to overlap rather than differ: "1 of 36
    /// and 0 of 33" is no difference a reader should be led to by "The work differs".
    static let mostlySharedShare = 0.25

    /// The key difference in duties: each role's count of core tasks the other's core tasks do not involve, with the first.
    static func keyDifference(_ context: WritingContext) -> Inlines? {
        let duties = context.coreDuties
        guard !duties.coreA.isEmpty, !duties.coreB.isEmpty, !(duties.onlyA.isEmpty && duties.onlyB.isEmpty) else { return nil }
        let sides = [(context.a, duties.onlyA, duties.coreA), (context.b, duties.onlyB, duties.coreB)]
        var parts: [Inlines] = []
        for (role, own, core) in sides {
            parts.append("\(figure: String(own.count)) of \(figure: String(core.count)) core tasks of \(role.name.withArticle)")
        }
        let mostlyShared = sides.allSatisfy { Double($0.1.count) <= mostlySharedShare * Double($0.2.count) }
        // No example here: the "Only …" lists of Job Duties show that work, and quoting it twice only adds length.
        return (mostlyShared ? "The work mostly overlaps: only " : "The work differs: ") + Inlines.joined(parts, separator: " and ")
            + " involve none of the other role’s core work (listed under Job Duties)."
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

extension String {
    /// A task statement quoted inside a sentence, without its own full stop.
    var trimmingFinalStop: String { hasSuffix(".") ? String(dropLast()) : self }
}
