import Foundation
import GRDB
import VersusCore

/// Loads every upstream table into an open database, checking headers, values and row counts.
struct Loader {
    let db: Database
    let data: DataDirectory
    let progress: DatabaseBuilder.Progress?
    private(set) var rowCounts: [(file: String, rows: Int)] = []
    private var recordedCounts: [String: [String: Int]] = [:]
    private var prefetcher: FilePrefetcher?

    init(db: Database, data: DataDirectory, progress: DatabaseBuilder.Progress?) {
        self.db = db
        self.data = data
        self.progress = progress
    }

    static let onet = "onet/30.1"
    static let soc = "soc-2018"
    static let census = "census-2022"
    static let oews = "oews/may2025"
    static let projections = "bls-ep/2024-34"
    static let ors = "bls-ors/2020"

    mutating func loadAll() throws {
        prefetcher = FilePrefetcher(data: data)
        defer { prefetcher?.cancel() }
        try step("O*NET 30.1") { try $0.loadONet() }
        try step("SOC 2018") { try $0.loadSOC() }
        try step("Census 2022 occupation index") { try $0.loadCensus() }
        try step("OEWS May 2025") { try $0.loadOEWS() }
        try step("Linking occupations to OEWS wages") { try $0.linkWages() }
        // The title index needs only the titles, the occupations and their national wages, all loaded by now:
        // it is built on the second core while the rest loads.
        let indexStarted = Date()
        let titleIndex = try buildTitleIndex()
        defer { _ = titleIndex.value() }  // an import that fails still waits for it, leaving no work behind
        try step("Employment Projections 2024-34") { try $0.loadProjections() }
        try step("ORS 2020 (preliminary)") { try $0.loadORS() }
        try step("Checking") { try $0.check() }
        try step("Indexes") { try $0.db.execute(sql: Schema.indexes) }
        try step("Title casing and popular names") { try DerivedNames.store($0.db) }
        let bytes = try storeTitleIndex(titleIndex.value())
        progress?(
            "Title search index: \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB snapshot in \(Self.seconds(since: indexStarted)) s (beside the loading)"
        )
    }

    private mutating func step(_ name: String, _ body: (inout Loader) throws -> Void) throws {
        let started = Date()
        let before = rowCounts.reduce(0) { $0 + $1.rows }
        try body(&self)
        let rows = rowCounts.reduce(0) { $0 + $1.rows } - before
        let seconds = Self.seconds(since: started)
        progress?(rows > 0 ? "\(name): \(rows.formatted()) rows in \(seconds) s" : "\(name): done in \(seconds) s")
    }

    private static func seconds(since start: Date) -> String { String(format: "%.1f", Date().timeIntervalSince(start)) }

    /// Reads one file, runs `body` for each row with a statement prepared from `sql`, then checks the row count.
    private mutating func load(
        _ folder: String, _ name: String, format: DelimitedReader.Format = .tsv, columns: [String],
        sql: String, _ body: (UpstreamTable, RowInsert) throws -> Void
    ) throws {
        let (url, displayName) = try data.file(folder, name)
        let bytes = try prefetcher.map { try $0.read(url, displayName: displayName) } ?? FileBytes.read(url, displayName: displayName)
        var table = try UpstreamTable(bytes: bytes, name: displayName, format: format, required: columns)
        let statement = try RowInsert(db, sql: sql)
        while try table.next() {
            do {
                try body(table, statement)
            } catch let error as InsertError where !DatabaseBuilder.isDiskFull(error) {
                throw table.error("cannot be stored (\(error.message))")
            } catch let error as DatabaseError where !DatabaseBuilder.isDiskFull(error) {
                throw table.error("cannot be stored (\(error.message ?? error.description))")
            }
        }
        if recordedCounts[folder] == nil { recordedCounts[folder] = try data.recordedRowCounts(folder) }
        if let expected = recordedCounts[folder]?[name], expected != table.rowCount {
            throw ImportError(
                file: displayName,
                message:
                    "has \(table.rowCount) data rows, \(folder)/PROVENANCE.md records \(expected): the file is incomplete or does not match its provenance"
            )
        }
        rowCounts.append((displayName, table.rowCount))
    }

    // MARK: O*NET

    private mutating func loadONet() throws {
        let o = Self.onet
        // The crosswalk and job zones are folded into the occupation row, so read them first.
        var socByCode: [String: String] = [:]
        try load(Self.soc, "onet_soc_2019_to_soc_2018_crosswalk.tsv", columns: ["O*NET-SOC 2019 Code", "2018 SOC Code"], sql: "SELECT 1") { row, _ in
            socByCode[try row.occupationCode("O*NET-SOC 2019 Code")] = try row.socCode("2018 SOC Code")
        }
        var jobZoneByCode: [String: Int] = [:]
        try load(o, "Job Zones.txt", columns: ["O*NET-SOC Code", "Job Zone"], sql: "SELECT 1") { row, _ in
            let zone = try row.int("Job Zone")
            guard (1...5).contains(zone) else { throw row.error("\"Job Zone\" must be 1 to 5: \(zone)") }
            jobZoneByCode[try row.occupationCode("O*NET-SOC Code")] = zone
        }
        try load(
            o, "Occupation Data.txt", columns: ["O*NET-SOC Code", "Title", "Description"],
            sql: "INSERT INTO occupation(code, title, description, soc_code, job_zone) VALUES (?, ?, ?, ?, ?)"
        ) { row, insert in
            let code = try row.occupationCode("O*NET-SOC Code")
            try insert.execute(arguments: [
                code, try row.text("Title"), try row.text("Description"), socByCode[code] ?? String(code.prefix(7)), jobZoneByCode[code],
            ])
        }
        try db.execute(sql: "INSERT INTO title(source, title, code) SELECT 'onet', title, code FROM occupation")
        let occupations = Set(try String.fetchAll(db, sql: "SELECT code FROM occupation"))
        func known(_ row: UpstreamTable, _ column: String = "O*NET-SOC Code") throws -> String {
            let code = try row.occupationCode(column)
            guard occupations.contains(code) else { throw row.error("\"\(column)\" \(code) is not an occupation in Occupation Data.txt") }
            return code
        }

        try load(
            o, "Alternate Titles.txt", columns: ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
            sql: "INSERT INTO title(source, title, short_title, code, detail) VALUES ('alternate', ?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.text("Alternate Title"), row.optionalText("Short Title", blanks: ["n/a"]), try known(row), row.optionalText("Source(s)"),
            ])
        }
        try load(
            o, "Sample of Reported Titles.txt", columns: ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
            sql: "INSERT INTO title(source, title, code, detail) VALUES ('reported', ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.text("Reported Job Title"), try known(row), try row.flag("Shown in My Next Move") ? "shown in My Next Move" : nil,
            ])
        }
        try load(
            o, "Task Statements.txt", columns: ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding"],
            sql: "INSERT INTO task(code, task_id, statement, type, incumbents_responding) VALUES (?, ?, ?, ?, ?)"
        ) { row, insert in
            let type = row.optionalText("Task Type", blanks: ["n/a"])
            if let type, type != "Core", type != "Supplemental" { throw row.error("\"Task Type\" should be Core, Supplemental or n/a: \"\(type)\"") }
            try insert.execute(arguments: [
                try known(row), try row.int("Task ID"), try row.text("Task"), type, try row.optionalDouble("Incumbents Responding"),
            ])
        }
        try load(
            o, "IWA Reference.txt", columns: ["Element ID", "IWA ID", "IWA Title"], sql: "INSERT INTO iwa(iwa_id, element_id, title) VALUES (?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [try row.text("IWA ID"), try row.text("Element ID"), try row.text("IWA Title")])
        }
        try load(
            o, "DWA Reference.txt", columns: ["Element ID", "IWA ID", "DWA ID", "DWA Title"],
            sql: "INSERT INTO dwa(dwa_id, iwa_id, element_id, title) VALUES (?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [try row.text("DWA ID"), try row.text("IWA ID"), try row.text("Element ID"), try row.text("DWA Title")])
        }
        try load(
            o, "Tasks to DWAs.txt", columns: ["O*NET-SOC Code", "Task ID", "DWA ID"],
            sql: "INSERT INTO task_dwa(code, task_id, dwa_id) VALUES (?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [try known(row), try row.int("Task ID"), try row.text("DWA ID")])
        }
        try load(
            o, "Content Model Reference.txt", columns: ["Element ID", "Element Name", "Description"],
            sql: "INSERT INTO element(element_id, name, description) VALUES (?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [try row.text("Element ID"), try row.text("Element Name"), row.optionalText("Description")])
        }
        try load(
            o, "Scales Reference.txt", columns: ["Scale ID", "Scale Name", "Minimum", "Maximum"],
            sql: "INSERT INTO scale(scale_id, name, minimum, maximum) VALUES (?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.text("Scale ID"), try row.text("Scale Name"), try row.double("Minimum"), try row.double("Maximum"),
            ])
        }
        let ratingColumns = [
            "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
            "Recommend Suppress", "Not Relevant", "Date", "Domain Source",
        ]
        let ratingSQL =
            "INSERT INTO rating(domain, code, element_id, element_name, scale_id, value, n, standard_error, lower_ci, upper_ci, recommend_suppress, not_relevant, date, domain_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        for (domain, file) in [("skill", "Skills.txt"), ("knowledge", "Knowledge.txt")] {
            try load(o, file, columns: ratingColumns, sql: ratingSQL) { row, insert in
                try insert.execute(arguments: [
                    domain, try known(row), try row.text("Element ID"), try row.text("Element Name"), try row.text("Scale ID"),
                    try row.double("Data Value"),
                    try row.optionalDouble("N"), try row.optionalDouble("Standard Error"), try row.optionalDouble("Lower CI Bound"),
                    try row.optionalDouble("Upper CI Bound"),
                    try row.flag("Recommend Suppress"), try row.flag("Not Relevant"), row.optionalText("Date"), row.optionalText("Domain Source"),
                ])
            }
        }
        try load(
            o, "Work Styles.txt", columns: ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
            sql:
                "INSERT INTO rating(domain, code, element_id, element_name, scale_id, value, date, domain_source) VALUES ('work_style', ?, ?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try known(row), try row.text("Element ID"), try row.text("Element Name"), try row.text("Scale ID"), try row.double("Data Value"),
                row.optionalText("Date"), row.optionalText("Domain Source"),
            ])
        }
        try load(
            o, "Education, Training, and Experience.txt",
            columns: [
                "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N", "Standard Error", "Lower CI Bound",
                "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source",
            ],
            sql:
                "INSERT INTO education_training(code, element_id, element_name, scale_id, category, value, n, standard_error, lower_ci, upper_ci, recommend_suppress, date, domain_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try known(row), try row.text("Element ID"), try row.text("Element Name"), try row.text("Scale ID"),
                try row.optionalDouble("Category").map { Int($0) }, try row.double("Data Value"),
                try row.optionalDouble("N"), try row.optionalDouble("Standard Error"), try row.optionalDouble("Lower CI Bound"),
                try row.optionalDouble("Upper CI Bound"),
                try row.flag("Recommend Suppress"), row.optionalText("Date"), row.optionalText("Domain Source"),
            ])
        }
        try load(
            o, "Education, Training, and Experience Categories.txt",
            columns: ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
            sql: "INSERT INTO education_category(element_id, element_name, scale_id, category, description) VALUES (?, ?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.text("Element ID"), try row.text("Element Name"), try row.text("Scale ID"), try row.int("Category"),
                try row.text("Category Description"),
            ])
        }
        try load(
            o, "Job Zone Reference.txt", columns: ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
            sql: "INSERT INTO job_zone_reference(job_zone, name, experience, education, training, examples, svp_range) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.int("Job Zone"), row.optionalText("Name"), row.optionalText("Experience"), row.optionalText("Education"),
                row.optionalText("Job Training"), row.optionalText("Examples"), row.optionalText("SVP Range"),
            ])
        }
        try load(
            o, "Technology Skills.txt", columns: ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
            sql: "INSERT INTO technology(code, example, commodity_code, commodity_title, hot, in_demand) VALUES (?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try known(row), try row.text("Example"), row.optionalText("Commodity Code"), row.optionalText("Commodity Title"),
                try row.flag("Hot Technology"), try row.flag("In Demand"),
            ])
        }
        try load(
            o, "Tools Used.txt", columns: ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"],
            sql: "INSERT INTO tool(code, example, commodity_code, commodity_title) VALUES (?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try known(row), try row.text("Example"), row.optionalText("Commodity Code"), row.optionalText("Commodity Title"),
            ])
        }
        try load(
            o, "Related Occupations.txt", columns: ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
            sql: "INSERT INTO related_occupation(code, related_code, tier, rank) VALUES (?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try known(row), try known(row, "Related O*NET-SOC Code"), try row.text("Relatedness Tier"), try row.int("Index"),
            ])
        }
        // How telling each technology and tool is for its occupation (see the schema): counted once here, not per comparison.
        // Their index is built here, before the other indexes, because the count reads through it.
        for table in ["technology", "tool"] {
            try db.execute(
                sql: """
                    CREATE INDEX \(table)_code ON \(table)(code, example);
                    CREATE TEMP TABLE example_count AS SELECT example, count(DISTINCT code) AS n FROM \(table) GROUP BY example;
                    CREATE UNIQUE INDEX temp.example_count_key ON example_count(example);
                    UPDATE \(table) SET occupations = (SELECT n FROM example_count WHERE example_count.example = \(table).example),
                        related = (SELECT count(DISTINCT r.related_code) FROM related_occupation r JOIN \(table) other
                                   ON other.code = r.related_code AND other.example = \(table).example WHERE r.code = \(table).code);
                    DROP TABLE example_count;
                    """)
        }
        for (table, file) in [("interest", "Interests.txt"), ("work_value", "Work Values.txt")] {
            try load(
                o, file, columns: ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"],
                sql: "INSERT INTO \(table)(code, element_id, element_name, scale_id, value) VALUES (?, ?, ?, ?, ?)"
            ) { row, insert in
                try insert.execute(arguments: [
                    try known(row), try row.text("Element ID"), try row.text("Element Name"), try row.text("Scale ID"), try row.double("Data Value"),
                ])
            }
        }
    }

    // MARK: SOC and Census

    private mutating func loadSOC() throws {
        try load(
            Self.soc, "soc_2018_definitions.tsv", columns: ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"],
            sql: "INSERT INTO soc_definition(code, level, title, definition) VALUES (?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.socCode("SOC Code"), try row.text("SOC Group"), try row.text("SOC Title"), row.optionalText("SOC Definition"),
            ])
        }
        try load(
            Self.soc, "soc_2018_direct_match_titles.tsv", columns: ["2018 SOC Code", "2018 SOC Direct Match Title", "Illustrative Example"],
            sql: "INSERT INTO title(source, title, soc_code, detail) VALUES ('soc_direct_match', ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.text("2018 SOC Direct Match Title"), try row.socCode("2018 SOC Code"),
                row.optionalText("Illustrative Example") == nil ? nil : "illustrative example",
            ])
        }
    }

    private mutating func loadCensus() throws {
        try load(
            Self.census, "census_2022_occupation_index.tsv",
            columns: ["2022 Occupation Title", "2022 Census Industry Code Restriction", "2018 Census Occupation Code", "2018 SOC Code"],
            sql: "INSERT INTO title(source, title, soc_code, industry_restriction, census_code) VALUES ('census', ?, ?, ?, ?)"
        ) { row, insert in
            // The published index has one row with no title (a code only): nothing to search, so it is counted but not stored.
            guard let title = row.optionalText("2022 Occupation Title") else { return }
            let soc = row.optionalText("2018 SOC Code")
            try insert.execute(arguments: [
                title, try soc.map { _ in try row.socCode("2018 SOC Code") }, row.optionalText("2022 Census Industry Code Restriction"),
                row.optionalText("2018 Census Occupation Code"),
            ])
        }
    }

    // MARK: OEWS

    private mutating func loadOEWS() throws {
        let o = Self.oews
        try load(
            o, "areas.csv", format: .csv, columns: ["AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE"],
            sql: "INSERT INTO oews_area(area, title, type, state) VALUES (?, ?, ?, ?)"
        ) { row, insert in
            let type = try row.text("AREA_TYPE")
            guard ["national", "state", "metro", "nonmetro"].contains(type) else { throw row.error("unknown \"AREA_TYPE\": \"\(type)\"") }
            try insert.execute(arguments: [try row.text("AREA"), try row.text("AREA_TITLE"), type, row.optionalText("PRIM_STATE")])
        }
        try load(
            o, "industries.csv", format: .csv, columns: ["NAICS", "NAICS_TITLE", "I_GROUP"],
            sql: "INSERT INTO oews_industry(naics, title, grp) VALUES (?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [try row.text("NAICS"), try row.text("NAICS_TITLE"), row.optionalText("I_GROUP")])
        }
        try load(
            o, "occupations.csv", format: .csv, columns: ["OCC_CODE", "OCC_TITLE", "O_GROUP"],
            sql: "INSERT INTO oews_occupation(occ_code, title, grp) VALUES (?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [try row.socCode("OCC_CODE"), try row.text("OCC_TITLE"), try row.text("O_GROUP")])
        }
        let areas = Set(try String.fetchAll(db, sql: "SELECT area FROM oews_area"))
        let industries = Set(try String.fetchAll(db, sql: "SELECT naics FROM oews_industry"))
        let occupations = Set(try String.fetchAll(db, sql: "SELECT occ_code FROM oews_occupation"))
        let numeric = [
            "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "H_MEAN", "A_MEAN", "MEAN_PRSE",
            "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90",
        ]
        let markers: Set<String> = ["#", "*", "**"]
        var numericIndexes: [Int]? = nil
        try load(
            o, "estimates.csv", format: .csv, columns: ["AREA", "NAICS", "OCC_CODE"] + numeric + ["ANNUAL", "HOURLY"],
            sql: "INSERT INTO oews_estimate VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            if numericIndexes == nil { numericIndexes = try numeric.map { try row.index(of: $0) } }
            let area = row["AREA"], naics = row["NAICS"], occ = row["OCC_CODE"]
            guard areas.contains(area) else { throw row.error("\"AREA\" \(area) is not in areas.csv") }
            guard industries.contains(naics) else { throw row.error("\"NAICS\" \(naics) is not in industries.csv") }
            guard occupations.contains(occ) else { throw row.error("\"OCC_CODE\" \(occ) is not in occupations.csv") }
            var values: InsertArguments = [area, naics, occ]
            for index in numericIndexes! { values.append(try row.numberOrMarker(at: index, markers: markers)) }
            values.append(try row.flag("ANNUAL", yes: "TRUE", no: "FALSE"))
            values.append(try row.flag("HOURLY", yes: "TRUE", no: "FALSE"))
            try insert.execute(arguments: values)
        }
    }

    // MARK: Employment Projections

    private mutating func loadProjections() throws {
        let p = Self.projections
        let notPublished: Set<String> = ["—", "-", "–", ""]
        try load(
            p, "table_1_2_occupational_projections_and_worker_characteristics.tsv",
            columns: [
                "2024 National Employment Matrix title", "2024 National Employment Matrix code", "Occupation type", "Employment, 2024",
                "Employment, 2034",
                "Employment distribution, percent, 2024", "Employment distribution, percent, 2034", "Employment change, numeric, 2024–34",
                "Employment change, percent, 2024–34",
                "Percent self employed, 2024", "Occupational openings, 2024–34 annual average", "Median annual wage, dollars, 2024[1]",
                "Typical education needed for entry",
                "Work experience in a related occupation", "Typical on-the-job training needed to attain competency in the occupation",
                "OOH URL (hyperlink target of the OOH content cell)",
            ],
            sql: "INSERT INTO ep_occupation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            func number(_ column: String) throws -> Double? { try row.optionalDouble(column, blanks: notPublished) }
            let wage = row["Median annual wage, dollars, 2024[1]"].trimmingCharacters(in: .whitespaces)
            let wageValue: DatabaseValue
            if notPublished.contains(wage) {
                wageValue = .null
            } else if let number = Double(wage) {
                wageValue = number.databaseValue
            } else if wage.hasPrefix(">=") {
                wageValue = wage.databaseValue
            } else {
                throw row.error("\"Median annual wage, dollars, 2024[1]\" is not a number: \"\(wage)\"")
            }
            try insert.execute(arguments: [
                try row.socCode("2024 National Employment Matrix code"), try row.text("2024 National Employment Matrix title"),
                try row.text("Occupation type"),
                try number("Employment, 2024"), try number("Employment, 2034"), try number("Employment distribution, percent, 2024"),
                try number("Employment distribution, percent, 2034"),
                try number("Employment change, numeric, 2024–34"), try number("Employment change, percent, 2024–34"),
                try number("Percent self employed, 2024"),
                try number("Occupational openings, 2024–34 annual average"), wageValue,
                row.optionalText("Typical education needed for entry", blanks: notPublished),
                row.optionalText("Work experience in a related occupation", blanks: notPublished),
                row.optionalText("Typical on-the-job training needed to attain competency in the occupation", blanks: notPublished),
                row.optionalText("OOH URL (hyperlink target of the OOH content cell)", blanks: notPublished),
            ])
        }
        let idColumns = ["2024 National Employment Matrix title", "2024 National Employment Matrix code"]
        try load(
            p, "table_5_3_educational_attainment.tsv", columns: idColumns,
            sql: "INSERT INTO ep_education_attainment(code, ordinal, level, percent, broader_group) VALUES (?, ?, ?, ?, ?)"
        ) { row, insert in
            let code = try row.socCode("2024 National Employment Matrix code")
            // The table's only footnote mark, "[1]" after a title, flags figures published for a broader group (e.g. all truck drivers).
            let broader = try row.text("2024 National Employment Matrix title").hasSuffix("[1]")
            for index in 2..<row.header.count {
                try insert.execute(arguments: [
                    code, index - 1, row.header[index], try row.optionalDouble(row.header[index], blanks: notPublished), broader,
                ])
            }
        }
        try load(
            p, "table_5_4_education_and_training_assignments.tsv",
            columns: idColumns + [
                "Typical education needed for entry", "Work experience in a related occupation",
                "Typical on-the-job training needed to attain competency in the occupation",
            ],
            sql: "INSERT INTO ep_education_assignment VALUES (?, ?, ?, ?)"
        ) { row, insert in
            try insert.execute(arguments: [
                try row.socCode("2024 National Employment Matrix code"), row.optionalText("Typical education needed for entry", blanks: notPublished),
                row.optionalText("Work experience in a related occupation", blanks: notPublished),
                row.optionalText("Typical on-the-job training needed to attain competency in the occupation", blanks: notPublished),
            ])
        }
        try load(
            p, "table_6_2_top_skills_by_occupation.tsv", columns: idColumns + ["Top highest skill", "Second highest skill", "Third highest skill"],
            sql: "INSERT INTO ep_top_skill(code, rank, skill) VALUES (?, ?, ?)"
        ) { row, insert in
            let code = try row.socCode("2024 National Employment Matrix code")
            for (rank, column) in ["Top highest skill", "Second highest skill", "Third highest skill"].enumerated() {
                if let skill = row.optionalText(column, blanks: notPublished) { try insert.execute(arguments: [code, rank + 1, skill]) }
            }
        }
        try load(
            p, "table_6_5_skill_percentile_ranks.tsv", columns: idColumns, sql: "INSERT INTO ep_skill_rank(code, skill, percentile) VALUES (?, ?, ?)"
        ) { row, insert in
            let code = try row.socCode("2024 National Employment Matrix code")
            for index in 2..<row.header.count {
                try insert.execute(arguments: [code, row.header[index], try row.optionalDouble(row.header[index], blanks: notPublished)])
            }
        }
    }

    // MARK: ORS

    private mutating func loadORS() throws {
        let r = Self.ors
        let columns = [
            "SERIES_ID", "SOC 2018 CODE", "OCCUPATION", "REQUIREMENT", "ESTIMATE CODE", "ESTIMATE TEXT", "CATEGORY CODE", "CATEGORY", "ADDITIVE CODE",
            "ADDITIVE",
            "DATATYPE CODE", "DATATYPE", "ESTIMATE", "STANDARD ERROR", "DATA FOOTNOTE", "STANDARD ERROR FOOTNOTE", "SERIES FOOTNOTE",
        ]
        try load(
            r, "ors_2020_estimates.tsv", columns: columns, sql: "INSERT INTO ors_estimate VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ) { row, insert in
            let soc = try row.text("SOC 2018 CODE")
            guard soc.count == 6, soc.allSatisfy(\.isNumber) else { throw row.error("\"SOC 2018 CODE\" should be six digits: \"\(soc)\"") }
            try insert.execute(arguments: [
                try row.text("SERIES_ID"), String(soc.prefix(2)) + "-" + String(soc.dropFirst(2)), try row.text("OCCUPATION"),
                try row.text("REQUIREMENT"),
                try row.text("ESTIMATE CODE"), try row.text("ESTIMATE TEXT"), row.optionalText("CATEGORY CODE"), row.optionalText("CATEGORY"),
                row.optionalText("ADDITIVE CODE"), row.optionalText("ADDITIVE"), row.optionalText("DATATYPE CODE"), row.optionalText("DATATYPE"),
                try row.numberOrMarker("ESTIMATE", markers: ["-"]), try row.numberOrMarker("STANDARD ERROR", markers: ["-"]),
                row.optionalText("DATA FOOTNOTE"), row.optionalText("STANDARD ERROR FOOTNOTE"), row.optionalText("SERIES FOOTNOTE"),
            ])
        }
        try load(r, "ors_2020_footnotes.tsv", columns: ["code", "text"], sql: "INSERT INTO ors_footnote(code, text) VALUES (?, ?)") { row, insert in
            try insert.execute(arguments: [try row.text("code"), try row.text("text")])
        }
    }

    // MARK: Derived links and checks

    /// Links each occupation to the OEWS code whose wages describe it: its own SOC code when OEWS
    /// publishes it nationally; else a non-SOC OEWS code in the same broad group (OEWS's aggregates,
    /// e.g. 31-1120 for 31-1121, 21-1018 for 21-1011); else the broad group itself.
    private mutating func linkWages() throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE national AS SELECT occ_code FROM oews_estimate WHERE area = '0000000' AND naics = '000000';
                UPDATE occupation SET wage_code = soc_code, wage_basis = 'own' WHERE soc_code IN (SELECT occ_code FROM national);
                UPDATE occupation SET wage_basis = 'aggregate', wage_code = (
                    SELECT o.occ_code FROM oews_occupation o
                    WHERE o.occ_code IN (SELECT occ_code FROM national)
                      AND substr(o.occ_code, 1, 6) = substr(occupation.soc_code, 1, 6)
                      AND o.occ_code <> occupation.soc_code
                      AND o.occ_code NOT IN (SELECT code FROM soc_definition WHERE level = 'Detailed')
                      AND o.grp IN ('detailed', 'broad')
                    ORDER BY o.grp = 'broad', o.occ_code LIMIT 1)
                WHERE wage_code IS NULL;
                UPDATE occupation SET wage_basis = NULL WHERE wage_code IS NULL;
                DROP TABLE national;
                """)
    }

    /// Starts building the title index from the loaded tables, on a thread of its own: its input is read here,
    /// the index and its snapshot are built there.
    private func buildTitleIndex() throws -> BackgroundWork<[UInt8]> {
        let input = try VersusDatabase.titleIndexInput(db)
        return BackgroundWork("versus import: title index") { TitleIndex(occupations: input.occupations, titles: input.titles).snapshot() }
    }

    /// Stores the title index snapshot, so that a command that searches loads the index instead of building
    /// it. Returns the snapshot's size in bytes.
    private func storeTitleIndex(_ snapshot: [UInt8]) throws -> Int {
        try db.execute(sql: "INSERT INTO title_index_snapshot(id, snapshot) VALUES (1, ?)", arguments: [Data(snapshot)])
        return snapshot.count
    }

    private func check() throws {
        let occupations = try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation") ?? 0
        guard occupations > 0 else { throw ImportError(file: "\(Self.onet)/Occupation Data.txt", message: "holds no occupations") }
        let national = try Int.fetchOne(db, sql: "SELECT count(*) FROM oews_estimate WHERE area = '0000000' AND naics = '000000'") ?? 0
        guard national > 0 else { throw ImportError(file: "\(Self.oews)/estimates.csv", message: "holds no national cross-industry estimates") }
        if let orphan = try String.fetchOne(db, sql: "SELECT code FROM occupation WHERE soc_code NOT IN (SELECT code FROM soc_definition) LIMIT 1") {
            throw ImportError(
                file: "\(Self.soc)/onet_soc_2019_to_soc_2018_crosswalk.tsv",
                message: "maps \(orphan) to a SOC code missing from soc_2018_definitions.tsv")
        }
    }
}

/// Work done on a thread of its own; `value()` waits for it.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {  // `result` is written before `done` is signalled, read after
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ name: String, _ body: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = body()
            done.signal()
        }
        thread.name = name
        thread.start()
    }

    func value() -> Value {
        done.wait()
        defer { done.signal() }  // for the next caller
        return result!
    }
}
