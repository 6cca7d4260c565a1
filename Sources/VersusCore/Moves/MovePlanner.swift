/// Chooses and describes the moves from one role: pure, so the service only fetches what it names.
public enum MovePlanner {
    /// A skill or knowledge area "needs clearly more" when the target rates it at least this much more important
    /// (O*NET's 1–5 scale) and important in itself.
    public static let clearlyMore = 0.5
    /// O*NET's "important" on its importance scale: shared strengths and needs are counted from here.
    public static let important = 3.0
    /// How many of Versus's nearest occupations join O*NET's related ones as candidates.
    public static let similarCandidates = 40
    /// How many moves a person sees unless they ask for another number, and the most they may ask for.
    public static let defaultLimit = 10
    public static let maximumLimit = 50

    /// A candidate before its figures are read.
    public struct Candidate: Sendable {
        public let code: OccupationCode
        public let related: RelatedOccupation?
        public let similarity: Similarity
    }

    /// O*NET's related occupations (every tier) and Versus's nearest, each once, without the role itself.
    public static func candidates(from profile: OccupationProfile, index: SimilarityIndex) -> [Candidate] {
        let code = profile.occupation.code
        var seen: Set<OccupationCode> = [code]
        var out: [Candidate] = []
        for related in profile.related where seen.insert(related.code).inserted {
            guard let similarity = index.similarity(code, related.code) else { continue }
            out.append(Candidate(code: related.code, related: related, similarity: similarity))
        }
        for near in index.nearest(to: code, limit: similarCandidates) where seen.insert(near.code).inserted {
            out.append(Candidate(code: near.code, related: nil, similarity: near.similarity))
        }
        return out
    }

    /// The moves: every candidate described, filtered, the best `limit` by match kept, then put in `sort` order.
    public static func plan(
        from request: RoleRequest, fromName: String, stay: RoleFigures, candidates: [(Candidate, RoleFigures)], area: OEWSAreaRef?,
        sort: MoveSort, filters: MoveFilters, limit: Int, index: SimilarityIndex? = nil,
        catalogSlug: (OccupationCode, OccupationCode) -> String?
    ) -> MovesResult {
        // Filters and the match order read only the figures; the skills to add and the why are worked out for the
        // moves kept, a fifth of the candidates.
        var moves = candidates.map { candidate, target in
            (describe(candidate, target: target, stay: stay, detail: nil, catalogSlug: catalogSlug), candidate)
        }
        moves = moves.filter { keeps($0.0, filters) }
        moves.sort { matchOrder($0.0, $1.0) }
        let detail = Detail(stay.profile)
        var kept = moves.prefix(min(max(limit, 1), maximumLimit)).map { move, candidate in
            describe(candidate, target: move.target, stay: stay, detail: detail, catalogSlug: catalogSlug)
        }
        if let index {
            for i in kept.indices { kept[i].steppingStone = steppingStone(to: kept[i], from: stay, through: candidates, index: index) }
        }
        return MovesResult(
            from: request, fromName: fromName, stay: stay, moves: ordered(kept, by: sort), area: area, sort: sort, filters: filters,
            candidates: candidates.count)
    }

    static func keeps(_ move: Move, _ filters: MoveFilters) -> Bool {
        if filters.paysMore { guard let change = move.payChange, change > 0 else { return false } }
        if filters.noMoreSchooling { guard let gap = move.educationGap, gap <= 0 else { return false } }
        return true
    }

    /// O*NET's Primary-Short related occupations first, in O*NET's order: O*NET's analysts chose them as the best
    /// next steps, and a person should see them whatever Versus's arithmetic says. Then the rest by match score.
    static func matchOrder(_ a: Move, _ b: Move) -> Bool {
        let (sa, sb) = (a.related?.tier == "Primary-Short", b.related?.tier == "Primary-Short")
        if sa != sb { return sa }
        if sa, let ra = a.related?.rank, let rb = b.related?.rank, ra != rb { return ra < rb }
        let (ma, mb) = (matchScore(a), matchScore(b))
        return ma != mb ? ma > mb : a.target.code < b.target.code
    }

    /// Similarity, with O*NET's other tiers worth a little: a listed move is a vetted one.
    public static func matchScore(_ move: Move) -> Double {
        move.similarity.score + tierBonus(move.related?.tier)
    }

    static func tierBonus(_ tier: String?) -> Double {
        switch tier {
        case "Primary-Short"?: return 0.2
        case "Primary-Long"?: return 0.1
        case "Supplemental"?: return 0.05
        default: return 0
        }
    }

    /// The kept moves in the order asked for; what a sort cannot rank (an unpublished figure) goes last, in match order.
    static func ordered(_ moves: [Move], by sort: MoveSort) -> [Move] {
        func by(_ key: (Move) -> Double?) -> [Move] {
            let ranked = moves.enumerated().map { (offset: $0.offset, move: $0.element, key: key($0.element)) }
            return ranked.sorted { a, b in
                switch (a.key, b.key) {
                case (let x?, let y?): return x != y ? x > y : a.offset < b.offset
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.offset < b.offset
                }
            }.map(\.move)
        }
        switch sort {
        case .match: return moves
        case .pay: return by(\.payChange)
        case .similarity: return by { $0.similarity.score }
        case .openings: return by(\.target.openingsPer100)
        }
    }

    /// What the skills to add and the why compare against: the role's importances and work activities, read once.
    struct Detail {
        let importances: [String: (name: String, importance: Double)]
        let activityWeight: [String: Int]

        init(_ profile: OccupationProfile) {
            importances = MovePlanner.importances(profile)
            activityWeight = MovePlanner.taskCounts(profile)
        }
    }

    /// The move's figures; its skills to add and why only with `detail`.
    static func describe(
        _ candidate: Candidate, target: RoleFigures, stay: RoleFigures, detail: Detail?, catalogSlug: (OccupationCode, OccupationCode) -> String?
    ) -> Move {
        func gap(_ a: Int?, _ b: Int?) -> Int? { a.flatMap { a in b.map { $0 - a } } }
        var payChange: Double?
        let shared = stay.profile.wageSource.map { $0.code == target.profile.wageSource?.code } ?? false
        if !shared, let a = stay.annualMedian, let b = target.annualMedian { payChange = b - a }
        let (from, to) = (stay.profile, target.profile)
        let bandGap = PreparationBand.gap(from: stay.preparationBand, to: target.preparationBand)
        var move = Move(
            target: target, related: candidate.related, similarity: candidate.similarity, payChange: payChange,
            jobZoneGap: gap(stay.jobZone, target.jobZone), educationGap: gap(stay.entryEducationStep, target.entryEducationStep),
            preparationBandGap: bandGap?.bands,
            needsMore: detail.map { needsMore($0.importances, importances(to)) } ?? [],
            sharedSkills: detail.map { sharedSkills($0.importances, importances(to)) } ?? [],
            sharedActivities: detail.map { sharedActivities(to, weight: $0.activityWeight) } ?? [],
            catalogSlug: detail == nil ? nil : catalogSlug(from.occupation.code, to.occupation.code))
        move.sharesWageEstimate = shared
        move.preparationBandGapIsBound = bandGap?.isBound ?? false
        return move
    }

    static func importances(_ profile: OccupationProfile) -> [String: (name: String, importance: Double)] {
        var out: [String: (name: String, importance: Double)] = [:]
        for rating in profile.skills + profile.knowledge {
            if let importance = rating.importance { out[rating.elementID] = (rating.name, importance) }
        }
        return out
    }

    /// The two or three areas the target rates important and clearly more important than the role does.
    static func needsMore(
        _ mine: [String: (name: String, importance: Double)], _ target: [String: (name: String, importance: Double)], limit: Int = 3
    ) -> [RatingGap] {
        var gaps: [RatingGap] = []
        for (id, theirs) in target {
            guard let own = mine[id], theirs.importance >= important, theirs.importance - own.importance >= clearlyMore else { continue }
            gaps.append(RatingGap(name: theirs.name, from: own.importance, to: theirs.importance))
        }
        return Array(gaps.sorted { $0.difference != $1.difference ? $0.difference > $1.difference : $0.name < $1.name }.prefix(limit))
    }

    /// Skills and knowledge both rate important, strongest in common (the lower of the two importances) first.
    static func sharedSkills(
        _ mine: [String: (name: String, importance: Double)], _ theirs: [String: (name: String, importance: Double)], limit: Int = 3
    ) -> [String] {
        var shared: [(name: String, strength: Double)] = []
        for (id, own) in mine {
            guard let other = theirs[id], own.importance >= important, other.importance >= important else { continue }
            shared.append((own.name, min(own.importance, other.importance)))
        }
        return shared.sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.name < $1.name }.prefix(limit).map(\.name)
    }

    /// How many of the role's tasks each detailed work activity is linked to: the work it does most comes first. Only the
    /// tasks a comparison compares (core ones where O*NET rates them, `DutiesSection.compared`): the work "both do" on a
    /// move is the work both do on the comparison it links to, never a supplemental task's.
    static func taskCounts(_ profile: OccupationProfile) -> [String: Int] {
        var counts: [String: Int] = [:]
        for task in DutiesSection.compared(profile).tasks {
            for activity in Set(task.activities.map(\.id)) { counts[activity, default: 0] += 1 }
        }
        return counts
    }

    static func sharedActivities(_ to: OccupationProfile, weight: [String: Int], limit: Int = 3) -> [String] {
        var theirs: [String: String] = [:]
        for task in DutiesSection.compared(to).tasks { for activity in task.activities { theirs[activity.id] = activity.title } }
        let shared = theirs.filter { weight[$0.key] != nil }
        return shared.sorted { a, b in
            let (wa, wb) = (weight[a.key]!, weight[b.key]!)
            return wa != wb ? wa > wb : a.value < b.value
        }.prefix(limit).map(\.value)
    }
}
