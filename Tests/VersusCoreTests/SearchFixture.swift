@testable import VersusCore

/// A small index written by hand: a few occupations with titles shaped like the real sources,
/// enough to check each rule of normalizing and ranking on values that fit on a screen.
enum SearchFixture {
    static func code(_ text: String) -> OccupationCode { OccupationCode(text)! }

    static let occupations: [SearchableOccupation] = [
        profile("11-1011.00", "Chief Executives", 200_000),
        profile("11-1021.00", "General and Operations Managers", 3_500_000),
        profile("13-1082.00", "Project Management Specialists", 1_000_000),
        profile("11-9021.00", "Construction Managers", 400_000),
        profile("11-9041.00", "Architectural and Engineering Managers", 200_000),
        profile("35-3031.00", "Waiters and Waitresses", 2_200_000),
        profile("35-3023.00", "Fast Food and Counter Workers", 3_600_000),
        profile("15-1252.00", "Software Developers", 1_600_000),
        profile("15-1254.00", "Web Developers", 90_000),
        profile("29-1141.00", "Registered Nurses", 3_300_000),
        profile("29-1171.00", "Nurse Practitioners", 300_000),
        profile("25-2021.00", "Elementary School Teachers, Except Special Education", 1_400_000),
        profile("25-2031.00", "Secondary School Teachers, Except Special and Career/Technical Education", 1_000_000),
        profile("25-2011.00", "Preschool Teachers, Except Special Education", 500_000),
        profile("25-9042.00", "Teaching Assistants, Preschool, Elementary, Middle, and Secondary School", 1_200_000),
        profile("47-2111.00", "Electricians", 800_000),
        profile("49-9021.00", "Heating, Air Conditioning, and Refrigeration Mechanics and Installers", 400_000),
        profile("33-2011.00", "Firefighters", 330_000),
        profile("13-1071.00", "Human Resources Specialists", 900_000),
        profile("43-4051.00", "Customer Service Representatives", 2_800_000),
        profile("41-3091.00", "Sales Representatives of Services", 1_200_000),
        profile("41-4012.00", "Sales Representatives, Wholesale and Manufacturing", 1_300_000),
        profile("51-4071.00", "Foundry Mold and Coremakers", 12_000),
        profile("11-9032.00", "Education Administrators, Kindergarten through Secondary", 290_000),
    ]

    static let titles: [TitleRecord] =
        occupations.map { TitleRecord(text: $0.title, source: .occupation, occupations: [$0.code]) } + [
            alternate("11-1011.00", "Chief Operating Officer (COO)", short: "COO", sources: 4),
            alternate("11-1011.00", "CEO (Chief Executive Officer)", short: "CEO", sources: 4),
            alternate("11-1011.00", "Chief Financial Officer (CFO)", short: "CFO", sources: 3),
            alternate("11-1021.00", "Operations Manager", sources: 3),
            reported("11-1021.00", "Operations Manager", featured: true),
            alternate("11-1021.00", "Department Store General Manager (Dept Store GM)", short: "Dept Store GM", sources: 1),
            alternate("11-1021.00", "Operations Director", sources: 2),
            alternate("13-1082.00", "Project Manager", sources: 2),
            alternate("11-9021.00", "Project Manager", sources: 1),
            reported("11-9041.00", "Project Manager", featured: false),
            alternate("11-9041.00", "Engineering Manager", sources: 2),
            alternate("35-3031.00", "Server", sources: 2),
            reported("35-3031.00", "Server", featured: true),
            alternate("35-3031.00", "Waiter", sources: 3),
            alternate("35-3023.00", "Server", sources: 1),
            reported("35-3023.00", "Server", featured: true),
            alternate("15-1252.00", "Software Engineer", sources: 4),
            // A job noun is what two titles at least end in (TitleIndex.isJobNoun), as thousands do in the data.
            reported("15-1252.00", "Applications Engineer", featured: false),
            alternate("15-1252.00", "Software Developer", sources: 4),
            alternate("15-1254.00", "Full Stack Developer", sources: 1),
            alternate("15-1252.00", "Full Stack Developer", sources: 1),
            alternate("29-1141.00", "Registered Nurse (RN)", short: "RN", sources: 4),
            alternate("29-1141.00", "Intensive Care Unit Registered Nurse (ICU RN)", short: "ICU RN", sources: 2),
            alternate("29-1141.00", "Staff Nurse", sources: 2),
            alternate("29-1171.00", "Nurse Practitioner", sources: 4),
            alternate("25-2021.00", "Teacher", sources: 4),
            reported("25-2021.00", "Elementary Teacher", featured: true),
            alternate("25-2031.00", "Teacher", sources: 3),
            reported("25-2031.00", "High School Teacher", featured: true),
            alternate("25-2011.00", "Teacher", sources: 2),
            alternate("25-9042.00", "Teacher's Aide", sources: 2),
            alternate("47-2111.00", "Electrician", sources: 4),
            alternate("47-2111.00", "Journeyman Electrician", sources: 2),
            alternate("49-9021.00", "HVAC Technician (Heating, Ventilation, and Air Conditioning Technician)", short: "HVAC Technician", sources: 3),
            alternate("49-9021.00", "HVAC Tech (Heating, Ventilation, and Air Conditioning Technician)", short: "HVAC Tech", sources: 2),
            alternate("49-9021.00", "Heating and Air Conditioning Mechanic", sources: 2),
            alternate("33-2011.00", "Firefighter", sources: 4),
            alternate("13-1071.00", "Human Resources Generalist (HR Generalist)", short: "HR Generalist", sources: 3),
            alternate("13-1071.00", "Recruiter", sources: 4),
            alternate("43-4051.00", "Customer Service Representative", sources: 4),
            alternate("41-3091.00", "Customer Service Rep (Customer Service Representative)", short: "Customer Service Rep", sources: 1),
            alternate("41-4012.00", "Sales Development Representative", sources: 2),
            alternate("41-3091.00", "Account Representative (Account Rep)", short: "Account Rep", sources: 2),
            alternate("41-4012.00", "Sales Representative (Sales Rep)", short: "Sales Rep", sources: 3),
            TitleRecord(text: "Founder", source: .census(restriction: .only), occupations: [code("51-4071.00")]),
            alternate("11-9032.00", "Principal", sources: 4),
        ]

    static let index = TitleIndex(occupations: occupations, titles: titles)

    static func top(_ query: String, limit: Int = 5) throws -> [TitleMatch] {
        try index.search(query, limit: limit)
    }

    static func first(_ query: String) throws -> String? {
        try index.search(query, limit: 1).first?.code.rawValue
    }

    private static func profile(_ code: String, _ title: String, _ employment: Double) -> SearchableOccupation {
        let occupation = OccupationCode(code)!
        return SearchableOccupation(code: occupation, title: title, socCode: occupation.socPrefix, employment: employment)
    }

    private static func alternate(_ code: String, _ text: String, short: String? = nil, sources: Int) -> TitleRecord {
        TitleRecord(text: text, shortForm: short, source: .alternate(sources: sources), occupations: [OccupationCode(code)!])
    }

    private static func reported(_ code: String, _ text: String, featured: Bool) -> TitleRecord {
        TitleRecord(text: text, source: .reported(featured: featured), occupations: [OccupationCode(code)!])
    }
}
