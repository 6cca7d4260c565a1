import Testing
@testable import VersusCore

/// A casing lexicon learned the way the Store learns it: from O*NET short titles.
let shortTitleCasing = TitleCasing(learningFrom: [
    "COO", "CEO", "RN", "IT Director", "IT Manager", "HR Manager", "GM", "VP Sales", "DevOps Engineer", "OR Nurse", "U.S. Marshal", "R&D Manager",
    "CNA",
])

@Suite("Display names")
struct ComparisonDisplayNameTests {
    @Test(
        "a typed title is plural when it ends in a plural acronym or in the plural head noun of its occupation",
        arguments: [
            ("Registered Nurses", "Registered Nurses", true),
            ("nurse practitioners", "Nurse Practitioners", true),
            ("RNs", "Registered Nurses", true),
            ("LPNs", "Licensed Practical and Licensed Vocational Nurses", true),
            ("Registered Nurse", "Registered Nurses", false),
            ("Director of Sales", "Sales Managers", false),
            ("VP Operations", "General and Operations Managers", false),
            ("RNS", "Registered Nurses", false),
            ("teachers", "Career/Technical Education Teachers, Postsecondary", true),
        ])
    func pluralTypedTitles(typed: String, occupation: String, plural: Bool) {
        #expect(DisplayName.isPlural(typed: typed, occupationTitle: occupation) == plural)
    }

    @Test(
        "titles are cased as people write them",
        arguments: [
            ("operations manager", "Operations Manager"),
            ("coo", "COO"),
            ("COO", "COO"),
            ("rn", "RN"),
            ("it director", "IT Director"),
            ("OPERATIONS MANAGER", "Operations Manager"),
            ("director of operations", "Director of Operations"),
            ("vp of sales", "VP of Sales"),
            ("devops engineer", "DevOps Engineer"),
            ("software engineer ii", "Software Engineer II"),
            ("  event   producer ", "Event Producer"),
            ("co-founder", "Co-Founder"),
            ("owner/operator", "Owner/Operator"),
            ("iOS developer", "iOS Developer"),
            ("McKinsey consultant", "McKinsey Consultant"),
            ("women's health nurse", "Women's Health Nurse"),
            ("nurse or midwife", "Nurse or Midwife"),
            ("r&d manager", "R&D Manager"),
        ])
    func casing(typed: String, expected: String) {
        #expect(DisplayName(typed, casing: shortTitleCasing).text == expected)
    }

    @Test(
        "the indefinite article follows the sound, not the letter",
        arguments: [
            ("operations manager", "an Operations Manager"),
            ("coo", "a COO"),
            ("rn", "an RN"),
            ("it director", "an IT Director"),
            ("hr manager", "an HR Manager"),
            ("cna", "a CNA"),
            ("registered nurse", "a Registered Nurse"),
            ("university professor", "a University Professor"),
            ("hourly supervisor", "an Hourly Supervisor"),
            ("event producer", "an Event Producer"),
            ("MRI technician", "an MRI Technician"),
            ("one-person office manager", "a One-Person Office Manager"),
            ("HVAC technician", "an HVAC Technician"),
            ("NASA engineer", "a NASA Engineer"),
            ("STEM teacher", "a STEM Teacher"),
        ])
    func article(typed: String, expected: String) {
        #expect(DisplayName(typed, casing: shortTitleCasing).withArticle == expected)
    }

    @Test("a field of work is named with its worker in a sentence, and alone as a heading")
    func workAreaNames() {
        let name = DisplayName("inside sales", casing: shortTitleCasing, worker: "worker")
        #expect(name.text == "Inside Sales" && name.withArticle == "an Inside Sales worker")
        #expect(DisplayName("IT support", casing: shortTitleCasing, worker: "worker").withArticle == "an IT Support worker")
        #expect(DisplayName("help desk", casing: shortTitleCasing).withArticle == "a Help Desk")
    }

    @Test("function words are never learned as acronyms")
    func functionWords() {
        #expect(shortTitleCasing.forms["or"] == nil)
        #expect(shortTitleCasing.forms["it"] == "IT")
    }

    @Test(
        "slugs are lowercase ASCII words",
        arguments: [
            ("Operations Manager", "operations-manager"),
            ("COO", "coo"),
            ("R&D Director", "r-and-d-director"),
            ("Café Owner", "cafe-owner"),
            ("Women's Health Nurse", "womens-health-nurse"),
            ("C++ Developer", "c-plus-plus-developer"),
            ("!!!", "role"),
        ])
    func slugs(text: String, expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test(
        "a misspelt word is corrected from the title it matched, a singular of that title's plural never is",
        arguments: [
            ("nurse practioner", "Nurse Practitioners", "nurse practitioner"),
            ("legal secretary", "Legal Secretaries and Administrative Assistants", "legal secretary"),
            ("coach", "Coaches and Scouts", "coach"),
            ("registerd nurse", "Registered Nurse (RN)", "registered nurse"),
            ("nanny", "Nannies", "nanny"),
        ])
    func spelling(typed: String, matched: String, expected: String) {
        #expect(TitleWords.correctingSpelling(typed, from: matched) == expected)
    }
}
