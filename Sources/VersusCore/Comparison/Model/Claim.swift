/// A comparing sentence ("earns more", "only", "both", "better outlook", the way from one role to the other) with the
/// published rows it rests on, so that a reader, a test or another tool can check the words against the data the way
/// a figure is checked against its row.
public struct Claim: Hashable, Sendable {
    /// What the sentence asserts; the JSON `kind` and what the catalog-wide check applies to it.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Which role pays more (OEWS medians).
        case pay
        /// How long it takes to qualify (ORS preparation, BLS entry education and training, O*NET job zone).
        case preparation
        /// Whether a license is required (ORS shares, the description's own words).
        case licensing
        /// How much of each role's core work the other's does not involve (counts of O*NET tasks).
        case duties
        /// Growth and openings (Employment Projections).
        case outlook
        /// A working condition that differs markedly (ORS shares).
        case conditions
        /// The way from one role to the other (descriptions, tasks, related occupations, entry requirements).
        case route
        /// Work both roles do: one detailed work activity or task statement found in the core tasks of each.
        case shared
        /// Work only one role does: a task of one whose work no task of the other involves.
        case only
    }

    public let kind: Kind
    public let text: Inlines
    /// The rows, in the order the sentence uses them. Never empty for a claim that compares; a sentence that says the
    /// data is silent carries the rows that show what is missing, where there are any.
    public let evidence: [Evidence]

    public init(_ kind: Kind, _ text: Inlines, evidence: [Evidence]) {
        self.kind = kind
        self.text = text
        self.evidence = evidence
    }
}

/// One published value: the file it is in (as carried under `Data/`, without `.gz`), the occupation code as the file
/// writes it, the column or element (a task ID, an ORS estimate code, an O*NET element ID), and the value as published.
public struct Evidence: Hashable, Sendable {
    public let file: DataFile
    public let code: String
    public let element: String
    public let value: String

    public init(_ file: DataFile, code: String, element: String, value: String) {
        self.file = file
        self.code = code
        self.element = element
        self.value = value
    }

    /// "O*NET 30.1, Task Statements: 29-2061.00, task 12345, “Take vital signs.”" for a reader.
    public var citation: String {
        "\(file.title): \(code), \(file.elementLabel(element)): \(value)"
    }
}

/// The upstream files a claim can cite, by their path under `Data/`.
public enum DataFile: String, Hashable, Sendable, CaseIterable {
    case onetOccupations = "onet/30.1/Occupation Data.txt"
    case onetTasks = "onet/30.1/Task Statements.txt"
    case onetTasksToDWAs = "onet/30.1/Tasks to DWAs.txt"
    case onetJobZones = "onet/30.1/Job Zones.txt"
    case onetRelated = "onet/30.1/Related Occupations.txt"
    case oewsEstimates = "oews/may2025/estimates.csv"
    case projections = "bls-ep/2024-34/table_1_2_occupational_projections_and_worker_characteristics.tsv"
    case entryRequirements = "bls-ep/2024-34/table_5_4_education_and_training_assignments.tsv"
    case attainment = "bls-ep/2024-34/table_5_3_educational_attainment.tsv"
    case ors = "bls-ors/2020/ors_2020_estimates.tsv"

    public var title: String {
        switch self {
        case .onetOccupations: return "O*NET 30.1 Occupation Data"
        case .onetTasks: return "O*NET 30.1 Task Statements"
        case .onetTasksToDWAs: return "O*NET 30.1 Tasks to DWAs"
        case .onetJobZones: return "O*NET 30.1 Job Zones"
        case .onetRelated: return "O*NET 30.1 Related Occupations"
        case .oewsEstimates: return "BLS OEWS May 2025, national"
        case .projections: return "BLS Employment Projections 2024–34, table 1.2"
        case .entryRequirements: return "BLS Employment Projections 2024–34, table 5.4"
        case .attainment: return "BLS Employment Projections 2024–34, table 5.3"
        case .ors: return "BLS ORS 2020 (preliminary)"
        }
    }

    /// How the element reads in a citation: "task 12345", "estimate 01087", or the column as the file names it.
    func elementLabel(_ element: String) -> String {
        switch self {
        case .onetTasks: return "task " + element
        case .onetTasksToDWAs: return "task and activity " + element
        case .ors: return "estimate " + element
        case .onetRelated: return "related " + element
        default: return element
        }
    }
}
