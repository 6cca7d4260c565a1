import GRDB
import VersusCore

extension VersusDatabase {
    public func occupation(_ code: OccupationCode) throws -> Occupation? {
        try read { db in try Self.occupation(db, code) }
    }

    public func summary(_ code: OccupationCode) throws -> OccupationSummary {
        try read { db in
            guard let occupation = try Self.occupation(db, code) else { throw StoreError.unknownOccupation(code.rawValue) }
            let source = try Self.wageSource(db, code)
            let wages = try source.flatMap { try Self.wages(db, occupation: $0.code, area: OEWSArea.national, industry: OEWSIndustry.allIndustries) }
            let education = try String.fetchOne(db, sql: "SELECT typical_education FROM ep_occupation WHERE code = ?", arguments: [occupation.socCode.rawValue])
            // Reported titles are what incumbents call their job; fall back to alternate titles for the few occupations without them.
            let titles = try String.fetchAll(db, sql: """
                SELECT title FROM title WHERE code = ? AND source IN ('reported', 'alternate')
                ORDER BY source = 'alternate', detail IS NULL, id LIMIT 5
                """, arguments: [code.rawValue])
            return OccupationSummary(occupation: occupation, wageSource: source, nationalWages: wages, typicalEntryEducation: education, sampleTitles: titles)
        }
    }

    /// Occupations whose codes share the longest prefix with `code`: what to suggest for a code that does not exist.
    public func occupations(near code: OccupationCode, limit: Int = 5) throws -> [Occupation] {
        try read { db in
            for length in [7, 6, 4, 2] {
                let rows = try Row.fetchAll(db, sql: "SELECT code, title, description, soc_code, job_zone FROM occupation WHERE substr(code, 1, ?) = ? ORDER BY code LIMIT ?",
                                            arguments: [length, String(code.rawValue.prefix(length)), limit])
                if !rows.isEmpty { return rows.map(Occupation.init(row:)) }
            }
            return []
        }
    }

    static func occupation(_ db: Database, _ code: OccupationCode) throws -> Occupation? {
        guard let row = try Row.fetchOne(db, sql: "SELECT code, title, description, soc_code, job_zone FROM occupation WHERE code = ?", arguments: [code.rawValue]) else { return nil }
        return Occupation(row: row)
    }

    static func wageSource(_ db: Database, _ code: OccupationCode) throws -> WageSource? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT o.wage_code, o.wage_basis, w.title FROM occupation o JOIN oews_occupation w ON w.occ_code = o.wage_code WHERE o.code = ?
            """, arguments: [code.rawValue]),
            let soc = SOCCode(row[0]), let basis = WageSource.Basis(rawValue: row[1])
        else { return nil }
        return WageSource(code: soc, title: row[2], basis: basis)
    }

    static func wages(_ db: Database, occupation: SOCCode, area: String, industry: String) throws -> WageEstimate? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT tot_emp, h_mean, a_mean, h_pct10, h_pct25, h_median, h_pct75, h_pct90, a_pct10, a_pct25, a_median, a_pct75, a_pct90,
                   annual_only, hourly_only, emp_prse, jobs_1000, loc_quotient
            FROM oews_estimate WHERE area = ? AND naics = ? AND occ_code = ?
            """, arguments: [area, industry, occupation.rawValue])
        else { return nil }
        let top = OEWSArea.topCode
        func hourly(_ i: Int) -> Estimate { Estimate(row[i] as DatabaseValue, topCode: top.hourly) }
        func annual(_ i: Int) -> Estimate { Estimate(row[i] as DatabaseValue, topCode: top.annual) }
        return WageEstimate(
            employment: Estimate(row[0] as DatabaseValue, topCode: nil),
            hourlyMean: hourly(1), annualMean: annual(2),
            hourlyP10: hourly(3), hourlyP25: hourly(4), hourlyMedian: hourly(5), hourlyP75: hourly(6), hourlyP90: hourly(7),
            annualP10: annual(8), annualP25: annual(9), annualMedian: annual(10), annualP75: annual(11), annualP90: annual(12),
            annualOnly: row[13], hourlyOnly: row[14],
            employmentRSE: (row[15] as DatabaseValue).storage.numeric,
            jobsPerThousand: (row[16] as DatabaseValue).storage.numeric,
            locationQuotient: (row[17] as DatabaseValue).storage.numeric)
    }
}

/// OEWS keys and release constants.
public enum OEWSArea {
    public static let national = "0000000"
    /// May 2025 top code: BLS publishes `#` for wages at or above $115.00 an hour or $239,200 a year.
    static let topCode = (hourly: 115.0, annual: 239_200.0)
}

public enum OEWSIndustry {
    public static let allIndustries = "000000"
}

extension Occupation {
    init(row: Row) {
        self.init(code: OccupationCode(row["code"])!, title: row["title"], description: row["description"],
                  socCode: SOCCode(row["soc_code"])!, jobZone: row["job_zone"])
    }
}

extension Estimate {
    /// A stored number-or-marker value: `#` is top-coded at `topCode`; `*`, `**`, NULL are not published.
    init(_ value: DatabaseValue, topCode: Double?) {
        switch value.storage {
        case .int64(let n): self = .value(Double(n))
        case .double(let d): self = .value(d)
        case .string(let s) where s == "#": self = topCode.map { .atLeast($0) } ?? .notPublished
        default: self = .notPublished
        }
    }
}

extension DatabaseValue.Storage {
    var numeric: Double? {
        switch self {
        case .int64(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}
