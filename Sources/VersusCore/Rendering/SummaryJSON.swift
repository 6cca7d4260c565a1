/// `versus show --json` and the API's occupation summary: the same conventions as every JSON document
/// (`JSONConventions`): unpublished values null, top-coded wages as the bound with `…TopCoded: true`.
public enum SummaryJSON {
    public static func render(_ summary: OccupationSummary) -> String {
        document(summary).serialized() + "\n"
    }

    public static func document(_ summary: OccupationSummary) -> JSONValue {
        let occupation = summary.occupation
        return .object([
            ("code", .string(occupation.code.rawValue)),
            ("title", .string(occupation.title)),
            ("description", .string(occupation.description)),
            ("socCode", .string(occupation.socCode.rawValue)),
            ("jobZone", occupation.jobZone.map { .number(Double($0)) } ?? .null),
            (
                "wageCode",
                summary.wageSource.map { source in
                    .object([("code", .string(source.code.rawValue)), ("title", .string(source.title)), ("basis", .string(source.basis.rawValue))])
                } ?? .null
            ),
            ("salary", .salary(summary.nationalWages)),
            ("typicalEntryEducation", .optional(summary.typicalEntryEducation)),
            ("sampleTitles", .array(summary.sampleTitles.map(JSONValue.string))),
            (
                "attribution",
                .array([
                    .string(Attribution.onet),
                    .string(Attribution.bls(["Occupational Employment and Wage Statistics (May 2025)", "Employment Projections (2024-34)"])),
                ])
            ),
        ])
    }
}
