import Foundation
import Testing
@testable import VersusCore
@testable import VersusStore

/// Issue 21's rules, one test each, on the real data and on pairs beyond the ones the issue names: what a job seeker
/// decides on (the way from one job to the other, the duties only one does, the time to qualify, licensing, the
/// outlook) must be what the rows say.
@Suite("What a job seeker decides on, on the real data")
struct DecisionTests {
    static func article(_ a: String, _ b: String, area: OEWSAreaRef? = nil) throws -> Article {
        let reader = try ComparisonReader(database: realDatabase())
        let names = try CompareSupport.catalog().names
        func request(_ code: String) -> RoleRequest {
            let code = OccupationCode(code)!
            return RoleRequest(query: code.rawValue, resolved: code, matchedTitle: nil, nameWhenQueryIsCode: names[code])
        }
        let comparison = try reader.comparison(request(a), request(b), area: area)
        return ArticleWriter.write(comparison)
    }

    static func claims(_ article: Article, _ kind: Claim.Kind) -> [Claim] { ClaimEvidenceTests.claims(in: article).filter { $0.kind == kind } }

    static func keyDifferences(_ article: Article) -> [String] { ArticleTrustTests.list(after: "Key differences", in: article.section(.overview)) }

    @Test(
        "a description or task naming the other job is quoted as the way between them, never called silence",
        arguments: [
            ("23-2011.00", "23-1011.00", "Assist lawyers"),  // paralegals and lawyers
            ("29-2052.00", "29-1051.00", "under the direction of a pharmacist"),  // pharmacy technicians and pharmacists
            ("29-1171.00", "29-1141.00", "Must be registered nurses"),  // nurse practitioners and registered nurses
            ("31-9092.00", "29-1229.00", "under the direction of a physician"),  // medical assistants and physicians: a task names them
        ])
    func statedRouteIsQuoted(a: String, b: String, quote: String) throws {
        let article = try Self.article(a, b)
        let route = try #require(Self.claims(article, .route).first { Self.keyDifferences(article).contains($0.text.plainText) })
        #expect(route.text.plainText.contains(quote), "\(route.text.plainText)")
        #expect(route.evidence.contains { [.onetOccupations, .onetTasks].contains($0.file) && $0.value.contains(quote) })
        let requirements = article.section(.requirements)!.blocks.compactMap { block -> String? in
            if case .claim(let claim) = block { return claim.text.plainText } else { return nil }
        }.joined()
        #expect(requirements.contains(quote))
        #expect(!requirements.contains("states no route"))
    }

    @Test("with no mention and no related-occupations entry, the page says the data states no route")
    func noRouteIsSaidOnlyWhenTrue() throws {
        let article = try Self.article("47-2111.00", "29-1141.00")  // electricians and registered nurses
        #expect(Self.claims(article, .route).first?.text.plainText.hasPrefix("No description or task of either requires the other") == true)
        #expect(!Self.keyDifferences(article).contains { $0.contains("route") || $0.contains("names") })
    }

    @Test(
        "an 'only' duty is never one the other job does in other words, or in a task O*NET left unrated",
        arguments: [
            ("25-2022.00", "21-1012.00", "Prepare reports on students and activities as required by administration"),
            ("31-1131.00", "29-2061.00", "taking temperatures or blood pressures"),
            ("33-3051.00", "33-2011.00", "first aid"),
        ])
    func onlyDutiesAreReallyOnlyOne(a: String, b: String, words: String) throws {
        let article = try Self.article(a, b)
        for claim in Self.claims(article, .only) {
            #expect(!claim.text.plainText.localizedCaseInsensitiveContains(words), "\(claim.text.plainText)")
        }
    }

    @Test("a real difference is listed: a nurse practitioner diagnoses, a registered nurse does not")
    func realDifferenceFirst() throws {
        let only = Self.claims(try Self.article("29-1141.00", "29-1171.00"), .only).map(\.text.plainText)
        #expect(only.contains { $0.contains("diagnos") || $0.contains("prescri") }, "\(only)")
    }

    @Test(
        "an occupation with no task rated core is compared on its tasks, never left blank",
        arguments: [("15-2051.00", "13-2051.00"), ("15-1255.00", "15-1254.00")])  // data scientists; web and digital interface designers
    func unratedTasksAreCompared(a: String, b: String) throws {
        let article = try Self.article(a, b)
        let duties = article.section(.duties)!.blocks.map { block -> String in
            switch block {
            case .paragraph(let text): return text.plainText
            case .claims(let claims): return claims.map(\.text.plainText).joined(separator: "\n")
            default: return ""
            }
        }.joined(separator: "\n")
        #expect(!duties.contains("cannot be set against"))
        #expect(!Self.claims(article, .only).isEmpty || !Self.claims(article, .shared).isEmpty)
        #expect(Self.keyDifferences(article).contains { $0.hasPrefix("The work ") })
    }

    @Test("time to qualify: ORS preparation is told where BLS gives the same way in (nursing assistants and LPNs)")
    func timeToQualify() throws {
        let article = try Self.article("31-1131.00", "29-2061.00")
        let preparation = try #require(Self.claims(article, .preparation).first).text.plainText
        #expect(preparation.contains("up to 1 month for the largest group of Nursing Assistants"), "\(preparation)")
        #expect(preparation.contains("over 1 year, up to 2 years for most Licensed Practical"), "\(preparation)")
        let table = article.section(.requirements)!.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table } else { return nil }
        }.first!
        let row = try #require(table.rows.first { $0[0] == "Time to qualify" })
        #expect(row[1].hasPrefix("Up to 1 month to learn it for the largest group (43%, ORS)"), "\(row[1])")
        #expect(row[2].hasPrefix("Over 1 year, up to 2 years to learn it for most workers (65.2%, ORS)"), "\(row[2])")
    }

    @Test("licensing: ORS shares and the description's own words")
    func licensing() throws {
        let pharmacy = try #require(Self.claims(try Self.article("29-2052.00", "29-1051.00"), .licensing).first).text.plainText
        #expect(pharmacy.contains("A license is required for 100% of Pharmacists"), "\(pharmacy)")
        // The description's own words are in the Requirements table, for both roles.
        let requirements = try Self.article("53-3032.00", "53-3033.00").section(.requirements)!.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table } else { return nil }
        }.first!
        let row = try #require(requirements.rows.first { $0[0] == "Licensing in O*NET’s description" })
        #expect(row[1] == "“Requires commercial drivers' license.”" && row[2] == "not stated", "\(row)")
        // Words in one description alone are not a key difference (physicians need a license their description does not name).
        #expect(Self.claims(try Self.article("29-1141.00", "29-1229.01"), .licensing).isEmpty)
    }

    @Test("outlook: growth and openings together; 'better' only when both agree (paralegals and lawyers disagree)")
    func outlookWithOpenings() throws {
        let outlook = try #require(Self.claims(try Self.article("23-2011.00", "23-1011.00"), .outlook).first).text.plainText
        #expect(outlook.hasPrefix("The outlook is mixed: faster growth for a Lawyer, more openings per job for a Legal Assistant"), "\(outlook)")
        #expect(!outlook.contains("better outlook"))
        let electricians = try #require(Self.claims(try Self.article("47-2111.00", "47-2152.00"), .outlook).first).text.plainText
        #expect(electricians.hasPrefix("BLS projects a better outlook for an Electrician on both counts"), "\(electricians)")
    }

    @Test("the largest group is not called what most workers hold")
    func largestGroupLabel() throws {
        let article = try Self.article("11-1021.00", "29-1141.00")
        let table = article.section(.requirements)!.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table } else { return nil }
        }.first!
        let row = try #require(table.rows.first { $0[0] == "Highest education workers hold (BLS)" })
        #expect(row[1].contains("largest group, 33.3%"), "\(row)")
        #expect(row[2].contains("most workers") || row[2].contains("largest group"))
    }

    @Test("local pay reads 'In California, a Lawyer earns', not 'A Lawyer'")
    func localSentenceCase() throws {
        let california = OEWSAreaRef(code: "0600000", title: "California", kind: .state)
        let salary = Self.claims(try Self.article("23-2011.00", "23-1011.00", area: california), .pay).map(\.text.plainText)
        #expect(salary.contains { $0.hasPrefix("In California, a Lawyer earns more") }, "\(salary)")
    }

    @Test("a typo typed against a plural O*NET title is corrected in the headline")
    func typoAgainstPluralTitle() throws {
        let reader = try ComparisonReader(database: realDatabase())
        let comparison = try reader.comparison(
            RoleRequest(query: "nurse practioner", resolved: OccupationCode("29-1171.00")!, matchedTitle: "Nurse Practitioners"),
            RoleRequest(query: "lawer", resolved: OccupationCode("23-1011.00")!, matchedTitle: "Lawyers"))
        #expect(comparison.title == "Nurse Practitioner vs. Lawyer: What Are the Differences?")
    }

    @Test("the skills chart draws the skills the table names, and no knowledge area")
    func skillsChartIsSkills() throws {
        let reader = try ComparisonReader(database: realDatabase())
        let comparison = try reader.comparison(
            RoleRequest(query: "a", resolved: OccupationCode("29-1141.00")!, matchedTitle: nil),
            RoleRequest(query: "b", resolved: OccupationCode("15-1252.00")!, matchedTitle: nil))
        let charted = SkillsSection.skillDifferences(comparison.first.profile, comparison.second.profile).map(\.name)
        let knowledge = Set(comparison.first.profile.knowledge.map(\.name))
        #expect(!charted.isEmpty)
        #expect(charted.allSatisfy { !knowledge.contains($0) })
        let skills = ArticleWriter.write(comparison).section(.skills)!.blocks
        let tables = skills.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        let differTable = try #require(tables.dropFirst().first)
        #expect(differTable.rows.map { $0[0] } == charted)
    }

    @Test("technologies: what the occupation's own postings ask for, not what is hot elsewhere")
    func technologiesInDemand() throws {
        let tables = try Self.article("29-1141.00", "29-2061.00").section(.skills)!.blocks.compactMap { block -> Table? in
            if case .table(let t) = block, t.header.first == "Technology (O*NET)" { return t } else { return nil }
        }
        // Registered nurses' own postings ask for no technology O*NET marks in demand; a hot one that a single related
        // occupation lists (Apache Spark) says nothing about nursing, so it is not shown.
        let rows = tables.flatMap(\.rows)
        #expect(!rows.isEmpty)
        #expect(!rows.contains { $0[0] == "Apache Spark" }, "\(rows)")
    }
}
