import Foundation
import Testing
@testable import VersusCore
@testable import VersusStore

/// Title search on job titles as postings write them (issue 10), on the real data. The set
/// Fixtures/posting-titles.tsv was written from knowledge of job ads before any tuning; its rows with
/// accepted codes `-` are strings that are not jobs and must be refused. Each pattern the issue names
/// has a test below, with examples of our own.
@Suite(.serialized) struct PostingTitleTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("posting-titles.tsv")

    static var index: TitleIndex { get throws { try TitleEvalTests.index.get() } }

    func first(_ query: String) throws -> TitleMatch? { try Self.index.search(query, limit: 5).first }

    func choice(_ query: String) throws -> TitleChoice { try TitleChoice(query: query, matches: Self.index.search(query, limit: 5)) }

    func expectFirst(_ query: String, in codes: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let results = try Self.index.search(query, limit: 5)
        #expect(
            results.first.map { codes.contains($0.code.socPrefix.rawValue) } == true,
            "\(query): \(results.map { "\($0.code) \($0.matched)" })", sourceLocation: sourceLocation)
    }

    /// A title the data holds, typed as it is, is understood: its words alone may name no job ("Simonizer") or
    /// read as seniority ("School Principal"), but the title itself is the evidence. One alternate title in fifty.
    @Test func everyTitleOfTheDataIsUnderstood() throws {
        let titles = try realDatabase().read { db in
            try String.fetchAll(db, sql: "SELECT title FROM title WHERE source = 'alternate' AND id % 50 = 0 ORDER BY id")
        }
        #expect(titles.count > 500)
        var refused: [String] = []
        for title in titles {
            do { _ = try choice(title) } catch { refused.append(title) }
        }
        #expect(refused.isEmpty, "\(refused.count) of \(titles.count) refused: \(refused.prefix(20))")
    }

    /// A title the data writes in a short and a long form, "ESL Sub (English as a Second Language Substitute)", is
    /// understood and names its occupation first, typed as written or in either form alone. Every such title of
    /// every source: those the index reads as two forms (`TitleIndex.shortFormPair`).
    @Test func aTitleInAShortAndALongFormIsUnderstoodTypedAsWritten() throws {
        let index = try Self.index
        // A title as the index keys it: its set of words.
        func key(_ tokens: [TitleToken]) -> String { Set(tokens.map(\.word)).sorted().joined(separator: " ") }
        // The occupations each title names, as the index reads titles ("Charter Pilot (Airline)" is also "Charter Pilot").
        var named: [String: Set<OccupationCode>] = [:]
        var pairs: [(text: String, forms: [[TitleToken]])] = []
        for record in try realDatabase().titleIndexInput().titles {
            let tokens = TitleNormalizer.tokenize(record.text)
            let outside = tokens.filter { !$0.isBracketed }, inside = tokens.filter(\.isBracketed)
            let isPair =
                !outside.isEmpty && !inside.isEmpty
                && TitleIndex.shortFormPair(outside: outside, inside: inside, shortForm: record.shortForm) != nil
            let forms = isPair ? [tokens, outside, inside] : [tokens, outside]
            for form in forms where !form.isEmpty { named[key(form), default: []].formUnion(record.occupations) }
            if isPair { pairs.append((record.text, forms)) }
        }
        #expect(pairs.count > 3_000)
        var refused: [String] = []
        var outranked: [String] = []
        var seen: Set<String> = []
        for pair in pairs {
            // Either form may be filed under more occupations than the pair is ("AR Clerk (Accounts Receivable Clerk)"
            // under billing clerks, "Accounts Receivable Clerk" under bookkeeping clerks too): any of them may come first.
            let accepted = pair.forms.reduce(into: Set<OccupationCode>()) { $0.formUnion(named[key($1)] ?? []) }
            var queries = [pair.text]
            // Each form alone, as written: "ESL Sub", "English as a Second Language Substitute". An acronym alone may
            // mean another title more often ("SQE": software quality engineer before supplier quality engineer), so
            // its own occupation need only be among the results.
            let text = pair.text
            if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
                queries.append(String(text[text.index(after: open)..<close]))
                queries.append((text[..<open] + text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces))
            }
            for (number, query) in queries.enumerated() where seen.insert(query).inserted {
                let results = try index.search(query, limit: 5)
                let found = results.prefix(2).map { "\($0.code) \(String(format: "%.2f", $0.score)) \($0.matched)" }
                guard let best = results.first, best.score >= TitleChoice.minimumScore else {
                    refused.append("\(query) → \(found)")
                    continue
                }
                if !(number == 0 ? results.prefix(1) : results.prefix(5)).contains(where: { accepted.contains($0.code) }) {
                    outranked.append("\(query) → \(found) not \(accepted.sorted())")
                }
            }
        }
        #expect(refused.isEmpty, "\(refused.count) of \(seen.count) refused: \(refused.prefix(40).joined(separator: "; "))")
        // A few near ties go to a larger occupation with a title one word longer ("Dairy Technician (Dairy Tech)":
        // Dairy Service Technician, 0.88 both): 20 of 10,069 when this was written.
        #expect(outranked.count * 200 <= seen.count, "\(outranked.count) of \(seen.count): \(outranked.prefix(40).joined(separator: "; "))")
    }

    /// The regression floor: at or above the issue's targets (80% top-1, 92% top-5) with a margin.
    @Test func postingStyleSetReachesTheFloor() throws {
        let cases = try TitleEvaluation.parseCases(String(contentsOf: Self.fixture, encoding: .utf8))
        let evaluation = TitleEvaluation(cases: cases, index: try Self.index)
        let report = TitleEvaluationRendering.text(evaluation)
        #expect(evaluation.total >= 300 && evaluation.nonsenseTotal >= 50)
        #expect(evaluation.topOneRate >= 0.85, "\(report)")
        #expect(evaluation.topFiveRate >= 0.95, "\(report)")
        #expect(evaluation.nonsenseRejectionRate >= 0.95, "\(report)")
        // What the search page tells its readers is what was measured.
        let stated = TitleChoice.onPostingTitles
        #expect(stated.titles == evaluation.total)
        #expect(abs(Double(stated.plain) - evaluation.plainAnswerPrecision * 100) <= 2, "\(report)")
        #expect(abs(Double(stated.guess) - evaluation.guessPrecision * 100) <= 2, "\(report)")
    }

    @Test func theSetCoversEverySOCMajorGroup() throws {
        let cases = try TitleEvaluation.parseCases(String(contentsOf: Self.fixture, encoding: .utf8))
        let groups = Set(cases.compactMap { $0.accepted.first.map { String($0.rawValue.prefix(2)) } })
        #expect(groups.count >= 22, "\(groups.sorted())")
    }

    // MARK: - An abbreviation's common meaning wins over a rare one, without overriding a clear match

    @Test func jobAdAbbreviationsMeanWhatJobAdsMean() throws {
        try expectFirst("SRE II", in: ["15-1252", "15-1244", "15-1299"])
        try expectFirst("HRBP - Retail", in: ["13-1071", "11-3121"])
        try expectFirst("FP&A Analyst", in: ["13-2051", "13-2031"])
        try expectFirst("AWS Data Engineer", in: ["15-1252", "15-1243", "15-2051", "15-1242", "15-1299"])
        try expectFirst("L&D Specialist", in: ["13-1151", "11-3131"])
        // The rest of the title chooses between meanings: in nursing L&D is labor and delivery.
        try expectFirst("L&D Nurse", in: ["29-1141"])
        // A short form no title spells out is read as the lexicon says, not as the nearest spelling (CRNA).
        try expectFirst("CRNP - Family Practice", in: ["29-1171"])
        try expectFirst("Psych Tech", in: ["29-2053"])
        try expectFirst("School Psych", in: ["19-3034"])
    }

    /// HR systems and civil-service class lists cut words to fit a field, and write ranks short: as letters, "Lt" was a Loom
    /// Technician's initials (a police lieutenant went to industrial machinery mechanics) and "Hwy" a word not understood.
    @Test func anHRSystemsShortWordsMeanWhatTheyStandFor() throws {
        let cut = [
            ("Hwy Maint Worker II", "47-4051"), ("Police Lt.", "33-1012"), ("Fire Lt", "33-1021"), ("Det Sgt", "33-1012"),
            ("Corr Officer", "33-3012"), ("Sr Acct Clk", "43-3031"), ("Constr Inspector", "47-4011"), ("Wtr Plant Operator", "51-8031"),
            // Their other meanings: a jail's detention officer, a personal trainer, a light truck, a patient transporter.
            ("Det Officer", "33-3012"), ("Pers Trainer", "39-9031"), ("Lt Truck Driver", "53-3033"), ("Patient Transp", "31-1132"),
            ("Corr Clk", "43-4021"),
        ]
        for (query, code) in cut { try expectFirst(query, in: [code]) }
        #expect(try choice("Police Sgt").isWeak == false)
    }

    /// A worker of any field is the job its modifier names: a title with the worker alone ("Worker", "Laborer", "Crewman")
    /// matched "Security Staff" to fast food counter workers and "Forest Laborer" to hand movers of freight.
    @Test func aWorkerOfAnyFieldIsTheJobItsModifierNames() throws {
        try expectFirst("Forest Laborer", in: ["45-4011"])
        try expectFirst("Landscape Crewman", in: ["37-3011"])
        for query in ["Security Staff", "Admin Staff", "Accounting Staff", "Bar Staff"] {
            let matches = try Self.index.search(query, limit: 5)
            #expect(
                matches.first.map { $0.matched.lowercased() != "worker" } ?? true, "\(query): \(matches.first.map(String.init(describing:)) ?? "")")
        }
        // A modifier the data's titles have with the worker still wins with it.
        try expectFirst("Warehouse Worker", in: ["53-7062", "53-7065"])
        try expectFirst("Farm Hand", in: ["45-2093", "45-2092"])
        try expectFirst("Lab Technician", in: ["29-2011", "29-2012", "19-4031", "19-4021", "19-4099"])
    }

    @Test func aPluralShortFormMeansItsSingular() throws {
        try expectFirst("RNs Needed", in: ["29-1141"])
        try expectFirst("PAs - Urgent Care", in: ["29-1071"])
        try expectFirst("CNAs", in: ["31-1131"])
        #expect(try choice("RNs Needed").isWeak == false)
    }

    /// A word no source spells out may still be the initials of some title ("SaaS": Small Appliance Assembly
    /// Supervisor, Sales Auto Accessories and Supplies): such a guess is no clear match.
    @Test func initialsNoSourceSpellsOutAreAWeakGuess() throws {
        #expect(try choice("SaaS Sales").isWeak)
        #expect(try choice("XYZ Coordinator").isWeak)
    }

    @Test func theCommonMeaningDoesNotOverrideAClearTitle() throws {
        try expectFirst("Baggage Porter", in: ["39-6011"])  // what "bp" would expand to, typed in full
        try expectFirst("Software Requirements Engineer", in: ["15-1252", "15-1299"])
        try expectFirst("Solar Energy Systems Engineer", in: ["17-2199"])
    }

    // MARK: - A technology names the job

    @Test func aTechnologyAndAJobNounFindTheOccupationThatUsesIt() throws {
        try expectFirst("Django Developer", in: ["15-1252", "15-1254"])
        try expectFirst("Revit Drafter", in: ["17-3011"])
        try expectFirst("ServiceNow Admin", in: ["15-1244", "15-1211", "15-1299"])
        let match = try #require(try first("Kubernetes Engineer"))
        #expect(["15-1252", "15-1244", "15-1299"].contains(match.code.socPrefix.rawValue))
        #expect(match.source == .technology(inDemand: true), "\(match)")
        // As job ads spell technologies O*NET names otherwise (Go, Kubernetes, JavaScript).
        for query in ["Golang Engineer", "K8s Engineer", "JS Developer"] {
            try expectFirst(query, in: ["15-1252", "15-1244", "15-1299", "15-1254"])
        }
    }

    // MARK: - A seniority word leaves a bare generic noun

    @Test func aBareGenericNounIsChosenByEvidenceWithAlternatives() throws {
        for query in ["Staff Engineer", "Senior Analyst", "Lead Technician"] {
            let chosen = try choice(query)
            #expect(!chosen.alternatives.isEmpty, "\(query): \(chosen.best)")
        }
        try expectFirst("Principal Software Engineer", in: ["15-1252"])
    }

    // MARK: - Forms of a word

    @Test func formsOfAWordMatchEachOther() throws {
        try expectFirst("Operating Manager", in: ["11-1021"])
        try expectFirst("Head of Engineering", in: ["11-9041", "11-3021"])
        try expectFirst("Accounting Specialist", in: ["13-2011", "43-3031"])
        try expectFirst("Operational Excellence Manager", in: ["11-1021", "11-3051", "13-1111"])
    }

    // MARK: - Employers and brands

    @Test func anEmployerDoesNotOutrankTheJobNoun() throws {
        try expectFirst("Costco Stocker", in: ["53-7065"])
        try expectFirst("Kroger Cashier", in: ["41-2011"])
        try expectFirst("Tesla Service Technician", in: ["49-3023"])
        // The data's evidence wins over the list: Subway names a transit job in O*NET's own titles.
        try expectFirst("Subway Operator", in: ["53-4041"])
    }

    /// An employer's name that no title has is the employer, not a misspelt job word: "Sachs" was read as "Sash"
    /// and made a Goldman Sachs analyst a carpenter; "Permanente" as a word not understood made an RN weak.
    @Test func anEmployerNameNoTitleHasIsNeitherATypoNorUnknown() throws {
        #expect(try first("Goldman Sachs Analyst")?.matched.lowercased().contains("sash") == false)
        try expectFirst("Goldman Sachs Software Engineer", in: ["15-1252"])
        for (query, code) in [("Kaiser Permanente RN", "29-1141"), ("Mayo Clinic Medical Assistant", "31-9092")] {
            try expectFirst(query, in: [code])
            #expect(try choice(query).isWeak == false, "\(query)")
        }
    }

    @Test func anEmployerAloneIsNotUnderstood() throws {
        #expect(throws: UnclearTitle.self) { try choice("Walmart") }
        #expect(throws: UnclearTitle.self) { try choice("Starbucks") }
    }

    // MARK: - Knowing when not to guess

    @Test func aStringWithNoJobNounIsNotUnderstoodButGetsSuggestions() throws {
        for query in ["purple giraffe", "sandwich", "lorem ipsum", "how are you today"] {
            #expect(throws: UnclearTitle.self, "\(query)") { try choice(query) }
        }
        let error = #expect(throws: UnclearTitle.self) { try choice("sandwich") }
        #expect(error?.nearest.isEmpty == false, "the nearest real titles are offered")
    }

    /// Pay, hours, perks and hiring words after the title describe the ad: the title is understood, not weak or
    /// refused, while the same words before a separator, or a unit before a job word, keep their meaning.
    @Test func aJobAdsWordingAfterTheTitleIsNotTheJob() throws {
        let ads: [(String, [String])] = [
            ("Forklift Operator - Day Shift - Immediate Start", ["53-7051"]),
            ("Delivery Driver - Earn up to $22/hr + Tips", ["53-3033", "53-3032", "43-5021"]),
            ("Line Cook - Full Time - Benefits", ["35-2014"]),
            ("Customer Service Representative Work From Home", ["43-4051"]),
            ("Overnight Stocker - $17.50/hour", ["53-7065"]),
            ("$5,000 Sign-On Bonus - Registered Nurse", ["29-1141"]),
            ("Hiring Now: Customer Service Rep", ["43-4051"]),
            ("New Grad RN", ["29-1141"]),
            ("Pharmacy Tech Trainee - Paid Training", ["29-2052"]),
            ("CDL-A Truck Driver - Home Weekly - $1,800/wk", ["53-3032"]),
            ("Kindergarten Teacher 2025-2026 School Year", ["25-2012"]),
        ]
        for (ad, codes) in ads {
            try expectFirst(ad, in: codes)
            #expect(try choice(ad).isWeak == false, "\(ad)")
        }
        try expectFirst("Benefits Coordinator", in: ["11-3111", "13-1141"])
        try expectFirst("HR Generalist ($25/hr)", in: ["13-1071"])
        try expectFirst("911 Dispatcher", in: ["43-5031"])
        try expectFirst("New Accounts Clerk", in: ["43-4141"])
    }

    /// After a separator, a word that no title has nor resembles, or a large city's name, is a place, an employer
    /// or jargon: the title before it is understood in full. Before the separator such a word still makes the match weak, and a query
    /// of such words alone is still not understood.
    @Test func anUnknownWordAfterTheTitleIsAPlaceOrJargon() throws {
        let placed = [
            ("Registered Nurse - Dallas", "29-1141"), ("Barista - Downtown Chicago", "35-3023"),
            ("Electrician - San Antonio", "47-2111"), ("Nurse - Los Angeles, CA", "29-1141"),
        ]
        for (query, code) in placed {
            try expectFirst(query, in: [code])
            #expect(try choice(query).isWeak == false, "\(query)")
        }
        #expect(try choice("Xyzzyq Barista").isWeak)
        #expect(throws: UnclearTitle.self) { try choice("asdfq - qwerz") }
    }

    /// A qualifier that leaves the title's first occupation as it is adds no doubt: "Bus Operator - Transit Authority" was
    /// weak (0.64) for the words of the employer, "Dog Groomer - Full Service Salon" for the salon's. One that changes it
    /// is read on its own: "Nurse Manager - Med/Surg" names a medical-surgical nurse first, not the manager, so stays weak.
    @Test func aQualifierThatLeavesTheAnswerAddsNoDoubt() throws {
        for (query, code) in [
            ("Bus Operator - Transit Authority", "53-3052"), ("Dog Groomer - Full Service Salon", "39-2021"),
            ("Licenced Practical Nurse (LPN) - Long Term Care", "29-2061"), ("Diesel Mechanic - Fleet Shop", "49-3031"),
            ("Executive Assistant to the CEO", "43-6011"),
        ] {
            try expectFirst(query, in: [code])
            #expect(try choice(query).isWeak == false, "\(query)")
        }
        #expect(try choice("Nurse Manager - Med/Surg").isWeak)
        // A title alone that names another occupation first lends nothing ("Medical Assistant" of a query whose words
        // reach a family-practice physician assistant first).
        let other = try #require(try first("Medical Assistant - Family Practice"))
        #expect(other.code.rawValue != "31-9092.00" && other.titleAloneConfidence == nil)
        // A qualifier that brings another occupation near keeps the doubt it adds, though the title alone is sure.
        #expect(try choice("Executive Director").isWeak == false)
        #expect(try choice("Executive Director - Nonprofit").isWeak)
        // Short forms before "to" are the job nouns they stand for.
        #expect(try choice("Exec Asst to the President").best.code.rawValue == "43-6011.00")
        #expect(try choice("Exec Asst to the President").isWeak == false)
    }

    /// Before the state that ends an ad, a city, though titles have its words: "Grand Rapids" made a dental assistant weak.
    /// A job noun or a short form there is still the job's.
    @Test func theCityBeforeAStateIsAPlace() throws {
        for (query, code) in [
            ("Dental Assistant, Grand Rapids, MI", "31-9091"), ("Welder - Cedar Rapids, Iowa", "51-4121"),
            ("Bartender - Nashville TN", "35-3011"), ("Electrician - Fort Wayne, IN", "47-2111"),
        ] {
            try expectFirst(query, in: [code])
            #expect(try choice(query).isWeak == false, "\(query)")
        }
        #expect(try first("RN - ICU, TX")?.code.rawValue == "29-1141.03")
        // A city has a word few titles have; the words of a job's field, which titles share, are the job's, and a state
        // after them changes nothing ("Family Practice" was taken for a city, and the nurse was any nurse).
        for query in ["Nurse - Family Practice", "Teacher - Special Education", "Cook - Front End"] {
            #expect(try first(query + ", OH")?.code == first(query)?.code, "\(query)")
        }
        try expectFirst("Security - Shift Supv, Houston TX", in: ["33-1091"])
        #expect(try choice("Security - Shift Supv, Houston TX").isWeak == false)
        // A short form of several meanings is a job word too ("Oper": operator or operating); a city in the state's own part
        // leaves the part before it to the job; a city of common words has a word of places.
        try expectFirst("Manufacturing - Machine Oper, Dallas TX", in: ["51-4021", "51-4031", "51-9199"])
        #expect(try choice("Manufacturing - Machine Oper, Dallas TX").isWeak == false)
        #expect(try first("Nurse - Family Practice, Dayton OH")?.code == first("Nurse - Family Practice")?.code)
        #expect(try first("Nurse - Dialysis, TX")?.code == first("Nurse - Dialysis")?.code)
        #expect(try first("Production Worker - Plant City, FL")?.code == first("Production Worker")?.code)
        #expect(try first("Barista - Salt Lake City, UT")?.code == first("Barista")?.code)
        // The postal code that ends the ad is finished, not the start of a word: "CA" was completed to car, care and
        // carrier, and "City, CA" read as a city carrier with confidence.
        #expect(try first("Rental Agent, CA")?.matched == "Rental Agent")
        #expect(try choice("City, CA").isWeak)
        #expect(try first("RN - Charge Nurse, TX")?.code.socPrefix.rawValue == "29-1141")
    }

    /// After a separator a posting says where or in what ("- Family Practice", "- Hospital"): the job noun before
    /// it decides, so a title that matches the qualifier but names another job ("Family Practice Medical Doctor",
    /// "Police Department Secretary") does not win on the qualifier's words.
    @Test func aQualifierDoesNotOutweighTheJobNoun() throws {
        for (query, noun) in [("Medical Assistant - Family Practice", "assistant"), ("Analyst - Police Department", "analyst")] {
            let matched = try first(query)?.matched.lowercased() ?? ""
            #expect(matched.contains(noun), "\(query): matched \(matched)")
        }
        #expect(try choice("Security Guard - Hospital").isWeak == false)
        // "to" after a job noun starts a qualifier too: the assistant of a chief, not the chief.
        try expectFirst("Executive Assistant to the Chief Financial Officer", in: ["43-6011"])
        try expectFirst("Special Assistant to the Director", in: ["43-6011", "43-6014"])
        try expectFirst("Door to Door Sales Representative", in: ["41-9091"])
        try expectFirst("Security Guard - Hospital", in: ["33-9032"])
    }

    /// An O*NET title naming two jobs side by side names its first in full: "Veterinary Assistant" is
    /// Veterinary Assistants and Laboratory Animal Caretakers (it was the technologists, whose alternate title it is),
    /// while the second, which may share the first's words, is not made a title of its own.
    @Test func aTitleNamingTwoJobsNamesItsFirst() throws {
        try expectFirst("Veterinary Assistant", in: ["31-9096"])
        #expect(try first("Service Technician")?.code.rawValue != "49-3011.00")
    }

    /// "Full" and "part" say how many hours only before "time"; elsewhere they are the job's own words. As noise
    /// everywhere, "Parts Counter" lost its first word to the "Counter" of weighing and "Full Stack Engineer" was
    /// a fuel cell's "Stack Engineer".
    @Test func fullAndPartAreHoursOnlyBeforeTime() throws {
        try expectFirst("Parts Counter", in: ["41-2022"])
        try expectFirst("Auto Parts Associate", in: ["41-2022"])
        #expect(try first("Full Stack Engineer")?.matched.lowercased().contains("full stack") == true)
        try expectFirst("Full Charge Bookkeeper", in: ["43-3031"])
        for query in ["Part-Time Bank Teller", "Bank Teller - Part Time", "Full Time Bank Teller"] {
            try expectFirst(query, in: ["43-3071"])
            #expect(try choice(query).isWeak == false, "\(query)")
        }
    }

    /// "Summer", like "seasonal", says when the work is, not what it is.
    @Test func aSeasonSaysWhenNotWhat() throws {
        try expectFirst("Summer Camp Counselor", in: ["39-9032"])
        #expect(try choice("Summer Lifeguard").isWeak == false)
    }

    /// Teaching posts name the grades ("K-5", "6-8", "9-12"); titles name the school level they make up.
    @Test func aGradeRangeNamesItsSchoolLevel() throws {
        try expectFirst("Teacher - K-5", in: ["25-2021"])
        try expectFirst("Special Education Teacher K-5", in: ["25-2056"])
        try expectFirst("Math Teacher 6-8", in: ["25-2022"])
        try expectFirst("Science Teacher, Grades 9-12", in: ["25-2031"])
        try expectFirst("Paraprofessional - K-5", in: ["25-9042"])
    }

    /// In a job ad AP is accounts payable, which O*NET never spells so; where the data writes it for a title
    /// of its own ("A&P Mechanic", an airframe and powerplant mechanic) that title still wins.
    @Test func apIsAccountsPayableUnlessATitleSaysOtherwise() throws {
        try expectFirst("AP Clerk", in: ["43-3031"])
        try expectFirst("AP Specialist - Remote", in: ["43-3031"])
        try expectFirst("A&P Mechanic", in: ["49-3011"])
    }

    /// Last in the title, after what it leads, a lead is the job: its leader or first-line supervisor. Read as a level,
    /// as before the noun, "Kitchen Lead" and "Shift Lead" were not understood at all.
    @Test func aLeadAfterWhatItLeadsIsTheJob() throws {
        for (query, code) in [("Kitchen Lead", "35-1012"), ("Cashier Lead", "41-1011"), ("Maintenance Lead", "49-1011")] {
            try expectFirst(query, in: [code])
        }
        // Weak only where the data files the supervisor's title under several occupations alike: "Maintenance
        // Supervisor" is a mechanics', a janitors', a production and a construction supervisor's title.
        for query in ["Kitchen Lead", "Cashier Lead"] { #expect(try choice(query).isWeak == false, "\(query)") }
        #expect(try choice("Maintenance Lead").isWeak)
        try expectFirst("Warehouse Lead - 2nd Shift", in: ["53-1042", "53-1047"])
        try expectFirst("Shift Lead", in: ["51-1011", "35-1012", "41-1011", "43-1011"])
        // Before the noun it is a level: a lead cook cooks. Alone it leads nothing named.
        try expectFirst("Lead Line Cook", in: ["35-2014"])
        #expect(throws: UnclearTitle.self) { try choice("the lead") }
    }

    @Test func aThinMatchIsWeakAndAFullOneIsNot() throws {
        #expect(try choice("Registered Nurse").isWeak == false)
        #expect(try choice("Kroger Team Member").isWeak)
    }
}
