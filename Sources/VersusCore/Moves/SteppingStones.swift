/// A path of two moves through an intermediate role, for a target that needs much more preparation than the role
/// has: nursing assistant → licensed practical nurse → registered nurse. Each step is a move of its own, with its
/// pay change and preparation gap.
public struct SteppingStone: Sendable {
    public let via: RoleFigures
    /// Role → via, and via → target.
    public let first: Step
    public let second: Step

    public struct Step: Sendable {
        public let payChange: Double?
        public let jobZoneGap: Int?
        public let educationGap: Int?
        public let preparationBandGap: Int?
        /// How alike the two ends are (0…1).
        public let similarity: Double
    }
}

extension MovePlanner {
    /// A target needs "much more preparation" when it is two or more job zones or entry-education steps higher, or
    /// three or more ORS bands of time to learn the job.
    public static func needsMuchMore(_ move: Move) -> Bool {
        (move.jobZoneGap ?? 0) >= 2 || (move.educationGap ?? 0) >= 2 || (move.preparationBandGap ?? 0) >= 3
    }

    /// A stepping stone needs both steps at least this alike (similarity, with O*NET's listing as a bonus).
    static let steppingStoneSimilarity = 0.3

    /// The best intermediate among the role's other candidates: on every published preparation scale it sits
    /// between the role and the target, it splits the gap (each step is smaller than the whole), and both steps
    /// are real moves (alike enough, or listed by O*NET). Best = the path whose weaker step is strongest.
    static func steppingStone(
        to move: Move, from stay: RoleFigures, through pool: [(Candidate, RoleFigures)], index: SimilarityIndex
    ) -> SteppingStone? {
        guard needsMuchMore(move) else { return nil }
        let target = move.target
        func levels(_ figures: RoleFigures) -> [Int?] { [figures.jobZone, figures.entryEducationStep, figures.preparationBand?.clearStep] }
        let (start, end) = (levels(stay), levels(target))
        func distance(_ a: [Int?], _ b: [Int?]) -> Int {
            zip(a, b).reduce(0) { total, pair in total + (pair.0.flatMap { x in pair.1.map { max(0, $0 - x) } } ?? 0) }
        }
        let whole = distance(start, end)
        var best: (score: Double, candidate: Candidate, figures: RoleFigures, second: Double)?
        for (candidate, via) in pool where candidate.code != target.code {
            let middle = levels(via)
            let between = (0..<3).allSatisfy { i in
                guard let low = start[i], let high = end[i], let level = middle[i] else { return true }
                return level >= min(low, high) && level <= max(low, high)
            }
            let (toVia, onwardDistance) = (distance(start, middle), distance(middle, end))
            // Both steps add preparation and each adds less than the whole: a stone that takes all the gap in one step
            // (or none) is not a smaller step.
            guard between, toVia > 0, onwardDistance > 0, toVia < whole, onwardDistance < whole else { continue }
            guard let onward = index.similarity(candidate.code, target.code) else { continue }
            // O*NET's listing counts as in the ranking of moves: a step O*NET's analysts name is a vetted one.
            let firstScore = candidate.similarity.score + tierBonus(candidate.related?.tier)
            let secondScore = onward.score + tierBonus(via.profile.related.first { $0.code == target.code }?.tier)
            let score = min(firstScore, secondScore)
            guard score >= steppingStoneSimilarity, score > (best?.score ?? 0) else { continue }
            best = (score, candidate, via, onward.score)
        }
        guard let best else { return nil }
        func gap(_ a: Int?, _ b: Int?) -> Int? { a.flatMap { a in b.map { $0 - a } } }
        func pay(_ a: RoleFigures, _ b: RoleFigures) -> Double? { a.annualMedian.flatMap { x in b.annualMedian.map { $0 - x } } }
        func step(_ a: RoleFigures, _ b: RoleFigures, _ similarity: Double) -> SteppingStone.Step {
            SteppingStone.Step(
                payChange: pay(a, b), jobZoneGap: gap(a.jobZone, b.jobZone), educationGap: gap(a.entryEducationStep, b.entryEducationStep),
                preparationBandGap: gap(a.preparationBand?.clearStep, b.preparationBand?.clearStep), similarity: similarity)
        }
        return SteppingStone(
            via: best.figures, first: step(stay, best.figures, best.candidate.similarity.score), second: step(best.figures, target, best.second))
    }
}
