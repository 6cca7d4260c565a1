import Foundation
import GRDB
import VersusCore

/// Reads what a comparison needs: occupation profiles, local wages, the area asked for, and the catalog's inputs.
///
/// Each profile is a fixed set of small indexed queries (statements are cached per connection), so that
/// building a whole comparison stays well under a millisecond.
extension VersusDatabase {
    /// The profiles of several occupations in one read transaction, so they describe one consistent database.
    public func profiles(_ codes: [OccupationCode]) throws -> [OccupationProfile] {
        try read { db in try codes.map { try Self.profile(db, $0) } }
    }

    public func profile(_ code: OccupationCode) throws -> OccupationProfile {
        try read { db in try Self.profile(db, code) }
    }

    /// A comparison's facts in one read: both profiles and, when an area is given, each one's local wages.
    public func comparisonFacts(_ first: OccupationCode, _ second: OccupationCode, area: OEWSAreaRef?) throws -> (OccupationProfile, OccupationProfile, LocalWages?, LocalWages?) {
        try read { db in
            let a = try Self.profile(db, first)
            let b = first == second ? a : try Self.profile(db, second)
            guard let area else { return (a, b, nil, nil) }
            return (a, b, try Self.localWages(db, a, area: area), try Self.localWages(db, b, area: area))
        }
    }

    static func localWages(_ db: Database, _ profile: OccupationProfile, area: OEWSAreaRef) throws -> LocalWages {
        let estimate = try profile.wageSource.flatMap { try wages(db, occupation: $0.code, area: area.code, industry: OEWSIndustry.allIndustries) }
        return LocalWages(area: area, estimate: estimate)
    }

    // MARK: Profile

    static func profile(_ db: Database, _ code: OccupationCode) throws -> OccupationProfile {
        guard let head = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.code, o.title, o.description, o.soc_code, o.job_zone, o.wage_code, o.wage_basis, w.title AS wage_title, z.name AS zone_name
            FROM occupation o
            LEFT JOIN oews_occupation w ON w.occ_code = o.wage_code
            LEFT JOIN job_zone_reference z ON z.job_zone = o.job_zone
            WHERE o.code = ?
            """), arguments: [code.rawValue])
        else { throw StoreError.unknownOccupation(code.rawValue) }
        let occupation = Occupation(row: head)
        var profile = OccupationProfile(occupation: occupation)
        if let zone: Int = head["job_zone"], let name: String = head["zone_name"] { profile.jobZone = JobZone(number: zone, name: name) }
        if let wageCode = SOCCode(head["wage_code"] ?? ""), let basis = WageSource.Basis(rawValue: head["wage_basis"] ?? ""), let title: String = head["wage_title"] {
            let source = WageSource(code: wageCode, title: title, basis: basis)
            profile.wageSource = source
            profile.nationalWages = try wages(db, occupation: wageCode, area: OEWSArea.national, industry: OEWSIndustry.allIndustries)
            profile.industries = try industries(db, wageCode)
        }
        profile.reportedTitles = try String.fetchAll(db.cachedStatement(sql: """
            SELECT title FROM title WHERE code = ? AND source = 'reported' ORDER BY detail IS NULL, title
            """), arguments: [code.rawValue])
        profile.socSiblings = try Row.fetchAll(db.cachedStatement(sql: "SELECT code, title FROM occupation WHERE soc_code = ? AND code <> ? ORDER BY code"),
                                               arguments: [occupation.socCode.rawValue, code.rawValue])
            .map { OccupationRef(code: OccupationCode($0[0])!, title: $0[1]) }
        profile.projections = try projections(db, occupation, wageCode: profile.wageSource?.code)
        if let projections = profile.projections {
            profile.attainment = try Row.fetchAll(db.cachedStatement(sql: "SELECT level, percent FROM ep_education_attainment WHERE code = ? ORDER BY ordinal"),
                                                  arguments: [projections.code.rawValue])
                .map { EducationShare(level: $0[0], percent: $0[1]) }
            profile.topSkills = try String.fetchAll(db.cachedStatement(sql: "SELECT skill FROM ep_top_skill WHERE code = ? ORDER BY rank"), arguments: [projections.code.rawValue])
        }
        try educationTraining(db, code, into: &profile)
        profile.tasks = try tasks(db, code)
        (profile.skills, profile.knowledge) = try ratings(db, code)
        profile.technologies = try Row.fetchAll(db.cachedStatement(sql: "SELECT example, commodity_title, hot, in_demand FROM technology WHERE code = ?"), arguments: [code.rawValue])
            .map { Technology(name: $0[0], category: $0[1], hot: $0[2], inDemand: $0[3]) }
        profile.tools = try Row.fetchAll(db.cachedStatement(sql: "SELECT example, commodity_title FROM tool WHERE code = ? ORDER BY example"), arguments: [code.rawValue])
            .map { Tool(name: $0[0], category: $0[1]) }
        profile.requirementsSurvey = try requirementsSurvey(db, occupation.socCode)
        profile.related = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.related_code, o.title, r.tier, r.rank FROM related_occupation r JOIN occupation o ON o.code = r.related_code
            WHERE r.code = ? ORDER BY r.rank
            """), arguments: [code.rawValue])
            .map { RelatedOccupation(code: OccupationCode($0[0])!, title: $0[1], tier: $0[2], rank: $0[3]) }
        return profile
    }

    /// Projections for the occupation's own SOC code, else for the OEWS aggregate that holds it (which the projections share).
    static func projections(_ db: Database, _ occupation: Occupation, wageCode: SOCCode?) throws -> Projections? {
        let statement = try db.cachedStatement(sql: """
            SELECT code, title, employment_2024, employment_2034, change_numeric, change_percent, self_employed_percent, annual_openings,
                   typical_education, work_experience, on_the_job_training
            FROM ep_occupation WHERE code = ?
            """)
        var basis = Projections.Basis.own
        var row = try Row.fetchOne(statement, arguments: [occupation.socCode.rawValue])
        if row == nil, let wageCode, wageCode != occupation.socCode {
            row = try Row.fetchOne(statement, arguments: [wageCode.rawValue])
            basis = .aggregate
        }
        guard let row, let code = SOCCode(row[0]) else { return nil }
        return Projections(code: code, title: row[1], basis: basis, employment2024: row[2], employment2034: row[3], changeNumeric: row[4],
                           changePercent: row[5], selfEmployedPercent: row[6], annualOpenings: row[7],
                           typicalEducation: row[8], workExperience: row[9], onTheJobTraining: row[10])
    }

    static func educationTraining(_ db: Database, _ code: OccupationCode, into profile: inout OccupationProfile) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT e.scale_id, e.category, c.description, e.value, e.recommend_suppress
            FROM education_training e
            JOIN education_category c ON c.element_id = e.element_id AND c.scale_id = e.scale_id AND c.category = e.category
            WHERE e.code = ? AND e.category IS NOT NULL
            ORDER BY e.scale_id, e.category
            """), arguments: [code.rawValue])
        while let row = try rows.next() {
            let share = CategoryShare(category: row[1], label: row[2], percent: row[3], suppressed: row[4])
            switch row[0] as String {
            case "RL": profile.requiredEducation.append(share)
            case "RW": profile.relatedExperience.append(share)
            case "PT": profile.onSiteTraining.append(share)
            case "OJ": profile.onTheJobTraining.append(share)
            default: break
            }
        }
    }

    static func tasks(_ db: Database, _ code: OccupationCode) throws -> [OccupationTask] {
        var activities: [Int: [WorkActivity]] = [:]
        let links = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT t.task_id, d.dwa_id, d.title, i.iwa_id, i.title
            FROM task_dwa t JOIN dwa d ON d.dwa_id = t.dwa_id JOIN iwa i ON i.iwa_id = d.iwa_id
            WHERE t.code = ?
            """), arguments: [code.rawValue])
        while let row = try links.next() {
            activities[row[0], default: []].append(WorkActivity(id: row[1], title: row[2], intermediateID: row[3], intermediateTitle: row[4]))
        }
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT task_id, statement, type, incumbents_responding FROM task WHERE code = ? ORDER BY task_id"),
                                arguments: [code.rawValue])
            .map { row in
                let id: Int = row[0]
                return OccupationTask(id: id, statement: row[1], kind: (row[2] as String?).flatMap(OccupationTask.Kind.init(rawValue:)),
                                      incumbentsResponding: row[3], activities: activities[id] ?? [])
            }
    }

    /// Skills and knowledge, importance and level side by side. Estimates O*NET recommends suppressing are left out,
    /// and a level O*NET marks "not relevant" is not a level.
    static func ratings(_ db: Database, _ code: OccupationCode) throws -> (skills: [Rating], knowledge: [Rating]) {
        struct Pending { var name: String; var importance: Double?; var level: Double? }
        var byDomain: [String: [(id: String, value: Pending)]] = ["skill": [], "knowledge": []]
        var position: [String: Int] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT domain, element_id, element_name, scale_id, value, recommend_suppress, not_relevant
            FROM rating WHERE domain IN ('skill', 'knowledge') AND code = ? ORDER BY domain, element_id, scale_id
            """), arguments: [code.rawValue])
        while let row = try rows.next() {
            let domain: String = row[0], element: String = row[1]
            let usable = !(row[5] as Bool) && !(row[6] as Bool)
            let value: Double? = usable ? row[4] : nil
            let key = domain + "|" + element
            if position[key] == nil {
                position[key] = byDomain[domain]!.count
                byDomain[domain]!.append((element, Pending(name: row[2], importance: nil, level: nil)))
            }
            let index = position[key]!
            if (row[3] as String) == "IM" { byDomain[domain]![index].value.importance = value } else { byDomain[domain]![index].value.level = value }
        }
        func ratings(_ domain: String) -> [Rating] {
            byDomain[domain]!.map { Rating(elementID: $0.id, name: $0.value.name, importance: $0.value.importance, level: $0.value.level) }
        }
        return (ratings("skill"), ratings("knowledge"))
    }

    /// Largest 3-digit NAICS industries by national employment (estimates with employment not published are skipped).
    static func industries(_ db: Database, _ wageCode: SOCCode) throws -> [IndustryEmployment] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.naics, i.title, e.tot_emp
            FROM oews_estimate e JOIN oews_industry i ON i.naics = e.naics
            WHERE e.occ_code = ? AND e.area = ? AND i.grp = '3' AND typeof(e.tot_emp) IN ('integer', 'real')
            ORDER BY e.tot_emp DESC, e.naics LIMIT 10
            """), arguments: [wageCode.rawValue, OEWSArea.national])
            .map { IndustryEmployment(naics: $0[0], title: $0[1], employment: Estimate($0[2] as DatabaseValue, topCode: nil)) }
    }

    /// The ORS estimates the comparison shows, for the occupation's own SOC code only: ORS figures are never borrowed.
    static func requirementsSurvey(_ db: Database, _ soc: SOCCode) throws -> RequirementsSurvey? {
        let codes = SurveyMeasure.allCodes
        let placeholders = Array(repeating: "?", count: codes.count).joined(separator: ",")
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT estimate_code, estimate_text, estimate, data_footnote FROM ors_estimate
            WHERE soc_code = ? AND estimate_code IN (\(placeholders))
            """), arguments: StatementArguments([soc.rawValue] + codes))
        guard !rows.isEmpty else { return nil }
        let estimates = rows.map { row -> SurveyEstimate in
            let footnotes = Set(((row[3] as String?) ?? "").split(separator: ",").map(String.init))
            let value: SurveyValue
            switch (row[2] as DatabaseValue).storage {
            case .double(let number): value = .value(number)
            case .int64(let number): value = .value(Double(number))
            default:
                // "-" with footnote 1 ("less than 0.5 percent"), 2 (hours), 3 (pounds) or 4 ("less than 0.05 days").
                if footnotes.contains("1") { value = .lessThan(0.5) }
                else if footnotes.contains("2") || footnotes.contains("3") || footnotes.contains("4") { value = .lessThan(0.05) }
                else { value = .notPublished }
            }
            return SurveyEstimate(code: row[0], text: row[1], value: value, isMode: footnotes.contains("7"))
        }
        return RequirementsSurvey(socCode: soc, estimates: estimates)
    }
}

/// Builds comparisons from the database: what the CLI, the web and the tests share. The title casing is read once.
public struct ComparisonReader: Sendable {
    public let database: VersusDatabase
    public let casing: TitleCasing

    public init(database: VersusDatabase) throws {
        self.database = database
        casing = try database.titleCasing()
    }

    /// The comparison of two resolved roles, with local wages when an area is given and catalog links when known.
    public func comparison(_ first: RoleRequest, _ second: RoleRequest, area: OEWSAreaRef? = nil, catalog: CatalogLinks? = nil) throws -> Comparison {
        let (a, b, localA, localB) = try database.comparisonFacts(first.resolved, second.resolved, area: area)
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

    /// Casing of titles as the data writes them ("COO", "IT Director", "DevOps"), learned from O*NET short titles.
    public func titleCasing() throws -> TitleCasing {
        try read { db in
            TitleCasing(learningFrom: try String.fetchAll(db, sql: "SELECT short_title FROM title WHERE short_title IS NOT NULL"))
        }
    }

    /// Everything the catalog is built from: occupations, their alternate and reported titles, and close relations.
    public func catalogInputs() throws -> CatalogInputs {
        try read { db in
            let occupations = try Row.fetchAll(db, sql: "SELECT code, title FROM occupation ORDER BY code")
                .map { OccupationRef(code: OccupationCode($0[0])!, title: $0[1]) }
            let candidates = try titleCandidates(db, code: nil)
            let related = try Row.fetchAll(db, sql: "SELECT code, related_code, rank FROM related_occupation WHERE tier = 'Primary-Short'")
                .map { (code: OccupationCode($0[0] as String)!, related: OccupationCode($0[1] as String)!, rank: $0[2] as Int) }
            return CatalogInputs(occupations: occupations, titleCandidates: candidates, related: related)
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

    /// The popular name of one occupation (for a comparison asked for by code), chosen as the catalog chooses it.
    public func popularTitle(_ code: OccupationCode) throws -> String? {
        try read { db in
            let candidates = try titleCandidates(db, code: code)
            guard !candidates.isEmpty else { return nil }
            let lowered = Array(Set(candidates.map { $0.title.lowercased() }))
            let placeholders = Array(repeating: "?", count: lowered.count).joined(separator: ",")
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT lower(title), count(DISTINCT code) FROM title WHERE source IN ('alternate', 'reported') AND lower(title) IN (\(placeholders)) GROUP BY 1
                """, arguments: StatementArguments(lowered)) {
                counts[row[0]] = row[1]
            }
            return PopularTitle.best(candidates, occupationsWithTitle: { counts[$0] ?? 1 })
        }
    }

    private func titleCandidates(_ db: Database, code: OccupationCode?) throws -> [TitleCandidate] {
        let filter = code == nil ? "" : "AND code = ?"
        let rows = try Row.fetchCursor(db, sql: "SELECT code, title, source, detail FROM title WHERE source IN ('alternate', 'reported') \(filter) ORDER BY id",
                                       arguments: code.map { [$0.rawValue] } ?? [])
        var candidates: [TitleCandidate] = []
        while let row = try rows.next() {
            guard let code = OccupationCode(row[0] as String) else { continue }
            let detail: String? = row[3]
            if (row[2] as String) == "alternate" {
                // Alternate titles list their sources as "02,04,10".
                let sources = detail.map { $0.split(separator: ",").count } ?? 0
                candidates.append(TitleCandidate(code: code, title: row[1], alternateSources: sources, reported: false, shownInMyNextMove: false))
            } else {
                candidates.append(TitleCandidate(code: code, title: row[1], alternateSources: 0, reported: true, shownInMyNextMove: detail != nil))
            }
        }
        return candidates
    }

    /// Occupations whose O*NET title, alternate title or short title is exactly `title` (case-insensitive),
    /// with the kind of match, for the temporary title resolver of `versus compare`.
    public func exactTitleMatches(_ title: String) throws -> [(code: OccupationCode, occupationTitle: String, matched: String, source: String, alternateSources: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.code, o.title, t.title, t.source, t.detail, t.short_title
                FROM title t JOIN occupation o ON o.code = t.code
                WHERE t.source IN ('onet', 'alternate', 'reported')
                  AND (lower(t.title) = lower(?1) OR lower(t.short_title) = lower(?1)
                       OR (substr(lower(t.title), 1, length(?1) + 2) = lower(?1) || ' (' AND t.title LIKE '%)'))
                ORDER BY t.code, t.id
                """, arguments: [title])
            .map { row in
                let detail: String? = row[4]
                let source: String = row[3]
                return (OccupationCode(row[0] as String)!, row[1], row[2], source, source == "alternate" ? (detail?.split(separator: ",").count ?? 0) : 0)
            }
        }
    }
}
