import Foundation
import Testing
@testable import VersusStore
import VersusCore

/// The importer on small fixture files: good rows load, every kind of bad file stops the
/// import with the file, line and reason named, and an existing database is left untouched.
@Suite struct ImporterTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-importer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func build(_ fixture: FixtureData, gzipped: Set<String> = [], provenance: [String: Int] = [:], into database: URL? = nil) throws -> URL {
        let data = try fixture.write(
            to: folder.appendingPathComponent("data-\(UUID().uuidString)"), gzipped: gzipped, provenanceOverrides: provenance)
        let target = database ?? folder.appendingPathComponent("versus.sqlite")
        try DatabaseBuilder(data: data).build(at: target)
        return target
    }

    /// Builds a good database, then tries `broken` into the same path; returns the error and checks the old file survived byte for byte.
    func expectFailureKeepsDatabase(_ broken: FixtureData, gzipped: Set<String> = [], provenance: [String: Int] = [:]) throws -> ImportError {
        let database = try build(FixtureData())
        let before = try Data(contentsOf: database)
        let error = #expect(throws: ImportError.self) {
            _ = try build(broken, gzipped: gzipped, provenance: provenance, into: database)
        }
        #expect(try Data(contentsOf: database) == before, "a failed import must leave the previous database unchanged")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "the temporary build file must be removed: \(leftovers)")
        return try #require(error)
    }

    @Test func goodFilesLoadWithMarkersAndWageLinks() throws {
        let database = try VersusDatabase(path: build(FixtureData(), gzipped: ["oews/may2025/estimates.csv", "onet/30.1/Alternate Titles.txt"]).path)
        let summary = try database.summary(OccupationCode("11-1021.00")!)
        #expect(summary.occupation.title == "General and Operations Managers")
        #expect(summary.occupation.jobZone == 4)
        #expect(summary.wageSource == WageSource(code: SOCCode("11-1021")!, title: "General and Operations Managers", basis: .own))
        #expect(summary.nationalWages?.employment == .value(3_503_020))
        #expect(summary.nationalWages?.annualMedian == .value(105_770))
        #expect(summary.nationalWages?.annualP90 == .atLeast(239_200))
        #expect(summary.nationalWages?.hourlyP90 == .atLeast(115))
        #expect(summary.nationalWages?.jobsPerThousand == nil, "** is not published, not zero")
        #expect(summary.typicalEntryEducation == "Bachelor's degree")

        let aide = try database.summary(OccupationCode("31-1121.00")!)
        #expect(aide.wageSource?.code == SOCCode("31-1120"))
        #expect(aide.wageSource?.basis == .aggregate)
        #expect(aide.nationalWages?.annualMedian == .value(34_990))
    }

    @Test func badHeaderNamesFileAndColumn() throws {
        var broken = FixtureData()
        broken.files["onet/30.1/Occupation Data.txt"] = broken.files["onet/30.1/Occupation Data.txt"]!.replacingOccurrences(
            of: "\tTitle\t", with: "\tName\t")
        let error = try expectFailureKeepsDatabase(broken)
        #expect(error.file == "onet/30.1/Occupation Data.txt")
        #expect(error.line == 1)
        #expect(error.message.contains("missing column \"Title\""))
    }

    @Test func shortRowNamesLine() throws {
        var broken = FixtureData()
        broken.files["onet/30.1/Task Statements.txt"]! += "11-1021.00\t99999\tA task with too few fields\r\n"
        let error = try expectFailureKeepsDatabase(broken)
        #expect(error.file == "onet/30.1/Task Statements.txt")
        #expect(error.line == 4)
        #expect(error.message.contains("has 3 fields, the header has 7"))
    }

    @Test func nonNumericValueNamesColumnAndValue() throws {
        var broken = FixtureData()
        broken.files["oews/may2025/estimates.csv"] = broken.files["oews/may2025/estimates.csv"]!.replacingOccurrences(
            of: ",105770,", with: ",10577O,")
        let error = try expectFailureKeepsDatabase(broken)
        #expect(error.file == "oews/may2025/estimates.csv")
        #expect(error.line == 2)
        #expect(error.message.contains("\"A_MEDIAN\""))
        #expect(error.message.contains("10577O"))
    }

    @Test func truncatedGzipIsReported() throws {
        let data = try FixtureData().write(to: folder.appendingPathComponent("data-truncated"), gzipped: ["oews/may2025/estimates.csv"])
        let gz = data.url.appendingPathComponent("oews/may2025/estimates.csv.gz")
        let whole = try Data(contentsOf: gz)
        try whole.prefix(whole.count - 30).write(to: gz)
        let database = try build(FixtureData())
        let before = try Data(contentsOf: database)
        let error = #expect(throws: ImportError.self) { try DatabaseBuilder(data: data).build(at: database) }
        #expect(error?.file == "oews/may2025/estimates.csv.gz")
        #expect(error?.message.contains("truncated") == true)
        #expect(try Data(contentsOf: database) == before)
    }

    @Test func rowCountMustMatchProvenance() throws {
        let error = try expectFailureKeepsDatabase(FixtureData(), provenance: ["onet/30.1/Alternate Titles.txt": 4])
        #expect(error.file == "onet/30.1/Alternate Titles.txt")
        #expect(error.message.contains("has 3 data rows, onet/30.1/PROVENANCE.md records 4"))
    }

    @Test func unknownOccupationInDetailTableIsReported() throws {
        var broken = FixtureData()
        broken.files["onet/30.1/Technology Skills.txt"]! += "99-9999.00\tExcel\t1\tSpreadsheet software\tN\tN\r\n"
        let error = try expectFailureKeepsDatabase(broken)
        #expect(error.file == "onet/30.1/Technology Skills.txt")
        #expect(error.line == 3)
        #expect(error.message.contains("99-9999.00 is not an occupation"))
    }

    @Test func missingFileIsNamed() throws {
        var broken = FixtureData()
        broken.files["bls-ors/2020/ors_2020_footnotes.tsv"] = nil
        let error = try expectFailureKeepsDatabase(broken)
        #expect(error.file == "bls-ors/2020/ors_2020_footnotes.tsv")
        #expect(error.message.contains("is missing"))
    }

    @Test func unknownMarkerIsRejected() throws {
        var broken = FixtureData()
        broken.files["oews/may2025/estimates.csv"] = broken.files["oews/may2025/estimates.csv"]!.replacingOccurrences(of: ",3988140,", with: ",~,")
        let error = try expectFailureKeepsDatabase(broken)
        #expect(error.line == 3)
        #expect(error.message.contains("neither a number nor a known marker"))
    }
}

@Suite struct DelimitedReaderTests {
    func records(_ text: String, _ format: DelimitedReader.Format) throws -> [[String]] {
        var reader = DelimitedReader(bytes: Array(text.utf8), file: "test", format: format)
        var fields: [String] = []
        var result: [[String]] = []
        while try reader.next(into: &fields) { result.append(fields) }
        return result
    }

    @Test func csvQuotesCommasAndEscapedQuotes() throws {
        #expect(try records("a,b\n\"Abilene, TX\",\"say \"\"hi\"\"\"\n", .csv) == [["a", "b"], ["Abilene, TX", "say \"hi\""]])
    }

    @Test func crlfBomBlankLinesAndNoFinalNewline() throws {
        #expect(try records("\u{FEFF}a\tb\r\n\r\nx\t\r\ny\tz", .tsv) == [["a", "b"], ["x", ""], ["y", "z"]])
    }

    @Test func unterminatedQuoteIsAnError() throws {
        #expect(throws: ImportError(file: "test", line: 2, message: "unterminated quoted field")) {
            _ = try records("a,b\n\"open,b\n", .csv)
        }
    }
}
