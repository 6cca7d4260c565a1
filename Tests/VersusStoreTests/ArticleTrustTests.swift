import Foundation
import GRDB
import Testing
@testable import VersusCore
@testable import VersusStore

/// Issue 9's rules, one test each, on the real data: no false differences, no withheld answer passed over,
/// each occupation's own flags, a headline without typos, ORS rows in one direction.
@Suite("Article trust rules on the real data")
struct ArticleTrustTests {
    static func code(_ text: String) -> OccupationCode { OccupationCode(text)! }

    static func comparison(_ a: String, _ b: String, first: RoleRequest? = nil, second: RoleRequest? = nil) throws -> Comparison {
        let reader = try ComparisonReader(database: realDatabase())
        return try reader.comparison(
            first ?? RoleRequest(query: a, resolved: code(a), matchedTitle: nil),
            second ?? RoleRequest(query: b, resolved: code(b), matchedTitle: nil))
    }

    /// A section's paragraphs and claims as plain text, one block a line.
    static func text(_ section: ArticleSection?) -> String {
        (section?.blocks ?? []).map { block -> String in
            switch block {
            case .paragraph(let inlines): return inlines.plainText
            case .claim(let claim): return claim.text.plainText
            case .claims(let claims): return claims.map(\.text.plainText).joined(separator: "\n")
            default: return ""
            }
        }.joined(separator: "\n")
    }

    /// The items of the list that follows a subheading of a section.
    static func list(after heading: String, in section: ArticleSection?) -> [String] {
        guard let blocks = section?.blocks, let at = blocks.firstIndex(of: .subheading(heading)) else { return [] }
        for block in blocks[(at + 1)...] {
            if case .list(let items) = block { return items.map(\.plainText) }
            if case .claims(let claims) = block { return claims.map(\.text.plainText) }
            if case .subheading = block { return [] }
        }
        return []
    }

    @Test("RN and NP: prescribing and diagnosing are not work both do")
    func sharedDutiesRestOnCoreTasks() throws {
        let comparison = try Self.comparison("29-1141.00", "29-1171.00")
        let article = ArticleWriter.write(comparison)
        let shared = Self.list(after: "Work both do", in: article.section(.duties))
        #expect(!shared.isEmpty)
        for item in shared {
            #expect(!item.lowercased().contains("prescri"), "\(item)")
            #expect(!item.lowercased().contains("diagnose"), "\(item)")
        }
        // Every shared activity is in a core task of each role.
        for role in comparison.roles {
            let core = Set(role.profile.tasks.filter { $0.kind == .core }.flatMap { $0.activities.map(\.title) })
            // Or a core task statement both say in nearly the same words.
            let statements = Set(comparison.first.profile.tasks.filter { $0.kind == .core }.map(\.statement))
            for item in shared {
                #expect(core.contains(item) || statements.contains(item), "\(item) is not in a core task of \(role.occupation.title)")
            }
        }
    }

    @Test("work that is nearly all shared is said to overlap, not to differ; work mostly each role's own differs")
    func overlappingWorkIsNotCalledADifference() throws {
        // Elementary and middle school teachers: 1 of 36 and 0 of 33 core tasks are a role's own.
        let teachers = Self.list(
            after: "Key differences", in: ArticleWriter.write(try Self.comparison("25-2021.00", "25-2022.00")).section(.overview))
        #expect(teachers.contains { $0.hasPrefix("The work mostly overlaps: only ") || $0.hasPrefix("The work overlaps: ") }, "\(teachers)")
        #expect(!teachers.contains { $0.hasPrefix("The work differs") })
        let managers = Self.list(
            after: "Key differences", in: ArticleWriter.write(try Self.comparison("11-1021.00", "11-1011.00")).section(.overview))
        #expect(managers.contains { $0.hasPrefix("The work differs: ") }, "\(managers)")
    }

    @Test("An Only X list never holds work the other role's core tasks do")
    func onlyListsExcludeTheOtherRolesCoreWork() throws {
        for (a, b) in [("29-1141.00", "29-1171.00"), ("25-2031.00", "21-1012.00"), ("11-1021.00", "11-1011.00")] {
            let comparison = try Self.comparison(a, b)
            let article = ArticleWriter.write(comparison)
            for role in comparison.roles {
                let other = comparison.first === role ? comparison.second : comparison.first
                let otherWork = Set(other.profile.tasks.filter { $0.kind == .core }.flatMap { $0.activities.flatMap { [$0.id, $0.intermediateID] } })
                let items = Self.list(after: "Only \(role.name.withArticle)", in: article.section(.duties))
                for item in items {
                    let task = try #require(role.profile.tasks.first { $0.statement == item })
                    #expect(task.kind == .core, "\(item)")
                    #expect(!task.activities.contains { otherWork.contains($0.id) || otherWork.contains($0.intermediateID) }, "\(item)")
                }
            }
        }
    }

    @Test("RN/NP states the route its own evidence shows, quoting it")
    func careerRouteIsQuoted() throws {
        let article = ArticleWriter.write(try Self.comparison("29-1141.00", "29-1171.00"))
        let text = Self.text(article.section(.requirements))
        #expect(text.contains("Must be registered nurses who have specialized graduate education."))
        #expect(!text.contains("does not show one role as a route"))
    }

    @Test("Electricians and plumbers: most related one way, only related the other, is said so, not \"the other way round\"")
    func relatedTiersAreToldEachWay() throws {
        let article = ArticleWriter.write(try Self.comparison("47-2111.00", "47-2152.00"))
        let text = Self.text(article.section(.requirements))
        // O*NET 30.1 Related Occupations: 47-2111.00 → 47-2152.00 Primary-Short, 47-2152.00 → 47-2111.00 Supplemental.
        #expect(
            text.contains(
                "O*NET lists Plumbers, Pipefitters, and Steamfitters among the occupations most related to Electricians, and Electricians among the occupations related to Plumbers, Pipefitters, and Steamfitters."
            ))
        #expect(!text.contains("the other way round"))
    }

    @Test(
        "A tool is 'only' one role's when the other lists it under no name and no commodity",
        arguments: [
            ("29-1141.00", "29-1171.00", "only a Registered Nurse", ["arterial blood gas"]),
            ("29-1171.00", "29-1141.00", "only a Nurse Practitioner", ["staple removers"]),
            ("29-1292.00", "31-9091.00", "only a Dental Hygienist", ["x ray"]),
            ("31-9091.00", "29-1292.00", "only a Dental Assistant", ["impression trays"]),
        ])
    func onlyToolsAreTheirsAlone(a: String, b: String, part: String, shared: [String]) throws {
        let request = { (code: String, name: String) in RoleRequest(query: name, resolved: Self.code(code), matchedTitle: nil) }
        let names = [
            "29-1141.00": "registered nurse", "29-1171.00": "nurse practitioner", "29-1292.00": "dental hygienist",
            "31-9091.00": "dental assistant",
        ]
        let article = ArticleWriter.write(
            try Self.comparison(a, b, first: request(a, names[a]!), second: request(b, names[b]!)))
        let tools = try #require(
            article.section(.environment)?.blocks.compactMap { block -> String? in
                guard case .paragraph(let inlines) = block, inlines.plainText.hasPrefix("O*NET’s tools") else { return nil }
                return inlines.plainText
            }.first)
        let own = tools.components(separatedBy: "; ").first { $0.hasPrefix(part) }?.lowercased() ?? ""
        for tool in shared { #expect(!own.contains(tool), "\(tool) is listed for both: \(tools)") }
    }

    @Test("With no tools listed for one role, the other's are not called 'only' its own")
    func noToolsListedIsSaid() throws {
        let engineers = ArticleWriter.write(try Self.comparison("15-1252.00", "15-2051.00"))
        let text = Self.text(engineers.section(.environment))
        #expect(text.contains("O*NET lists no tools for Data Scientists, so they cannot be compared."))
        #expect(!text.contains("only a"))
    }

    @Test("Unrated tasks left out are said; BLS's 'no related experience' is told beside ORS's share that needs it")
    func nothingLeftOutUnsaid() throws {
        func text(_ article: Article) -> String { article.sections.map { Self.text($0) }.joined(separator: "\n") }
        // O*NET 30.1 Task Statements: 13-2011.00 has 20 core, 5 supplemental and 4 tasks with no type.
        let accountants = text(ArticleWriter.write(try Self.comparison("13-2011.00", "13-2051.00")))
        #expect(accountants.contains("tasks O*NET has not rated (4 for"))
        // EP table 1.2: 15-1252 lists "None" for related experience; ORS 151252 00107: 80.9% need prior work experience.
        let developers = text(ArticleWriter.write(try Self.comparison("15-1252.00", "15-2051.00")))
        #expect(
            developers.contains(
                "Though BLS lists no related experience for entry, ORS finds that 80.9% of Software Developers need prior work experience."))
    }

    @Test("No most common answer is outranked by a withheld one, on any occupation")
    func noMostCommonAnswerOutrankedByAWithheldOne() throws {
        let database = try realDatabase()
        let codes = try database.read { try String.fetchAll($0, sql: "SELECT code FROM occupation ORDER BY code") }.map(Self.code)
        var checked = 0
        for start in stride(from: 0, to: codes.count, by: 200) {
            for profile in try database.profiles(Array(codes[start..<min(start + 200, codes.count)])) {
                for shares in [profile.requiredEducation, profile.relatedExperience, profile.onSiteTraining, profile.onTheJobTraining] {
                    if case .published(let top) = RequirementsSection.mode(shares) {
                        #expect(top.suppressed == false)
                        let outranking = shares.filter { $0.suppressed && $0.percent >= top.percent }
                        #expect(outranking.isEmpty, "\(profile.occupation.code): \(top.label) is outranked by a withheld \(outranking.map(\.label))")
                        checked += 1
                    }
                }
                // Skills and knowledge: a withheld importance is never shown as a rating.
                for rating in profile.skills + profile.knowledge where rating.withheldImportance != nil {
                    #expect(rating.importance == nil)
                }
            }
        }
        #expect(checked > 3_000)
        // The registered nurse's bachelor's degree (55.92%, Recommend Suppress) leaves no answer to be named.
        let rn = try database.profile(Self.code("29-1141.00"))
        guard case .withheld(let top) = RequirementsSection.mode(rn.requiredEducation) else {
            Issue.record("RN required education should have its largest share withheld")
            return
        }
        #expect(top.percent == 55.92)
        let article = ArticleWriter.write(try Self.comparison("29-1141.00", "29-1171.00"))
        guard case .table(let table)? = article.section(.requirements)?.blocks.first else { Issue.record("no requirements table"); return }
        let row = try #require(table.rows.first { $0[0].hasPrefix("Education the job requires") })
        #expect(row[1] == "not named (see below)")
    }

    @Test("Hot and in-demand flags are each occupation's own")
    func technologyFlagsArePerOccupation() throws {
        let comparison = try Self.comparison("15-1252.00", "15-2051.00")
        let article = ArticleWriter.write(comparison)
        let table = try #require(
            article.section(.skills)?.blocks.compactMap { block -> VersusCore.Table? in
                if case .table(let t) = block, t.header.first == "Technology (O*NET)" { return t } else { return nil }
            }.first)
        #expect(!table.rows.isEmpty)
        for row in table.rows {
            for (column, role) in comparison.roles.enumerated() {
                let own = role.profile.technologies.first { $0.name == row[0] }
                #expect(row[column + 1] == SkillsSection.flags(own), "\(row[0]) for \(role.occupation.title)")
            }
        }
        // Data Scientists: O*NET marks Docker hot but not in demand.
        let docker = comparison.second.profile.technologies.first { $0.name == "Docker" }
        #expect(docker?.inDemand == false)
    }

    @Test("The headline corrects typed misspellings from the matched titles")
    func headlineWithoutTypos() throws {
        let comparison = try Self.comparison(
            "29-1141.00", "29-1171.00",
            first: RoleRequest(query: "registerd nurse", resolved: Self.code("29-1141.00"), matchedTitle: "Registered Nurse (RN)"),
            second: RoleRequest(query: "nurse practioner", resolved: Self.code("29-1171.00"), matchedTitle: "Nurse Practitioner (NP)"))
        #expect(comparison.title == "Registered Nurse vs. Nurse Practitioner: What Are the Differences?")
        #expect(ArticleWriter.write(comparison).title == comparison.title)
    }

    @Test("Every ORS row reads in one direction")
    func surveyRowsReadOneWay() throws {
        let catalog = try CompareSupport.catalog()
        let phrases = SurveyMeasure.environment.compactMap { measure -> [String]? in
            if case .share(_, let yes, _, let no) = measure.kind { return [yes, no] } else { return nil }
        }.flatMap { $0 }
        let reader = try ComparisonReader(database: realDatabase())
        var rows = 0
        for entry in catalog.entries.prefix(300) {
            let comparison = try reader.comparison(
                RoleRequest(query: entry.first.name, resolved: entry.first.code, matchedTitle: nil),
                RoleRequest(query: entry.second.name, resolved: entry.second.code, matchedTitle: nil))
            for section in [ArticleSection.ID.environment, .requirements] {
                for case .table(let table) in ArticleWriter.write(comparison).section(section)!.blocks {
                    for row in table.rows where phrases.contains(where: { row[0].lowercased().hasPrefix($0) }) {
                        rows += 1
                        for cell in row.dropFirst() {
                            #expect(cell.hasSuffix("%") || cell == "see below" || cell == Figures.notPublished, "\(entry.slug): \(row)")
                        }
                    }
                }
            }
        }
        #expect(rows > 100)
    }

    @Test("Education held that BLS publishes for a broader group is labelled as the group's")
    func groupAttainmentIsLabelled() throws {
        let comparison = try Self.comparison("53-3032.00", "53-3033.00")
        #expect(comparison.first.profile.attainmentIsForBroaderGroup)
        #expect(comparison.second.profile.attainmentIsForBroaderGroup)
        let general = try realDatabase().profile(Self.code("11-1021.00"))
        #expect(!general.attainmentIsForBroaderGroup)
        let article = ArticleWriter.write(comparison)
        let text = MarkdownRenderer.render(article)
        #expect(text.contains("broader group"))
    }

    @Test("A weak match says so and shows the alternatives first")
    func weakMatchIsFlagged() throws {
        let producer = RoleRequest(
            query: "event producer", resolved: Self.code("27-2012.00"), matchedTitle: "Producer",
            alternatives: [.init(code: Self.code("13-1121.00"), title: "Meeting, Convention, and Event Planners", score: 0.4)], isWeakMatch: true)
        let comparison = try Self.comparison("27-2012.00", "13-1121.00", first: producer)
        let blocks = ArticleWriter.write(comparison).section(.overview)!.blocks
        guard case .paragraph(let warning) = blocks[0], case .list(let alternatives) = blocks[2] else {
            Issue.record("the overview should open with the warning and the alternatives: \(blocks.prefix(3))")
            return
        }
        #expect(warning.plainText.hasPrefix("Check the match: “event producer” matched only the title “Producer”"))
        #expect(alternatives.map(\.plainText) == ["Meeting, Convention, and Event Planners (13-1121.00)"])
        // A title matched word for word is weak because others match it as well, not because it fits thinly.
        let store = RoleRequest(
            query: "store manager", resolved: Self.code("11-1021.00"), matchedTitle: "Store Manager",
            alternatives: [.init(code: Self.code("41-1011.00"), title: "First-Line Supervisors of Retail Sales Workers", score: 0.951)],
            isWeakMatch: true, matchScore: 0.952)
        let shared = try Self.comparison("11-1021.00", "41-1011.00", first: store)
        guard case .paragraph(let note) = ArticleWriter.write(shared).section(.overview)!.blocks[0] else {
            Issue.record("the overview should open with the warning")
            return
        }
        #expect(
            note.plainText.hasPrefix(
                "Check the match: “store manager” matched the title “Store Manager” closely, but other occupations match it about as well"))
        #expect(!note.plainText.contains("only the title"))
        // A rival further off is listed, not said to match as well.
        let far = RoleRequest(
            query: "bookkeeping", resolved: Self.code("43-3031.00"), matchedTitle: "Bookkeeper",
            alternatives: [.init(code: Self.code("43-3021.00"), title: "Billing and Posting Clerks", score: 0.74)], isWeakMatch: true,
            matchScore: 0.86)
        let listed = try Self.comparison("43-3031.00", "43-3021.00", first: far)
        guard case .paragraph(let farNote) = ArticleWriter.write(listed).section(.overview)!.blocks[0] else {
            Issue.record("the overview should open with the warning")
            return
        }
        #expect(farNote.plainText.contains("closely, but it also matches the other occupations listed below"))
    }

    @Test("Pay within the stated threshold is called about the same")
    func payAboutTheSame() throws {
        // Plumbers and pipelayers' medians are close to many trades; find real pairs either side of the threshold.
        let database = try realDatabase()
        let catalog = try CompareSupport.catalog()
        let reader = try ComparisonReader(database: database)
        var close = 0
        for entry in catalog.entries.prefix(400) {
            let comparison = try reader.comparison(
                RoleRequest(query: entry.first.name, resolved: entry.first.code, matchedTitle: nil),
                RoleRequest(query: entry.second.name, resolved: entry.second.code, matchedTitle: nil))
            guard !comparison.first.profile.sharesWageCode(with: comparison.second.profile),
                case .value(let x)? = comparison.first.profile.nationalWages?.annualMedian,
                case .value(let y)? = comparison.second.profile.nationalWages?.annualMedian, x != y
            else { continue }
            let first = Self.list(after: "Key differences", in: ArticleWriter.write(comparison).section(.overview)).first ?? ""
            if abs(x - y) / min(x, y) * 100 < KeyDifferences.samePayPercent {
                close += 1
                #expect(first.hasPrefix("Pay is about the same"), "\(entry.slug): \(first)")
            } else {
                #expect(first.contains("earns more"), "\(entry.slug): \(first)")
            }
        }
        #expect(close > 0)
    }
}
