import Testing
import VersusCore

@Suite struct NumberTextTests {
    @Test func dollarsAndCents() {
        #expect(NumberText.dollars(105_770) == "$105,770")
        #expect(NumberText.dollars(0) == "$0")
        #expect(NumberText.cents(50.85) == "$50.85")
        #expect(NumberText.cents(115) == "$115.00")
        #expect(NumberText.cents(7.05) == "$7.05")
    }

    @Test func countsInWords() {
        #expect(NumberText.count(3_503_020) == "3.5 million")
        #expect(NumberText.count(43_210) == "43,210")
        #expect(NumberText.count(1_000_000) == "1 million")
    }

    @Test func percentAndDecimals() {
        #expect(NumberText.percent(41) == "41%")
        #expect(NumberText.percent(4.44) == "4.4%")
        #expect(NumberText.decimal(-0.04, places: 1) == "0.0")
        #expect(NumberText.decimal(2.25, places: 1) == "2.3")
    }

    @Test func estimatesSayWhatIsPublished() {
        #expect(Estimate.value(105_770).annualText == "$105,770")
        #expect(Estimate.atLeast(239_200).annualText == "$239,200 or more")
        #expect(Estimate.notPublished.annualText == "not published")
        #expect(Estimate.atLeast(115).hourlyText == "$115.00 or more")
    }

    @Test func codesParse() {
        #expect(OccupationCode("11-1021")?.rawValue == "11-1021.00")
        #expect(OccupationCode("11-1021.00") != nil)
        #expect(OccupationCode("11-102") == nil)
        #expect(OccupationCode("ab-cdef.gh") == nil)
        #expect(SOCCode("51-91XX") != nil)
        #expect(SOCCode("11-1021")?.broadGroup.rawValue == "11-1020")
    }
}
