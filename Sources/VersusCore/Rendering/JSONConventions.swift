/// The JSON conventions every document follows (`versus show --json`, `versus search --json`,
/// `versus compare --format json` and the web API), documented in Docs/json.md.
///
/// - A value a source does not publish is `null`, never left out.
/// - An OEWS top-coded wage is its bound with `<field>TopCoded: true` beside it.
/// - An error is an RFC 9457 problem object: `{type, title, status, detail}`.
extension JSONValue {
    /// OEWS wages as `{annualMedian, annualMedianTopCoded, …, employment, annualOnly, hourlyOnly, published}`.
    public static func salary(_ wages: WageEstimate?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(28)
        for field in salaryFields {
            let estimate = wages.map(field.value) ?? .notPublished
            members.append((field.name, .optional(estimate.statedNumber)))
            members.append((field.topCodedName, .bool(estimate.isTopCoded)))
        }
        members.append(("employment", .optional(wages?.employment.value)))
        members.append(("annualOnly", .bool(wages?.annualOnly ?? false)))
        members.append(("hourlyOnly", .bool(wages?.hourlyOnly ?? false)))
        members.append(("published", .bool(wages != nil)))
        return .object(members)
    }

    /// Names made once: a comparison document writes three salaries.
    private static let salaryFields: [(name: String, topCodedName: String, value: @Sendable (WageEstimate) -> Estimate)] =
        [
            ("annualMedian", \.annualMedian), ("annualMean", \.annualMean),
            ("annualP10", \.annualP10), ("annualP25", \.annualP25), ("annualP75", \.annualP75), ("annualP90", \.annualP90),
            ("hourlyMedian", \.hourlyMedian), ("hourlyMean", \.hourlyMean),
            ("hourlyP10", \.hourlyP10), ("hourlyP25", \.hourlyP25), ("hourlyP75", \.hourlyP75), ("hourlyP90", \.hourlyP90),
        ].map { (name: String, value: @escaping @Sendable (WageEstimate) -> Estimate) in (name, name + "TopCoded", value) }

    /// `{code, title, kind}` of an OEWS state or metropolitan area.
    public static func area(_ area: OEWSAreaRef) -> JSONValue {
        .object([("code", .string(area.code)), ("title", .string(area.title)), ("kind", .string(area.kind.rawValue))])
    }

    /// An RFC 9457 problem: `type` is a stable URI naming the kind of error, `title` a short summary,
    /// `detail` what went wrong with this input.
    public static func problem(kind: String, title: String, status: Int, detail: String, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(
            [
                ("type", .string("https://versus.example/problems/" + kind)),
                ("title", .string(title)),
                ("status", .number(Double(status))),
                ("detail", .string(detail)),
            ] + extra)
    }

    /// A title search result.
    public static func match(_ match: TitleMatch) -> JSONValue {
        .object([
            ("code", .string(match.code.rawValue)), ("title", .string(match.title)), ("matched", .string(match.matched)),
            ("score", .number((match.score * 1000).rounded() / 1000)), ("source", .string(match.source.name)),
            ("soc", .string(match.socCode.rawValue)),
        ])
    }
}
