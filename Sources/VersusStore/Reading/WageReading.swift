import GRDB
import VersusCore

/// OEWS keys and release constants: the one place they are written.
public enum OEWSArea {
    public static let national = "0000000"
    /// May 2025 top code: BLS publishes `#` for wages at or above $115.00 an hour or $239,200 a year.
    static let topCode = (hourly: 115.0, annual: 239_200.0)
}

public enum OEWSIndustry {
    public static let allIndustries = "000000"
}

/// Reading OEWS estimates: one column list and one decoder of numbers and BLS markers for every reader.
extension VersusDatabase {
    /// The OEWS columns `wageEstimate` reads, in its order.
    static let wageColumns = """
        tot_emp, h_mean, a_mean, h_pct10, h_pct25, h_median, h_pct75, h_pct90, a_pct10, a_pct25, a_median, a_pct75, a_pct90, \
        annual_only, hourly_only, emp_prse, jobs_1000, loc_quotient
        """

    /// An estimate from `wageColumns` starting at column `start`: a number, `#` (at or above the top code), or
    /// anything else (`*`, `**`, NULL) as not published.
    static func wageEstimate(_ row: RawRow, from start: Int32) -> WageEstimate {
        let top = OEWSArea.topCode
        func estimate(_ i: Int32, _ topCode: Double?) -> Estimate {
            let index = start + i
            if let number = row.number(index) { return .value(number) }
            if !row.isNull(index), row.text(index) == "#", let topCode { return .atLeast(topCode) }
            return .notPublished
        }
        func hourly(_ i: Int32) -> Estimate { estimate(i, top.hourly) }
        func annual(_ i: Int32) -> Estimate { estimate(i, top.annual) }
        return WageEstimate(
            employment: estimate(0, nil),
            hourlyMean: hourly(1), annualMean: annual(2),
            hourlyP10: hourly(3), hourlyP25: hourly(4), hourlyMedian: hourly(5), hourlyP75: hourly(6), hourlyP90: hourly(7),
            annualP10: annual(8), annualP25: annual(9), annualMedian: annual(10), annualP75: annual(11), annualP90: annual(12),
            annualOnly: row.bool(start + 13), hourlyOnly: row.bool(start + 14),
            employmentRSE: row.number(start + 15), jobsPerThousand: row.number(start + 16), locationQuotient: row.number(start + 17))
    }

    /// The all-industry estimate of one OEWS occupation code in one area; nil where OEWS publishes none.
    static func wages(_ db: Database, occupation: SOCCode, area: String) throws -> WageEstimate? {
        var found: WageEstimate?
        try Stepping.rows(
            db,
            sql: """
                SELECT \(wageColumns) FROM oews_estimate WHERE area = ? AND naics = '\(OEWSIndustry.allIndustries)' AND occ_code = ?
                """, arguments: [area, occupation.rawValue]
        ) { row in found = wageEstimate(row, from: 0) }
        return found
    }

    static func localWages(_ db: Database, _ profile: OccupationProfile, area: OEWSAreaRef) throws -> LocalWages {
        guard let code = profile.wageSource?.code else { return LocalWages(area: area, estimate: nil) }
        return LocalWages(area: area, estimate: try wages(db, occupation: code, area: area.code))
    }

    /// All-industry estimates in every state, by OEWS occupation code (as the file writes it) and then by state
    /// title: of one code, or of every code when `occupation` is nil (what a server keeps from start-up).
    static func stateWages(_ db: Database, occupation: SOCCode? = nil) throws -> [String: [LocalWages]] {
        var result: [String: [LocalWages]] = [:]
        // One value per state, not per row: every code's rows then share its strings.
        var states: [String: OEWSAreaRef] = [:]
        let columns = "e.occ_code, a.area, a.title, \(wageColumns)", allIndustries = OEWSIndustry.allIndustries
        // Every code is read state by state along the primary key (0.2 s in sqlite3); through the occupation index, as
        // one code is, it would visit the keys of every area's rows (1.1 s).
        let sql =
            occupation == nil
            ? """
            SELECT \(columns) FROM oews_area a CROSS JOIN oews_estimate e ON e.area = a.area AND e.naics = '\(allIndustries)'
            WHERE a.type = 'state' ORDER BY a.title
            """
            : """
            SELECT \(columns) FROM oews_estimate e JOIN oews_area a ON a.area = e.area
            WHERE a.type = 'state' AND e.naics = '\(allIndustries)' AND e.occ_code = ? ORDER BY a.title
            """
        try Stepping.rows(db, sql: sql, arguments: occupation.map { [$0.rawValue] } ?? []) { row in
            let area = row.text(1)
            let state = states[area] ?? OEWSAreaRef(code: area, title: row.text(2), kind: .state)
            states[area] = state
            result[row.text(0), default: []].append(LocalWages(area: state, estimate: wageEstimate(row, from: 3)))
        }
        return result
    }
}
