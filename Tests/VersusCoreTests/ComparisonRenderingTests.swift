import Foundation
import Testing
@testable import VersusCore

@Suite("Comparison writing and rendering")
struct ComparisonRenderingTests {
    let comparison = Fixture.comparison(("operations manager", Fixture.operationsManager), ("coo", Fixture.chiefExecutives))

    @Test("numbers are written for people, in context")
    func numbersInContext() {
        let markdown = Fixture.markdown(comparison)
        #expect(markdown.contains("$213,990 a year against $105,770"))
        #expect(markdown.contains("$108,220 (102.3%) more") || markdown.contains("$108,220 or 102.3% more"))
        #expect(markdown.contains("- A COO earns more: a median of $213,990 a year"), "the key differences open the page")
        #expect(markdown.contains("| Jobs | 3,503,020 | 204,350 |"))
        #expect(markdown.contains("| Openings a year | 308,700 | 308,700 |"))
        #expect(markdown.contains("BLS projects similar outlooks: employment +4.4% and +4.4% in 2024–34"), "\(markdown)")
        #expect(markdown.contains("| Hourly median | $50.85 | $102.88 |"))
        #expect(markdown.contains("Bachelor's Degree (27.3%)"), "O*NET percents keep their published decimals")
    }

    @Test("a plural typed title takes plural verbs and no article")
    func pluralTitlesAgree() {
        let plural = Fixture.comparison(("operations managers", Fixture.operationsManager), ("chief executives", Fixture.chiefExecutives))
        let markdown = Fixture.markdown(plural)
        #expect(markdown.contains("- Chief Executives earn more: a median of $213,990 a year against $105,770 for Operations Managers"))
        #expect(markdown.contains("What are Operations Managers?"))
        #expect(!markdown.contains("an Operations Managers") && !markdown.contains("Executives earns"))
    }

    @Test(
        "figures keep their published precision",
        arguments: [
            (28.76, "28.76"), (27.3, "27.3"), (100.0, "100"), (17.0, "17"), (0.15, "0.15"), (2164.69, "2,164.69"),
        ])
    func exactFigures(value: Double, expected: String) {
        #expect(Figures.exact(value) == expected)
    }

    @Test("same input, same article, in every format")
    func deterministic() {
        let once = ArticleWriter.write(comparison), twice = ArticleWriter.write(comparison)
        #expect(once == twice)
        #expect(MarkdownRenderer.render(once) == MarkdownRenderer.render(twice))
        #expect(ComparisonJSON.render(comparison, article: once) == ComparisonJSON.render(comparison, article: twice))
        #expect(TextRenderer().render(once) == TextRenderer().render(twice))
    }

    @Test("every section is present, in order, with the documented ids")
    func sections() {
        let article = ArticleWriter.write(comparison)
        #expect(article.sections.map(\.id.rawValue) == ["overview", "duties", "requirements", "environment", "skills", "salary", "sources"])
        #expect(article.sections.map(\.heading) == ["Overview", "Job Duties", "Job Requirements", "Work Environment", "Skills", "Salary", "Sources"])
        #expect(article.title == "Operations Manager vs. COO: What Are the Differences?")
        #expect(article.slug == "operations-manager-vs-coo")
    }

    @Test("duties: shared work activities, then each role's own tasks, core first")
    func duties() throws {
        let duties = try #require(ArticleWriter.write(comparison).section(.duties))
        let text = PlainText.section(duties)
        #expect(text.contains("- Activity A1"), "A1 is linked to tasks of both")
        #expect(text.contains("Only an Operations Manager"))
        #expect(text.contains("supplemental tasks (1 for an Operations Manager)"), "supplemental tasks are counted, not compared")
        #expect(!text.contains("Write reports on General and Operations Managers."))
        #expect(text.contains("- Prepare budgets for approval."))
        #expect(!text.contains("- Confer with board members."), "a task sharing activity A1 is not distinct")
    }

    @Test("the terminal text fits 80 columns and has colour only when asked")
    func terminal() {
        let article = ArticleWriter.write(comparison)
        let plain = TextRenderer(width: 80, color: false).render(article)
        #expect(!plain.contains("\u{1B}"))
        for line in plain.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        let coloured = TextRenderer(width: 80, color: true).render(article)
        #expect(coloured.contains("\u{1B}[36m$213,990\u{1B}[0m"))
    }

    @Test("Markdown and HTML escape text from the data")
    func escaping() {
        let hostile = Fixture.profile(code: "15-1252.00", title: "Developers <script>alert(1)</script> & *stars* | pipes")
        let comparison = Fixture.comparison(("operations manager", Fixture.operationsManager), ("developer", hostile))
        let article = ArticleWriter.write(comparison)
        let html = HTMLRenderer.render(article)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars*"))
        let markdown = MarkdownRenderer.render(article)
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("\\*stars\\*"))
        // Pipes matter in tables: a same-occupation page heads its tables with the O*NET title.
        let same = MarkdownRenderer.render(ArticleWriter.write(Fixture.comparison(("developer", hostile), ("coder", hostile))))
        #expect(same.contains("\\| pipes"))
        #expect(markdown.contains("O\\*NET"))
    }

    @Test("the JSON carries every relied-on field, in place")
    func jsonFields() throws {
        let text = ComparisonJSON.render(comparison, article: ArticleWriter.write(comparison))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["slug"] as? String == "operations-manager-vs-coo")
        #expect(document["title"] as? String == "Operations Manager vs. COO: What Are the Differences?")
        #expect(document.keys.contains("previous") && document.keys.contains("next"))
        let roles = try #require(document["roles"] as? [[String: Any]])
        #expect(roles.count == 2)
        let first = roles[0]
        #expect(first["query"] as? String == "operations manager")
        #expect(first["displayTitle"] as? String == "Operations Manager")
        let occupation = try #require(first["occupation"] as? [String: Any])
        #expect(occupation["code"] as? String == "11-1021.00")
        #expect(occupation["title"] as? String == "General and Operations Managers")
        #expect(first["wageCode"] as? String == "11-1021")
        let salary = try #require(first["salary"] as? [String: Any])
        for field in ["annualMedian", "annualMean", "annualP10", "annualP25", "annualP75", "annualP90", "hourlyMedian", "employment"] {
            #expect(salary[field] is Double, "salary.\(field)")
        }
        #expect(salary["annualMedian"] as? Double == 105_770)
        #expect(salary["hourlyMedian"] as? Double == 50.85)
        let education = try #require(first["education"] as? [String: Any])
        #expect(education["typicalEntry"] as? String == "Bachelor's degree")
        #expect(education["workExperience"] as? String == "5 years or more")
        #expect(education["onTheJobTraining"] as? String == "None")
        let outlook = try #require(first["outlook"] as? [String: Any])
        #expect(outlook["employmentChangePercent"] as? Double == 4.4)
        #expect(outlook["annualOpenings"] as? Double == 308_700)
        let sections = try #require(document["sections"] as? [[String: Any]])
        #expect(sections.map { $0["id"] as? String } == ["overview", "duties", "requirements", "environment", "skills", "salary", "sources"])
        for section in sections {
            #expect((section["heading"] as? String)?.isEmpty == false)
            #expect((section["text"] as? String)?.isEmpty == false)
        }
    }

    @Test("JSON numbers: whole numbers without a decimal point, others in shortest form; strings escaped")
    func jsonWriter() {
        let value = JSONValue.object([
            ("a", .number(308_700)), ("b", .number(4.4)), ("c", .string("quote \" backslash \\ tab \t bell \u{07}")), ("d", .null),
        ])
        #expect(value.serialized(pretty: false) == #"{"a":308700,"b":4.4,"c":"quote \" backslash \\ tab \t bell \u0007","d":null}"#)
        #expect(JSONValue.number(.nan).serialized() == "null")
        #expect(JSONValue.string("line\u{2028}sep “quoted” – dash").serialized() == #""line\u2028sep “quoted” – dash""#)
        #expect(JSONValue.string("\u{1F}\r\u{2029}é\u{E2}\u{2027}").serialized() == #""\u001f\r\u2029éâ\#u{2027}""#)
    }

    @Test("pretty JSON: two-space indentation, one member a line, empty containers closed on their line")
    func prettyJSON() {
        let value = JSONValue.object([
            ("list", .array([.number(-12), .bool(true), .array([]), .object([])])), ("nested", .object([("x", .number(0.15))])),
        ])
        #expect(value.serialized() == "{\n  \"list\": [\n    -12,\n    true,\n    [],\n    {}\n  ],\n  \"nested\": {\n    \"x\": 0.15\n  }\n}")
        #expect(JSONValue.array([]).serialized() == "[]")
    }

    @Test("the sources section credits O*NET under its licence and cites each BLS programme")
    func sources() throws {
        let sources = try #require(ArticleWriter.write(comparison).section(.sources))
        let text = PlainText.section(sources)
        #expect(text.contains(Attribution.onet))
        #expect(
            text.contains(
                Attribution.bls([
                    "Occupational Employment and Wage Statistics (May 2025)", "Employment Projections (2024–34)",
                    "Occupational Requirements Survey (2020, preliminary estimates)",
                ])))
        #expect(text.contains("May 2025") && text.contains("2024–34") && text.contains("2020, preliminary"))
    }
}

@Suite("Figure formatting")
struct ComparisonFigureTests {
    @Test("the byte-level formatter agrees with NumberText.decimal")
    func fixedMatchesDecimal() {
        var values: [Double] = [
            0, 0.004, 0.005, 0.015, 0.125, 1.5, 2.675, 4.12, 28.76, 99.995, 999.999, 1_000, 2164.69, 3_503_020, 108_220.5, -1.8, -7.1, -0.004,
        ]
        for step in 0..<500 { values.append(Double(step) * 37.123 - 3_000) }
        for value in values {
            for places in 0...2 {
                #expect(Figures.fixed(value, places: places) == NumberText.decimal(value, places: places), "\(value) to \(places) places")
            }
        }
    }
}
