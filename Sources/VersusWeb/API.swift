import VersusCore
import VersusService

/// The JSON API: the same service calls as the pages, the same documents as the CLI (`versus compare --format
/// json` prints exactly what `/api/compare` answers). Errors are RFC 9457 problems. Documented in openapi.json.
extension Site {
    func apiSearch(_ query: String, limit: Int, typing: Bool) throws -> Rendered {
        let answer = try service.answer(query, limit: typing ? VersusService.suggestionLimit : limit, typing: typing)
        let document = TitleSearchRendering.document(query: query, results: answer.results, verdictFrom: answer.asTyped)
        return Rendered(kind: .json, document.serialized() + "\n")
    }

    func apiComparison(_ result: WrittenComparison) -> Rendered {
        Rendered(kind: .json, body: ComparisonJSON.utf8(result.comparison, article: result.article))
    }

    func apiOccupation(_ facts: OccupationFacts) -> Rendered {
        let profile = facts.profile
        let occupation = profile.occupation
        let projections = profile.projections
        let document = JSONValue.object([
            ("code", .string(occupation.code.rawValue)),
            ("title", .string(occupation.title)),
            ("name", .string(facts.name)),
            ("description", .string(occupation.description)),
            ("socCode", .string(occupation.socCode.rawValue)),
            ("family", facts.family.map { .object([("code", .string($0.code.rawValue)), ("title", .string($0.title))]) } ?? .null),
            ("jobZone", occupation.jobZone.map { .number(Double($0)) } ?? .null),
            ("wageCode", .optional(profile.wageSource?.code.rawValue)),
            ("wageBasis", .optional(profile.wageSource?.basis.rawValue)),
            ("salary", .salary(profile.nationalWages)),
            ("localSalary", facts.local.map { .object([("area", .area($0.area)), ("salary", .salary($0.estimate))]) } ?? .null),
            ("stateSalaries", .array(facts.stateWages.map { .object([("area", .area($0.area)), ("salary", .salary($0.estimate))]) })),
            ("typicalEntryEducation", .optional(projections?.typicalEducation)),
            ("employmentChangePercent", .optional(projections?.changePercent)),
            ("projectionsBasis", .optional(projections?.basis.rawValue)),
            ("reportedTitles", .array(profile.reportedTitles.map(JSONValue.string))),
            ("coreTasks", .array(profile.tasks.filter { $0.kind == .core }.map { .string($0.statement) })),
            ("related", .array(profile.related.map { .object([("code", .string($0.code.rawValue)), ("title", .string($0.title))]) })),
            ("comparisons", .array(facts.comparisons.map { .object([("slug", .string($0.slug)), ("title", .string($0.title))]) })),
            (
                "attribution",
                .array([
                    .string(Attribution.onet),
                    .string(
                        Attribution.bls([
                            "Occupational Employment and Wage Statistics",
                            "Employment Projections",
                        ])),
                ])
            ),
        ])
        return Rendered(kind: .json, document.serialized() + "\n")
    }

    func problem(_ error: InputError) -> Rendered {
        let status = Self.status(error)
        let suggestions = JSONValue.array(error.nearestTitles.map(JSONValue.match))
        let document = JSONValue.problem(
            kind: error.kind, title: status == 404 ? "Not found" : "The input cannot be used", status: status,
            detail: error.description, extra: [("suggestions", suggestions)])
        return Rendered(status: status, kind: .problem, document.serialized() + "\n")
    }

    func problem(status: Int, kind: String, title: String, detail: String) -> Rendered {
        Rendered(status: status, kind: .problem, JSONValue.problem(kind: kind, title: title, status: status, detail: detail).serialized() + "\n")
    }
}
