import GRDB
import VersusCore

extension VersusDatabase {
    public func occupation(_ code: OccupationCode) throws -> Occupation? {
        try read { db in try Self.occupation(db, code) }
    }

    public func summary(_ code: OccupationCode) throws -> OccupationSummary {
        try read { db in try Self.summary(db, code) }
    }

    static func summary(_ db: Database, _ code: OccupationCode) throws -> OccupationSummary {
        guard let occupation = try Self.occupation(db, code) else { throw StoreError.unknownOccupation(code.rawValue) }
        let source = try Self.wageSource(db, code)
        let wages = try source.flatMap { try Self.wages(db, occupation: $0.code, area: OEWSArea.national) }
        let education = try String.fetchOne(
            db, sql: "SELECT typical_education FROM ep_occupation WHERE code = ?", arguments: [occupation.socCode.rawValue])
        // Reported titles are what incumbents call their job; fall back to alternate titles for the few occupations without them.
        let titles = try String.fetchAll(
            db,
            sql: """
                SELECT title FROM title WHERE code = ? AND source IN ('reported', 'alternate')
                ORDER BY source = 'alternate', detail IS NULL, id LIMIT 5
                """, arguments: [code.rawValue])
        return OccupationSummary(
            occupation: occupation, wageSource: source, nationalWages: wages, typicalEntryEducation: education, sampleTitles: titles)
    }

    static func occupation(_ db: Database, _ code: OccupationCode) throws -> Occupation? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT code, title, description, soc_code, job_zone FROM occupation WHERE code = ?", arguments: [code.rawValue])
        else { return nil }
        return Occupation(row: row)
    }

    static func wageSource(_ db: Database, _ code: OccupationCode) throws -> WageSource? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT o.wage_code, o.wage_basis, w.title FROM occupation o JOIN oews_occupation w ON w.occ_code = o.wage_code WHERE o.code = ?
                    """, arguments: [code.rawValue]),
            let soc = SOCCode(row[0]), let basis = WageSource.Basis(rawValue: row[1])
        else { return nil }
        return WageSource(code: soc, title: row[2], basis: basis)
    }
}

extension Occupation {
    init(row: Row) {
        self.init(
            code: OccupationCode(row["code"])!, title: row["title"], description: row["description"],
            socCode: SOCCode(row["soc_code"])!, jobZone: row["job_zone"])
    }
}
