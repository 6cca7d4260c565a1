/// `versus compare --format json`: the comparison as one JSON document. Documented in Docs/comparison-json.md;
/// field names are relied on by other tools, so they change only with that document.
///
/// Values a source does not publish are `null`, never left out, so every relied-on path always exists.
/// A top-coded OEWS wage is its bound (239200) with `<field>TopCoded: true` beside it.
/// Employment Projections counts are in people (BLS publishes thousands; 308.7 is written 308700).
public enum ComparisonJSON {
    public static func render(_ comparison: Comparison, article: Article) -> String {
        document(comparison, article: article).serialized() + "\n"
    }

    public static func document(_ comparison: Comparison, article: Article) -> JSONValue {
        let links = comparison.catalog
        return .object([
            ("slug", .string(article.slug)),
            ("title", .string(article.title)),
            ("sameOccupation", .bool(comparison.isSameOccupation)),
            ("area", comparison.area.map(JSONValue.area) ?? .null),
            ("roles", .array(comparison.roles.map(role))),
            ("sections", .array(article.sections.map(section))),
            ("catalogEntry", links.map { link($0.entry) } ?? .null),
            ("previous", links?.previous.map(link) ?? .null),
            ("next", links?.next.map(link) ?? .null),
            (
                "sources",
                .array([
                    source(SourcesSection.Release.onet, citation: Attribution.onet),
                    source(SourcesSection.Release.oews, citation: Attribution.bls(["Occupational Employment and Wage Statistics"])),
                    source(SourcesSection.Release.projections, citation: Attribution.bls(["Employment Projections"])),
                    source(SourcesSection.Release.ors, citation: Attribution.bls(["Occupational Requirements Survey"])),
                ])
            ),
        ])
    }

    private static func role(_ role: Comparison.Role) -> JSONValue {
        let profile = role.profile
        let occupation = profile.occupation
        let projections = profile.projections
        return .object([
            ("query", .string(role.request.query)),
            ("displayTitle", .string(role.name.text)),
            ("article", .string(role.name.article)),
            ("matchedTitle", .optional(role.request.matchedTitle)),
            (
                "alternatives",
                .array(
                    role.request.alternatives.map { alternative in
                        .object([
                            ("code", .string(alternative.code.rawValue)), ("title", .string(alternative.title)),
                            ("score", .optional(alternative.score)),
                        ])
                    })
            ),
            (
                "occupation",
                .object([
                    ("code", .string(occupation.code.rawValue)),
                    ("title", .string(occupation.title)),
                    ("description", .string(occupation.description)),
                    ("socCode", .string(occupation.socCode.rawValue)),
                    ("jobZone", occupation.jobZone.map { .number(Double($0)) } ?? .null),
                ])
            ),
            ("wageCode", .optional(profile.wageSource?.code.rawValue)),
            ("wageTitle", .optional(profile.wageSource?.title)),
            ("wageBasis", .optional(profile.wageSource?.basis.rawValue)),
            ("salary", .salary(profile.nationalWages)),
            (
                "localSalary",
                role.local.map { local in
                    .object([("area", .area(local.area)), ("salary", .salary(local.estimate))])
                } ?? .null
            ),
            (
                "education",
                .object([
                    ("typicalEntry", .optional(projections?.typicalEducation)),
                    ("workExperience", .optional(projections?.workExperience)),
                    ("onTheJobTraining", .optional(projections?.onTheJobTraining)),
                ])
            ),
            (
                "outlook",
                .object([
                    ("projectionsCode", .optional(projections?.code.rawValue)),
                    ("projectionsTitle", .optional(projections?.title)),
                    ("projectionsBasis", .optional(projections?.basis.rawValue)),
                    ("employment2024", people(projections?.employment2024)),
                    ("employment2034", people(projections?.employment2034)),
                    ("employmentChange", people(projections?.changeNumeric)),
                    ("employmentChangePercent", .optional(projections?.changePercent)),
                    ("annualOpenings", people(projections?.annualOpenings)),
                    ("selfEmployedPercent", .optional(projections?.selfEmployedPercent)),
                ])
            ),
            ("requirementsSurveyPublished", .bool(profile.requirementsSurvey != nil)),
        ])
    }

    /// Thousands as published → people, rounded to a whole person to drop binary floating-point noise (308.7 × 1000).
    private static func people(_ thousands: Double?) -> JSONValue {
        thousands.map { .number(($0 * 1000).rounded()) } ?? .null
    }

    private static func link(_ link: CatalogLink) -> JSONValue {
        .object([("slug", .string(link.slug)), ("title", .string(link.title))])
    }

    private static func source(_ release: String, citation: String) -> JSONValue {
        .object([("release", .string(release)), ("citation", .string(citation))])
    }

    private static func section(_ section: ArticleSection) -> JSONValue {
        .object([
            ("id", .string(section.id.rawValue)),
            ("heading", .string(section.heading)),
            ("text", .string(PlainText.section(section))),
            ("blocks", .array(section.blocks.map(block))),
        ])
    }

    private static func block(_ block: Block) -> JSONValue {
        switch block {
        case .subheading(let text):
            return .object([("type", .string("subheading")), ("text", .string(text))])
        case .paragraph(let inlines):
            return .object([("type", .string("paragraph")), ("text", .string(inlines.plainText))])
        case .list(let items):
            return .object([("type", .string("list")), ("items", .array(items.map { .string($0.plainText) }))])
        case .table(let table):
            return .object([
                ("type", .string("table")),
                ("header", .array(table.header.map(JSONValue.string))),
                ("rows", .array(table.rows.map { .array($0.map(JSONValue.string)) })),
            ])
        }
    }
}

/// A section as plain text without layout: what the JSON `text` field carries.
enum PlainText {
    static func section(_ section: ArticleSection) -> String {
        section.blocks.map { block -> String in
            switch block {
            case .subheading(let text): return text
            case .paragraph(let inlines): return inlines.plainText
            case .list(let items): return items.map { "- " + $0.plainText }.joined(separator: "\n")
            case .table(let table): return ([table.header] + table.rows).map { $0.joined(separator: " | ") }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }
}
