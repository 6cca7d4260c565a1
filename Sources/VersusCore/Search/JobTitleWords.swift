/// The few hand-written word lists of title search. Everything else (acronyms, short forms,
/// abbreviations) is learnt from the titles themselves; see `AbbreviationLexicon`.
enum JobTitleWords {
    /// Grammar words, dropped everywhere: "director of operations" and "operations director" are one title.
    static let stopwords: Set<String> = [
        "and", "of", "the", "a", "an", "for", "in", "to", "at", "with", "on", "by", "from", "or", "as",
    ]

    /// Words that say how senior, when, where, on what terms or with what stake a person works,
    /// not what the work is. Compared in singular form, after abbreviations are expanded ("sr" → "senior").
    /// They still match, but weigh little: "Senior Accountant" is an accountant.
    static let noise: Set<String> = [
        // seniority and level
        "senior", "junior", "lead", "principal", "staff", "entry", "level", "mid", "experienced", "trainee",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "l1", "l2", "l3", "l4", "l5", "grade", "tier",
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "1st", "2nd", "3rd", "4th",
        // shift
        "night", "day", "evening", "overnight", "weekend", "shift", "graveyard", "swing", "rotating",
        // place of work
        "remote", "hybrid", "onsite", "wfh", "telecommute", "nationwide", "usa",
        // terms of employment
        "full", "part", "time", "fulltime", "parttime", "contract", "temporary", "temp", "seasonal", "permanent",
        "perm", "per", "diem", "prn", "freelance", "casual", "w2", "1099",
        // job-ad wording
        "job", "position", "opening", "hiring", "urgent", "urgently", "immediate", "immediately", "needed", "wanted",
        // stake in the business
        "founder", "cofounder",
        // index conventions of the Census ("Clerk\ ns", "Managers, all other")
        "ns", "nec", "specified", "exc", "except", "any", "all", "other", "etc",
        // US states whose names are one word, and the distinctive words of the others
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
        "wisconsin", "wyoming", "york", "jersey", "carolina", "dakota", "hampshire",
    ]

    /// Postal codes of US states: noise only after a separator ("Nurse - Austin, TX"), since in the first
    /// part of a title many are acronyms of occupations ("PA", "MA", "MD").
    static let postalCodes: Set<String> = [
        "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me",
        "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa",
        "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc",
    ]

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
        "dept": ["department"], "govt": ["government"], "intl": ["international"], "natl": ["national"],
        "info": ["information"], "sys": ["systems"], "sw": ["software"],
        "csr": ["customer service representative"],
    ]
}
