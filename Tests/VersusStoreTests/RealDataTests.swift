import Foundation
import GRDB
import Testing
import VersusCore
@testable import VersusStore

/// The real Data/ imported by the real importer, checked against figures read from the sources.
@Suite struct RealDataTests {
    @Test func everyONetOccupationIsImported() throws {
        let count = try realDatabase().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM occupation") }
        #expect(count == 1_016)
    }

    @Test func generalAndOperationsManagers() throws {
        let summary = try realDatabase().summary(OccupationCode("11-1021.00")!)
        #expect(summary.occupation.title == "General and Operations Managers")
        #expect(summary.wageSource?.basis == .own)
        #expect(summary.nationalWages?.employment == .value(3_503_020))
        #expect(summary.nationalWages?.annualMedian == .value(105_770))
        #expect(summary.typicalEntryEducation == "Bachelor's degree")
        #expect(summary.sampleTitles.count == 5)
    }

    @Test func chiefExecutivesNinetiethPercentile() throws {
        let summary = try realDatabase().summary(OccupationCode("11-1011.00")!)
        #expect(summary.nationalWages?.annualP90 == .value(507_730))
    }

    @Test func homeHealthAidesTakeWagesFromTheAggregate() throws {
        let summary = try realDatabase().summary(OccupationCode("31-1121.00")!)
        #expect(summary.wageSource?.code == SOCCode("31-1120"))
        #expect(summary.wageSource?.basis == .aggregate)
        #expect(summary.wageSource?.title == "Home Health and Personal Care Aides")
    }

    @Test func topCodedMetroEstimateKeepsItsMarker() throws {
        let database = try realDatabase()
        let albany = try database.read { try String.fetchOne($0, sql: "SELECT area FROM oews_area WHERE title = 'Albany, OR'") }
        let wages = try database.read { try VersusDatabase.wages($0, occupation: SOCCode("29-1215")!, area: #require(albany)) }
        #expect(wages?.annualMedian == .atLeast(239_200))
        #expect(wages?.annualMedian.annualText == "$239,200 or more")
        let raw = try database.read {
            try String.fetchOne(
                $0, sql: "SELECT a_median FROM oews_estimate WHERE area = ? AND naics = '000000' AND occ_code = '29-1215'", arguments: [albany])
        }
        #expect(raw == "#")
    }

    @Test func everySourceIsLoadedWithItsRowCount() throws {
        let counts = try realDatabase().read { db in
            var counts: [String: Int] = [:]
            for source in ["alternate", "reported", "soc_direct_match", "census", "onet"] {
                counts[source] = try Int.fetchOne(db, sql: "SELECT count(*) FROM title WHERE source = ?", arguments: [source])
            }
            return counts
        }
        #expect(counts == ["alternate": 56_505, "reported": 7_955, "soc_direct_match": 6_539, "census": 34_538, "onet": 1_016])
        let estimates = try realDatabase().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM oews_estimate") }
        #expect(estimates == 370_172)
        let ors = try realDatabase().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM ors_estimate") }
        #expect(ors == 35_693)
    }

    @Test func occupationsWithoutAnyOEWSEstimateSayNotPublished() throws {
        // Legislators (11-1031) and the military (55-) have no OEWS estimate at all.
        let summary = try realDatabase().summary(OccupationCode("11-1031.00")!)
        #expect(summary.wageSource == nil)
        #expect(summary.nationalWages == nil)
    }
}

/// Names derived by Core's rules are stored by the importer and read back unchanged.
@Suite struct DerivedNameTests {
    @Test func storedNamesEqualComputedOnes() throws {
        let database = try realDatabase()
        let stored = try database.popularNames()
        let computed = try database.read { try VersusDatabase.popularNamePairs($0) }
        #expect(!stored.isEmpty)
        #expect(stored.count == computed.count)
        for (code, name) in computed.prefix(200) { #expect(stored[OccupationCode(code)!] == name) }
        let kinds = try database.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT kind) FROM derived_name") }
        #expect(kinds == 2)
    }
}
