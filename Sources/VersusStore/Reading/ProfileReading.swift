import GRDB
import VersusCore

/// Reads occupation profiles: one indexed statement per table covers every occupation asked for (both sides of a
/// comparison), statements are cached per connection, and labels come from `ProfileLookups` instead of joins.
extension VersusDatabase {
    /// The profiles of several occupations in one read transaction, so they describe one consistent database.
    public func profiles(_ codes: [OccupationCode]) throws -> [OccupationProfile] {
        try read { db in try Self.profiles(db, codes, try ProfileLookups(db)) }
    }

    public func profile(_ code: OccupationCode) throws -> OccupationProfile {
        try profiles([code])[0]
    }

    /// Profiles of `requested`, in order (a code may repeat). Every query below reads all of them at once.
    static func profiles(_ db: Database, _ requested: [OccupationCode], _ lookups: ProfileLookups) throws -> [OccupationProfile] {
        var unique: [OccupationCode] = []
        for code in requested where !unique.contains(code) { unique.append(code) }
        let codes = unique.map(\.rawValue)
        let count = codes.count
        func perOccupation<T>(_ value: T) -> [T] { Array(repeating: value, count: count) }

        var found: [OccupationProfile?] = perOccupation(nil)
        try Stepping.each(
            db, keyedBy: "o.code", codes,
            { side, keys in
                """
                SELECT \(side), o.code, o.title, o.description, o.soc_code, o.job_zone, o.wage_code, o.wage_basis, w.title
                FROM occupation o LEFT JOIN oews_occupation w ON w.occ_code = o.wage_code WHERE o.code IN (\(keys))
                """
            }
        ) { index, row in
            let occupation = Occupation(
                code: OccupationCode(row.text(1))!, title: row.text(2), description: row.text(3),
                socCode: SOCCode(row.text(4))!, jobZone: row.isNull(5) ? nil : row.int(5))
            var profile = OccupationProfile(occupation: occupation)
            if let zone = occupation.jobZone, let name = lookups.jobZoneNames[zone] { profile.jobZone = JobZone(number: zone, name: name) }
            if let wageCode = SOCCode(row.text(6)), let basis = WageSource.Basis(rawValue: row.text(7)), let title = row.optionalText(8) {
                profile.wageSource = WageSource(code: wageCode, title: title, basis: basis)
            }
            found[index] = profile
        }
        if let missing = found.firstIndex(where: { $0 == nil }) { throw StoreError.unknownOccupation(codes[missing]) }
        var profiles = found.map { $0! }

        // BLS figures are keyed by SOC codes, which two occupations may share.
        func keys(_ values: [String]) -> [String] { var seen: [String] = []; for v in values where !seen.contains(v) { seen.append(v) }; return seen }
        let socCodes = keys(profiles.map(\.occupation.socCode.rawValue))
        let wageCodes = keys(profiles.compactMap { $0.wageSource?.code.rawValue })

        // OEWS: national all-industry wages, and employment by industry from the national industry index (one range
        // per occupation instead of a lookup per industry), kept at the 3-digit level the article lists.
        var national: [WageEstimate?] = Array(repeating: nil, count: wageCodes.count)
        try Stepping.each(
            db, keyedBy: "occ_code", wageCodes,
            { side, keys in
                """
                SELECT \(side), \(wageColumns) FROM oews_estimate
                WHERE area = '\(OEWSArea.national)' AND naics = '\(OEWSIndustry.allIndustries)' AND occ_code IN (\(keys))
                """
            }
        ) { index, row in national[index] = wageEstimate(row, from: 1) }
        var industries: [[IndustryEmployment]] = Array(repeating: [], count: wageCodes.count)
        try Stepping.each(
            db, keyedBy: "occ_code", wageCodes,
            { side, keys in
                """
                SELECT \(side), naics, tot_emp FROM oews_estimate INDEXED BY oews_estimate_national_industry
                WHERE area = '\(OEWSArea.national)' AND occ_code IN (\(keys))
                """
            }
        ) { index, row in
            // Industries whose employment OEWS does not publish cannot be ranked, so they are left out.
            let naics = row.text(1)
            guard let title = lookups.industryTitles[naics], let employment = row.number(2) else { return }
            industries[index].append(IndustryEmployment(naics: naics, title: title, employment: .value(employment)))
        }

        // Employment Projections: the occupation's own SOC code, else the OEWS aggregate that holds it.
        let projectionKeys = keys(socCodes + wageCodes)
        var projectionByKey: [Projections?] = Array(repeating: nil, count: projectionKeys.count)
        try Stepping.each(
            db, keyedBy: "code", projectionKeys,
            { side, keys in
                """
                SELECT \(side), code, title, employment_2024, employment_2034, change_numeric, change_percent, self_employed_percent, annual_openings,
                       typical_education, work_experience, on_the_job_training
                FROM ep_occupation WHERE code IN (\(keys))
                """
            }
        ) { index, row in
            projectionByKey[index] = Projections(
                code: SOCCode(row.text(1))!, title: row.text(2), basis: .own, employment2024: row.optionalDouble(3),
                employment2034: row.optionalDouble(4),
                changeNumeric: row.optionalDouble(5), changePercent: row.optionalDouble(6), selfEmployedPercent: row.optionalDouble(7),
                annualOpenings: row.optionalDouble(8), typicalEducation: row.optionalText(9), workExperience: row.optionalText(10),
                onTheJobTraining: row.optionalText(11))
        }
        for index in profiles.indices {
            let occupation = profiles[index].occupation
            if let own = projectionByKey[projectionKeys.firstIndex(of: occupation.socCode.rawValue)!] {
                profiles[index].projections = own
            } else if let wageCode = profiles[index].wageSource?.code, wageCode != occupation.socCode,
                let group = projectionByKey[projectionKeys.firstIndex(of: wageCode.rawValue)!]
            {
                profiles[index].projections = Projections(
                    code: group.code, title: group.title, basis: .aggregate, employment2024: group.employment2024,
                    employment2034: group.employment2034,
                    changeNumeric: group.changeNumeric, changePercent: group.changePercent, selfEmployedPercent: group.selfEmployedPercent,
                    annualOpenings: group.annualOpenings, typicalEducation: group.typicalEducation, workExperience: group.workExperience,
                    onTheJobTraining: group.onTheJobTraining)
            }
        }
        let projectionCodes = keys(profiles.compactMap { $0.projections?.code.rawValue })
        var attainment: [[EducationShare]] = Array(repeating: [], count: projectionCodes.count)
        var attainmentForGroup: [Bool] = Array(repeating: false, count: projectionCodes.count)
        var topSkills: [[String]] = Array(repeating: [], count: projectionCodes.count)
        try Stepping.each(
            db, keyedBy: "code", projectionCodes,
            { side, keys in
                "SELECT \(side), level, percent, broader_group FROM ep_education_attainment WHERE code IN (\(keys)) ORDER BY code, ordinal"
            }
        ) { index, row in
            attainment[index].append(EducationShare(level: row.text(1), percent: row.optionalDouble(2)))
            if row.bool(3) { attainmentForGroup[index] = true }
        }
        try Stepping.each(
            db, keyedBy: "code", projectionCodes,
            { side, keys in
                "SELECT \(side), skill FROM ep_top_skill WHERE code IN (\(keys)) ORDER BY code, rank"
            }
        ) { index, row in
            topSkills[index].append(row.text(1))
        }

        // O*NET, keyed by the O*NET code.
        // Titles O*NET shows in My Next Move first, then the others, each alphabetically (sorted here: a handful of rows).
        var reported: [[(shown: Bool, title: String)]] = perOccupation([])
        try Stepping.each(
            db, keyedBy: "code", codes,
            { side, keys in
                "SELECT \(side), detail IS NOT NULL, title FROM title WHERE code IN (\(keys)) AND source = 'reported'"
            }
        ) { index, row in
            reported[index].append((row.bool(1), row.text(2)))
        }
        var bySOC: [[OccupationRef]] = Array(repeating: [], count: socCodes.count)
        try Stepping.each(
            db, keyedBy: "soc_code", socCodes,
            { side, keys in
                "SELECT \(side), code, title FROM occupation WHERE soc_code IN (\(keys)) ORDER BY code"
            }
        ) { index, row in
            bySOC[index].append(OccupationRef(code: OccupationCode(row.text(1))!, title: row.text(2)))
        }
        var education: [[(scale: Int, share: CategoryShare)]] = perOccupation([])
        try Stepping.each(
            db, keyedBy: "code", codes,
            { side, keys in
                """
                SELECT \(side), \(ProfileLookups.scaleNumber("scale_id")), category, value, recommend_suppress, standard_error FROM education_training
                WHERE code IN (\(keys)) AND category IS NOT NULL
                """
            }
        ) { index, row in
            let scale = row.int(1), category = row.int(2)
            guard let label = lookups.categoryLabels[ProfileLookups.categoryKey(scale, category)] else { return }
            education[index].append(
                (
                    scale,
                    CategoryShare(
                        category: category, label: label, percent: row.double(3), suppressed: row.bool(4), standardError: row.optionalDouble(5))
                ))
        }

        // Tasks with their detailed work activities (titles from the lookups), in O*NET task order.
        var activities: [[Int: [WorkActivity]]] = perOccupation([:])
        try Stepping.each(db, keyedBy: "code", codes, { side, keys in "SELECT \(side), task_id, dwa_id FROM task_dwa WHERE code IN (\(keys))" }) {
            index, row in
            guard let activity = lookups.activities[row.text(2)] else { return }
            activities[index][row.int(1), default: []].append(activity)
        }
        var tasks: [[OccupationTask]] = perOccupation([])
        try Stepping.each(
            db, keyedBy: "code", codes,
            { side, keys in
                "SELECT \(side), task_id, statement, type, incumbents_responding FROM task WHERE code IN (\(keys)) ORDER BY code, task_id"
            }
        ) { index, row in
            let id = row.int(1)
            tasks[index].append(
                OccupationTask(
                    id: id, statement: row.text(2), kind: row.optionalText(3).flatMap(OccupationTask.Kind.init(rawValue:)),
                    incumbentsResponding: row.optionalDouble(4), activities: activities[index][id] ?? []))
        }

        // Skills and knowledge, importance and level side by side. Rows come in key order (domain, code, element, scale),
        // so IM and LV of one element are adjacent. Estimates O*NET recommends suppressing are not ratings (a suppressed
        // importance is kept apart, flagged, so rankings can say what it would outrank), and a level O*NET marks
        // "not relevant" is not a level.
        var skills: [[Rating]] = perOccupation([]), knowledge: [[Rating]] = perOccupation([])
        var pending: (isSkill: Bool, index: Int, element: String, importance: Double?, level: Double?, withheld: Double?)?
        func flush() {
            guard let p = pending else { return }
            let rating = Rating(
                elementID: p.element, name: lookups.elementNames[p.element] ?? p.element, importance: p.importance, level: p.level,
                withheldImportance: p.withheld)
            if p.isSkill { skills[p.index].append(rating) } else { knowledge[p.index].append(rating) }
        }
        try Stepping.each(
            db, keyedBy: "code", codes,
            { side, keys in
                """
                SELECT \(side), domain = 'skill', element_id, scale_id = 'IM', value, recommend_suppress OR not_relevant
                FROM rating WHERE domain IN ('knowledge', 'skill') AND code IN (\(keys)) ORDER BY domain, code, element_id, scale_id
                """
            }
        ) { index, row in
            let isSkill = row.bool(1), element = row.text(2)
            if pending?.element != element || pending?.index != index || pending?.isSkill != isSkill {
                flush()
                pending = (isSkill, index, element, nil, nil, nil)
            }
            let value: Double? = row.bool(5) ? nil : row.optionalDouble(4)
            if row.bool(3) {
                pending?.importance = value
                if row.bool(5) { pending?.withheld = row.optionalDouble(4) }
            } else {
                pending?.level = value
            }
        }
        flush()

        var technologies: [[Technology]] = perOccupation([])
        try Stepping.each(
            db, keyedBy: "code", codes,
            { side, keys in
                "SELECT \(side), example, hot, in_demand, occupations, related FROM technology WHERE code IN (\(keys))"
            }
        ) { index, row in
            technologies[index].append(
                Technology(
                    name: row.text(1), hot: row.bool(2), inDemand: row.bool(3),
                    occupationCount: row.isNull(4) ? nil : row.int(4), relatedCount: row.isNull(5) ? nil : row.int(5)))
        }
        var tools: [[Tool]] = perOccupation([])
        try Stepping.each(
            db, keyedBy: "code", codes,
            { side, keys in
                "SELECT \(side), example, occupations, related, commodity_code FROM tool WHERE code IN (\(keys))"
            }
        ) { index, row in
            tools[index].append(
                Tool(
                    name: row.text(1), occupationCount: row.isNull(2) ? nil : row.int(2), relatedCount: row.isNull(3) ? nil : row.int(3),
                    commodity: row.isNull(4) ? nil : row.text(4)))
        }
        let surveys = try requirementsSurveys(db, socCodes)
        var related: [[RelatedOccupation]] = perOccupation([])
        try Stepping.each(
            db, keyedBy: "code", codes, { side, keys in "SELECT \(side), related_code, tier, rank FROM related_occupation WHERE code IN (\(keys))" }
        ) { index, row in
            let relatedCode = row.text(1)
            related[index].append(
                RelatedOccupation(
                    code: OccupationCode(relatedCode)!, title: lookups.occupationTitles[relatedCode] ?? relatedCode,
                    tier: row.text(2), rank: row.int(3)))
        }

        for index in profiles.indices {
            let soc = socCodes.firstIndex(of: profiles[index].occupation.socCode.rawValue)!
            if let wageCode = profiles[index].wageSource?.code.rawValue, let wage = wageCodes.firstIndex(of: wageCode) {
                profiles[index].nationalWages = national[wage]
                profiles[index].industries = Array(
                    industries[wage].sorted { l, r in
                        l.employment.value! != r.employment.value! ? l.employment.value! > r.employment.value! : l.naics < r.naics
                    }.prefix(10))
            }
            if let epCode = profiles[index].projections?.code.rawValue, let ep = projectionCodes.firstIndex(of: epCode) {
                profiles[index].attainment = attainment[ep]
                profiles[index].attainmentIsForBroaderGroup = attainmentForGroup[ep]
                profiles[index].topSkills = topSkills[ep]
            }
            profiles[index].reportedTitles = reported[index]
                .sorted { $0.shown != $1.shown ? $0.shown : $0.title.utf8.lexicographicallyPrecedes($1.title.utf8) }.map(\.title)
            profiles[index].socSiblings = bySOC[soc].filter { $0.code.rawValue != codes[index] }
            // Sorted here rather than in SQL, where the sort costs more than the whole read.
            for entry in education[index].sorted(by: { ($0.scale, $0.share.category) < ($1.scale, $1.share.category) }) {
                switch entry.scale {
                case 1: profiles[index].requiredEducation.append(entry.share)
                case 2: profiles[index].relatedExperience.append(entry.share)
                case 3: profiles[index].onSiteTraining.append(entry.share)
                case 4: profiles[index].onTheJobTraining.append(entry.share)
                default: break
                }
            }
            profiles[index].tasks = tasks[index]
            profiles[index].skills = skills[index]
            profiles[index].knowledge = knowledge[index]
            profiles[index].technologies = technologies[index]
            profiles[index].tools = tools[index]
            profiles[index].requirementsSurvey = surveys[socCodes[soc]]
            profiles[index].related = related[index].sorted { $0.rank < $1.rank }
        }
        return requested.map { profiles[unique.firstIndex(of: $0)!] }
    }

    /// The ORS estimates the comparison shows, for each occupation's own SOC code only: ORS figures are never borrowed.
    static func requirementsSurveys(_ db: Database, _ socCodes: [String]) throws -> [String: RequirementsSurvey] {
        var estimates: [[SurveyEstimate]] = Array(repeating: [], count: socCodes.count)
        try Stepping.each(
            db, keyedBy: "soc_code", socCodes,
            { side, keys in
                """
                SELECT \(side), estimate_code, estimate, data_footnote, standard_error FROM ors_estimate
                WHERE soc_code IN (\(keys)) AND estimate_code IN (\(ProfileLookups.measuredSurveyList))
                """
            }
        ) { index, row in
            let footnotes = (row.optionalText(3) ?? "").split(separator: ",")
            let value: SurveyValue
            if let number = row.number(2) {
                value = .value(number)
            } else {
                // "-" with footnote 1 ("less than 0.5 percent"), 2 (hours), 3 (pounds) or 4 ("less than 0.05 days").
                if footnotes.contains("1") {
                    value = .lessThan(0.5)
                } else if footnotes.contains("2") || footnotes.contains("3") || footnotes.contains("4") {
                    value = .lessThan(0.05)
                } else {
                    value = .notPublished
                }
            }
            estimates[index].append(SurveyEstimate(code: row.text(1), value: value, isMode: footnotes.contains("7"), standardError: row.number(4)))
        }
        var surveys: [String: RequirementsSurvey] = [:]
        for (index, soc) in socCodes.enumerated() where !estimates[index].isEmpty {
            surveys[soc] = RequirementsSurvey(socCode: SOCCode(soc)!, estimates: estimates[index])
        }
        return surveys
    }
}
