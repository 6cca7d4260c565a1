import GRDB
import VersusCore

/// Labels and names shared by all occupations, read once instead of joined into every profile query.
public struct ProfileLookups: Sendable {
    let elementNames: [String: String]
    let categoryLabels: [Int: String]
    let jobZoneNames: [Int: String]
    /// Titles of the OEWS 3-digit NAICS industries (group 3), the level the comparison lists.
    let industryTitles: [String: String]
    /// O*NET detailed work activities with their intermediate activity, by DWA ID.
    let activities: [String: WorkActivity]
    let occupationTitles: [String: String]

    /// The education scales as numbers (RL 1, RW 2, PT 3, OJ 4, others 0), computed by SQLite so rows carry no strings.
    static func scaleNumber(_ column: String) -> String {
        "CASE \(column) WHEN 'RL' THEN 1 WHEN 'RW' THEN 2 WHEN 'PT' THEN 3 WHEN 'OJ' THEN 4 ELSE 0 END"
    }

    static func categoryKey(_ scale: Int, _ category: Int) -> Int { scale * 1000 + category }

    /// 'a','b': values from the database or from Core constants, quoted as SQL string literals.
    static let measuredSurveyList = sqlList(SurveyMeasure.allCodes)

    static func sqlList(_ values: [String]) -> String {
        values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
    }

    init(_ db: Database) throws {
        elementNames = Dictionary(
            try Row.fetchAll(db, sql: "SELECT element_id, name FROM element").map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        categoryLabels = Dictionary(
            try Row.fetchAll(db, sql: "SELECT \(Self.scaleNumber("scale_id")), category, description FROM education_category")
                .map { (Self.categoryKey($0[0], $0[1]), $0[2]) }, uniquingKeysWith: { first, _ in first })
        jobZoneNames = Dictionary(
            try Row.fetchAll(db, sql: "SELECT job_zone, name FROM job_zone_reference WHERE name IS NOT NULL").map { ($0[0], $0[1]) },
            uniquingKeysWith: { first, _ in first })
        let industries = try Row.fetchAll(db, sql: "SELECT naics, title FROM oews_industry WHERE grp = '3' ORDER BY naics")
        occupationTitles = Dictionary(
            try Row.fetchAll(db, sql: "SELECT code, title FROM occupation").map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        industryTitles = Dictionary(industries.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        activities = Dictionary(
            try Row.fetchAll(db, sql: "SELECT d.dwa_id, d.title, i.iwa_id, i.title FROM dwa d JOIN iwa i ON i.iwa_id = d.iwa_id")
                .map { ($0[0], WorkActivity(id: $0[0], title: $0[1], intermediateID: $0[2], intermediateTitle: $0[3])) },
            uniquingKeysWith: { first, _ in first })
    }
}
