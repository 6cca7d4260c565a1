import VersusCore
import VersusService

/// The moves as JSON: what `/api/moves` answers and `versus moves --format json` prints, byte for byte. Documented
/// in Docs/moves.md; every figure is the raw published value (null when not published), differences are target
/// minus the role.
public enum MovesDocument {
    public static func utf8(_ result: MovesResult) -> [UInt8] {
        Array((document(result).serialized() + "\n").utf8)
    }

    /// A move's full comparison: the catalog's page when the pair has one, else the compare form by codes, which
    /// answers with the comparison's address.
    public static func comparison(_ move: Move, from result: MovesResult) -> SiteURL {
        if let slug = move.catalogSlug { return .comparison(slug: slug, place: nil) }
        return .compareForm(first: result.stay.code.rawValue, second: move.target.code.rawValue, place: nil)
    }

    static func document(_ result: MovesResult) -> JSONValue {
        let request = result.from
        let from = JSONValue.object([
            ("query", .string(request.query)),
            ("name", .string(result.fromName)),
            ("occupation", occupation(result.stay)),
            ("matchedTitle", .optional(request.matchedTitle)),
            ("weakMatch", .bool(request.isWeakMatch)),
            (
                "alternatives",
                .array(
                    request.alternatives.map {
                        .object([("code", .string($0.code.rawValue)), ("title", .string($0.title)), ("score", .optional($0.score))])
                    })
            ),
        ])
        return .object([
            ("from", from),
            ("area", result.area.map(JSONValue.area) ?? .null),
            ("sort", .string(result.sort.rawValue)),
            ("filters", .object([("paysMore", .bool(result.filters.paysMore)), ("noMoreSchooling", .bool(result.filters.noMoreSchooling))])),
            ("candidates", .number(Double(result.candidates))),
            ("stay", row(result.stay)),
            ("moves", .array(result.moves.map { move(result, $0) })),
            (
                "attribution",
                .array([
                    .string(Attribution.onet),
                    .string(
                        Attribution.bls(["Occupational Employment and Wage Statistics", "Employment Projections", "Occupational Requirements Survey"])
                    ),
                ])
            ),
        ])
    }

    static func occupation(_ figures: RoleFigures) -> JSONValue {
        .object([("code", .string(figures.code.rawValue)), ("title", .string(figures.title))])
    }

    /// The columns the stay row and every move share.
    static func columns(_ figures: RoleFigures) -> [(String, JSONValue)] {
        let band = figures.preparationBand
        return [
            ("occupation", occupation(figures)),
            ("salary", .salary(figures.wages)),
            (
                "preparation",
                .object([
                    ("jobZone", figures.jobZone.map { .number(Double($0)) } ?? .null),
                    ("entryEducation", .optional(figures.entryEducation)),
                    (
                        "timeToLearn",
                        band.map {
                            .object([
                                ("code", .string($0.answer.code)), ("band", .string($0.answer.phrase)), ("step", .number(Double($0.step))),
                                ("percent", .number($0.share)),
                            ])
                        } ?? .null
                    ),
                    ("licensePercent", license(figures.licenseShare)),
                ])
            ),
            (
                "outlook",
                .object([
                    ("employmentChangePercent", .optional(figures.growthPercent)),
                    ("annualOpenings", .optional(figures.profile.projections?.annualOpenings.map { $0 * 1000 })),
                    ("employment2024", .optional(figures.profile.projections?.employment2024.map { $0 * 1000 })),
                    ("openingsPer100Jobs", .optional(figures.openingsPer100)),
                ])
            ),
        ]
    }

    static func row(_ figures: RoleFigures) -> JSONValue { .object(columns(figures)) }

    static func license(_ value: SurveyValue?) -> JSONValue {
        switch value {
        case .value(let v)?: return .object([("percent", .number(v)), ("lessThan", .bool(false))])
        case .lessThan(let v)?: return .object([("percent", .number(v)), ("lessThan", .bool(true))])
        default: return .null
        }
    }

    /// `{via: {the row's columns}, steps: [{payChange, preparationGap, similarity}, …]}`: role → via, via → target.
    static func steppingStone(_ stone: SteppingStone) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        func step(_ step: SteppingStone.Step) -> JSONValue {
            .object([
                ("payChange", .optional(step.payChange)),
                (
                    "preparationGap",
                    .object([
                        ("jobZone", int(step.jobZoneGap)), ("entryEducation", int(step.educationGap)), ("timeToLearn", int(step.preparationBandGap)),
                    ])
                ),
                ("similarity", .number((step.similarity * 1000).rounded() / 1000)),
            ])
        }
        return .object([("via", row(stone.via)), ("steps", .array([step(stone.first), step(stone.second)]))])
    }

    static func move(_ result: MovesResult, _ move: Move) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        func rounded(_ value: Double) -> JSONValue { .number((value * 1000).rounded() / 1000) }
        return .object(
            columns(move.target) + [
                ("related", move.related.map { .object([("tier", .string($0.tier)), ("index", .number(Double($0.rank)))]) } ?? .null),
                (
                    "similarity",
                    .object([
                        ("score", rounded(move.similarity.score)), ("ratings", rounded(move.similarity.ratings)),
                        ("activities", rounded(move.similarity.activities)), ("match", rounded(MovePlanner.matchScore(move))),
                    ])
                ),
                ("payChange", .optional(move.payChange)),
                ("sharesWageEstimate", .bool(move.sharesWageEstimate)),
                (
                    "preparationGap",
                    .object([
                        ("jobZone", int(move.jobZoneGap)), ("entryEducation", int(move.educationGap)), ("timeToLearn", int(move.preparationBandGap)),
                    ])
                ),
                (
                    "needsMore",
                    .array(move.needsMore.map { .object([("name", .string($0.name)), ("from", .number($0.from)), ("to", .number($0.to))]) })
                ),
                (
                    "why",
                    .object([
                        ("sharedSkills", .array(move.sharedSkills.map(JSONValue.string))),
                        ("sharedActivities", .array(move.sharedActivities.map(JSONValue.string))),
                    ])
                ),
                ("comparison", .string(comparison(move, from: result).path)),
                ("steppingStone", move.steppingStone.map(steppingStone) ?? .null),
            ])
    }
}
