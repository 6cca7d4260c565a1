/// The rows behind a claim, named as the upstream files name them, so that each can be found with a text search in
/// the file under `Data/`.
enum Cite {
    // MARK: OEWS

    /// An OEWS wage or employment column ("A_MEDIAN") of the role's wage code, national or in an area.
    static func wage(_ role: Comparison.Role, column: String, local: Bool = false) -> Evidence? {
        guard let source = role.profile.wageSource else { return nil }
        let wages = local ? role.local?.estimate : role.profile.nationalWages
        guard let wages else { return nil }
        let (estimate, hourly): (Estimate, Bool) =
            switch column {
            case "A_MEDIAN": (wages.annualMedian, false)
            case "H_MEDIAN": (wages.hourlyMedian, true)
            case "TOT_EMP": (wages.employment, false)
            default: (.notPublished, false)
            }
        let area = local ? role.local?.area.code ?? "" : "0000000"
        return Evidence(.oewsEstimates, code: source.code.rawValue, element: "\(column), AREA \(area)", value: oews(estimate, hourly: hourly))
    }

    /// A value as OEWS writes it: "105770", "48.61", "#" at the top code, "*" when not published.
    static func oews(_ estimate: Estimate, hourly: Bool) -> String {
        switch estimate {
        case .value(let v): return hourly ? Figures.fixed(v, places: 2).replacingCommas : Figures.fixed(v, places: 0).replacingCommas
        case .atLeast: return "#"
        case .notPublished: return "*"
        }
    }

    // MARK: Employment Projections

    enum ProjectionColumn: String {
        case employment2024 = "Employment, 2024"
        case changePercent = "Employment change, percent, 2024–34"
        case openings = "Occupational openings, 2024–34 annual average"
        case education = "Typical education needed for entry"
        case experience = "Work experience in a related occupation"
        case training = "Typical on-the-job training needed to attain competency in the occupation"
    }

    static func projection(_ role: Comparison.Role, _ column: ProjectionColumn) -> Evidence? {
        guard let p = role.profile.projections else { return nil }
        let value: String?
        switch column {
        case .employment2024: value = p.employment2024.map { Figures.exact($0, maxPlaces: 1).replacingCommas }
        case .changePercent: value = p.changePercent.map { Figures.exact($0, maxPlaces: 1) }
        case .openings: value = p.annualOpenings.map { Figures.exact($0, maxPlaces: 1).replacingCommas }
        case .education: value = p.typicalEducation
        case .experience: value = p.workExperience
        case .training: value = p.onTheJobTraining
        }
        guard let value else { return nil }
        return Evidence(.projections, code: p.code.rawValue, element: column.rawValue, value: value)
    }

    // MARK: ORS

    /// An ORS estimate of the role's SOC code, as published ("26.4"; "<0.5" for a "less than" footnote).
    static func survey(_ role: Comparison.Role, _ code: String) -> Evidence? {
        guard let survey = role.profile.requirementsSurvey, let estimate = survey[code] else { return nil }
        let value: String
        switch estimate.value {
        case .value(let v): value = Figures.exact(v)
        case .lessThan(let bound): value = "<" + Figures.exact(bound)
        case .notPublished: return nil
        }
        return Evidence(.ors, code: survey.socCode.rawValue.replacingHyphens, element: code, value: value)
    }

    // MARK: O*NET

    static func jobZone(_ role: Comparison.Role) -> Evidence? {
        role.profile.jobZone.map { Evidence(.onetJobZones, code: role.occupation.code.rawValue, element: "Job Zone", value: String($0.number)) }
    }

    static func task(_ role: Comparison.Role, _ task: OccupationTask) -> Evidence {
        Evidence(.onetTasks, code: role.occupation.code.rawValue, element: String(task.id), value: task.statement)
    }

    static func activity(_ role: Comparison.Role, _ task: OccupationTask, _ activity: WorkActivity) -> Evidence {
        Evidence(.onetTasksToDWAs, code: role.occupation.code.rawValue, element: "\(task.id) \(activity.id)", value: activity.title)
    }

    /// A sentence of the role's O*NET description, quoted.
    static func description(_ role: Comparison.Role, quoting sentence: String) -> Evidence {
        Evidence(.onetOccupations, code: role.occupation.code.rawValue, element: "Description", value: sentence)
    }

    static func related(_ from: Comparison.Role, _ link: RelatedOccupation) -> Evidence {
        Evidence(.onetRelated, code: from.occupation.code.rawValue, element: link.code.rawValue, value: "\(link.tier), index \(link.rank)")
    }
}

extension String {
    /// "3,712.9" → "3712.9": how the upstream files write numbers.
    fileprivate var replacingCommas: String { filter { $0 != "," } }
    /// "29-1141" → "291141": how ORS writes SOC codes.
    fileprivate var replacingHyphens: String { filter { $0 != "-" } }
}
