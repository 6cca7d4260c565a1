@testable import VersusCore

/// Hand-built profiles: small, readable, and shaped to exercise one honesty rule at a time.
enum Fixture {
    static func wages(
        annualMedian: Estimate = .value(105_770), hourlyMedian: Estimate = .value(50.85), employment: Estimate = .value(3_503_020),
        annualOnly: Bool = false, hourlyOnly: Bool = false, p90: Estimate = .value(239_100)
    ) -> WageEstimate {
        WageEstimate(
            employment: employment, hourlyMean: .value(64.87), annualMean: .value(134_940),
            hourlyP10: .value(24.08), hourlyP25: .value(34.77), hourlyMedian: hourlyMedian, hourlyP75: .value(80.42), hourlyP90: .value(114.9),
            annualP10: .value(50_090), annualP25: .value(72_320), annualMedian: annualMedian, annualP75: .value(167_280), annualP90: p90,
            annualOnly: annualOnly, hourlyOnly: hourlyOnly, employmentRSE: 0.4, jobsPerThousand: nil, locationQuotient: nil)
    }

    static let hourlyOnlyWages = WageEstimate(
        employment: .value(55_000), hourlyMean: .value(58.29), annualMean: .notPublished,
        hourlyP10: .value(17.1), hourlyP25: .value(20.34), hourlyMedian: .value(29.05), hourlyP75: .value(97.95), hourlyP90: .value(143.68),
        annualP10: .notPublished, annualP25: .notPublished, annualMedian: .notPublished, annualP75: .notPublished, annualP90: .notPublished,
        annualOnly: false, hourlyOnly: true, employmentRSE: nil, jobsPerThousand: nil, locationQuotient: nil)

    static func task(_ id: Int, _ statement: String, _ kind: OccupationTask.Kind? = .core, activities: [String]) -> OccupationTask {
        OccupationTask(
            id: id, statement: statement, kind: kind, incumbentsResponding: nil,
            activities: activities.map {
                WorkActivity(id: $0, title: "Activity \($0)", intermediateID: "I" + $0.prefix(1), intermediateTitle: "Broad activity " + $0.prefix(1))
            })
    }

    static func profile(
        code: String = "11-1021.00", title: String = "General and Operations Managers", soc: String? = nil,
        wageSource: WageSource?? = nil, wages: WageEstimate?? = nil, projections: Projections?? = nil,
        tasks: [OccupationTask]? = nil, survey: RequirementsSurvey? = nil, jobZone: Int = 4, siblings: [OccupationRef] = []
    ) -> OccupationProfile {
        let socCode = SOCCode(soc ?? String(code.prefix(7)))!
        let occupation = Occupation(
            code: OccupationCode(code)!, title: title, description: "Description of \(title).", socCode: socCode, jobZone: jobZone)
        return OccupationProfile(
            occupation: occupation,
            reportedTitles: ["Reported Title"],
            socSiblings: siblings,
            jobZone: JobZone(number: jobZone, name: "Job Zone \(jobZone): Considerable Preparation Needed"),
            wageSource: wageSource ?? WageSource(code: socCode, title: title, basis: .own),
            nationalWages: wages ?? Fixture.wages(),
            projections: projections
                ?? Projections(
                    code: socCode, title: title.lowercased(), basis: .own, employment2024: 3712.9, employment2034: 3876.8, changeNumeric: 164.0,
                    changePercent: 4.4, selfEmployedPercent: 0.9, annualOpenings: 308.7,
                    typicalEducation: "Bachelor's degree", workExperience: "5 years or more", onTheJobTraining: "None"),
            attainment: [EducationShare(level: "Bachelor's degree", percent: 33.3), EducationShare(level: "Master's degree", percent: nil)],
            requiredEducation: [CategoryShare(category: 6, label: "Bachelor's Degree", percent: 27.3, suppressed: false)],
            relatedExperience: [CategoryShare(category: 8, label: "Over 4 years, up to and including 6 years", percent: 24.23, suppressed: false)],
            tasks: tasks ?? [
                task(1, "Direct operations of \(title).", activities: ["A1", "A2"]),
                task(2, "Write reports on \(title).", .supplemental, activities: ["B1"]),
            ],
            skills: [
                Rating(elementID: "2.A.1.a", name: "Reading Comprehension", importance: 4.0, level: 4.12),
                Rating(elementID: "2.B.1.a", name: "Negotiation", importance: 3.0, level: 3.25),
            ],
            knowledge: [Rating(elementID: "2.C.1.a", name: "Administration and Management", importance: 4.25, level: 4.38)],
            topSkills: ["Leadership", "Adaptability"],
            technologies: [Technology(name: "Microsoft Excel", hot: true, inDemand: true)],
            tools: [Tool(name: "Desktop computers")],
            industries: [IndustryEmployment(naics: "541000", title: "Professional, Scientific, and Technical Services", employment: .value(438_720))],
            requirementsSurvey: survey,
            related: [])
    }

    static let operationsManager = profile()
    static let chiefExecutives = profile(
        code: "11-1011.00", title: "Chief Executives",
        wages: Fixture.wages(annualMedian: .value(213_990), hourlyMedian: .value(102.88), employment: .value(204_350)),
        tasks: [task(3, "Confer with board members.", activities: ["A1", "C1"]), task(4, "Prepare budgets for approval.", activities: ["C2"])],
        jobZone: 5)

    static func request(_ query: String, _ code: String, matched: String? = nil, alternatives: [RoleRequest.Alternative] = []) -> RoleRequest {
        RoleRequest(query: query, resolved: OccupationCode(code)!, matchedTitle: matched, alternatives: alternatives)
    }

    static func comparison(
        _ a: (String, OccupationProfile), _ b: (String, OccupationProfile),
        area: OEWSAreaRef? = nil, localA: WageEstimate? = nil, localB: WageEstimate? = nil
    ) -> Comparison {
        let casing = TitleCasing(learningFrom: ["COO", "CEO", "RN"])
        func role(_ side: (String, OccupationProfile), _ local: WageEstimate?) -> Comparison.Role {
            Comparison.Role(
                request: request(side.0, side.1.occupation.code.rawValue), profile: side.1,
                local: area.map { LocalWages(area: $0, estimate: local) }, casing: casing)
        }
        return Comparison(first: role(a, localA), second: role(b, localB), area: area)
    }

    /// The article as Markdown, the form the tests read most easily.
    static func markdown(_ comparison: Comparison) -> String {
        MarkdownRenderer.render(ArticleWriter.write(comparison))
    }

    static func text(_ comparison: Comparison) -> String {
        TextRenderer().render(ArticleWriter.write(comparison))
    }
}
