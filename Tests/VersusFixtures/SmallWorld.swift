import VersusCore
import VersusService

/// A small world of hand-built facts: ten occupations (the catalog's seed pairs, nurses, two kinds of project
/// manager), their titles for search, three states and a metro. Enough for the service and every front end to
/// be tested in-process without a database; the figures are made up, so tests never mistake them for the sources.
public enum SmallWorld {
    public static func code(_ text: String) -> OccupationCode { OccupationCode(text)! }

    struct Job {
        let code: String
        let title: String
        let name: String
        let employment: Double
        let median: Double
        let titles: [String]
    }

    static let jobs: [Job] = [
        Job(code: "11-1021.00", title: "General and Operations Managers", name: "Operations Manager", employment: 3_500_000, median: 100_000,
            titles: ["Operations Manager", "Operations Director", "General Manager (GM)"]),
        Job(code: "11-1011.00", title: "Chief Executives", name: "CEO", employment: 200_000, median: 200_000,
            titles: ["Chief Operating Officer (COO)", "Chief Executive Officer (CEO)"]),
        Job(code: "13-1081.02", title: "Logistics Analysts", name: "Logistics Analyst", employment: 200_000, median: 80_000,
            titles: ["Logistics Analyst", "Demand Planner"]),
        Job(code: "43-5061.00", title: "Production, Planning, and Expediting Clerks", name: "Production Planner", employment: 400_000, median: 50_000,
            titles: ["Production Planner", "Expediter"]),
        Job(code: "27-2012.00", title: "Producers and Directors", name: "Producer", employment: 150_000, median: 85_000,
            titles: ["Producer", "Director"]),
        Job(code: "13-1121.00", title: "Meeting, Convention, and Event Planners", name: "Event Planner", employment: 130_000, median: 55_000,
            titles: ["Event Planner", "Event Coordinator"]),
        Job(code: "29-1141.00", title: "Registered Nurses", name: "Registered Nurse", employment: 3_300_000, median: 90_000,
            titles: ["Registered Nurse (RN)", "Staff Nurse"]),
        Job(code: "29-1171.00", title: "Nurse Practitioners", name: "Nurse Practitioner", employment: 300_000, median: 130_000,
            titles: ["Nurse Practitioner (NP)", "Family Nurse Practitioner"]),
        Job(code: "11-9021.00", title: "Construction Managers", name: "Construction Manager", employment: 400_000, median: 105_000,
            titles: ["Construction Manager", "Project Manager"]),
        Job(code: "13-1082.00", title: "Project Management Specialists", name: "Project Manager", employment: 1_000_000, median: 100_000,
            titles: ["Project Manager", "Project Coordinator"]),
    ]

    public static let california = OEWSAreaRef(code: "0600000", title: "California", kind: .state)
    public static let texas = OEWSAreaRef(code: "4800000", title: "Texas", kind: .state)
    public static let massachusetts = OEWSAreaRef(code: "2500000", title: "Massachusetts", kind: .state)
    public static let boston = OEWSAreaRef(code: "0014460", title: "Boston-Cambridge-Newton, MA-NH", kind: .metro)

    public static let reference: ReferenceData = {
        let occupations = jobs.map { SearchableOccupation(code: code($0.code), title: $0.title, socCode: code($0.code).socPrefix, employment: $0.employment) }
        var titles = occupations.map { TitleRecord(text: $0.title, source: .occupation, occupations: [$0.code]) }
        for job in jobs {
            titles += job.titles.map { TitleRecord(text: $0, source: .alternate(sources: 3), occupations: [code(job.code)]) }
        }
        let inputs = CatalogInputs(
            occupations: jobs.map { OccupationRef(code: code($0.code), title: $0.title) },
            names: Dictionary(uniqueKeysWithValues: jobs.map { (code($0.code), $0.name) }),
            related: [(code("11-1021.00"), code("11-1011.00"), 1), (code("29-1141.00"), code("29-1171.00"), 1),
                      (code("29-1171.00"), code("29-1141.00"), 1), (code("13-1082.00"), code("11-9021.00"), 2)])
        let areas = AreaDirectory([
            .init(ref: california, stateFIPS: "06"), .init(ref: texas, stateFIPS: "48"), .init(ref: massachusetts, stateFIPS: "25"),
            .init(ref: boston, stateFIPS: "25"),
        ])
        let families = [("11-0000", "Management Occupations"), ("13-0000", "Business and Financial Operations Occupations"),
                        ("27-0000", "Arts, Design, Entertainment, Sports, and Media Occupations"),
                        ("29-0000", "Healthcare Practitioners and Technical Occupations"),
                        ("43-0000", "Office and Administrative Support Occupations")]
            .map { SOCGroup(code: SOCCode($0.0)!, title: $0.1) }
        return ReferenceData(
            titleIndex: TitleIndex(occupations: occupations, titles: titles), catalogInputs: inputs,
            casing: TitleCasing(learningFrom: ["COO", "CEO", "RN", "NP", "GM"]), areas: areas, families: families,
            employment: Dictionary(uniqueKeysWithValues: jobs.map { (code($0.code), $0.employment) }))
    }()

    public static let profiles: [OccupationProfile] = jobs.map(profile)

    /// California pays a tenth more than the nation, Texas a tenth less; Boston only publishes nurses.
    public static let wagesByArea: [String: [SOCCode: WageEstimate]] = {
        var byArea: [String: [SOCCode: WageEstimate]] = [:]
        for job in jobs {
            let soc = code(job.code).socPrefix
            byArea[california.code, default: [:]][soc] = wages(median: job.median * 1.1, employment: job.employment / 8)
            byArea[texas.code, default: [:]][soc] = wages(median: job.median * 0.9, employment: job.employment / 10)
        }
        byArea[boston.code] = [SOCCode("29-1141")!: wages(median: 120_000, employment: 50_000)]
        return byArea
    }()

    public static var store: InMemoryCareerStore {
        InMemoryCareerStore(reference: reference, profiles: profiles, wagesByArea: wagesByArea)
    }

    public static func service() async throws -> VersusService {
        try await VersusService(store: store)
    }

    public static func wages(median: Double, employment: Double) -> WageEstimate {
        func annual(_ factor: Double) -> Estimate { .value((median * factor).rounded()) }
        func hourly(_ factor: Double) -> Estimate { .value((median * factor / 2080 * 100).rounded() / 100) }
        return WageEstimate(
            employment: .value(employment), hourlyMean: hourly(1.1), annualMean: annual(1.1),
            hourlyP10: hourly(0.5), hourlyP25: hourly(0.7), hourlyMedian: hourly(1), hourlyP75: hourly(1.4), hourlyP90: hourly(1.9),
            annualP10: annual(0.5), annualP25: annual(0.7), annualMedian: annual(1), annualP75: annual(1.4), annualP90: annual(1.9),
            annualOnly: false, hourlyOnly: false, employmentRSE: 1.0, jobsPerThousand: nil, locationQuotient: nil)
    }

    static func profile(_ job: Job) -> OccupationProfile {
        let occupationCode = code(job.code)
        let soc = occupationCode.socPrefix
        let occupation = Occupation(code: occupationCode, title: job.title, description: "What \(job.title) do, in a sentence.",
                                    socCode: soc, jobZone: job.median > 90_000 ? 4 : 3)
        let tasks = [
            OccupationTask(id: 1, statement: "Plan the work of \(job.title).", kind: .core, incumbentsResponding: nil, activities: []),
            OccupationTask(id: 2, statement: "Report on the work of \(job.title).", kind: .core, incumbentsResponding: nil, activities: []),
        ]
        return OccupationProfile(
            occupation: occupation,
            reportedTitles: job.titles,
            socSiblings: [],
            jobZone: JobZone(number: occupation.jobZone!, name: "Job Zone \(occupation.jobZone!)"),
            wageSource: WageSource(code: soc, title: job.title, basis: .own),
            nationalWages: wages(median: job.median, employment: job.employment),
            projections: Projections(
                code: soc, title: job.title, basis: .own, employment2024: job.employment / 1000, employment2034: job.employment / 950,
                changeNumeric: job.employment / 19_000, changePercent: 5.3, selfEmployedPercent: 2.0, annualOpenings: job.employment / 12_000,
                typicalEducation: job.median > 90_000 ? "Bachelor's degree" : "High school diploma or equivalent",
                workExperience: "None", onTheJobTraining: "None"),
            attainment: [EducationShare(level: "Bachelor's degree", percent: 40)],
            requiredEducation: [CategoryShare(category: 6, label: "Bachelor's Degree", percent: 60, suppressed: false)],
            relatedExperience: [],
            tasks: tasks,
            skills: [Rating(elementID: "2.A.1.a", name: "Reading Comprehension", importance: 4.0, level: job.median / 30_000),
                     Rating(elementID: "2.B.1.a", name: "Negotiation", importance: 3 + job.median / 100_000, level: 6 - job.median / 50_000)],
            knowledge: [Rating(elementID: "2.C.1.a", name: "Administration and Management", importance: 4.0, level: job.median / 40_000)],
            topSkills: ["Leadership"],
            technologies: [Technology(name: "Microsoft Excel", hot: true, inDemand: false)],
            tools: [Tool(name: "Desktop computers")],
            industries: [],
            requirementsSurvey: nil,
            related: [])
    }
}
