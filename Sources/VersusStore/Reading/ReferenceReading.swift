import GRDB
import VersusCore

/// What every request shares, read once by a long-running process: titles, names, areas, families.
extension VersusDatabase {
    /// The OEWS states and metropolitan areas.
    public func areaDirectory() throws -> AreaDirectory {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT area, title, type, state FROM oews_area WHERE type IN ('state', 'metro')")
            return AreaDirectory(
                rows.map { row in
                    let kind: OEWSAreaRef.Kind = (row[2] as String) == "state" ? .state : .metro
                    return AreaDirectory.Record(ref: OEWSAreaRef(code: row[0], title: row[1], kind: kind), stateFIPS: row[3])
                })
        }
    }

    /// National employment by O*NET occupation, where OEWS publishes it.
    public func employment() throws -> [OccupationCode: Double] {
        try read { db in
            var employment: [OccupationCode: Double] = [:]
            for occupation in try Self.searchableOccupations(db) { employment[occupation.code] = occupation.employment }
            return employment
        }
    }

    /// SOC 2018 major groups, by code.
    public func families() throws -> [SOCGroup] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, title FROM soc_definition WHERE level = 'Major' ORDER BY code")
                .compactMap { row in SOCCode(row[0] as String).map { SOCGroup(code: $0, title: row[1]) } }
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
        let occupations = try Row.fetchAll(db, sql: "SELECT code, title FROM occupation ORDER BY code")
            .compactMap { row in OccupationCode(row[0] as String).map { OccupationRef(code: $0, title: row[1]) } }
        // National employment of the OEWS occupation each O*NET occupation is published under.
        let employment = try Row.fetchAll(
            db,
            sql: """
                SELECT o.code, e.tot_emp FROM occupation o JOIN oews_estimate e ON e.occ_code = o.wage_code AND e.area = '0000000' AND e.naics = '000000'
                WHERE typeof(e.tot_emp) IN ('integer', 'real')
                """
        ).reduce(into: [OccupationCode: Int]()) { result, row in
            if let code = OccupationCode(row[0] as String) { result[code] = Int(row[1] as Double) }
        }
        return PopularTitle.all(try titleCandidates(db, codes: nil), occupations: occupations, employment: employment).map {
            ($0.key.rawValue, $0.value)
        }
    }

    /// Derived names as the importer stored them; computed here only for a database without them (or with
    /// another version of the rules), which a current import never produces.
    func derivedPairs(_ kind: DerivedNames.Kind, compute: (Database) throws -> [(String, String)]) throws -> [(String, String)] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT key, value FROM derived_name WHERE kind = ? AND version = ?", arguments: [kind.name, kind.version])
            if !rows.isEmpty { return rows.map { ($0[0], $0[1]) } }
            return try compute(db)
        }
    }

    static func titleCandidates(_ db: Database, codes: [OccupationCode]?) throws -> [TitleCandidate] {
        // Sources ("02,04,10") are counted and flags computed by SQLite, so each row decodes two strings and three integers.
        let filter = codes.map { "AND code IN (\(Array(repeating: "?", count: $0.count).joined(separator: ",")))" } ?? ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
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
            candidates.append(
                TitleCandidate(
                    code: parsed, title: row[1], alternateSources: row[3],
                    reported: !isAlternate, shownInMyNextMove: !isAlternate && (row[4] as Bool)))
        }
        return candidates
    }
}
