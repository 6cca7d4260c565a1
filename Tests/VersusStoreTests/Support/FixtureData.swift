import Foundation
import VersusStore

/// A small but complete data folder in the upstream formats, written by the tests.
///
/// Two O*NET occupations: 11-1021.00 (OEWS publishes its own code) and 31-1121.00
/// (OEWS publishes only the aggregate 31-1120), plus a top-coded metro estimate.
struct FixtureData {
    var files: [String: String] = FixtureData.good

    /// Writes the files (gzipping those named in `gzipped`) and a PROVENANCE.md per folder with their row counts.
    func write(to folder: URL, gzipped: Set<String> = [], provenanceOverrides: [String: Int] = [:]) throws -> DataDirectory {
        var counts: [String: [String: Int]] = [:]
        for (path, content) in files {
            let url = folder.appendingPathComponent(path + (gzipped.contains(path) ? ".gz" : ""))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let bytes = Data(content.utf8)
            if gzipped.contains(path) {
                try gzip(bytes, to: url)
            } else {
                try bytes.write(to: url)
            }
            let lines = content.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
            let folderName = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            counts[folderName, default: [:]][name] = provenanceOverrides[path] ?? (lines - 1)
        }
        for (folderName, files) in counts {
            let rows = files.sorted { $0.key < $1.key }.map { "| `\($0.key)` | \($0.value) | `0` |" }
            let text = "# Provenance (test fixture)\n\n| file | data rows | sha256 |\n|---|---|---|\n" + rows.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent(folderName).appendingPathComponent("PROVENANCE.md"))
        }
        return DataDirectory(url: folder)
    }

    private func gzip(_ data: Data, to url: URL) throws {
        let source = url.deletingPathExtension()
        try data.write(to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", "-f", source.path]
        try process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "gzip failed")
    }

    static func tsv(_ rows: [[String]]) -> String {
        rows.map { $0.joined(separator: "\t") }.joined(separator: "\r\n") + "\r\n"
    }

    static let good: [String: String] = {
        let gm = "11-1021.00", hha = "31-1121.00"
        var f: [String: String] = [:]
        let onet = "onet/30.1/"
        f[onet + "Occupation Data.txt"] = tsv([
            ["O*NET-SOC Code", "Title", "Description"],
            [gm, "General and Operations Managers", "Plan, direct, or coordinate the operations of organizations."],
            [hha, "Home Health Aides", "Monitor the personal health and well-being of persons in their homes."],
        ])
        f[onet + "Job Zones.txt"] = tsv([
            ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"], [gm, "4", "08/2023", "Analyst"], [hha, "2", "08/2023", "Analyst"],
        ])
        f[onet + "Alternate Titles.txt"] = tsv([
            ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
            [gm, "Chief Operating Officer", "COO", "08"], [gm, "Operations Manager", "n/a", "09"], [hha, "Home Care Aide", "n/a", "09"],
        ])
        f[onet + "Sample of Reported Titles.txt"] = tsv([
            ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"], [gm, "Operations Manager", "Y"], [hha, "Caregiver", "N"],
        ])
        f[onet + "Task Statements.txt"] = tsv([
            ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source"],
            [gm, "20461", "Direct and coordinate activities of businesses.", "Core", "87", "08/2023", "Incumbent"],
            [hha, "11111", "Maintain records of patient care.", "n/a", "n/a", "08/2023", "Analyst"],
        ])
        f[onet + "IWA Reference.txt"] = tsv([
            ["Element ID", "IWA ID", "IWA Title"], ["4.A.4.b.4", "4.A.4.b.4.I09", "Direct organizational operations."],
        ])
        f[onet + "DWA Reference.txt"] = tsv([
            ["Element ID", "IWA ID", "DWA ID", "DWA Title"],
            ["4.A.4.b.4", "4.A.4.b.4.I09", "4.A.4.b.4.I09.D01", "Direct organizational operations, projects, or services."],
        ])
        f[onet + "Tasks to DWAs.txt"] = tsv([
            ["O*NET-SOC Code", "Task ID", "DWA ID", "Date", "Domain Source"], [gm, "20461", "4.A.4.b.4.I09.D01", "03/2014", "Analyst"],
        ])
        f[onet + "Content Model Reference.txt"] = tsv([
            ["Element ID", "Element Name", "Description"], ["2.A.1.a", "Reading Comprehension", "Understanding written sentences."],
        ])
        f[onet + "Scales Reference.txt"] = tsv([
            ["Scale ID", "Scale Name", "Minimum", "Maximum"], ["IM", "Importance", "1", "5"], ["LV", "Level", "0", "7"],
        ])
        let ratingHeader = [
            "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
            "Recommend Suppress", "Not Relevant", "Date", "Domain Source",
        ]
        f[onet + "Skills.txt"] = tsv([
            ratingHeader, [gm, "2.A.1.a", "Reading Comprehension", "IM", "4.00", "8", "0.00", "4.00", "4.00", "N", "n/a", "08/2023", "Analyst"],
            [gm, "2.A.1.a", "Reading Comprehension", "LV", "4.12", "8", "0.12", "3.88", "4.37", "N", "N", "08/2023", "Analyst"],
        ])
        f[onet + "Knowledge.txt"] = tsv([
            ratingHeader,
            [gm, "2.C.1.a", "Administration and Management", "IM", "4.45", "27", "0.13", "4.18", "4.72", "N", "n/a", "08/2023", "Incumbent"],
        ])
        f[onet + "Work Styles.txt"] = tsv([
            ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
            [gm, "1.D.1.a", "Leadership", "WI", "4.50", "08/2023", "Analyst"],
        ])
        f[onet + "Education, Training, and Experience.txt"] = tsv([
            [
                "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N", "Standard Error", "Lower CI Bound",
                "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source",
            ],
            [gm, "2.D.1", "Required Level of Education", "RL", "6", "45.50", "28", "9.1", "27.0", "65.0", "N", "08/2023", "Incumbent"],
            [
                gm, "2.D.4.a", "Job-Related Professional Certification", "IM", "n/a", "3.01", "28", "0.2773", "2.4454", "3.5834", "N", "08/2023",
                "Incumbent",
            ],
        ])
        f[onet + "Education, Training, and Experience Categories.txt"] = tsv([
            ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
            ["2.D.1", "Required Level of Education", "RL", "6", "Bachelor's Degree"],
        ])
        f[onet + "Job Zone Reference.txt"] = tsv([
            ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
            ["4", "Considerable Preparation Needed", "A lot", "Bachelor's", "Some", "Managers", "(7.0 to < 8.0)"],
        ])
        f[onet + "Technology Skills.txt"] = tsv([
            ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
            [gm, "Microsoft Excel", "43232110", "Spreadsheet software", "Y", "Y"],
        ])
        f[onet + "Tools Used.txt"] = tsv([
            ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"], [hha, "Blood pressure cuffs", "42181600", "Sphygmomanometers"],
        ])
        f[onet + "Related Occupations.txt"] = tsv([
            ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"], [gm, hha, "Primary-Short", "1"],
        ])
        f[onet + "Interests.txt"] = tsv([
            ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
            [gm, "1.B.1.e", "Enterprising", "OI", "6.33", "11/2023", "Machine Learning"],
        ])
        f[onet + "Work Values.txt"] = tsv([
            ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
            [gm, "1.B.2.a", "Achievement", "EX", "5.67", "11/2023", "Analyst"],
        ])
        let soc = "soc-2018/"
        f[soc + "onet_soc_2019_to_soc_2018_crosswalk.tsv"] = tsv([
            ["O*NET-SOC 2019 Code", "O*NET-SOC 2019 Title", "2018 SOC Code", "2018 SOC Title"],
            [gm, "General and Operations Managers", "11-1021", "General and Operations Managers"],
            [hha, "Home Health Aides", "31-1121", "Home Health Aides"],
        ])
        f[soc + "soc_2018_definitions.tsv"] = tsv([
            ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"],
            ["Detailed", "11-1021", "General and Operations Managers", "Plan, direct, or coordinate."],
            ["Detailed", "31-1121", "Home Health Aides", "Monitor."],
            ["Broad", "31-1120", "Home Health and Personal Care Aides", ""],
        ])
        f[soc + "soc_2018_direct_match_titles.tsv"] = tsv([
            ["2018 SOC Code", "2018 SOC Title", "2018 SOC Direct Match Title", "Illustrative Example"],
            ["11-1021", "General and Operations Managers", "Operations Manager", "x"],
        ])
        f["census-2022/census_2022_occupation_index.tsv"] = tsv([
            ["2022 Occupation Title", "2022 Census Industry Code Restriction", "2018 Census Occupation Code", "2018 SOC Code"],
            ["Operations manager", "", "0020", "11-1021"], ["Aide, home care", "8170", "3601", "31-1120"], ["", "", "9630", "53-7063"],
        ])
        let oews = "oews/may2025/"
        f[oews + "areas.csv"] = "AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE\n0000000,National,national,00\n0010540,\"Albany, OR\",metro,41\n"
        f[oews + "industries.csv"] = "NAICS,NAICS_TITLE,I_GROUP\n000000,\"Cross-Industry, Private, Federal, State, and Local\",0\n"
        f[oews + "occupations.csv"] =
            "OCC_CODE,OCC_TITLE,O_GROUP\n11-1021,General and Operations Managers,detailed\n31-1120,Home Health and Personal Care Aides,detailed\n"
        let estimateHeader =
            "AREA,NAICS,OCC_CODE,TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY\n"
        f[oews + "estimates.csv"] =
            estimateHeader
            + "0000000,000000,11-1021,3503020,0.2,**,**,64.88,134940,0.2,23.56,34.57,50.85,79.60,#,49010,71910,105770,165560,#,,\n"
            + "0000000,000000,31-1120,3988140,0.5,**,**,17.16,35690,0.1,12.86,15.15,16.82,18.69,21.44,26740,31510,34990,38880,44600,,\n"
            + "0010540,000000,11-1021,1140,8.2,27.5,0.95,#,#,*,#,#,#,#,#,#,#,#,#,#,TRUE,\n"
        let ep = "bls-ep/2024-34/"
        let epHeader = ["2024 National Employment Matrix title", "2024 National Employment Matrix code"]
        f[ep + "table_1_2_occupational_projections_and_worker_characteristics.tsv"] = tsv([
            epHeader + [
                "Occupation type", "Employment, 2024", "Employment, 2034", "Employment distribution, percent, 2024",
                "Employment distribution, percent, 2034",
                "Employment change, numeric, 2024–34", "Employment change, percent, 2024–34", "Percent self employed, 2024",
                "Occupational openings, 2024–34 annual average",
                "Median annual wage, dollars, 2024[1]", "Typical education needed for entry", "Work experience in a related occupation",
                "Typical on-the-job training needed to attain competency in the occupation",
                "Related Occupational Outlook Handbook (OOH) content xlsx", "OOH URL (hyperlink target of the OOH content cell)",
            ],
            [
                "General and operations managers", "11-1021", "Line item", "3712.9", "3876.8", "2.2", "2.2", "164", "4.4", "0.9", "308.7", "102950",
                "Bachelor's degree", "5 years or more", "None", "OOH Content", "https://www.bls.gov/ooh/management/top-executives.htm",
            ],
            [
                "Home health and personal care aides", "31-1120", "Line item", "4406.4", "5145.4", "2.6", "2.9", "739", "16.8", "—", "765.8", "34900",
                "High school diploma or equivalent", "None", "Short-term on-the-job training", "OOH Content", "",
            ],
        ])
        f[ep + "table_5_3_educational_attainment.tsv"] = tsv([
            epHeader + ["Less than high school diploma", "Bachelor's degree"], ["General and operations managers", "11-1021", "3.1", "37.9"],
        ])
        f[ep + "table_5_4_education_and_training_assignments.tsv"] = tsv([
            epHeader + [
                "Typical education needed for entry", "Work experience in a related occupation",
                "Typical on-the-job training needed to attain competency in the occupation", "Related Occupational Outlook Handbook (OOH) content",
            ],
            ["General and operations managers", "11-1021", "Bachelor's degree", "5 years or more", "None", "OOH Content"],
        ])
        f[ep + "table_6_2_top_skills_by_occupation.tsv"] = tsv([
            epHeader + ["Top highest skill", "Second highest skill", "Third highest skill"],
            ["General and operations managers", "11-1021", "Leadership", "Project management", "Problem solving and decision making"],
        ])
        f[ep + "table_6_5_skill_percentile_ranks.tsv"] = tsv([
            epHeader + ["Adaptability", "Leadership"], ["General and operations managers", "11-1021", "80", "97"],
        ])
        let ors = "bls-ors/2020/"
        f[ors + "ors_2020_estimates.tsv"] = tsv([
            [
                "SERIES_ID", "SERIES_TITLE", "SOC 2018 CODE", "OCCUPATION", "REQUIREMENT", "ESTIMATE CODE", "ESTIMATE TEXT", "CATEGORY CODE",
                "CATEGORY", "ADDITIVE CODE", "ADDITIVE", "DATATYPE CODE", "DATATYPE", "ESTIMATE", "STANDARD ERROR", "DATA FOOTNOTE",
                "STANDARD ERROR FOOTNOTE", "SERIES FOOTNOTE",
            ],
            [
                "ORUC1000000000001197", "Civilian workers; telework", "111021", "General and operations managers",
                "Cognitive and mental requirements", "01197", "Percent of workers, telework is available", "104", "Telework", "104", "Telework", "01",
                "Percentage", "41.2", "-", "", "6", "P",
            ],
        ])
        f[ors + "ors_2020_footnotes.tsv"] = "code\ttext\nP\tThese are preliminary estimates.\n"
        return f
    }()
}
