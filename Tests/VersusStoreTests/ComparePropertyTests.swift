import Foundation
import GRDB
import Testing
@testable import VersusCore
@testable import VersusStore

/// Many comparisons drawn at random (with a fixed seed) from the catalog and from all occupations:
/// none may crash, every section must be there, the text must fit 80 columns, and every number in the
/// article must be a value the sources hold for these two occupations (or a gap computed from two of them).
///
/// The source values are read here with plain SQL, independently of the Store's profile queries.
@Suite("Comparison properties over random pairs")
struct ComparePropertyTests {
    static let seed: UInt64 = 0x5EED_2025
    static let catalogPairs = 120
    static let occupationPairs = 120

    @Test("random catalog pairs and random occupation pairs")
    func randomPairs() throws {
        let database = try realDatabase()
        let reader = try ComparisonReader(database: database)
        let catalog = try CompareSupport.catalog()
        let occupations = try database.read { try String.fetchAll($0, sql: "SELECT code FROM occupation ORDER BY code") }.compactMap(
            OccupationCode.init)
        let areas = try database.read {
            try Row.fetchAll($0, sql: "SELECT area, title, type FROM oews_area WHERE type IN ('state', 'metro') ORDER BY area")
        }
        .map { OEWSAreaRef(code: $0[0], title: $0[1], kind: ($0[2] as String) == "state" ? .state : .metro) }
        var random = SplitMix64(seed: Self.seed)

        var pairs: [(OccupationCode, OccupationCode, OEWSAreaRef?)] = []
        for _ in 0..<Self.catalogPairs {
            let entry = catalog.entries[random.next(below: catalog.entries.count)]
            pairs.append((entry.first.code, entry.second.code, nil))
        }
        for index in 0..<Self.occupationPairs {
            let a = occupations[random.next(below: occupations.count)]
            // Every tenth pair is one occupation twice, every fourth has local wages.
            let b = index % 10 == 0 ? a : occupations[random.next(below: occupations.count)]
            pairs.append((a, b, index % 4 == 0 ? areas[random.next(below: areas.count)] : nil))
        }

        var failures = 0
        for (a, b, area) in pairs where failures < 10 {
            let comparison = try reader.comparison(
                RoleRequest(query: a.rawValue, resolved: a, matchedTitle: nil, nameWhenQueryIsCode: catalog.names[a]),
                RoleRequest(query: b.rawValue, resolved: b, matchedTitle: nil, nameWhenQueryIsCode: catalog.names[b]),
                area: area, catalog: catalog.links(a, b))
            let article = ArticleWriter.write(comparison)
            let label = "\(a) vs \(b)\(area.map { " in \($0.title)" } ?? "")"
            #expect(article.sections.map(\.id) == ArticleSection.ID.comparison, "\(label): sections")
            for section in article.sections where section.blocks.isEmpty { Issue.record("\(label): empty section \(section.id)") }

            let text = TextRenderer(width: 80).render(article)
            for line in text.split(separator: "\n") where line.count > 80 {
                Issue.record("\(label): line wider than 80 columns: \(line)")
                failures += 1
            }
            let json = ComparisonJSON.render(comparison, article: article)
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(label): JSON does not parse")

            let sources = try SourceNumbers(database, a, b, area: area)
            // The check must be able to fail: an invented figure is caught.
            #expect(sources.unexplained(in: "It pays $987,654,321 a year.") == ["987,654,321"])
            let unknown = sources.unexplained(in: MarkdownRenderer.render(article))
            if !unknown.isEmpty {
                Issue.record("\(label): numbers not found in the sources: \(unknown.prefix(10))")
                failures += 1
            }
        }
    }
}

/// Every number the sources hold for two occupations, written in every way the article may write it.
struct SourceNumbers {
    private(set) var renderings: Set<String> = []
    private(set) var codes: Set<String> = []

    /// Release labels, scales, ordinals and stated thresholds (3.0 importance, 5% pay, 5 points) the article writes around the data.
    static let structural = [
        "30.1", "2025", "2024", "2034", "34", "2020", "2019", "2018", "1", "5", "0", "7", "10", "25", "75", "90", "3", "4.0", "6.2", "5.3", "1.2",
        "3.0", "100",
    ]

    init(_ database: VersusDatabase, _ a: OccupationCode, _ b: OccupationCode, area: OEWSAreaRef?) throws {
        for value in Self.structural { renderings.insert(value) }
        try database.read { db in
            var medians: [(annual: [Double], hourly: [Double])] = []
            for code in [a, b] {
                let occupation = try Row.fetchOne(
                    db, sql: "SELECT title, description, soc_code, job_zone, wage_code FROM occupation WHERE code = ?", arguments: [code.rawValue])!
                let soc: String = occupation["soc_code"], wageCode: String? = occupation["wage_code"]
                codes.formUnion([code.rawValue, soc] + (wageCode.map { [$0] } ?? []))
                addTexts([occupation["title"], occupation["description"]])
                if let zone: Int = occupation["job_zone"] { add(Double(zone)) }
                addTexts(try String.fetchAll(db, sql: "SELECT name FROM job_zone_reference"))
                addTexts(try String.fetchAll(db, sql: "SELECT title FROM title WHERE code = ? AND source = 'reported'", arguments: [code.rawValue]))
                for row in try Row.fetchAll(db, sql: "SELECT code, title FROM occupation WHERE soc_code = ?", arguments: [soc]) {
                    codes.insert(row[0]); addTexts([row[1]])
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT related_code, o.title FROM related_occupation r JOIN occupation o ON o.code = r.related_code WHERE r.code = ?",
                    arguments: [code.rawValue])
                {
                    codes.insert(row[0]); addTexts([row[1]])
                }
                var annual: [Double] = [], hourly: [Double] = []
                if let wageCode {
                    addTexts(try String.fetchAll(db, sql: "SELECT title FROM oews_occupation WHERE occ_code = ?", arguments: [wageCode]))
                    for areaCode in [OEWSArea.national] + (area.map { [$0.code] } ?? []) {
                        if let row = try Row.fetchOne(
                            db, sql: "SELECT * FROM oews_estimate WHERE area = ? AND naics = '000000' AND occ_code = ?",
                            arguments: [areaCode, wageCode])
                        {
                            for column in row.columnNames { if let number = (row[column] as DatabaseValue).storage.numeric { add(number) } }
                            annual.append(
                                contentsOf: [row["a_median"] as DatabaseValue].compactMap {
                                    $0.storage.numeric ?? (($0.storage.text == "#") ? OEWSArea.topCode.annual : nil)
                                })
                            hourly.append(
                                contentsOf: [row["h_median"] as DatabaseValue].compactMap {
                                    $0.storage.numeric ?? (($0.storage.text == "#") ? OEWSArea.topCode.hourly : nil)
                                })
                        }
                    }
                    for row in try Row.fetchAll(
                        db,
                        sql: """
                            SELECT e.tot_emp, i.title FROM oews_estimate e JOIN oews_industry i ON i.naics = e.naics WHERE e.area = '0000000' AND e.occ_code = ?
                            """, arguments: [wageCode])
                    {
                        if let number = (row[0] as DatabaseValue).storage.numeric { add(number) }
                        addTexts([row[1]])
                    }
                }
                medians.append((annual, hourly))
                for epCode in [soc] + (wageCode.map { [$0] } ?? []) {
                    codes.insert(epCode)
                    if let row = try Row.fetchOne(db, sql: "SELECT * FROM ep_occupation WHERE code = ?", arguments: [epCode]) {
                        // Openings a year per 100 jobs, which the outlook sentence computes.
                        if let openings: Double = row["annual_openings"], let jobs: Double = row["employment_2024"], jobs > 0 {
                            renderings.insert(Figures.exact(openings / jobs * 100, maxPlaces: 1))
                        }
                        for column in row.columnNames {
                            let value = row[column] as DatabaseValue
                            if let number = value.storage.numeric {
                                add(number); add(number * 1000)
                            } else if let text = value.storage.text {
                                addTexts([text])
                            }
                        }
                    }
                    for row in try Row.fetchAll(db, sql: "SELECT level, percent FROM ep_education_attainment WHERE code = ?", arguments: [epCode]) {
                        addTexts([row[0]]); if let percent: Double = row[1] { add(percent) }
                    }
                    addTexts(try String.fetchAll(db, sql: "SELECT skill FROM ep_top_skill WHERE code = ?", arguments: [epCode]))
                }
                for value in try Double.fetchAll(db, sql: "SELECT value FROM education_training WHERE code = ?", arguments: [code.rawValue]) {
                    add(value)
                }
                addTexts(try String.fetchAll(db, sql: "SELECT description FROM education_category"))
                for value in try Double.fetchAll(db, sql: "SELECT value FROM rating WHERE code = ?", arguments: [code.rawValue]) { add(value) }
                addTexts(try String.fetchAll(db, sql: "SELECT statement FROM task WHERE code = ?", arguments: [code.rawValue]))
                addTexts(
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT d.title || ' ' || i.title FROM task_dwa t JOIN dwa d ON d.dwa_id = t.dwa_id JOIN iwa i ON i.iwa_id = d.iwa_id WHERE t.code = ?
                            """, arguments: [code.rawValue]))
                addTexts(try String.fetchAll(db, sql: "SELECT example FROM technology WHERE code = ?", arguments: [code.rawValue]))
                addTexts(try String.fetchAll(db, sql: "SELECT example FROM tool WHERE code = ?", arguments: [code.rawValue]))
                for row in try Row.fetchAll(
                    db, sql: "SELECT estimate, estimate_text, data_footnote FROM ors_estimate WHERE soc_code = ?", arguments: [soc])
                {
                    // Days of experience are written in years (365 days) or months (30 days) when whole.
                    if let number = (row[0] as DatabaseValue).storage.numeric { add(number); add(number / 365); add(number / 30) }
                    addTexts([row[1]])
                }
                // ORS footnotes 1–4: "less than 0.5 percent", "less than 0.05 …".
                add(0.5); add(0.05)
            }
            // Task counts the duties sentences give: core and supplemental tasks of each, and each one's core tasks that
            // share no DWA or IWA with the other's core tasks (computed here in SQL, apart from the writer).
            for (x, y) in [(a, b), (b, a)] {
                for kind in ["Core", "Supplemental"] {
                    if let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM task WHERE code = ? AND type = ?", arguments: [x.rawValue, kind]) {
                        add(Double(n))
                    }
                }
                let own = try Int.fetchOne(
                    db,
                    sql: """
                        WITH other AS (SELECT d.dwa_id, w.iwa_id FROM task t JOIN task_dwa d ON d.code = t.code AND d.task_id = t.task_id
                                       JOIN dwa w ON w.dwa_id = d.dwa_id WHERE t.code = ?2 AND t.type = 'Core')
                        SELECT count(*) FROM task t WHERE t.code = ?1 AND t.type = 'Core'
                          AND EXISTS (SELECT 1 FROM task_dwa d WHERE d.code = t.code AND d.task_id = t.task_id)
                          AND NOT EXISTS (SELECT 1 FROM task_dwa d JOIN dwa w ON w.dwa_id = d.dwa_id WHERE d.code = t.code AND d.task_id = t.task_id
                                          AND (d.dwa_id IN (SELECT dwa_id FROM other) OR w.iwa_id IN (SELECT iwa_id FROM other)))
                        """, arguments: [x.rawValue, y.rawValue])
                if let own { add(Double(own)) }
                // The writer also keeps a task from being a role's own when a task of the other says nearly the same
                // (a rule on words, not on SQL rows), so its count can be any number up to the tasks compared.
                if let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM task WHERE code = ?", arguments: [x.rawValue]) {
                    for n in 0...all { add(Double(n)) }
                }
            }
            if let area { addTexts([area.title]) }
            // The gaps the article computes: between the two medians, national and local, annual and hourly.
            for (x, y) in Array(zip(medians[0].annual, medians[1].annual)) + Array(zip(medians[0].hourly, medians[1].hourly)) where x != y {
                let difference = abs(x - y)
                add(difference)
                renderings.insert(Figures.exact(difference / min(x, y) * 100, maxPlaces: 1))
            }
        }
    }

    private mutating func add(_ value: Double) {
        let v = abs(value)
        renderings.insert(NumberText.grouped(v))
        renderings.insert(Figures.exact(v))
        renderings.insert(NumberText.decimal(v, places: 1))
        renderings.insert(NumberText.decimal(v, places: 2))
        let words = NumberText.count(v)
        if let space = words.firstIndex(of: " ") { renderings.insert(String(words[..<space])) }
    }

    private mutating func addTexts(_ texts: [String?]) {
        for text in texts.compactMap({ $0 }) {
            for token in Self.numbers(in: text) { renderings.insert(token) }
            for code in Self.codes(in: text) { codes.insert(code) }
        }
    }

    static let codePattern = try! NSRegularExpression(pattern: #"\b\d{2}-\d{4}(?:\.\d{2})?\b"#)
    static let numberPattern = try! NSRegularExpression(pattern: #"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"#)

    static func codes(in text: String) -> [String] { matches(codePattern, in: text) }
    static func numbers(in text: String) -> [String] {
        matches(numberPattern, in: codePattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " "))
    }

    private static func matches(_ pattern: NSRegularExpression, in text: String) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// Numbers and codes in the article that no source value explains.
    func unexplained(in article: String) -> [String] {
        let unknownCodes = Self.codes(in: article).filter { !codes.contains($0) }
        let unknownNumbers = Self.numbers(in: article).filter { !renderings.contains($0) }
        return Array(Set(unknownCodes + unknownNumbers)).sorted()
    }
}

/// A small, fast, seedable generator: the same seed draws the same pairs on every run and platform.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

private extension DatabaseValue.Storage {
    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension DatabaseValue.Storage {
    /// A number, or nil for NULL and the BLS markers: read here independently of the Store's decoder.
    var numeric: Double? {
        switch self {
        case .int64(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}
