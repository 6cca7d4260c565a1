/// The few hand-written word lists of title search, each reviewed. Everything else (acronyms, short
/// forms, abbreviations) is learnt from the titles themselves; see `AbbreviationLexicon`.
enum JobTitleWords {
    /// Grammar words, dropped everywhere: "director of operations" and "operations director" are one title.
    /// The same list that title casing keeps lower-case (`TitleWords.functionWords`), so one list says
    /// what a grammar word is; "vs." never survives tokenizing, so only "vs" can match.
    static let stopwords: Set<String> = TitleWords.functionWords

    /// The job noun of a title: the last word of its first part, or the word before "of" ("Director of
    /// Operations" → director, "Aide, home care" → aide), levels aside ("Engineer II" → engineer).
    /// Nil when there is no such word.
    static func headNoun(_ tokens: [TitleToken]) -> String? {
        var head: String?
        for token in tokens where token.segment == 0 && !token.isBracketed {
            if token.word == "of" { break }
            if !stopwords.contains(token.word) && !noise.contains(token.word) { head = token.word }
        }
        return head
    }

    /// The root that the forms of a word share, for matching one form to another: operations, operating,
    /// operational and operator → "operat"; engineering → "engineer"; accounting, accountant → "account";
    /// management, manager → "manag". One suffix goes, then a final "e". Plurals are gone already.
    static func stem(_ word: String) -> String {
        var word = word
        // In place, without copying the letters out: an index load stems all 60,000 words of the titles.
        let root = word.withUTF8 { bytes -> String? in
            guard bytes.count >= 5, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
            var end = bytes.count
            for suffix in stemSuffixes where end - suffix.count >= 4 && bytes[(end - suffix.count)..<end].elementsEqual(suffix) {
                // "engineer" keeps its "er": the doubled vowel marks the person, not a suffix.
                if suffix.count == 2, suffix[0] == 0x65, suffix[1] == 0x72, bytes[end - 3] == 0x65 { break }
                end -= suffix.count
                break
            }
            if bytes[end - 1] == 0x65 && end >= 5 { end -= 1 }
            return end == bytes.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
        return root ?? word
    }

    private static let stemSuffixes: [[UInt8]] = ["ional", "ion", "ing", "ment", "ant", "al", "er", "or"].map { Array($0.utf8) }

    /// Job nouns of a worker who assists another ("Carpenter Helper", "Dental Assistant"): such a title is not the
    /// job of the worker it assists, though it names it ("Framing Carpenter Helper" is no carpenter).
    static let assisting: Set<String> = ["helper", "assistant", "aide", "apprentice"]

    /// Job nouns of those who run the work rather than do it: a title with one ("Garden Center Manager") is not a
    /// job whose title names a worker and no manager ("Garden Center Laborer").
    static let supervising: Set<String> = [
        "manager", "supervisor", "director", "superintendent", "foreman", "forewoman", "foreperson", "chief", "executive",
        "president",
    ]

    /// Job nouns that name a worker, not the work, whose modifier says which job it is ("Security Staff", "Forest Laborer",
    /// "Lab Technician"): a title with the noun and none of the modifier names no job of the query's
    /// (`TitleIndex.anyFieldWorkerAloneFactor`). Their titles span many occupations (heading O*NET and SOC titles of 431
    /// occupations for specialist, 355 technician, 294 operator, 293 worker, 227 coordinator, 49 hand, 43 laborer), or,
    /// as staff, employee, personnel, crew and help, they name whoever works there.
    static let anyFieldWorkers: Set<String> = [
        "worker", "staff", "laborer", "employee", "personnel", "crew", "crewman", "hand", "help", "technician", "specialist",
        "operator", "coordinator",
    ]

    /// Everyday English words that no job title has: a query skips them unless the index has the word,
    /// so that "how are you" is not read as the initials of three titles ("Health Outreach Worker").
    static let everydayWords: Set<String> = [
        "me", "my", "you", "your", "how", "are", "is", "was", "were", "what", "when", "where", "who", "why", "ok", "okay",
        "yes", "no", "not", "we", "our", "this", "that", "be", "do", "does", "did", "can", "will", "would", "should",
        "hello", "hi", "hey", "please", "thanks", "thank", "like", "lol", "best", "good", "great", "nice", "some",
    ]

    /// Family words, which no title has: beside a job noun they say whom the work serves ("Mommy's Helper"); without one,
    /// what a person does, not a job ("stay at home mom": "MOM" is no Manufacturing Operations Manager).
    static let familyWords: Set<String> = ["mom", "dad", "mommy", "daddy", "mum", "boyfriend", "girlfriend", "grandma", "grandpa"]

    /// Well-known US employers whose names job ads put in the title ("Walmart Cashier", "Starbucks Barista"),
    /// compared in the singular the normalizer gives ("sachs" → "sach"). Public facts, reviewed by hand; only
    /// names that are not also a product job ads ask for (Salesforce, Oracle and SAP name a skill, not an
    /// employer). A query tries them as noise too: "Target Team Member" is a team member at Target, while
    /// "Subway Operator" still matches the subway titles of the data as typed.
    static let employers: Set<String> = Set(employerNames.map(TitleNormalizer.singular))
    private static let employerNames: [String] = [
        "amazon", "walmart", "target", "costco", "kroger", "walgreen", "cvs", "starbuck", "mcdonald", "google",
        "meta", "facebook", "apple", "microsoft", "netflix", "deloitte", "accenture", "pwc", "kpmg", "fedex", "ups",
        "usps", "dhl", "tesla", "ibm", "cisco", "intel", "nvidia", "jpmorgan", "chase", "wells", "fargo", "citi",
        "citibank", "goldman", "sachs", "kaiser", "hca", "chipotle", "wendy", "subway", "chick", "fil", "lowe",
        "depot", "safeway", "publix", "aldi", "ikea", "uber", "lyft", "doordash", "instacart", "grubhub",
        "marriott", "hilton", "hyatt", "disney", "boeing", "lockheed", "raytheon", "pfizer", "humana", "aetna",
        "cigna", "verizon", "comcast", "att", "sephora", "ulta", "nordstrom", "macy", "kohl", "petsmart", "petco",
        "autozone", "aramark", "sodexo", "heb", "meijer", "wegman", "albertson", "dunkin", "popeye", "taco", "bell",
        "permanente", "mayo", "optum", "unitedhealth", "unitedhealthcare", "anthem", "elevance", "centene", "molina",
        "labcorp", "davita", "riteaid", "mckinsey", "bain", "bcg", "ey", "booz", "leidos", "saic",
        "northrop", "grumman", "bofa", "citigroup", "blackrock", "schwab", "usaa", "geico", "allstate", "paypal",
        "airbnb", "linkedin", "spotify", "intuit", "dell", "hp", "samsung", "nike", "tjx", "marshalls", "panera",
        "applebee", "domino", "kfc", "arby", "ihop", "denny", "dillard", "penney", "jcpenney", "gamestop", "wayfair",
        "chewy", "ebay", "etsy", "xpo", "ryder", "penske", "amtrak", "greyhound", "jetblue", "ihg", "wyndham",
        "sherwin", "williams", "stripe", "shopify", "hertz", "avis",
    ]

    /// Licences and certifications that job ads append after a comma ("Civil Engineer, PE", "RN, BSN"):
    /// noise there, like postal codes, since before it some are titles of their own.
    static let credentials: Set<String> = [
        "pmp", "pe", "eit", "aia", "bsn", "msn", "leed", "cissp", "cpa", "shrm", "phr", "sphr", "ccna", "cfa", "mba", "phd",
        "us",
    ]

    /// Words that say how senior, when, where, on what terms or with what stake a person works,
    /// not what the work is. Compared in singular form, after abbreviations are expanded ("sr" → "senior").
    /// They still match, but weigh little: "Senior Accountant" is an accountant.
    static let noise: Set<String> = Set<String>([
        // seniority and level
        "senior", "junior", "lead", "principal", "staff", "entry", "level", "mid", "experienced", "trainee",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "l1", "l2", "l3", "l4", "l5", "grade", "tier",
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "1st", "2nd", "3rd", "4th",
        // shift
        "night", "day", "evening", "overnight", "weekend", "shift", "graveyard", "swing", "rotating", "summer",
        // place of work
        "remote", "hybrid", "onsite", "wfh", "telecommute", "nationwide", "usa",
        // terms of employment ("full" and "part" only before "time": `timeTerms`)
        "time", "fulltime", "parttime", "contract", "temporary", "temp", "seasonal", "permanent",
        "perm", "per", "diem", "prn", "freelance", "casual", "w2", "1099",
        // job-ad wording
        "job", "position", "opening", "hiring", "urgent", "urgently", "immediate", "immediately", "needed", "wanted",
        "now", "new", "grad",
        // work-visa classes, which employers put in seasonal titles ("H2B Landscaper"; "H-2B" is `postingPhrases`)
        "h2b", "h2a", "h1b",
        // stake in the business
        "founder", "cofounder",
        // index conventions of the Census ("Clerk\ ns", "Managers, all other")
        "ns", "nec", "specified", "exc", "except", "any", "all", "other", "etc",
    ]).union(stateNames)

    /// Words that US place names are made of, and job titles seldom: what tells "Plant City, FL" and "Salt Lake City, UT"
    /// from a job's field before a state (`TitleIndex.postingBoilerplate`), where their other words are titles' too.
    static let placeNameWords: Set<String> = [
        "city", "town", "township", "village", "county", "beach", "spring", "fall", "height", "lake", "hill", "valley", "creek",
        "fort", "saint", "san", "santa", "los", "las", "north", "south", "east", "west", "new",
    ]

    /// US states whose names are one word, and the distinctive words of the others: noise wherever they stand.
    static let stateNames: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
        "wisconsin", "wyoming", "york", "jersey", "carolina", "dakota", "hampshire",
    ]

    /// Noise only when "time" follows ("Part-Time Teller", "Full Time Cashier"): elsewhere they are a job's words,
    /// as in "Parts Salesperson", "Full Stack Developer" and "Full Charge Bookkeeper".
    static let timeTerms: Set<String> = ["full", "part"]

    /// What a job ad says of pay, perks, hours and hiring after the title ("Line Cook - Full Time - Benefits",
    /// "Dental Hygienist - PT - Saturdays"): noise after a separator or in brackets, where it describes the ad,
    /// not the work. Before it some are a job's own words ("Benefits Coordinator", "Commission Clerk").
    static let postingTerms: Set<String> = [
        // pay and perks
        "pay", "paid", "top", "earn", "up", "bonus", "sign", "signing", "tip", "commission", "benefit", "salary",
        "wage", "competitive", "incentive", "pto", "relocation", "sponsorship", "visa", "hourly", "weekly", "daily",
        "annual", "annually", "plus",
        // hours and days
        "hour", "hrs", "flexible", "schedule", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday",
        "friday", "morning", "afternoon", "early", "am", "pm", "weekday", "week", "month", "season",
        // hiring
        "now", "apply", "start", "starting", "asap", "required", "preferred", "experience", "year", "yr", "yrs", "minimum",
        "available", "excellent", "bilingual",
    ]

    /// A unit of pay or time after a figure ("$19/hr", "$1,800/wk", "$95K"), noise wherever it stands: "HR"
    /// before "Generalist" is human resources.
    static let figureUnits: Set<String> = ["hr", "hrs", "hour", "wk", "week", "yr", "year", "mo", "month", "k", "annually"]

    /// Job-ad phrases that say nothing of the work, in a title's singular words, noise wherever they stand:
    /// "Customer Service Representative Work From Home", "CDL-A Driver Home Weekly".
    static let postingPhrases: [[String]] = [
        ["work", "from", "home"], ["sign", "on", "bonus"], ["home", "weekly"], ["home", "daily"], ["home", "every"],
        ["will", "train"], ["no", "experience"], ["paid", "training"], ["h", "2b"], ["h", "2a"], ["h", "1b"],
        // A school's posting names the year it hires for ("Kindergarten Teacher 2025-2026 School Year").
        ["school", "year"], ["academic", "year"],
    ]

    /// Noise after a separator only: a state's postal code, a credential, a city's name (as typed: "Los Angeles" is
    /// no plural).
    static func isAsideWord(_ word: String) -> Bool {
        postalCodes.contains(word) || credentials.contains(word) || cities.contains(word)
    }

    /// A number no title has (pay, a requisition, hours): "45821", "95k", "1,800".
    static func isFigure(_ typed: String) -> Bool {
        typed.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
    }

    /// The words of the largest US cities' names, which postings put after the title ("Electrician - San Antonio"):
    /// noise only there, like postal codes, since before it some are a title's own words ("Fort", "Park").
    static let cities: Set<String> = [
        "los", "angeles", "chicago", "houston", "phoenix", "philadelphia", "san", "antonio", "diego", "dallas", "jose",
        "austin", "jacksonville", "fort", "worth", "columbus", "charlotte", "indianapolis", "francisco", "seattle",
        "denver", "washington", "boston", "el", "paso", "nashville", "detroit", "oklahoma", "portland", "las", "vegas",
        "memphis", "louisville", "baltimore", "milwaukee", "albuquerque", "tucson", "fresno", "sacramento", "mesa",
        "kansas", "atlanta", "omaha", "colorado", "springs", "raleigh", "miami", "minneapolis", "tulsa", "tampa",
        "orlando", "pittsburgh", "cincinnati", "cleveland", "st", "louis", "newark", "buffalo", "durham", "irvine",
        "honolulu", "anchorage", "boise", "richmond", "salt", "lake", "city", "bay", "area", "metro", "downtown",
    ]

    /// Postal codes of US states: noise only after a separator ("Nurse - Austin, TX"), since in the first
    /// part of a title many are acronyms of occupations ("PA", "MA", "MD").
    static let postalCodes: Set<String> = [
        "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me",
        "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa",
        "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc",
    ]

    /// How the Census index marks a title it leaves open ("Clerk\\ ns", "Managers, nec", "all other"): not a word of the job.
    static let censusMarkers: Set<String> = ["ns", "nec", "specified", "exc", "except", "any", "all", "other", "etc"]

    /// Words job ads use for a job whose titles say it otherwise, read as that job too, a little below the word as
    /// written (`TitleIndex.synonymWeight`): "Middle School Faculty" teaches there, it does not run the school, while
    /// "Nursing Faculty" still finds the data's own faculty titles first.
    static let synonyms: [String: [String]] = [
        "faculty": ["teacher"],
        // A job ad's spelling of the job noun: "Teacher Aid", "Kitchen Aid" are aides.
        "aid": ["aide"],
        // "General Labor", "Landscape Labor", "Farm Labor": employers name the laborer by the labor.
        "labor": ["laborer"],
        // "Mommy's Helper" is a mother's helper, as the Census writes it.
        "mom": ["mother"], "mommy": ["mother"], "mum": ["mother"], "dad": ["father"], "daddy": ["father"],
    ].merging(Dictionary(uniqueKeysWithValues: seafood.map { ($0, ["seafood", "fish"]) })) { $1 }

    /// The synonyms (`synonyms`) that name the work or a body of workers, not one worker: "Farm Labor" is a farm laborer's
    /// work, "Middle School Faculty" its teachers together. Search reads them as the worker; a page names the worker
    /// ("a Farm Labor worker"), where "a Farm Labor" is no English.
    static let workSynonyms: Set<String> = ["labor", "faculty"]

    /// Kinds of fish and shellfish, which employers name where the data's titles say seafood or fish ("Oyster
    /// Processor", "Crawfish Peeler", "Salmon Roe Technician" for a Seafood Processor or a Fish Cleaner), in singular form.
    static let seafood: [String] = [
        "shellfish", "crawfish", "crayfish", "crab", "crabmeat", "lobster", "shrimp", "prawn", "oyster", "clam", "scallop",
        "mussel", "squid", "octopus", "salmon", "herring", "pollock", "cod", "tuna", "halibut", "catfish", "trout",
        "flounder", "snapper", "tilapia", "mackerel", "sardine", "anchovy", "roe", "surimi",
    ]

    /// A word written as its consonants, as a job ad shortens a word: no vowel after the first letter but a final "e"
    /// ("Mgmt", "Bldg", "Whse", "Acctg"). A word that has its vowels ("Stay", "Mom") is a word of its own.
    static func isContraction(_ word: String) -> Bool {
        let rest = word.utf8.dropFirst()
        guard let last = rest.last else { return false }
        return !rest.dropLast().contains(where: isVowel) && (!isVowel(last) || last == UInt8(ascii: "e"))
    }

    /// Whether two words begin alike and have the same consonants in the same order, "y" counting as a vowel: "anylst" and
    /// "analyst". A misspelling keeps those more than it keeps the vowels.
    static func hasSameConsonants(_ a: String, _ b: String) -> Bool {
        guard let first = a.utf8.first, b.utf8.first == first else { return false }
        let y = UInt8(ascii: "y")
        return a.utf8.lazy.filter { !isVowel($0) && $0 != y }.elementsEqual(b.utf8.lazy.filter { !isVowel($0) && $0 != y })
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        letter == 0x61 || letter == 0x65 || letter == 0x69 || letter == 0x6F || letter == 0x75  // a e i o u
    }

    /// A job-ad abbreviation that stands for words joined by "and", as "FP&A" and "L&D" are written.
    static func isAmpersandAbbreviation(_ short: String) -> Bool {
        abbreviations[short]?.contains { $0.contains(" and ") } ?? false
    }

    /// Job-ad abbreviations, each with what it may stand for (most likely first). The data teaches
    /// most short forms; these are the everyday ones that O*NET rarely spells out next to their long form.
    static let abbreviations: [String: [String]] = [
        "mgr": ["manager"], "mngr": ["manager"], "mgmt": ["management"], "mgt": ["management"],
        "sr": ["senior"], "snr": ["senior"], "jr": ["junior"],
        "asst": ["assistant"], "assoc": ["associate"],
        "eng": ["engineer", "engineering"], "engr": ["engineer"],
        "dev": ["developer", "development"],
        "ops": ["operations"],
        "admin": ["administrative", "administrator", "administration"],
        "tech": ["technician", "technical", "technology"],
        "rep": ["representative"],
        "coord": ["coordinator"],
        "spec": ["specialist"],
        "dir": ["director"],
        "vp": ["vice president"], "svp": ["senior vice president"], "evp": ["executive vice president"],
        "avp": ["assistant vice president"],
        "exec": ["executive"],
        "acct": ["accountant", "accounting", "account"], "acctg": ["accounting"],
        "mktg": ["marketing"],
        "supv": ["supervisor"], "supvr": ["supervisor"], "supt": ["superintendent"],
        "svc": ["service"], "cust": ["customer"], "maint": ["maintenance"],
        "mech": ["mechanic", "mechanical"], "elec": ["electrician", "electrical"],
        // "Head of Operations" runs operations: job ads use "head" for a director or manager.
        "head": ["head", "director", "manager"],
        "dept": ["department"], "govt": ["government"], "intl": ["international"], "natl": ["national"],
        "info": ["information"], "sys": ["systems"], "sw": ["software"],
        "csr": ["customer service representative"],
        // Job-ad short forms that O*NET seldom writes beside their long form, or writes for a rarer
        // meaning: in a job ad SRE is a site reliability engineer, not a software requirements engineer.
        "sde": ["software development engineer"], "swe": ["software engineer"], "sre": ["site reliability engineer"],
        "sdet": ["software development engineer test", "software quality assurance engineer"],
        "hrbp": ["human resources business partner"], "fpa": ["financial planning and analysis"],
        "fb": ["food and beverage"], "ehs": ["environmental health and safety"],
        "ld": ["learning and development", "labor and delivery"], "ux": ["user experience"], "ml": ["machine learning"],
        "bdr": ["business development representative"], "sdr": ["sales development representative"],
        "ae": ["account executive"], "tpm": ["technical program manager"], "csm": ["customer success manager"],
        "otr": ["over the road"], "aml": ["anti money laundering"], "seo": ["search engine optimization"],
        "lcsw": ["licensed clinical social worker"], "lmft": ["licensed marriage and family therapist"],
        "cps": ["child protective services"], "cma": ["certified medical assistant"], "lmt": ["licensed massage therapist"],
        // In a job ad AP is accounts payable; the data's "A&P" titles still match as written.
        "ap": ["accounts payable"],
        // Nursing and mental health: "CRNP" is a nurse practitioner, not a misspelt CRNA; "Psych Tech" works in psychiatry.
        "crnp": ["certified registered nurse practitioner", "nurse practitioner"], "psych": ["psychiatric", "psychology", "psychologist"],
        // How job ads spell technologies that O*NET names otherwise ("Go", "Node.js", "PostgreSQL").
        "golang": ["go"], "k8s": ["kubernetes"], "js": ["javascript"], "nodejs": ["node js"], "reactjs": ["react"],
        "vuejs": ["vue js"], "postgres": ["postgresql"], "gcp": ["google cloud"],
        // How HR systems and civil-service class lists cut words to fit a field ("Hwy Maint Worker II", "Sr Acct Clk",
        // "Police Lt"), and the ranks of police, fire and corrections ("Corr Sgt"): as letters, "LT" would be a Loom
        // Technician's initials and "Sgt" nothing at all. Each with every meaning such lists give it ("Det Officer" in a
        // jail is a detention officer, "Lt Truck Driver" drives a light truck, "Corr Clk" files correspondence).
        "hwy": ["highway"], "constr": ["construction"], "clk": ["clerk"], "wkr": ["worker"], "wtr": ["water"],
        "transp": ["transportation", "transporter"], "pers": ["personnel", "personal"], "ofc": ["office", "officer"], "ofcr": ["officer"],
        "mach": ["machine", "machinist"], "opr": ["operator"], "oper": ["operator", "operating"], "supvsr": ["supervisor"],
        "lt": ["lieutenant", "light"], "lieut": ["lieutenant"], "sgt": ["sergeant"], "capt": ["captain"], "cpl": ["corporal"],
        "det": ["detective", "detention"], "corr": ["correctional", "corrections", "correspondence"],
    ]
}
