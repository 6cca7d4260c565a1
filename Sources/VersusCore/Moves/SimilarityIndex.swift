/// How alike two occupations' work is, from O*NET alone: what Versus adds to O*NET's own related occupations, so
/// that a good move O*NET does not list can still be found. Built once per process from every profile; a request
/// then costs one pass over about a thousand short vectors. The formula and its reasons are in Docs/moves.md.
public struct SimilarityIndex: Sendable {
    /// Weight of the skills-and-knowledge cosine; the rest goes to the shared detailed work activities.
    public static let ratingWeight = 0.7

    /// The skill and knowledge elements every vector is laid out by.
    let elements: [String]
    /// Each element's mean importance over all occupations: vectors are centred on it, because every job rates
    /// every element 1–5, and uncentred vectors would all point the same way (cosines of 0.9 for unlike jobs).
    let means: [Double]
    let entries: [OccupationCode: Entry]
    let codes: [OccupationCode]

    struct Entry: Sendable {
        /// Importance minus the element's mean; 0 where O*NET publishes no rating.
        let centred: [Double]
        let norm: Double
        /// Detailed work activities linked to the occupation's tasks, as sorted numbers.
        let activities: [Int32]
    }

    public init(profiles: [OccupationProfile]) {
        var elementIndex: [String: Int] = [:]
        var elements: [String] = []
        for profile in profiles {
            for rating in profile.skills + profile.knowledge where elementIndex[rating.elementID] == nil {
                elementIndex[rating.elementID] = elements.count
                elements.append(rating.elementID)
            }
        }
        var sums = [Double](repeating: 0, count: elements.count), counts = [Double](repeating: 0, count: elements.count)
        for profile in profiles {
            for rating in profile.skills + profile.knowledge {
                guard let importance = rating.importance, let at = elementIndex[rating.elementID] else { continue }
                sums[at] += importance
                counts[at] += 1
            }
        }
        let means = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        var activityIndex: [String: Int32] = [:]
        var entries: [OccupationCode: Entry] = [:]
        for profile in profiles {
            var centred = [Double](repeating: 0, count: elements.count)
            for rating in profile.skills + profile.knowledge {
                guard let importance = rating.importance, let at = elementIndex[rating.elementID] else { continue }
                centred[at] = importance - means[at]
            }
            var activities = Set<Int32>()
            for task in profile.tasks {
                for activity in task.activities {
                    let next = Int32(activityIndex.count)
                    activities.insert(activityIndex[activity.id, default: next])
                    if activityIndex[activity.id] == nil { activityIndex[activity.id] = next }
                }
            }
            let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
            entries[profile.occupation.code] = Entry(centred: centred, norm: norm, activities: activities.sorted())
        }
        self.elements = elements
        self.means = means
        self.entries = entries
        self.codes = entries.keys.sorted()
    }

    public var count: Int { entries.count }

    /// The similarity of two occupations, 0…1: 0.7 × max(0, cosine of centred importances) + 0.3 × Jaccard of
    /// detailed work activities. nil when either is unknown.
    public func similarity(_ a: OccupationCode, _ b: OccupationCode) -> Similarity? {
        guard let x = entries[a], let y = entries[b] else { return nil }
        return Self.similarity(x, y)
    }

    /// Every other occupation, most similar first (ties by code, so the order is stable).
    public func nearest(to code: OccupationCode, limit: Int) -> [(code: OccupationCode, similarity: Similarity)] {
        guard let source = entries[code] else { return [] }
        var scored: [(code: OccupationCode, similarity: Similarity)] = []
        scored.reserveCapacity(codes.count)
        for other in codes where other != code {
            scored.append((other, Self.similarity(source, entries[other]!)))
        }
        scored.sort { $0.similarity.score != $1.similarity.score ? $0.similarity.score > $1.similarity.score : $0.code < $1.code }
        return Array(scored.prefix(limit))
    }

    static func similarity(_ x: Entry, _ y: Entry) -> Similarity {
        var dot = 0.0
        for i in x.centred.indices { dot += x.centred[i] * y.centred[i] }
        let cosine = x.norm > 0 && y.norm > 0 ? dot / (x.norm * y.norm) : 0
        let shared = x.activities.sortedIntersectionCount(y.activities)
        let union = x.activities.count + y.activities.count - shared
        let jaccard = union > 0 ? Double(shared) / Double(union) : 0
        return Similarity(ratings: cosine, activities: jaccard)
    }
}

/// The two parts of a similarity and their blend.
public struct Similarity: Hashable, Sendable {
    /// Cosine of the two occupations' skill and knowledge importances, each centred on the all-occupation mean (−1…1).
    public let ratings: Double
    /// Jaccard index of their detailed work activities (0…1).
    public let activities: Double

    public init(ratings: Double, activities: Double) {
        self.ratings = ratings
        self.activities = activities
    }

    /// 0…1: unlike ratings (a negative cosine) count as no likeness rather than as a penalty.
    public var score: Double {
        SimilarityIndex.ratingWeight * max(0, ratings) + (1 - SimilarityIndex.ratingWeight) * activities
    }
}
