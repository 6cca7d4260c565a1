/// `versus compare --format json`: the comparison as one JSON document. Documented in Docs/comparison-json.md;
/// field names are relied on by other tools, so they change only with that document.
///
/// Values a source does not publish are `null`, never left out, so every relied-on path always exists.
/// A top-coded OEWS wage is its bound (239200) with `<field>TopCoded: true` beside it.
/// Employment Projections counts are in people (BLS publishes thousands; 308.7 is written 308700).
public enum ComparisonJSON {
    /// The document as text.
    public static func render(_ comparison: Comparison, article: Article) -> String {
        String(decoding: utf8(comparison, article: article), as: UTF8.self)
    }

    /// The document as the API sends it: streamed into UTF-8 bytes, without a `JSONValue` tree, and never made a
    /// String (which would check every byte of it again).
    public static func utf8(_ comparison: Comparison, article: Article) -> [UInt8] {
        var json = JSONBytes(pretty: true, capacity: 48 * 1024)
        write(comparison, article: article, into: &json)
        json.newlineAtEnd()
        return json.bytes
    }

    /// A lineup (three or four roles) in the same document shape: `roles` has each of them, `pairs` links each two
    /// to its comparison, and the catalog fields are null (a lineup is not a catalog entry).
    public static func utf8(_ lineup: Lineup, article: Article) -> [UInt8] {
        var json = JSONBytes(pretty: true, capacity: 32 * 1024)
        json.object { json in
            head(article, roles: lineup.roles, sameOccupation: Set(lineup.roles.map(\.occupation.code)).count == 1, area: lineup.area, into: &json)
            json.key("pairs")
            json.array { json in for item in lineup.pairs { link(item, into: &json) } }
            for key in ["catalogEntry", "previous", "next"] {
                json.key(key)
                json.null()
            }
            sources(into: &json)
        }
        json.newlineAtEnd()
        return json.bytes
    }

    static func write(_ comparison: Comparison, article: Article, into json: inout JSONBytes) {
        let links = comparison.catalog
        json.object { json in
            head(article, roles: comparison.roles, sameOccupation: comparison.isSameOccupation, area: comparison.area, into: &json)
            json.key("catalogEntry")
            link(links?.entry, into: &json)
            json.key("previous")
            link(links?.previous, into: &json)
            json.key("next")
            link(links?.next, into: &json)
            sources(into: &json)
        }
    }

    /// The members a comparison and a lineup share, first: the address, the title, the roles and the sections.
    private static func head(
        _ article: Article, roles: [Comparison.Role], sameOccupation: Bool, area: OEWSAreaRef?, into json: inout JSONBytes
    ) {
        json.member("slug", article.slug)
        json.member("title", article.title)
        json.member("sameOccupation", sameOccupation)
        json.member("area", area.map(JSONValue.area) ?? .null)
        json.key("roles")
        json.array { json in for item in roles { role(item, into: &json) } }
        json.key("sections")
        json.array { json in for item in article.sections { section(item, into: &json) } }
    }

    private static func sources(into json: inout JSONBytes) {
        json.key("sources")
        json.array { json in
            source(SourcesSection.Release.onet, citation: Attribution.onet, into: &json)
            source(SourcesSection.Release.oews, citation: Attribution.bls(["Occupational Employment and Wage Statistics"]), into: &json)
            source(SourcesSection.Release.projections, citation: Attribution.bls(["Employment Projections"]), into: &json)
            source(SourcesSection.Release.ors, citation: Attribution.bls(["Occupational Requirements Survey"]), into: &json)
        }
    }

    private static func role(_ role: Comparison.Role, into json: inout JSONBytes) {
        let profile = role.profile
        let occupation = profile.occupation
        let projections = profile.projections
        json.object { json in
            json.member("query", role.request.query)
            json.member("displayTitle", role.name.text)
            json.member("article", role.name.article)
            json.member("nameInSentence", role.name.withArticle)
            json.member("matchedTitle", role.request.matchedTitle)
            json.key("alternatives")
            json.array { json in
                for alternative in role.request.alternatives {
                    json.object { json in
                        json.member("code", alternative.code.rawValue)
                        json.member("title", alternative.title)
                        json.member("score", alternative.score)
                    }
                }
            }
            json.key("occupation")
            json.object { json in
                json.member("code", occupation.code.rawValue)
                json.member("title", occupation.title)
                json.member("description", occupation.description)
                json.member("socCode", occupation.socCode.rawValue)
                json.member("jobZone", occupation.jobZone.map(Double.init))
            }
            json.member("wageCode", profile.wageSource?.code.rawValue)
            json.member("wageTitle", profile.wageSource?.title)
            json.member("wageBasis", profile.wageSource?.basis.rawValue)
            json.member("salary", .salary(profile.nationalWages))
            json.key("localSalary")
            if let local = role.local {
                json.object { json in
                    json.member("area", .area(local.area))
                    json.member("salary", .salary(local.estimate))
                }
            } else {
                json.null()
            }
            json.key("education")
            json.object { json in
                json.member("typicalEntry", projections?.typicalEducation)
                json.member("workExperience", projections?.workExperience)
                json.member("onTheJobTraining", projections?.onTheJobTraining)
            }
            json.key("outlook")
            json.object { json in
                json.member("projectionsCode", projections?.code.rawValue)
                json.member("projectionsTitle", projections?.title)
                json.member("projectionsBasis", projections?.basis.rawValue)
                json.member("employment2024", people(projections?.employment2024))
                json.member("employment2034", people(projections?.employment2034))
                json.member("employmentChange", people(projections?.changeNumeric))
                json.member("employmentChangePercent", projections?.changePercent)
                json.member("annualOpenings", people(projections?.annualOpenings))
                json.member("selfEmployedPercent", projections?.selfEmployedPercent)
            }
            json.member("requirementsSurveyPublished", profile.requirementsSurvey != nil)
        }
    }

    /// Thousands as published → people, rounded to a whole person to drop binary floating-point noise (308.7 × 1000).
    private static func people(_ thousands: Double?) -> Double? {
        thousands.map { ($0 * 1000).rounded() }
    }

    private static func link(_ link: CatalogLink?, into json: inout JSONBytes) {
        guard let link else { return json.null() }
        json.object { json in
            json.member("slug", link.slug)
            json.member("title", link.title)
        }
    }

    private static func source(_ release: String, citation: String, into json: inout JSONBytes) {
        json.object { json in
            json.member("release", release)
            json.member("citation", citation)
        }
    }

    private static func section(_ section: ArticleSection, into json: inout JSONBytes) {
        json.object { json in
            json.member("id", section.id.rawValue)
            json.member("heading", section.heading)
            json.key("text")
            json.string { piece in PlainText.write(section, piece) }
            json.key("blocks")
            json.array { json in for item in section.blocks { block(item, into: &json) } }
        }
    }

    private static func block(_ block: Block, into json: inout JSONBytes) {
        json.object { json in
            switch block {
            case .subheading(let text):
                json.member("type", "subheading")
                json.member("text", text)
            case .paragraph(let inlines):
                json.member("type", "paragraph")
                json.member("text", inlines.plainText)
            case .list(let items):
                json.member("type", "list")
                json.key("items")
                json.array { json in for item in items { json.string(item.plainText) } }
            case .table(let table):
                json.member("type", "table")
                json.key("header")
                json.array { json in for cell in table.header { json.string(cell) } }
                json.key("rows")
                json.array { json in
                    for row in table.rows { json.array { json in for cell in row { json.string(cell) } } }
                }
            case .claims(let claims):
                json.member("type", "list")
                json.key("items")
                json.array { json in for item in claims { json.string(item.text.plainText) } }
                json.key("claims")
                json.array { json in for item in claims { claim(item, into: &json) } }
            case .claim(let item):
                json.member("type", "paragraph")
                json.member("text", item.text.plainText)
                json.key("claim")
                claim(item, into: &json)
            case .links(let items):
                json.member("type", "links")
                json.key("links")
                json.array { json in for item in items { link(item, into: &json) } }
            }
        }
    }

    private static func claim(_ claim: Claim, into json: inout JSONBytes) {
        json.object { json in
            json.member("kind", claim.kind.rawValue)
            json.member("text", claim.text.plainText)
            json.key("evidence")
            json.array { json in
                for evidence in claim.evidence {
                    json.object { json in
                        json.member("file", evidence.file.rawValue)
                        json.member("code", evidence.code)
                        json.member("element", evidence.element)
                        json.member("value", evidence.value)
                    }
                }
            }
        }
    }
}

/// A section as plain text without layout: what the JSON `text` field carries. Blocks are separated by a blank
/// line, list items start with "- ", table cells are joined by " | ".
enum PlainText {
    static func section(_ section: ArticleSection) -> String {
        var text = ""
        write(section) { text += $0 }
        return text
    }

    /// The text in pieces, in order: the JSON writer escapes them straight into its bytes.
    static func write(_ section: ArticleSection, _ append: (String) -> Void) {
        func inlines(_ inlines: Inlines) {
            for span in inlines.spans {
                switch span {
                case .text(let text), .figure(let text): append(text)
                }
            }
        }
        for (index, block) in section.blocks.enumerated() {
            if index > 0 { append("\n\n") }
            switch block {
            case .subheading(let text):
                append(text)
            case .paragraph(let paragraph):
                inlines(paragraph)
            case .list(let items):
                for (number, item) in items.enumerated() {
                    append(number == 0 ? "- " : "\n- ")
                    inlines(item)
                }
            case .claims(let claims):
                for (number, item) in claims.enumerated() {
                    append(number == 0 ? "- " : "\n- ")
                    inlines(item.text)
                }
            case .claim(let item):
                inlines(item.text)
            case .links(let links):
                for (number, link) in links.enumerated() { append((number == 0 ? "- " : "\n- ") + link.title) }
            case .table(let table):
                for (number, row) in ([table.header] + table.rows).enumerated() {
                    if number > 0 { append("\n") }
                    for (column, cell) in row.enumerated() {
                        if column > 0 { append(" | ") }
                        append(cell)
                    }
                }
            }
        }
    }
}
