import Foundation
import GRDB
import GRDBSQLite
import VersusCore

/// Reads what a comparison needs: occupation profiles, local wages, the area asked for, and the catalog's inputs.
///
/// Profiles are read together: one indexed statement per table covers every occupation asked for (both sides of a
/// comparison), statements are cached per connection, and labels come from `ProfileLookups` instead of joins.
extension VersusDatabase {
    /// The profiles of several occupations in one read transaction, so they describe one consistent database.
    public func profiles(_ codes: [OccupationCode]) throws -> [OccupationProfile] {
        try read { db in try Self.profiles(db, codes, try ProfileLookups(db)) }
    }

    public func profile(_ code: OccupationCode) throws -> OccupationProfile {
        try profiles([code])[0]
    }

    /// A comparison touches pages of a dozen tables; SQLite's default 2 MB page cache lets one comparison's pages
    /// evict the next one's, and every miss is a read(2). 16 MB keeps the upper levels of every index resident.
    func tuneForComparisons() throws {
        try queue.inDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
    }

    /// The small reference tables every profile needs (labels, names), read once and kept by `ComparisonReader`.
    public func profileLookups() throws -> ProfileLookups {
        try read { db in try ProfileLookups(db) }
    }

    /// A comparison's facts in one read: both profiles and, when an area is given, each one's local wages.
    public func comparisonFacts(_ first: OccupationCode, _ second: OccupationCode, area: OEWSAreaRef?, lookups: ProfileLookups? = nil) throws -> (OccupationProfile, OccupationProfile, LocalWages?, LocalWages?) {
        try read { db in
            let profiles = try Self.profiles(db, [first, second], try lookups ?? ProfileLookups(db))
            let (a, b) = (profiles[0], profiles[1])
            guard let area else { return (a, b, nil, nil) }
            return (a, b, try Self.localWages(db, a, area: area), try Self.localWages(db, b, area: area))
        }
    }

    static func localWages(_ db: Database, _ profile: OccupationProfile, area: OEWSAreaRef) throws -> LocalWages {
        guard let code = profile.wageSource?.code else { return LocalWages(area: area, estimate: nil) }
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(wageColumns) FROM oews_estimate WHERE area = ? AND naics = '\(OEWSIndustry.allIndustries)' AND occ_code = ?
            """), arguments: [area.code, code.rawValue])
        return LocalWages(area: area, estimate: row.map { wageEstimate($0, from: 0) })
    }

    /// The OEWS columns `wageEstimate` reads, in its order. Same reading as `wages(_:occupation:area:industry:)`,
    /// with a cached statement: a comparison reads several estimates, and preparing each costs more than reading it.
    private static let wageColumns = """
        tot_emp, h_mean, a_mean, h_pct10, h_pct25, h_median, h_pct75, h_pct90, a_pct10, a_pct25, a_median, a_pct75, a_pct90, \
        annual_only, hourly_only, emp_prse, jobs_1000, loc_quotient
        """

    /// `wageEstimate` for a row being stepped: the same columns, the same markers.
    private static func wageEstimate(_ row: RawRow, from start: Int32) -> WageEstimate {
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

    private static func wageEstimate(_ row: Row, from start: Int) -> WageEstimate {
        let top = OEWSArea.topCode
        func value(_ i: Int) -> DatabaseValue { row[start + i] }
        func hourly(_ i: Int) -> Estimate { Estimate(value(i), topCode: top.hourly) }
        func annual(_ i: Int) -> Estimate { Estimate(value(i), topCode: top.annual) }
        return WageEstimate(
            employment: Estimate(value(0), topCode: nil),
            hourlyMean: hourly(1), annualMean: annual(2),
            hourlyP10: hourly(3), hourlyP25: hourly(4), hourlyMedian: hourly(5), hourlyP75: hourly(6), hourlyP90: hourly(7),
            annualP10: annual(8), annualP25: annual(9), annualMedian: annual(10), annualP75: annual(11), annualP90: annual(12),
            annualOnly: row[start + 13], hourlyOnly: row[start + 14],
            employmentRSE: value(15).storage.numeric, jobsPerThousand: value(16).storage.numeric, locationQuotient: value(17).storage.numeric)
    }

    // MARK: Profiles

    /// "?,?" for a list of values bound to an `IN` clause.
    private static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    /// Runs a cached statement over rows keyed by `column` ∈ `keys` and hands each row to `body` with the index of
    /// its key. The index is computed by SQLite (`side`, the statement's first column), so rows are sorted into
    /// per-occupation arrays without decoding and hashing a code string for every row.
    ///
    /// Rows are stepped with the SQLite C API (GRDB's documented escape hatch): a comparison reads about 1,500 rows,
    /// and GRDB's general row decoding costs more than SQLite's own work on them. Statements stay GRDB's, cached and
    /// bound by it, inside its read transaction.
    private static func each(
        _ db: Database, keyedBy column: String, _ keys: [String],
        _ sql: (_ side: String, _ inKeys: String) -> String, _ body: (Int, RawRow) throws -> Void
    ) throws {
        guard !keys.isEmpty else { return }
        let side = "CASE \(column) " + (0..<keys.count).map { "WHEN ? THEN \($0) " }.joined() + "END"
        let statement = try db.cachedStatement(sql: sql(side, marks(keys.count)))
        statement.setUncheckedArguments(StatementArguments(keys + keys))
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql) }
            let row = RawRow(handle: handle)
            try body(row.int(0), row)
        }
    }

    /// Profiles of `requested`, in order (a code may repeat). Every query below reads all of them at once.
    static func profiles(_ db: Database, _ requested: [OccupationCode], _ lookups: ProfileLookups) throws -> [OccupationProfile] {
        var unique: [OccupationCode] = []
        for code in requested where !unique.contains(code) { unique.append(code) }
        let codes = unique.map(\.rawValue)
        let count = codes.count
        func perOccupation<T>(_ value: T) -> [T] { Array(repeating: value, count: count) }

        var found: [OccupationProfile?] = perOccupation(nil)
        try each(db, keyedBy: "o.code", codes, { side, keys in """
            SELECT \(side), o.code, o.title, o.description, o.soc_code, o.job_zone, o.wage_code, o.wage_basis, w.title
            FROM occupation o LEFT JOIN oews_occupation w ON w.occ_code = o.wage_code WHERE o.code IN (\(keys))
            """ }) { index, row in
            let occupation = Occupation(code: OccupationCode(row.text(1))!, title: row.text(2), description: row.text(3),
                                        socCode: SOCCode(row.text(4))!, jobZone: row.isNull(5) ? nil : row.int(5))
            var profile = OccupationProfile(occupation: occupation)
            if let zone = occupation.jobZone, let name = lookups.jobZoneNames[zone] { profile.jobZone = JobZone(number: zone, name: name) }
            if let wageCode = SOCCode(row.text(6)), let basis = WageSource.Basis(rawValue: row.text(7)), let title = row.optionalText(8) {
                profile.wageSource = WageSource(code: wageCode, title: title, basis: basis)
            }
            found[index] = profile
        }
        if let missing = found.firstIndex(where: { $0 == nil }) { throw StoreError.unknownOccupation(codes[missing]) }
        var profiles = found.map { $0! }

        // BLS figures are keyed by SOC codes, which two occupations may share.
        func keys(_ values: [String]) -> [String] { var seen: [String] = []; for v in values where !seen.contains(v) { seen.append(v) }; return seen }
        let socCodes = keys(profiles.map(\.occupation.socCode.rawValue))
        let wageCodes = keys(profiles.compactMap { $0.wageSource?.code.rawValue })

        // OEWS: national all-industry wages, and employment by industry from the national industry index (one range
        // per occupation instead of a lookup per industry), kept at the 3-digit level the article lists.
        var national: [WageEstimate?] = Array(repeating: nil, count: wageCodes.count)
        try each(db, keyedBy: "occ_code", wageCodes, { side, keys in """
            SELECT \(side), \(wageColumns) FROM oews_estimate
            WHERE area = '\(OEWSArea.national)' AND naics = '\(OEWSIndustry.allIndustries)' AND occ_code IN (\(keys))
            """ }) { index, row in national[index] = wageEstimate(row, from: 1) }
        var industries: [[IndustryEmployment]] = Array(repeating: [], count: wageCodes.count)
        try each(db, keyedBy: "occ_code", wageCodes, { side, keys in """
            SELECT \(side), naics, tot_emp FROM oews_estimate INDEXED BY oews_estimate_national_industry
            WHERE area = '\(OEWSArea.national)' AND occ_code IN (\(keys))
            """ }) { index, row in
            // Industries whose employment OEWS does not publish cannot be ranked, so they are left out.
            let naics = row.text(1)
            guard let title = lookups.industryTitles[naics], let employment = row.number(2) else { return }
            industries[index].append(IndustryEmployment(naics: naics, title: title, employment: .value(employment)))
        }

        // Employment Projections: the occupation's own SOC code, else the OEWS aggregate that holds it.
        let projectionKeys = keys(socCodes + wageCodes)
        var projectionByKey: [Projections?] = Array(repeating: nil, count: projectionKeys.count)
        try each(db, keyedBy: "code", projectionKeys, { side, keys in """
            SELECT \(side), code, title, employment_2024, employment_2034, change_numeric, change_percent, self_employed_percent, annual_openings,
                   typical_education, work_experience, on_the_job_training
            FROM ep_occupation WHERE code IN (\(keys))
            """ }) { index, row in
            projectionByKey[index] = Projections(
                code: SOCCode(row.text(1))!, title: row.text(2), basis: .own, employment2024: row.optionalDouble(3), employment2034: row.optionalDouble(4),
                changeNumeric: row.optionalDouble(5), changePercent: row.optionalDouble(6), selfEmployedPercent: row.optionalDouble(7),
                annualOpenings: row.optionalDouble(8), typicalEducation: row.optionalText(9), workExperience: row.optionalText(10),
                onTheJobTraining: row.optionalText(11))
        }
        for index in profiles.indices {
            let occupation = profiles[index].occupation
            if let own = projectionByKey[projectionKeys.firstIndex(of: occupation.socCode.rawValue)!] {
                profiles[index].projections = own
            } else if let wageCode = profiles[index].wageSource?.code, wageCode != occupation.socCode,
                      let group = projectionByKey[projectionKeys.firstIndex(of: wageCode.rawValue)!] {
                profiles[index].projections = Projections(
                    code: group.code, title: group.title, basis: .aggregate, employment2024: group.employment2024, employment2034: group.employment2034,
                    changeNumeric: group.changeNumeric, changePercent: group.changePercent, selfEmployedPercent: group.selfEmployedPercent,
                    annualOpenings: group.annualOpenings, typicalEducation: group.typicalEducation, workExperience: group.workExperience,
                    onTheJobTraining: group.onTheJobTraining)
            }
        }
        let projectionCodes = keys(profiles.compactMap { $0.projections?.code.rawValue })
        var attainment: [[EducationShare]] = Array(repeating: [], count: projectionCodes.count)
        var attainmentForGroup: [Bool] = Array(repeating: false, count: projectionCodes.count)
        var topSkills: [[String]] = Array(repeating: [], count: projectionCodes.count)
        try each(db, keyedBy: "code", projectionCodes, { side, keys in
            "SELECT \(side), level, percent, broader_group FROM ep_education_attainment WHERE code IN (\(keys)) ORDER BY code, ordinal" }) { index, row in
            attainment[index].append(EducationShare(level: row.text(1), percent: row.optionalDouble(2)))
            if row.bool(3) { attainmentForGroup[index] = true }
        }
        try each(db, keyedBy: "code", projectionCodes, { side, keys in
            "SELECT \(side), skill FROM ep_top_skill WHERE code IN (\(keys)) ORDER BY code, rank" }) { index, row in
            topSkills[index].append(row.text(1))
        }

        // O*NET, keyed by the O*NET code.
        // Titles O*NET shows in My Next Move first, then the others, each alphabetically (sorted here: a handful of rows).
        var reported: [[(shown: Bool, title: String)]] = perOccupation([])
        try each(db, keyedBy: "code", codes, { side, keys in
            "SELECT \(side), detail IS NOT NULL, title FROM title WHERE code IN (\(keys)) AND source = 'reported'" }) { index, row in
            reported[index].append((row.bool(1), row.text(2)))
        }
        var bySOC: [[OccupationRef]] = Array(repeating: [], count: socCodes.count)
        try each(db, keyedBy: "soc_code", socCodes, { side, keys in
            "SELECT \(side), code, title FROM occupation WHERE soc_code IN (\(keys)) ORDER BY code" }) { index, row in
            bySOC[index].append(OccupationRef(code: OccupationCode(row.text(1))!, title: row.text(2)))
        }
        var education: [[(scale: Int, share: CategoryShare)]] = perOccupation([])
        try each(db, keyedBy: "code", codes, { side, keys in """
            SELECT \(side), \(ProfileLookups.scaleNumber("scale_id")), category, value, recommend_suppress FROM education_training
            WHERE code IN (\(keys)) AND category IS NOT NULL
            """ }) { index, row in
            let scale = row.int(1), category = row.int(2)
            guard let label = lookups.categoryLabels[ProfileLookups.categoryKey(scale, category)] else { return }
            education[index].append((scale, CategoryShare(category: category, label: label, percent: row.double(3), suppressed: row.bool(4))))
        }

        // Tasks with their detailed work activities (titles from the lookups), in O*NET task order.
        var activities: [[Int: [WorkActivity]]] = perOccupation([:])
        try each(db, keyedBy: "code", codes, { side, keys in "SELECT \(side), task_id, dwa_id FROM task_dwa WHERE code IN (\(keys))" }) { index, row in
            guard let activity = lookups.activities[row.text(2)] else { return }
            activities[index][row.int(1), default: []].append(activity)
        }
        var tasks: [[OccupationTask]] = perOccupation([])
        try each(db, keyedBy: "code", codes, { side, keys in
            "SELECT \(side), task_id, statement, type, incumbents_responding FROM task WHERE code IN (\(keys)) ORDER BY code, task_id" }) { index, row in
            let id = row.int(1)
            tasks[index].append(OccupationTask(
                id: id, statement: row.text(2), kind: row.optionalText(3).flatMap(OccupationTask.Kind.init(rawValue:)),
                incumbentsResponding: row.optionalDouble(4), activities: activities[index][id] ?? []))
        }

        // Skills and knowledge, importance and level side by side. Rows come in key order (domain, code, element, scale),
        // so IM and LV of one element are adjacent. Estimates O*NET recommends suppressing are not ratings (a suppressed
        // importance is kept apart, flagged, so rankings can say what it would outrank), and a level O*NET marks
        // "not relevant" is not a level.
        var skills: [[Rating]] = perOccupation([]), knowledge: [[Rating]] = perOccupation([])
        var pending: (isSkill: Bool, index: Int, element: String, importance: Double?, level: Double?, withheld: Double?)?
        func flush() {
            guard let p = pending else { return }
            let rating = Rating(elementID: p.element, name: lookups.elementNames[p.element] ?? p.element, importance: p.importance, level: p.level,
                                withheldImportance: p.withheld)
            if p.isSkill { skills[p.index].append(rating) } else { knowledge[p.index].append(rating) }
        }
        try each(db, keyedBy: "code", codes, { side, keys in """
            SELECT \(side), domain = 'skill', element_id, scale_id = 'IM', value, recommend_suppress OR not_relevant
            FROM rating WHERE domain IN ('knowledge', 'skill') AND code IN (\(keys)) ORDER BY domain, code, element_id, scale_id
            """ }) { index, row in
            let isSkill = row.bool(1), element = row.text(2)
            if pending?.element != element || pending?.index != index || pending?.isSkill != isSkill {
                flush()
                pending = (isSkill, index, element, nil, nil, nil)
            }
            let value: Double? = row.bool(5) ? nil : row.optionalDouble(4)
            if row.bool(3) {
                pending?.importance = value
                if row.bool(5) { pending?.withheld = row.optionalDouble(4) }
            } else {
                pending?.level = value
            }
        }
        flush()

        var technologies: [[Technology]] = perOccupation([])
        try each(db, keyedBy: "code", codes, { side, keys in "SELECT \(side), example, hot, in_demand, occupations, related FROM technology WHERE code IN (\(keys))" }) { index, row in
            technologies[index].append(Technology(name: row.text(1), hot: row.bool(2), inDemand: row.bool(3), occupationCount: row.isNull(4) ? nil : row.int(4),
                                                  relatedCount: row.isNull(5) ? nil : row.int(5)))
        }
        var tools: [[Tool]] = perOccupation([])
        try each(db, keyedBy: "code", codes, { side, keys in "SELECT \(side), example, occupations, related FROM tool WHERE code IN (\(keys))" }) { index, row in
            tools[index].append(Tool(name: row.text(1), occupationCount: row.isNull(2) ? nil : row.int(2), relatedCount: row.isNull(3) ? nil : row.int(3)))
        }
        let surveys = try requirementsSurveys(db, socCodes)
        var related: [[RelatedOccupation]] = perOccupation([])
        try each(db, keyedBy: "code", codes, { side, keys in "SELECT \(side), related_code, tier, rank FROM related_occupation WHERE code IN (\(keys))" }) { index, row in
            let relatedCode = row.text(1)
            related[index].append(RelatedOccupation(code: OccupationCode(relatedCode)!, title: lookups.occupationTitles[relatedCode] ?? relatedCode,
                                                    tier: row.text(2), rank: row.int(3)))
        }

        for index in profiles.indices {
            let soc = socCodes.firstIndex(of: profiles[index].occupation.socCode.rawValue)!
            if let wageCode = profiles[index].wageSource?.code.rawValue, let wage = wageCodes.firstIndex(of: wageCode) {
                profiles[index].nationalWages = national[wage]
                profiles[index].industries = Array(industries[wage].sorted { l, r in
                    l.employment.value! != r.employment.value! ? l.employment.value! > r.employment.value! : l.naics < r.naics
                }.prefix(10))
            }
            if let epCode = profiles[index].projections?.code.rawValue, let ep = projectionCodes.firstIndex(of: epCode) {
                profiles[index].attainment = attainment[ep]
                profiles[index].attainmentIsForBroaderGroup = attainmentForGroup[ep]
                profiles[index].topSkills = topSkills[ep]
            }
            profiles[index].reportedTitles = reported[index]
                .sorted { $0.shown != $1.shown ? $0.shown : $0.title.utf8.lexicographicallyPrecedes($1.title.utf8) }.map(\.title)
            profiles[index].socSiblings = bySOC[soc].filter { $0.code.rawValue != codes[index] }
            // Sorted here rather than in SQL, where the sort costs more than the whole read.
            for entry in education[index].sorted(by: { ($0.scale, $0.share.category) < ($1.scale, $1.share.category) }) {
                switch entry.scale {
                case 1: profiles[index].requiredEducation.append(entry.share)
                case 2: profiles[index].relatedExperience.append(entry.share)
                case 3: profiles[index].onSiteTraining.append(entry.share)
                case 4: profiles[index].onTheJobTraining.append(entry.share)
                default: break
                }
            }
            profiles[index].tasks = tasks[index]
            profiles[index].skills = skills[index]
            profiles[index].knowledge = knowledge[index]
            profiles[index].technologies = technologies[index]
            profiles[index].tools = tools[index]
            profiles[index].requirementsSurvey = surveys[socCodes[soc]]
            profiles[index].related = related[index].sorted { $0.rank < $1.rank }
        }
        return requested.map { profiles[unique.firstIndex(of: $0)!] }
    }

    /// The ORS estimates the comparison shows, for each occupation's own SOC code only: ORS figures are never borrowed.
    static func requirementsSurveys(_ db: Database, _ socCodes: [String]) throws -> [String: RequirementsSurvey] {
        var estimates: [[SurveyEstimate]] = Array(repeating: [], count: socCodes.count)
        try each(db, keyedBy: "soc_code", socCodes, { side, keys in """
            SELECT \(side), estimate_code, estimate, data_footnote FROM ors_estimate
            WHERE soc_code IN (\(keys)) AND estimate_code IN (\(ProfileLookups.measuredSurveyList))
            """ }) { index, row in
            let footnotes = (row.optionalText(3) ?? "").split(separator: ",")
            let value: SurveyValue
            if let number = row.number(2) {
                value = .value(number)
            } else {
                // "-" with footnote 1 ("less than 0.5 percent"), 2 (hours), 3 (pounds) or 4 ("less than 0.05 days").
                if footnotes.contains("1") { value = .lessThan(0.5) }
                else if footnotes.contains("2") || footnotes.contains("3") || footnotes.contains("4") { value = .lessThan(0.05) }
                else { value = .notPublished }
            }
            estimates[index].append(SurveyEstimate(code: row.text(1), value: value, isMode: footnotes.contains("7")))
        }
        var surveys: [String: RequirementsSurvey] = [:]
        for (index, soc) in socCodes.enumerated() where !estimates[index].isEmpty {
            surveys[soc] = RequirementsSurvey(socCode: SOCCode(soc)!, estimates: estimates[index])
        }
        return surveys
    }
}

/// The current row of a statement being stepped, read with the SQLite C API.
struct RawRow {
    let handle: OpaquePointer

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }
    func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }
    func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }
    /// A number, or nil for NULL and for the text markers BLS uses in numeric columns.
    func number(_ index: Int32) -> Double? {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER, SQLITE_FLOAT: return sqlite3_column_double(handle, index)
        default: return nil
        }
    }
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self)
    }
    func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }
}

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
        elementNames = Dictionary(try Row.fetchAll(db, sql: "SELECT element_id, name FROM element").map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        categoryLabels = Dictionary(try Row.fetchAll(db, sql: "SELECT \(Self.scaleNumber("scale_id")), category, description FROM education_category")
            .map { (Self.categoryKey($0[0], $0[1]), $0[2]) }, uniquingKeysWith: { first, _ in first })
        jobZoneNames = Dictionary(try Row.fetchAll(db, sql: "SELECT job_zone, name FROM job_zone_reference WHERE name IS NOT NULL").map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        let industries = try Row.fetchAll(db, sql: "SELECT naics, title FROM oews_industry WHERE grp = '3' ORDER BY naics")
        occupationTitles = Dictionary(try Row.fetchAll(db, sql: "SELECT code, title FROM occupation").map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        industryTitles = Dictionary(industries.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        activities = Dictionary(try Row.fetchAll(db, sql: "SELECT d.dwa_id, d.title, i.iwa_id, i.title FROM dwa d JOIN iwa i ON i.iwa_id = d.iwa_id")
            .map { ($0[0], WorkActivity(id: $0[0], title: $0[1], intermediateID: $0[2], intermediateTitle: $0[3])) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Builds comparisons from the database: what the CLI, the web and the tests share. Title casing and the
/// reference lookups are read once, so each comparison costs only its two profiles.
public struct ComparisonReader: Sendable {
    public let database: VersusDatabase
    public let casing: TitleCasing
    let lookups: ProfileLookups

    public init(database: VersusDatabase) throws {
        self.database = database
        try database.tuneForComparisons()
        casing = try database.titleCasing()
        lookups = try database.profileLookups()
    }

    /// The comparison of two resolved roles, with local wages when an area is given and catalog links when known.
    public func comparison(_ first: RoleRequest, _ second: RoleRequest, area: OEWSAreaRef? = nil, catalog: CatalogLinks? = nil) throws -> Comparison {
        let (a, b, localA, localB) = try database.comparisonFacts(first.resolved, second.resolved, area: area, lookups: lookups)
        return Comparison(
            first: Comparison.Role(request: first, profile: a, local: localA, casing: casing),
            second: Comparison.Role(request: second, profile: b, local: localB, casing: casing),
            area: area, catalog: catalog)
    }
}

// MARK: Areas, titles and the catalog

extension VersusDatabase {
    public enum AreaKind: Sendable {
        case state
        /// A state or a metropolitan area.
        case any
    }

    public enum AreaLookup: Equatable, Sendable {
        case found(OEWSAreaRef)
        case ambiguous([OEWSAreaRef])
        case notFound
    }

    /// Finds an OEWS state or metro area by code ("06", "0600000", "14460", "0014460"), postal abbreviation ("CA"),
    /// or name ("California", "boston": a unique part of a name is enough).
    public func area(_ query: String, kind: AreaKind) throws -> AreaLookup {
        let text = query.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .notFound }
        return try read { db in
            let types = kind == .state ? "('state')" : "('state', 'metro')"
            let all = try Row.fetchAll(db, sql: "SELECT area, title, type, state FROM oews_area WHERE type IN \(types) ORDER BY type DESC, title")
                .map { (ref: OEWSAreaRef(code: $0[0], title: $0[1], kind: ($0[2] as String) == "state" ? .state : .metro), state: $0[3] as String?) }
            let lower = text.lowercased()
            let digits = text.allSatisfy(\.isNumber)
            if digits {
                let padded = text.count <= 2 ? String(repeating: "0", count: 2 - text.count) + text + "00000"
                    : String(repeating: "0", count: max(0, 7 - text.count)) + text
                if let match = all.first(where: { $0.ref.code == padded }) { return .found(match.ref) }
                return .notFound
            }
            if let exact = all.first(where: { $0.ref.title.lowercased() == lower }) { return .found(exact.ref) }
            if text.count == 2, text.allSatisfy(\.isLetter) {
                // Postal abbreviations, learned from metro names: "Abilene, TX" lies in state 48, so TX is state 48.
                let upper = text.uppercased()
                let fips = all.first { metro in
                    metro.ref.kind == .metro && metro.state != nil
                        && metro.ref.title.split(separator: ",").last?.trimmingCharacters(in: .whitespaces).split(separator: "-").first.map(String.init) == upper
                }?.state
                if let fips, let state = all.first(where: { $0.ref.kind == .state && $0.state == fips }) { return .found(state.ref) }
            }
            let partial = all.filter { $0.ref.title.lowercased().contains(lower) }
            switch partial.count {
            case 0: return .notFound
            case 1: return .found(partial[0].ref)
            default:
                // A state named exactly by a prefix wins over metros that merely contain it ("New York" the state, not the metro).
                if let state = partial.first(where: { $0.ref.kind == .state && $0.ref.title.lowercased().hasPrefix(lower) }) { return .found(state.ref) }
                return .ambiguous(partial.map(\.ref))
            }
        }
    }

    /// Casing of titles as the data writes them ("COO", "IT Director", "DevOps"), learned from O*NET short titles;
    /// learned once, at import (finding the short titles scans the whole title table).
    public func titleCasing() throws -> TitleCasing {
        let forms = try derivedPairs(DerivedNames.titleCasing, compute: Self.titleCasingPairs)
        return TitleCasing(forms: Dictionary(forms, uniquingKeysWith: { first, _ in first }))
    }

    /// Everything the catalog is built from: occupations, their popular names, and close relations.
    public func catalogInputs() throws -> CatalogInputs {
        let names = try popularNames()
        return try read { db in
            let occupations = try Row.fetchAll(db, sql: "SELECT code, title FROM occupation ORDER BY code")
                .map { OccupationRef(code: OccupationCode($0[0])!, title: $0[1]) }
            let related = try Row.fetchAll(db, sql: "SELECT code, related_code, rank FROM related_occupation WHERE tier = 'Primary-Short'")
                .map { (code: OccupationCode($0[0] as String)!, related: OccupationCode($0[1] as String)!, rank: $0[2] as Int) }
            return CatalogInputs(occupations: occupations, names: names, related: related)
        }
    }

    /// The popular name of every occupation that has one (see `PopularTitle`). Choosing them reads all 64,000
    /// alternate and reported titles (about 50 ms), so the importer chooses them once and stores the choice.
    public func popularNames() throws -> [OccupationCode: String] {
        let pairs = try derivedPairs(DerivedNames.popularNames, compute: Self.popularNamePairs)
        var names: [OccupationCode: String] = [:]
        for (code, name) in pairs { if let code = OccupationCode(code) { names[code] = name } }
        return names
    }

    static func titleCasingPairs(_ db: Database) throws -> [(String, String)] {
        let titles = try String.fetchAll(db, sql: "SELECT short_title FROM title WHERE short_title IS NOT NULL")
        return TitleCasing(learningFrom: titles).forms.map { ($0.key, $0.value) }
    }

    static func popularNamePairs(_ db: Database) throws -> [(String, String)] {
        PopularTitle.all(try titleCandidates(db, codes: nil)).map { ($0.key.rawValue, $0.value) }
    }

    /// Derived names as the importer stored them; computed here only for a database without them (or with
    /// another version of the rules), which a current import never produces.
    func derivedPairs(_ kind: DerivedNames.Kind, compute: (Database) throws -> [(String, String)]) throws -> [(String, String)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM derived_name WHERE kind = ? AND version = ?", arguments: [kind.name, kind.version])
            if !rows.isEmpty { return rows.map { ($0[0], $0[1]) } }
            return try compute(db)
        }
    }

    /// Whether O*NET lists either occupation among the other's most related (Primary-Short tier): such pairs are in the catalog.
    public func areCloselyRelated(_ a: OccupationCode, _ b: OccupationCode) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM related_occupation WHERE tier = 'Primary-Short' AND ((code = ?1 AND related_code = ?2) OR (code = ?2 AND related_code = ?1)))
                """, arguments: [a.rawValue, b.rawValue]) ?? false
        }
    }

    /// The popular names of a few occupations (for comparisons asked for by code), chosen as the catalog chooses them.
    public func popularTitles(_ codes: [OccupationCode]) throws -> [OccupationCode: String] {
        try read { db in
            let candidates = try Self.titleCandidates(db, codes: codes)
            guard !candidates.isEmpty else { return [:] }
            // How many occupations use each of these titles; NOCASE folds ASCII case as `PopularTitle.key` does.
            let titles = Array(Set(candidates.map { PopularTitle.key($0.title) })).sorted()
            var usage: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT lower(title), count(DISTINCT code) FROM title
                WHERE source IN ('alternate', 'reported') AND title COLLATE NOCASE IN (\(Array(repeating: "?", count: titles.count).joined(separator: ",")))
                GROUP BY 1
                """, arguments: StatementArguments(titles)) {
                usage[row[0]] = row[1]
            }
            var names: [OccupationCode: String] = [:]
            for code in codes {
                names[code] = PopularTitle.best(candidates.filter { $0.code == code }, occupationsWithTitle: { usage[$0] ?? 1 })
            }
            return names
        }
    }

    static func titleCandidates(_ db: Database, codes: [OccupationCode]?) throws -> [TitleCandidate] {
        // Sources ("02,04,10") are counted and flags computed by SQLite, so each row decodes two strings and three integers.
        let filter = codes.map { "AND code IN (\(Array(repeating: "?", count: $0.count).joined(separator: ",")))" } ?? ""
        let rows = try Row.fetchCursor(db, sql: """
            SELECT code, title, source = 'alternate', CASE WHEN source = 'alternate' AND detail IS NOT NULL
                   THEN length(detail) - length(replace(detail, ',', '')) + 1 ELSE 0 END, detail IS NOT NULL
            FROM title WHERE source IN ('alternate', 'reported') \(filter)
            """, arguments: StatementArguments((codes ?? []).map(\.rawValue)))
        var candidates: [TitleCandidate] = []
        candidates.reserveCapacity(codes == nil ? 70_000 : 200)
        var lastCode = "", lastParsed: OccupationCode? = nil
        while let row = try rows.next() {
            let text: String = row[0]
            if text != lastCode { lastCode = text; lastParsed = OccupationCode(text) }
            guard let parsed = lastParsed else { continue }
            let isAlternate: Bool = row[2]
            candidates.append(TitleCandidate(code: parsed, title: row[1], alternateSources: row[3],
                                             reported: !isAlternate, shownInMyNextMove: !isAlternate && (row[4] as Bool)))
        }
        return candidates
    }
}

/// Names derived from the titles by rules that live in Core (`TitleCasing`, `PopularTitle`): stored by the
/// importer in `derived_name`, each kind with its rules' version.
enum DerivedNames {
    struct Kind {
        let name: String
        let version: Int
    }

    static let titleCasing = Kind(name: "title-casing", version: TitleCasing.version)
    static let popularNames = Kind(name: "popular-names", version: PopularTitle.version)

    static func store(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO derived_name(kind, version, key, value) VALUES (?, ?, ?, ?)")
        for (kind, pairs) in [(titleCasing, try VersusDatabase.titleCasingPairs(db)), (popularNames, try VersusDatabase.popularNamePairs(db))] {
            for (key, value) in pairs { try insert.execute(arguments: [kind.name, kind.version, key, value]) }
        }
    }
}
