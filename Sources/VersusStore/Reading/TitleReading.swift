import Foundation
import GRDB
import VersusCore

extension VersusDatabase {
    /// The title index over every title source: the snapshot the importer stored (a few ms), else, when
    /// it is missing or unreadable (another snapshot version), built from the tables (about half a second).
    public func titleIndex() throws -> TitleIndex {
        if let stored = try? titleIndexFromSnapshot() { return stored }
        return try titleIndexFromTables()
    }

    /// The index as the importer stored it; nil when the database holds none. Throws when the snapshot
    /// cannot be read (`TitleIndexSnapshotError`).
    public func titleIndexFromSnapshot() throws -> TitleIndex? {
        // A connection of its own, with the file memory-mapped, closed after the read: the 10 MB blob is copied once
        // from the mapping, instead of through some 2,500 reads into a page cache that would then keep it.
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 67108864") }
        let queue = try DatabaseQueue(path: pool.path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            // A cursor's row reads the blob where SQLite holds it (a fetched row would copy it first).
            let rows = try Row.fetchCursor(db, sql: "SELECT snapshot FROM title_index_snapshot WHERE id = 1")
            guard let row = try rows.next() else { return nil }
            return try row.withUnsafeData(atIndex: 0) { data in try data.map { try TitleIndex(snapshot: $0) } }
        }
    }

    /// The index built from the title and occupation tables, as the importer builds it.
    public func titleIndexFromTables() throws -> TitleIndex {
        let input = try titleIndexInput()
        return TitleIndex(occupations: input.occupations, titles: input.titles)
    }

    /// What the title index is built from: occupations with their employment, and every title with the
    /// O*NET occupations it names.
    public func titleIndexInput() throws -> (occupations: [SearchableOccupation], titles: [TitleRecord]) {
        try read(Self.titleIndexInput)
    }

    /// `titleIndexInput()` on an open database: the importer builds the index before the database is renamed into place.
    static func titleIndexInput(_ db: Database) throws -> (occupations: [SearchableOccupation], titles: [TitleRecord]) {
        let occupations = try Self.searchableOccupations(db)
        var groups = SOCGroups(occupations)
        var titles: [TitleRecord] = []
        titles.reserveCapacity(110_000)
        var censusCodes: [String: [OccupationCode]] = [:]  // lower-cased Census title → occupations, for "See" entries
        var censusReferences: [(alias: String, target: String)] = []

        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT source, title, short_title, code, soc_code, detail, industry_restriction FROM title ORDER BY id
                """)
        while let row = try cursor.next() {
            let source: String = row[0]
            let text: String = row[1]
            switch source {
            case "onet", "alternate", "reported":
                guard let code = (row[3] as String?).flatMap(OccupationCode.init) else { continue }
                let detail: String? = row[5]
                let kind: TitleSource
                switch source {
                case "onet": kind = .occupation
                case "alternate": kind = .alternate(sources: detail.map { $0.split(separator: ",").count } ?? 1)
                default: kind = .reported(featured: detail == "shown in My Next Move")
                }
                titles.append(TitleRecord(text: text, shortForm: row[2], source: kind, occupations: [code]))
            case "soc_direct_match":
                let members = groups.members(row[4])
                guard !members.isEmpty else { continue }
                titles.append(TitleRecord(text: text, source: .socDirectMatch, occupations: members))
            case "census":
                let members = groups.members(row[4])
                guard !members.isEmpty else {
                    if let reference = Self.censusReference(text) { censusReferences.append(reference) }
                    continue
                }
                let restriction: String? = row[6]
                let kind = Self.censusRestriction(restriction)
                censusCodes[Self.censusReferenceKey(text), default: []].append(contentsOf: members)
                let title = Self.censusTitle(text, restriction: kind == .only ? restriction : nil)
                titles.append(TitleRecord(text: title, source: .census(restriction: kind), occupations: members))
            default:
                continue
            }
        }
        // Census cross-references ('Bus boy See "Bus person"') name what their target names.
        for reference in censusReferences {
            guard let members = censusCodes[Self.censusReferenceKey(reference.target)] else { continue }
            var unique: [OccupationCode] = []
            for member in members where !unique.contains(member) { unique.append(member) }
            titles.append(TitleRecord(text: reference.alias, source: .census(restriction: .none), occupations: unique))
        }
        titles += TechnologyTitles.records(uses: try technologyUses(db), titles: titles, occupations: occupations)
        return (occupations, titles)
    }

    /// The products each occupation uses: hot or in-demand technologies (a product merely listed says
    /// little about the job's title), and tools.
    static func technologyUses(_ db: Database) throws -> [TechnologyUse] {
        var uses: [TechnologyUse] = []
        let technology = try Row.fetchCursor(db, sql: "SELECT code, example, in_demand FROM technology WHERE hot = 1 OR in_demand = 1 ORDER BY rowid")
        while let row = try technology.next() {
            guard let code = OccupationCode(row[0] as String) else { continue }
            uses.append(TechnologyUse(example: row[1], occupation: code, source: .technology(inDemand: row[2] as Bool)))
        }
        let tools = try Row.fetchCursor(db, sql: "SELECT code, example FROM tool ORDER BY rowid")
        while let row = try tools.next() {
            guard let code = OccupationCode(row[0] as String) else { continue }
            uses.append(TechnologyUse(example: row[1], occupation: code, source: .tool))
        }
        return uses
    }

    /// Each O*NET occupation with the national employment of its OEWS code, shared equally among the
    /// O*NET occupations that OEWS counts together (11-3051.00 to .06 share 11-3051's workers).
    static func searchableOccupations(_ db: Database) throws -> [SearchableOccupation] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.code, o.title, o.soc_code, o.wage_code, e.tot_emp
                FROM occupation o
                LEFT JOIN oews_estimate e ON e.area = ? AND e.naics = ? AND e.occ_code = o.wage_code
                ORDER BY o.code
                """, arguments: [OEWSArea.national, OEWSIndustry.allIndustries])
        var sharing: [String: Int] = [:]
        for row in rows { if let wageCode = row[3] as String? { sharing[wageCode, default: 0] += 1 } }
        return rows.compactMap { row in
            guard let code = OccupationCode(row[0]), let soc = SOCCode(row[2]) else { return nil }
            let employment = Self.number(row[4])
            let count = (row[3] as String?).flatMap { sharing[$0] } ?? 1
            return SearchableOccupation(code: code, title: row[1], socCode: soc, employment: employment.map { $0 / Double(count) })
        }
    }

    /// Census restrictions: blank (any industry), an industry in brackets ("Actuary (6992)": where the title is
    /// usually found, not a condition), "Exc. 6680" or "\\ Any not listed" (every industry but some), else a list
    /// of the industries where the title holds.
    static func censusRestriction(_ text: String?) -> TitleSource.IndustryRestriction {
        guard let text, !text.isEmpty, !text.hasPrefix("(") else { return .none }
        return text.hasPrefix("Exc") || text.hasPrefix("\\") ? .except : .only
    }

    /// The title a Census line holds in the index. A line valid only in some industries names them by code, and some
    /// also in words ("Applicator", "Roofing 0770": roofers): the words join the title after a separator, so the line
    /// matches in full only a query that names the industry too ("roofing applicator"), and "lawn care applicator" is
    /// not a plasterer through it.
    static func censusTitle(_ text: String, restriction: String?) -> String {
        guard let restriction else { return text }
        // The industries where the line holds, before any exception they make ("0770 exc. roofing").
        let held = restriction.range(of: "exc", options: .caseInsensitive).map { restriction[..<$0.lowerBound] } ?? restriction[...]
        let words = held.split(whereSeparator: { !$0.isLetter && $0 != "'" }).filter { $0.count > 1 }
        return words.isEmpty ? text : text + " - " + String(words.joined(separator: " ")).lowercased()
    }

    /// What a cross-reference names: the title before any Census qualifier ("Bus person\\ ns" → "bus person").
    static func censusReferenceKey(_ text: String) -> String {
        // Runs for every Census row: bytes, not Foundation.
        var bytes = Array(text.utf8)
        if let backslash = bytes.firstIndex(of: 0x5C) { bytes.removeSubrange(backslash...) }
        while bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// 'Bus boy See "Bus person"' → ("Bus boy", "Bus person").
    static func censusReference(_ text: String) -> (alias: String, target: String)? {
        guard let see = text.range(of: " see \"", options: .caseInsensitive) else { return nil }
        let alias = text[..<see.lowerBound].trimmingCharacters(in: .whitespaces)
        let rest = text[see.upperBound...]
        guard let close = rest.firstIndex(of: "\""), !alias.isEmpty else { return nil }
        return (alias, String(rest[..<close]))
    }
}

/// Which O*NET occupations a SOC code of any level names. A detailed code names its main O*NET
/// occupation (the `.00` one, the occupation as SOC defines it); a broad group, a Census aggregate
/// (`51-91XX`) or a code O*NET does not use names the main occupation of every detailed code under it.
struct SOCGroups {
    private let mainBySOC: [String: OccupationCode]
    private let socCodes: [String]
    /// Census rows repeat a few hundred group codes tens of thousands of times.
    private var cache: [String: [OccupationCode]] = [:]

    init(_ occupations: [SearchableOccupation]) {
        var main: [String: OccupationCode] = [:]
        for occupation in occupations {
            let soc = occupation.socCode.rawValue
            if let existing = main[soc], existing.rawValue.hasSuffix(".00") { continue }
            if main[soc] == nil || occupation.code.rawValue.hasSuffix(".00") { main[soc] = occupation.code }
        }
        mainBySOC = main
        socCodes = main.keys.sorted()
    }

    mutating func members(_ code: String?) -> [OccupationCode] {
        guard let code, code.utf8.count == 7 else { return [] }
        if let main = mainBySOC[code] { return [main] }
        if let known = cache[code] { return known }
        let found = groupMembers(code)
        cache[code] = found
        return found
    }

    private func groupMembers(_ code: String) -> [OccupationCode] {
        var prefix = Substring(code)
        if let x = code.firstIndex(of: "X") {
            prefix = code[..<x]
        } else {
            prefix = code.prefix(6)  // broad group, or a detailed code O*NET does not use: its broad group
            if code.hasSuffix("000") { prefix = code.prefix(4) } else if code.hasSuffix("00") { prefix = code.prefix(5) }
        }
        return socCodes.filter { $0.hasPrefix(prefix) }.compactMap { mainBySOC[$0] }
    }
}

extension VersusDatabase {
    /// A numeric column that may hold a BLS marker (`*`, `#`) instead of a number: the number, else nil.
    /// (Not inlined: Swift 6.3's ownership verifier crashes on this switch inlined into a row closure.)
    @inline(never)
    static func number(_ value: DatabaseValue) -> Double? {
        let storage = value.storage
        switch storage {
        case .int64(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}
