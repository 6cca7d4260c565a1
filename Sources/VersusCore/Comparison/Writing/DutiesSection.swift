/// Job Duties: what both do and what only one does, told apart by O*NET's detailed work activities (DWAs),
/// which link tasks across occupations: a task of one role that touches none of the other's activities is its own.
enum DutiesSection {
    static let sharedLimit = 8
    static let distinctLimit = 6

    static func write(_ context: WritingContext) -> ArticleSection {
        ArticleSection(id: .duties, heading: "Job Duties", blocks: context.same ? sameOccupation(context) : compared(context))
    }

    private static func sameOccupation(_ context: WritingContext) -> [Block] {
        let role = context.a
        let tasks = ordered(role.profile.tasks)
        guard !tasks.isEmpty else {
            return [.paragraph("O*NET lists no tasks for \(context.occupationWithCode(role)), so the data says nothing about the duties of either title.")]
        }
        let core = tasks.filter { $0.kind == .core }
        let shown = (core.isEmpty ? tasks : core).prefix(sharedLimit)
        return [
            .paragraph("Both titles share every task O*NET lists for \(role.occupation.title). \(core.isEmpty ? "Its tasks" : "Its core tasks") include:"),
            .list(shown.map { Inlines(stringLiteral: $0.statement) }),
        ]
    }

    private static func compared(_ context: WritingContext) -> [Block] {
        let a = context.a, b = context.b
        var blocks: [Block] = []
        let missing = context.roles.filter { $0.profile.tasks.isEmpty }
        if !missing.isEmpty {
            for role in missing {
                blocks.append(.paragraph("O*NET lists no tasks for \(context.occupationWithCode(role)), so its duties cannot be set against those of \(context.other(role).name.withArticle)."))
            }
            for role in context.roles where !role.profile.tasks.isEmpty {
                blocks.append(.paragraph("The core tasks O*NET lists for \(role.occupation.title), the occupation of \(role.name.withArticle):"))
                blocks.append(.list(ordered(role.profile.tasks).prefix(distinctLimit).map { Inlines(stringLiteral: label($0)) }))
            }
            return blocks
        }

        let activitiesA = activities(a.profile), activitiesB = activities(b.profile)
        let sharedIDs = Set(activitiesA.keys).intersection(activitiesB.keys)
        if !sharedIDs.isEmpty {
            // Activities linked to more tasks of the two roles weigh more in both jobs; ties by title for a stable order.
            let shared = sharedIDs.map { id in (activity: activitiesA[id]!.activity, weight: activitiesA[id]!.tasks + activitiesB[id]!.tasks) }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.activity.title < $1.activity.title }
            blocks.append(.paragraph("Work both do (O*NET detailed work activities found in the tasks of both occupations, most frequent first):"))
            blocks.append(.list(shared.prefix(sharedLimit).map { Inlines(stringLiteral: $0.activity.title) }))
        } else {
            let broadA = Set(activitiesA.values.map(\.activity.intermediateID)), broadB = Set(activitiesB.values.map(\.activity.intermediateID))
            let broad = broadA.intersection(broadB)
            if broad.isEmpty {
                blocks.append(.paragraph("O*NET links no work activity to both: not one detailed or intermediate activity of \(a.name.withArticle) appears among those of \(b.name.withArticle)."))
            } else {
                let titles = Set(activitiesA.values.filter { broad.contains($0.activity.intermediateID) }.map(\.activity.intermediateTitle)).sorted()
                blocks.append(.paragraph("No detailed work activity is common to both, but at O*NET’s broader, intermediate level both include:"))
                blocks.append(.list(titles.prefix(sharedLimit).map { Inlines(stringLiteral: $0) }))
            }
        }

        for role in context.roles {
            let other = context.other(role)
            let otherActivities = Set((other === a ? activitiesA : activitiesB).keys)
            let own = ordered(role.profile.tasks).filter { task in !task.activities.contains { otherActivities.contains($0.id) } }
            if own.isEmpty {
                blocks.append(.paragraph("Every task O*NET lists for \(role.occupation.title) shares a work activity with \(other.occupation.title): on this evidence \(role.name.withArticle) does nothing \(other.name.withArticle) does not."))
            } else {
                let lead = context.vary.pick("distinct-\(role.occupation.code)", [
                    "Tasks O*NET lists for \(role.occupation.title) that involve none of \(other.name.withArticle)’s work activities, core tasks first:",
                    "Tasks of \(role.occupation.title) that share no work activity with \(other.name.withArticle), core tasks first:",
                ])
                blocks.append(.subheading("Only \(role.name.withArticle)"))
                blocks.append(.paragraph(Inlines(stringLiteral: lead)))
                blocks.append(.list(own.prefix(distinctLimit).map { Inlines(stringLiteral: label($0)) }))
            }
        }
        return blocks
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

    /// Each detailed work activity of an occupation, with how many of its tasks link to it.
    private static func activities(_ profile: OccupationProfile) -> [String: (activity: WorkActivity, tasks: Int)] {
        var result: [String: (activity: WorkActivity, tasks: Int)] = [:]
        for task in profile.tasks {
            for activity in task.activities {
                result[activity.id, default: (activity, 0)].tasks += 1
            }
        }
        return result
    }
}
