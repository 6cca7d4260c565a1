import Foundation
import Testing
@testable import VersusCore

/// The honesty rules of issue 4, each on profiles built by hand to isolate it.
@Suite("Comparison honesty rules")
struct ComparisonHonestyTests {
    private func json(_ comparison: Comparison) throws -> [String: Any] {
        let text = ComparisonJSON.render(comparison, article: ArticleWriter.write(comparison))
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func salary(_ document: [String: Any], role: Int) throws -> [String: Any] {
        let roles = try #require(document["roles"] as? [[String: Any]])
        return try #require(roles[role]["salary"] as? [String: Any])
    }

    @Test("two titles for one occupation: the page says the data does not tell them apart, and invents no difference")
    func sameOccupation() throws {
        let comparison = Fixture.comparison(("ceo", Fixture.chiefExecutives), ("coo", Fixture.chiefExecutives))
        #expect(comparison.isSameOccupation)
        let markdown = Fixture.markdown(comparison)
        #expect(markdown.contains("“CEO” and “COO” both lead to one O\\*NET occupation, Chief Executives (11-1011.00)"))
        #expect(markdown.contains("does not tell a CEO from a COO"))
        for invented in ["more than", "matters more for", "Only a CEO", "Only a COO", "against"] {
            #expect(!markdown.contains(invented), "a same-occupation page must not state a difference: \(invented)")
        }
        let article = ArticleWriter.write(comparison)
        #expect(article.sections.map(\.id) == ArticleSection.ID.comparison)
        #expect(try json(comparison)["sameOccupation"] as? Bool == true)
    }

    @Test("missing wages are not published, and null in JSON")
    func missingWages() throws {
        let military = Fixture.profile(
            code: "55-1011.00", title: "Air Crew Officers", wageSource: .some(nil), wages: .some(nil), projections: .some(nil))
        let comparison = Fixture.comparison(("operations manager", Fixture.operationsManager), ("air crew officer", military))
        let markdown = Fixture.markdown(comparison)
        #expect(markdown.contains("| Annual median | $105,770 | not published |"))
        #expect(markdown.contains("OEWS publishes no wages for an Air Crew Officer."))
        #expect(markdown.contains("BLS publishes no projections for an Air Crew Officer."))
        #expect(!markdown.contains("more than the"), "no pay gap can be stated without both medians")
        let document = try json(comparison)
        let pay = try salary(document, role: 1)
        #expect(pay["annualMedian"] is NSNull)
        #expect(pay["employment"] is NSNull)
        #expect(pay["published"] as? Bool == false)
        let roles = try #require(document["roles"] as? [[String: Any]])
        #expect(roles[1]["wageCode"] is NSNull)
        #expect((roles[1]["outlook"] as? [String: Any])?["annualOpenings"] is NSNull)
    }

    @Test("wages from an OEWS aggregate say so")
    func aggregateWages() throws {
        let aides = Fixture.profile(
            code: "31-1121.00", title: "Home Health Aides",
            wageSource: WageSource(code: SOCCode("31-1120")!, title: "Home Health and Personal Care Aides", basis: .aggregate),
            wages: Fixture.wages(annualMedian: .value(35_800), hourlyMedian: .value(17.21), employment: .value(4_305_810)))
        let comparison = Fixture.comparison(("home health aide", aides), ("operations manager", Fixture.operationsManager))
        let markdown = Fixture.markdown(comparison)
        #expect(
            markdown.contains(
                "BLS does not publish SOC 31-1121 on its own: its pay, job and outlook figures here are those of the group Home Health and Personal Care Aides (31-1120)."
            ))
        #expect(markdown.components(separatedBy: "31-1120").count == 2, "the group is named once, not in every section")
        #expect(markdown.contains("(BLS figure for all Home Health and Personal Care Aides)"))
        let roles = try #require(try json(comparison)["roles"] as? [[String: Any]])
        #expect(roles[0]["wageCode"] as? String == "31-1120")
        #expect(roles[0]["wageBasis"] as? String == "aggregate")
    }

    @Test("top-coded wages are written “or more”, compared as bounds, and flagged in JSON")
    func topCoded() throws {
        let surgeons = Fixture.profile(
            code: "29-1022.00", title: "Oral and Maxillofacial Surgeons",
            wages: Fixture.wages(annualMedian: .atLeast(239_200), hourlyMedian: .atLeast(115), p90: .atLeast(239_200)))
        let comparison = Fixture.comparison(("oral surgeon", surgeons), ("operations manager", Fixture.operationsManager))
        let markdown = Fixture.markdown(comparison)
        #expect(markdown.contains("| Annual median | $239,200 or more | $105,770 |"))
        #expect(markdown.contains("| Hourly median | $115.00 or more | $50.85 |"))
        #expect(markdown.contains("at least $133,430 more than the $105,770 of an Operations Manager"))
        #expect(!markdown.contains("$133,430 or"), "a gap from a bound is never written as exact")
        let pay = try salary(try json(comparison), role: 0)
        #expect(pay["annualMedian"] as? Double == 239_200)
        #expect(pay["annualMedianTopCoded"] as? Bool == true)
        #expect(pay["annualMeanTopCoded"] as? Bool == false)

        let both = Fixture.comparison(
            ("oral surgeon", surgeons),
            (
                "maxillofacial surgeon",
                Fixture.profile(
                    code: "29-1241.00", title: "Ophthalmologists",
                    wages: Fixture.wages(annualMedian: .atLeast(239_200)))
            ))
        #expect(Fixture.markdown(both).contains("cannot say which role pays more"))
    }

    @Test("local wages: top-coded ones are said to be, missing ones are not published")
    func localWages() {
        let alabama = OEWSAreaRef(code: "0100000", title: "Alabama", kind: .state)
        let comparison = Fixture.comparison(
            ("oral surgeon", Fixture.profile(code: "29-1022.00", title: "Oral and Maxillofacial Surgeons")),
            ("operations manager", Fixture.operationsManager),
            area: alabama, localA: Fixture.wages(annualMedian: .atLeast(239_200), hourlyMedian: .atLeast(115)), localB: nil)
        let markdown = Fixture.markdown(comparison)
        #expect(
            markdown.contains("| May 2025 | Oral Surgeon, U.S. | Operations Manager, U.S. | Oral Surgeon, Alabama | Operations Manager, Alabama |"))
        #expect(markdown.contains("| Annual median | $105,770 | $105,770 | $239,200 or more | not published |"))
        #expect(markdown.contains("OEWS publishes no Alabama estimate for General and Operations Managers."))
        #expect(markdown.contains("Alabama figures written “or more” are at OEWS’s top code"))
    }

    @Test("hourly-only occupations are compared by the hourly median and say annual figures are not published")
    func hourlyOnly() throws {
        let actors = Fixture.profile(code: "27-2011.00", title: "Actors", wages: Fixture.hourlyOnlyWages)
        let dancers = Fixture.profile(
            code: "27-2031.00", title: "Dancers",
            wages: WageEstimate(
                employment: .value(8_130), hourlyMean: .value(30.83), annualMean: .notPublished,
                hourlyP10: .value(14.0), hourlyP25: .value(17.23), hourlyMedian: .value(24.8), hourlyP75: .value(38.36), hourlyP90: .value(52.3),
                annualP10: .notPublished, annualP25: .notPublished, annualMedian: .notPublished, annualP75: .notPublished, annualP90: .notPublished,
                annualOnly: false, hourlyOnly: true, employmentRSE: nil, jobsPerThousand: nil, locationQuotient: nil))
        let markdown = Fixture.markdown(Fixture.comparison(("actor", actors), ("dancer", dancers)))
        #expect(markdown.contains("$29.05 an hour"))
        #expect(markdown.contains("$4.25 or 17.1% more"))
        #expect(markdown.contains("OEWS publishes only hourly wages for Actors, so it gives no annual figures."))
        #expect(markdown.contains("| Annual median | not published | not published |"))

        // Against an annual-and-hourly occupation the annual median is missing on one side, so hourly medians are compared.
        let mixed = Fixture.markdown(Fixture.comparison(("actor", actors), ("operations manager", Fixture.operationsManager)))
        #expect(mixed.contains("$50.85 an hour against $29.05"))
    }

    @Test("ORS: preliminary 2020 is said, a missing occupation is not published, and complements are never computed")
    func requirementsSurvey() throws {
        let survey = RequirementsSurvey(
            socCode: SOCCode("11-1021")!,
            estimates: [
                SurveyEstimate(code: "01206", value: .value(71.5), isMode: true),
                SurveyEstimate(code: "00786", value: .lessThan(0.5), isMode: false),
            ])
        let managers = Fixture.profile(survey: survey)
        let markdown = Fixture.markdown(Fixture.comparison(("operations manager", managers), ("coo", Fixture.chiefExecutives)))
        #expect(markdown.contains("| Cannot telework | 71.5% | not published |"))
        #expect(!markdown.contains("28.5"), "100 − 71.5 is not a published figure")
        #expect(markdown.contains("| Exposed to hazardous contaminants | less than 0.5% | not published |"))
        #expect(markdown.contains("preliminary"))
        #expect(markdown.contains("ORS publishes nothing for a COO (SOC 11-1011)"))

        let none = Fixture.markdown(Fixture.comparison(("operations manager", Fixture.operationsManager), ("coo", Fixture.chiefExecutives)))
        #expect(none.contains("publishes nothing for either occupation"))
        #expect(none.contains("no other occupation’s figures are borrowed"))
    }

    @Test("ORS's median days of a requirement are told as those of the workers who need it, with their share")
    func medianWhereRequired() {
        func profile(_ estimates: [SurveyEstimate]) -> OccupationProfile {
            Fixture.profile(survey: RequirementsSurvey(socCode: SOCCode("11-1021")!, estimates: estimates))
        }
        let required = profile([
            SurveyEstimate(code: "00111", value: .value(1095), isMode: false), SurveyEstimate(code: "00107", value: .value(29.5), isMode: false),
            SurveyEstimate(code: "00119", value: .value(30), isMode: false), SurveyEstimate(code: "00123", value: .value(57.6), isMode: true),
        ])
        let cell = RequirementsSection.timeToQualify(Fixture.comparison(("plumber", required), ("coo", Fixture.chiefExecutives)).first)
        #expect(cell.contains("29.5% need prior experience, a median of 3 years of it"))
        #expect(cell.contains("On-the-job training where required: a median of 1 month (57.6% need none)"))
        #expect(!cell.contains("3 years, median"))
        let bare = profile([SurveyEstimate(code: "00111", value: .value(365), isMode: false)])
        #expect(
            RequirementsSection.timeToQualify(Fixture.comparison(("plumber", bare), ("coo", Fixture.chiefExecutives)).first)
                .contains("Prior experience where required: a median of 1 year"))
    }

    @Test("the largest gap in a working condition may be published one way for one role and the other way for the other")
    func oppositeShares() {
        func profile(_ code: String, _ title: String, _ estimates: [SurveyEstimate]) -> OccupationProfile {
            Fixture.profile(code: code, title: title, survey: RequirementsSurvey(socCode: SOCCode(String(code.prefix(7)))!, estimates: estimates))
        }
        let mechanics = profile(
            "49-9021.00", "Heating Mechanics",
            [SurveyEstimate(code: "00786", value: .value(81.7), isMode: true), SurveyEstimate(code: "01160", value: .value(50), isMode: true)])
        let electricians = profile(
            "47-2111.00", "Electricians",
            [SurveyEstimate(code: "00772", value: .value(84.2), isMode: true), SurveyEstimate(code: "01160", value: .value(71.8), isMode: true)])
        let markdown = Fixture.markdown(Fixture.comparison(("hvac mechanic", mechanics), ("electrician", electricians)))
        #expect(
            markdown.contains(
                "Of the yes-or-no working conditions compared below, the largest difference (ORS 2020, preliminary): 81.7% of Heating Mechanics are exposed to hazardous contaminants, and 84.2% of Electricians are not exposed to hazardous contaminants."
            ))
        #expect(!markdown.contains("18.3") && !markdown.contains("15.8"), "complements rank, never show")
    }

    @Test("a requirement that names the other only by its head noun is a stated route, never 'no task requires the other'")
    func requirementInPassing() {
        let administrators = Fixture.profile(
            code: "11-9032.00", title: "Education Administrators",
            tasks: [Fixture.task(1, "Must have experience as a teacher before appointment.", activities: ["A1"])])
        let teachers = Fixture.profile(code: "25-2021.00", title: "Elementary School Teachers")
        let markdown = Fixture.markdown(Fixture.comparison(("principal", administrators), ("teacher", teachers)))
        #expect(markdown.contains("“Must have experience as a teacher before appointment.”"))
        #expect(!markdown.contains("No description or task of either requires the other"))

        let plain = Fixture.profile(
            code: "11-9032.00", title: "Education Administrators", tasks: [Fixture.task(1, "Confer with teachers and parents.", activities: ["A1"])])
        let passing = Fixture.markdown(Fixture.comparison(("principal", plain), ("teacher", teachers)))
        #expect(passing.contains("No description or task of either requires the other"))
    }

    @Test("a most common answer within the margin of error of the next says so, by the standard errors the sources publish")
    func mostCommonWithinTheMargin() {
        #expect(MarginOfError.tooCloseToCall(28.76, 11.39, 27.3, 10.0))
        #expect(!MarginOfError.tooCloseToCall(61.7, 4.0, 20.1, 3.0))
        #expect(!MarginOfError.tooCloseToCall(28.76, nil, 27.3, 10.0), "an unpublished error calls nothing close")
        let shares = [
            CategoryShare(category: 2, label: "High School Diploma", percent: 28.76, suppressed: false, standardError: 11.39),
            CategoryShare(category: 6, label: "Bachelor's Degree", percent: 27.3, suppressed: false, standardError: 11.2),
        ]
        #expect(RequirementsSection.runnerUp(to: shares[0], in: shares) == shares[1])
        let survey = RequirementsSurvey(
            socCode: SOCCode("21-1012")!,
            estimates: [
                SurveyEstimate(code: "01029", value: .value(47.8), isMode: true, standardError: 5.5),
                SurveyEstimate(code: "00079", value: .value(47.1), isMode: false, standardError: 5.2),
            ])
        #expect(
            SurveyText.cell(SurveyMeasure.requirements[0], survey)
                == "bachelor's degree (47.8%; master's degree, 47.1%, too close to call)")
        let clear = RequirementsSurvey(
            socCode: SOCCode("21-1012")!,
            estimates: [
                SurveyEstimate(code: "01029", value: .value(77.8), isMode: true, standardError: 2.5),
                SurveyEstimate(code: "00079", value: .value(17.1), isMode: false, standardError: 2.2),
            ])
        #expect(SurveyText.cell(SurveyMeasure.requirements[0], clear) == "bachelor's degree (77.8%)")
    }

    @Test("tasks that share only whom the work is for are not the same work; a word's forms are one word")
    func taskWordsOverlap() {
        func words(_ statement: String) -> TaskWords { TaskWords(Fixture.task(1, statement, activities: [])) }
        #expect(!words("Bathe patients.").overlaps(words("Turn or reposition bedridden patients.")))
        #expect(words("Bathe patients.").overlaps(words("Bathe, groom, or dress patients.")))
        #expect(TaskWords.stem(Array("exercises".utf8)[...]).elementsEqual(TaskWords.stem(Array("exercise".utf8)[...])))
        #expect(TaskWords.stem(Array("exercised".utf8)[...]).elementsEqual(TaskWords.stem(Array("exercising".utf8)[...])))
        #expect(TaskWords.stem(Array("processes".utf8)[...]).elementsEqual(TaskWords.stem(Array("process".utf8)[...])))
        #expect(TaskWords.stem(Array("records".utf8)[...]).elementsEqual(TaskWords.stem(Array("recorded".utf8)[...])))
    }

    @Test("an ambiguous title shows the occupation chosen and the alternatives")
    func alternatives() {
        let casing = TitleCasing.empty
        let request = Fixture.request(
            "demand planner", "13-1081.02",
            alternatives: [
                .init(code: OccupationCode("13-1081.00")!, title: "Logisticians", score: nil),
                .init(code: OccupationCode("13-1199.00")!, title: "Business Operations Specialists, All Other", score: nil),
            ])
        let comparison = Comparison(
            first: Comparison.Role(request: request, profile: Fixture.profile(code: "13-1081.02", title: "Logistics Analysts"), casing: casing),
            second: Comparison.Role(request: Fixture.request("coo", "11-1011.00"), profile: Fixture.chiefExecutives, casing: casing))
        let markdown = Fixture.markdown(comparison)
        #expect(
            markdown.contains("“Demand Planner” can also mean Logisticians (13-1081.00) or Business Operations Specialists, All Other (13-1199.00)."))
    }

    @Test("roles whose SOC code O*NET splits share BLS figures, and no pay gap is invented between them")
    func sharedBLSFigures() {
        let analysts = Fixture.profile(
            code: "13-1081.02", title: "Logistics Analysts",
            wageSource: WageSource(code: SOCCode("13-1081")!, title: "Logisticians", basis: .own),
            siblings: [OccupationRef(code: OccupationCode("13-1081.00")!, title: "Logisticians")])
        let logisticians = Fixture.profile(
            code: "13-1081.00", title: "Logisticians",
            wageSource: WageSource(code: SOCCode("13-1081")!, title: "Logisticians", basis: .own),
            siblings: [OccupationRef(code: OccupationCode("13-1081.02")!, title: "Logistics Analysts")])
        let markdown = Fixture.markdown(Fixture.comparison(("logistics analyst", analysts), ("logistician", logisticians)))
        #expect(markdown.contains("Pay cannot be told apart: both are paid from one OEWS estimate, Logisticians,"))
        #expect(!markdown.contains("$0"))
        #expect(
            markdown.contains(
                "Its pay, job and outlook figures are BLS’s for all Logisticians (SOC 13-1081), which O\\*NET splits into 2 occupations."))
    }
}
