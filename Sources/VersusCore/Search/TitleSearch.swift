import Foundation  // log

extension TitleIndex {
    /// The occupations `query` may name, best first, at most `limit`.
    ///
    /// Throws `TitleQueryError` for what is not a typed title (empty, over 200 characters, control
    /// characters, binary data, no letters or digits). A title the index does not know still gets the
    /// nearest occupations, with low scores; only a query with nothing resembling any title's words
    /// returns no match. A last word that no title has is completed ("registered nur").
    public func search(_ query: String, limit: Int) throws -> [TitleMatch] {
        try search(query, limit: limit, typing: false)
    }

    /// `typing`: the person may still be typing the last word, so complete it even when it is a word
    /// of its own ("coo" may become "cook"); completions rank below what the word already matches.
    public func search(_ query: String, limit: Int, typing: Bool) throws -> [TitleMatch] {
        let (tokens, endsMidWord) = try words(of: query)
        guard limit > 0 else { return [] }
        let completion: Completion = !endsMidWord ? .none : (typing ? .always : .unknownWords)
        var matches = matches(tokens, limit: limit, completion: completion)
        // Qualifiers after the title ("- Pediatrics", ", Grand Rapids, MI", "to the CEO") that leave its first occupation as
        // it is add no doubt: whatever of them no title has lowers the score, not the answer. The title alone says how sure,
        // less the lead the qualifiers gave another occupation ("Executive Director - Nonprofit": "Nonprofit Director").
        if !typing, let first = matches.first, let end = [tokens.firstIndex { $0.segment > 0 }, qualifyingTo(tokens)].compactMap({ $0 }).min() {
            let title = Array(tokens[..<end])
            let alone = self.matches(title, limit: TitleChoice.depth, completion: .none)
            if let aloneFirst = alone.first, aloneFirst.code == first.code {
                let own = TitleChoice.confidence(of: matches, query: query)
                let sure = TitleChoice.confidence(of: alone, query: title.map(\.typed).joined(separator: " "))
                matches[0].titleAloneConfidence = min(sure, own + aloneFirst.score - first.score)
            }
        }
        return matches
    }

    /// "Executive Assistant to the CEO" assists the CEO: after a job noun, "to" starts a qualifier, as a separator does.
    /// Within titles "to" joins words that are no job ("Door to Door", "Return to Factory").
    func qualifyingTo(_ tokens: [TitleToken]) -> Int? {
        tokens.indices.first { index in
            index > 0 && tokens[index].word == "to" && tokens[index].segment == 0 && isJobNoun(tokens[index - 1])
        }
    }

    /// A job noun as the index knows it, spelt out: the index holds "Asst", "Supv" and "Sgt" only as the words they stand for,
    /// and a short form of several meanings ("Oper": operator or operating) is one if a meaning written for it is.
    func isJobNoun(_ token: TitleToken) -> Bool {
        func isJobNoun(_ word: String) -> Bool { wordIDs[word].map { self.isJobNoun[Int($0)] } == true }
        return isJobNoun(lexicon.canonicalWord(token) ?? token.word)
            || lexicon.alternativeWords(token).contains { $0.confidence == 1 && isJobNoun($0.word) }
    }

    private func matches(_ tokens: [TitleToken], limit: Int, completion: Completion) -> [TitleMatch] {
        scratchPool.withScratch { scratch in
            var plan = makePlan(tokens, completion: completion, scratch: scratch)
            let kind = kind(of: tokens, plan)
            scratch.nextOccupationGeneration()
            for variant in plan.variants { score(variant, scratch) }
            if scratch.touchedOccupations.isEmpty, loosen(&plan, scratch) {
                for variant in plan.variants { score(variant, scratch) }
            }
            return results(limit: limit, plan: plan, scale: kind.scale, workArea: kind == .workArea, scratch)
        }
    }

    /// Whether `query` names work, not a worker, as `search` reads it: the work of titles the data has ("Inside Sales",
    /// "Data Entry"), or what a title's worker does ("Software Engineering", "Bookkeeping": no job noun as typed, and not
    /// word for word a title, but a title read with its worker). A page then speaks of "an Inside Sales worker", where
    /// "an Inside Sales" is no English. So is a title whose job noun is a synonym for the work (`JobTitleWords.workSynonyms`:
    /// "Farm Labor"). A job noun, a short form of a title ("COO") or a misspelt one ("anylst") is a worker.
    public func readsAsWork(_ query: String) -> Bool {
        guard let (tokens, endsMidWord) = try? words(of: query) else { return false }
        return scratchPool.withScratch { scratch in
            let plan = makePlan(tokens, completion: endsMidWord ? .unknownWords : .none, scratch: scratch)
            switch kind(of: tokens, plan) {
            case .workArea: return true
            case .noJob: return false
            case .job:
                if let head = JobTitleWords.headNoun(tokens), JobTitleWords.workSynonyms.contains(head) { return true }
                guard !namesJob(plan) else { return false }
                let readings = plan.variants.prefix(plan.readings)
                return !readings.contains { titleEntry($0) != nil } && readings.contains { workerReadings($0).contains { titleEntry($0) != nil } }
            }
        }
    }

    /// The query's words as search, explain and `readsAsWorkArea` all read them, and whether its last word may be
    /// unfinished: a query ending in a space or punctuation has its last word finished.
    private func words(of query: String) throws -> (tokens: [TitleToken], endsMidWord: Bool) {
        try TitleNormalizer.validate(query)
        let tokens = TitleNormalizer.tokenize(GradeRange.schoolLevels(in: query))
        guard !tokens.isEmpty else { throw TitleQueryError.noWords }
        return (tokens, query.unicodeScalars.last.map(TitleNormalizer.isWordCharacter) ?? false)
    }

    /// How the index reads `query`: each word with what it may stand for, and the variants tried.
    /// For people who wonder why a result ranks where it does.
    public func explain(_ query: String) throws -> String {
        let (tokens, endsMidWord) = try words(of: query)
        let plan = scratchPool.withScratch { makePlan(tokens, completion: endsMidWord ? .unknownWords : .none, scratch: $0) }
        var lines: [String] = []
        for (number, variant) in plan.variants.enumerated() {
            let penalty = TitleSearchRendering.fixed(Double(variant.penalty))
            lines.append(number == 0 ? "as typed:" : number < plan.readings ? "its long form alone:" : "variant \(number) (×\(penalty)):")
            for position in variant.positions {
                let meanings = position.alternatives.map {
                    let guess = $0.weight < 1 ? " ×" + TitleSearchRendering.fixed(Double($0.weight)) : ""
                    return "\(words[Int($0.word)])\(isJobNoun[Int($0.word)] ? "*" : "")\(guess)"
                }
                let weight = TitleSearchRendering.fixed(Double(position.weight))
                lines.append(
                    "  \(position.canonical): weight \(weight)\(position.isNoise ? " (noise)" : "") → "
                        + (meanings.isEmpty ? "unknown" : meanings.joined(separator: ", ")))
            }
        }
        let kind = kind(of: tokens, plan)
        let scale =
            switch kind {
            case .job: ""
            case .workArea: "; none here, but the work of titles that have one, so every score is scaled by \(kind.scale)"
            case .noJob: "; none here, so every score is scaled by \(kind.scale)"
            }
        lines.append("(* job noun\(scale))")
        return lines.joined(separator: "\n")
    }

    /// What a query names, which decides how far its scores are trusted.
    enum QueryKind {
        /// A job: a job noun, or word for word a title of the data.
        case job
        /// The work of titles the data has, without their worker (`namesWorkArea`).
        case workArea
        /// No job: its nearest titles are only suggestions.
        case noJob

        var scale: Float {
            switch self {
            case .job: 1
            case .workArea: TitleIndex.workAreaScale
            case .noJob: TitleIndex.noJobNounScale
            }
        }
    }

    /// The one place `search` and `explain` decide what the query names. A sentence names nothing, whatever its words.
    func kind(of tokens: [TitleToken], _ plan: Plan) -> QueryKind {
        if isSpeech(tokens, plan) { return .noJob }
        if namesJob(plan) || isTitle(plan) { return .job }
        return namesWorkArea(plan) ? .workArea : .noJob
    }

    /// Whether some reading of the query has a job noun (`isJobNoun`): as typed, expanded, or with one letter corrected;
    /// or ends in a word that is alone a title (`oneWordTitles`). Another form of a word ("help" → helper, "score" →
    /// scorer), a guess at an unfinished word, and words that only resemble titles' words (`loosen`) do not count.
    func namesJob(_ plan: Plan) -> Bool {
        // An employer's name alone ("Starbucks") names no job, whatever its pieces resemble.
        let content = plan.variants.first?.positions.filter { !$0.isNoise } ?? []
        if !content.isEmpty, content.allSatisfy({ isEmployer($0.canonical) }) { return false }
        return plan.variants.contains { variant in
            variant.positions.contains { position in
                guard !position.isNoise else { return false }
                // A word that is alone a title names the job where it ends the query ("Show Horse Groom"), not before
                // what it qualifies ("Gutter Cleaning" is no fish gutter's work).
                let namesTitle = position.isHead && position.alternatives.first.map { $0.weight == 1 && oneWordTitles.contains($0.word) } ?? false
                return namesTitle || position.alternatives.contains { $0.weight >= 0.85 && isJobNoun[Int($0.word)] }
            }
        }
    }

    /// Whether the query has a word of everyday speech that no title has ("my cat", "help me"): a sentence, not a title,
    /// whatever its other words resemble ("CAT" is a Certified Appliance Technician). So is a family word, unless the
    /// query has a job noun as typed ("Mommy's Helper" is a childcare worker; "stay at home mom" no job).
    func isSpeech(_ tokens: [TitleToken], _ plan: Plan) -> Bool {
        let unknown = tokens.lazy.filter { self.wordIDs[$0.word] == nil }
        if unknown.contains(where: { JobTitleWords.everydayWords.contains($0.word) }) { return true }
        guard unknown.contains(where: { JobTitleWords.familyWords.contains($0.word) }) else { return false }
        let typedJobNoun = plan.variants.first?.positions.contains { position in
            !position.isNoise && position.alternatives.contains { $0.weight == 1 && isJobNoun[Int($0.word)] }
        }
        return typedJobNoun != true
    }

    /// Whether the query is, word for word, a title the data holds ("Simonizer", "School Principal"): such a title
    /// names a job whatever its words are on their own, so it is never scaled down as a query with no job noun.
    /// The query's words as read ("director of operations": director, operation), noise words included.
    ///
    /// So is a query that ends in the work rather than the worker ("Landscape Labor", "Seafood Processing") when, read
    /// with the worker who does it (`addWorker`), it is word for word such a title ("Landscape Laborer").
    func isTitle(_ plan: Plan) -> Bool {
        plan.variants.prefix(plan.readings).contains { reading in
            titleEntry(reading) != nil || workerReadings(reading).contains { titleEntry($0) != nil }
        }
    }

    /// Whether the query names the work of titles the data has, without their worker: "Inside Sales", "Data Entry", "Front
    /// Desk", as people write titles and job ads headings. Two or more words as typed, none a job noun, that `workAreaTitles`
    /// titles or more have with one job noun more ("Inside Sales Representative", "Inside Sales Engineer"). No string of
    /// words that is no job has that many ("Summer Vacation", "Funny Cat Videos"), nor does a single word: "Pizza" is in
    /// "Pizza Maker", and no one's work.
    func namesWorkArea(_ plan: Plan) -> Bool {
        guard let typed = plan.variants.first else { return false }
        // The words that are no level or number ("Tier 1 Help Desk"), unless that leaves one: "Data Entry" is no entry level.
        let words = typed.positions.filter { !$0.isNoise }
        let content = words.count >= 2 ? words : typed.positions
        guard content.count >= 2, !words.isEmpty, content.allSatisfy({ $0.isLiteralKnown }) else { return false }
        var ids: [Int32] = []
        for position in content {
            guard let id = wordIDs[position.canonical], !isJobNoun[Int(id)] else { return false }
            if !ids.contains(id) { ids.append(id) }
        }
        var found = 0
        forEachEntry(havingAll: ids, more: 1) { _, words in
            if let other = words.first(where: { !ids.contains($0) }), isJobNoun[Int(other)] { found += 1 }
            return found >= Self.workAreaTitles
        }
        return found >= Self.workAreaTitles
    }

    /// The reading with its job noun replaced by each worker form `addWorker` gave it.
    private func workerReadings(_ reading: Variant) -> [Variant] {
        guard let at = reading.positions.firstIndex(where: \.isHead), reading.positions[at].isLiteralKnown,
            let typed = reading.positions[at].alternatives.first?.word, !isJobNoun[Int(typed)]
        else { return [] }
        return reading.positions[at].alternatives.dropFirst().filter { isJobNoun[Int($0.word)] && $0.weight == Self.otherFormWeight }.map {
            var worker = reading
            worker.positions[at].canonical = words[Int($0.word)]
            return worker
        }
    }

    /// The entry whose words are, word for word, those of the reading, if the index has one.
    private func titleEntry(_ reading: Variant) -> Int32? {
        var ids = Set<Int32>()
        for position in reading.positions {
            guard let id = wordIDs[position.canonical] else { return nil }
            ids.insert(id)
        }
        var found: Int32?
        forEachEntry(havingAll: ids, more: 0) { entry, _ in
            found = entry
            return true
        }
        return found
    }

    /// Calls `body` with each entry that has every word of `ids` (distinct ids) and `more` words besides, and its words,
    /// until `body` returns true: the entries are looked for among those of the rarest word.
    private func forEachEntry(havingAll ids: some Collection<Int32>, more: Int, _ body: (Int32, ArraySlice<Int32>) -> Bool) {
        guard let rarest = ids.min(by: { documentFrequency[Int($0)] < documentFrequency[Int($1)] }) else { return }
        for entry in postings[Int(postingOffsets[Int(rarest)])..<Int(postingOffsets[Int(rarest) + 1])] {
            let words = entryWords[Int(entryWordOffsets[Int(entry)])..<Int(entryWordOffsets[Int(entry) + 1])]
            if words.count == ids.count + more, ids.allSatisfy(words.contains), body(entry, words) { return }
        }
    }

    /// A word of the employer list that no occupation's own title has: the data's evidence wins over the
    /// list, so "subway" (Subway and Streetcar Operators) stays a job word.
    func isEmployer(_ word: String) -> Bool {
        JobTitleWords.employers.contains(word) && !(wordIDs[word].map { occupationTitleWords.contains($0) } ?? false)
    }

    // MARK: - Ranking constants

    /// A query with no job noun ("pizza", "the best") keeps its nearest titles, as suggestions, at this
    /// fraction of their score: below `TitleChoice.minimumScore`, so no page is written about it.
    static let noJobNounScale: Float = 0.5
    /// A query that names the work but not the worker (`namesWorkArea`) keeps this fraction of its scores: enough to be
    /// understood, never enough to be confident (`TitleChoice.weakScore`), as which of the area's workers is meant is a guess.
    static let workAreaScale = Float(TitleChoice.weakScore) - 0.01
    /// Such a query names none of the area's workers, so the employment prior weighs as for a title matched this well
    /// (`ambiguityPriorWeight`): "Inside Sales" is the wholesale sales representatives' title before the sales engineers'.
    /// Lower, the largest occupation with any title of the area wins ("Quality Control Clerk": stockers).
    static let workAreaPriorSimilarity: Float = 0.3
    /// Titles of the data that must have the query's words and one job noun more for it to name a work area.
    static let workAreaTitles = 3
    /// A title matched in full needs no prior; the less of it matches, the more the prior decides
    /// between the occupations it could be ("team member": retail before wholesale). The prior's weight
    /// grows by this much per unit of similarity below `clearMatch`. Twice this let "event producer" go to
    /// General and Operations Managers (a Census "Producer" among millions of managers) rather than producers.
    static let ambiguityPriorWeight: Float = 0.25
    static let clearMatch: Float = 0.9
    /// The ambiguity prior is the employment prior raised to this power: the log-scaled prior barely
    /// separates 1 million workers from 4 million; to the 8th power it does (0.56 against 0.92), and an
    /// occupation of ten thousand hardly counts (0.02).
    static let ambiguityPriorSharpness: Float = 8

    /// A title that lacks the query's job noun and names a worker of its own: "Framing Carpenter" for "Framing
    /// Carpenter Helper", "Garden Center Manager" for "Garden Center Laborer". Its words match, its job does not.
    static let otherWorkerFactor: Float = 0.8
    /// Fraction of the score that does not depend on the link strength: a title matched word for word
    /// but named by a weak source still beats a title matched in part by a strong one.
    static let linkFloor: Float = 0.85
    /// Fraction of the score that the employment prior moves: enough to order equal matches, too little
    /// to reorder unequal ones.
    static let priorWeight: Float = 0.06
    /// Fraction of the score that the occupation's own title moves. Several occupations often list the
    /// same title ("UX Designer" under both software testers and interface designers); the one whose
    /// own name shares the query's words (Web and Digital Interface *Designers*) is the likelier.
    static let ownTitleWeight: Float = 0.03
    /// Results scoring under this fraction of the best one are left out: they are not alternatives, only noise.
    static let relativeFloor: Float = 0.4
    /// Titles fewer than this have a word of a city's name (`postingBoilerplate`): "rapids", "Dayton" and "lake" none; the
    /// words of a job's field dozens ("family", "practice", "education"), or some ("dialysis").
    static let placeWordTitles: Int32 = 5
    /// A job ad's word for a job that titles say otherwise (`JobTitleWords.synonyms`): enough to name the job.
    static let synonymWeight: Float = 0.9
    /// Another form of a typed word ("operational" for operations) counts this fraction of the word itself.
    static let otherFormWeight: Float = 0.8
    /// A rare or unknown short word is read as at most this many common words it may be a short form of.
    static let shortFormReadings = 2
    /// Each trusted a little below another form of the word itself (`otherFormWeight`), which `workerReadings` reads as
    /// the worker of a title that ends in the work: a guess at a word is no such reading.
    static let shortFormWeight: Float = 0.78
    /// A rare or unknown word is read as at most this many common words it may be a misspelling of.
    static let typoReadings = 3
    /// A typed word in more titles than this is not given its other forms.
    static let rareFormTitles: Int32 = 100
    /// Words in brackets weigh this fraction: "Registered Nurse (ICU)" names a specialty there, not the occupation.
    static let bracketedWeight: Float = 0.4
    /// A word of the ad around the title ("- Los Angeles, CA", "($19/hr)") says nothing of the job, less than a noise
    /// word of the title itself, which some titles have ("Senior Accountant"): however many, they barely move a score.
    static let adWordingWeight: Float = 0.01
    /// A title that matches a worker of any field and none of the words that say which ("Worker" for "Security Staff",
    /// "Laborer" for "Forest Laborer", "Crewman" for "Landscape Crewman") names no job of the query's: below a title that
    /// has the deciding word with another worker's noun ("Forest Worker"). Measured with `versus eval titles`: on the
    /// H-2B set 4 more first answers right and 2 more in the top five, none lost; no answer of ours changed.
    static let anyFieldWorkerAloneFactor: Float = 0.8
    /// "Shift Lead" read as a shift supervisor: below the leader the lead is named for.
    static let leadAsSupervisorWeight: Float = 0.8
    /// How much more the job noun of a title weighs when a qualifier follows it.
    static let qualifiedHeadWeight: Float = 2.5
    /// A variant of the query (an acronym expanded, two words joined) is trusted a little less than the
    /// query as typed, so that equal matches favour what the person wrote.
    static let variantPenalty: Float = 0.98
    /// A word no source spells out, read as the initials of a title the data has, is a guess: trusted less than
    /// an expansion the data or the job-ad lexicon gives ("SaaS Sales" is not a Small Appliance Assembly Supervisor).
    static let initialsPenalty: Float = 0.9

    // MARK: - Query plan

    struct Alternative {
        let word: Int32
        /// 1 for the word as typed; lower for a guess (another meaning, a completion, a typo correction).
        let weight: Float
    }

    /// One word of the query and the index words it may stand for.
    struct Position {
        var weight: Float
        var alternatives: [Alternative]
        /// Acronym expansions: each a list of index words.
        var phrases: [[Int32]] = []
        /// The phrases are titles whose initials the word is, not what the data says the word stands for.
        var phrasesAreInitials = false
        var factor: Float
        var isNoise: Bool
        var canonical: String
        /// As typed, before abbreviations were expanded: what a split of a run-together word starts from.
        var typed: String = ""
        var isLiteralKnown: Bool
        /// Unknown to the index, or in one title only: perhaps a typo or words run together.
        var isRare: Bool = false
        /// After a separator: "Family Practice" in "Medical Assistant - Family Practice".
        var isQualifier = false
        /// The job noun of the title's first part ("assistant"), see `JobTitleWords.headNoun`.
        var isHead = false
        /// What the job noun's work is: a word of the title's first part that is neither its job noun nor noise.
        var isModifier: Bool { !isHead && !isNoise && !isQualifier && !alternatives.isEmpty }
    }

    struct Variant {
        var positions: [Position]
        var penalty: Float
    }

    struct Plan {
        var variants: [Variant]
        /// `variants[..<readings]` read the query word for word: as typed, and the long form alone of a title
        /// written in its short and long form (`longForm`).
        var readings = 1
    }

    /// When the last word of a query is completed with the index words it begins.
    enum Completion {
        case none
        /// Only when the index does not have the word: it can only be unfinished.
        case unknownWords
        /// Also when it has it: type-ahead, the person may go on typing.
        case always
    }

    func makePlan(_ tokens: [TitleToken], completion: Completion, scratch: SearchScratch) -> Plan {
        let tokens = separatingStaff(tokens)
        let typed = makeVariants(tokens, completion: completion, scratch: scratch)
        guard let first = typed.first, let long = longForm(tokens, completion: completion, scratch: scratch) else {
            return Plan(variants: typed)
        }
        // A title written in its short and its long form, "ESL Sub (English as a Second Language Substitute)", as
        // the data writes thousands: the index keeps each form as a title of its own and never the two together
        // (`TitleIndex.init`), so the query is also read as its long form alone, which says all the short one does.
        return Plan(variants: Array(([first, long] + typed.dropFirst()).prefix(10)), readings: 2)
    }

    /// The long form, unbracketed, of a query written as a title's short and long form, "K-12 Principal
    /// (Kindergarten Through Twelfth Grade Principal)"; nil for a query with no brackets or with a qualifier in
    /// them, "Charter Pilot (Airline)". Two forms either align as the index's rule aligns them
    /// (`TitleIndex.shortFormPair`), or are each a title that the data files under one same occupation: O*NET
    /// names the short form of its titles, which a query does not have.
    private func longForm(_ tokens: [TitleToken], completion: Completion, scratch: SearchScratch) -> Variant? {
        guard tokens.contains(where: \.isBracketed), tokens.contains(where: { !$0.isBracketed }) else { return nil }
        let outside = tokens.filter { !$0.isBracketed }
        let inside = tokens.filter(\.isBracketed).map {
            TitleToken(word: $0.word, typed: $0.typed, segment: $0.segment, isAmpersandForm: $0.isAmpersandForm)
        }
        let endsBracketed = tokens.last?.isBracketed ?? false  // the form of the last word may be unfinished
        guard let outer = makeVariants(outside, completion: endsBracketed ? .none : completion, scratch: scratch).first,
            let inner = makeVariants(inside, completion: endsBracketed ? completion : .none, scratch: scratch).first,
            !outer.positions.isEmpty, !inner.positions.isEmpty
        else { return nil }
        let letters = { (tokens: [TitleToken]) in tokens.reduce(0) { $0 + $1.typed.utf8.count } }
        let long = letters(inside) <= letters(outside) ? outer : inner
        if Self.shortFormPair(outside: outside, inside: inside, shortForm: nil) != nil { return long }
        guard let a = titleEntry(outer), let b = titleEntry(inner) else { return nil }
        let named = Set(linkTargets[Int(entryLinkOffsets[Int(a)])..<Int(entryLinkOffsets[Int(a) + 1])].map(\.occupation))
        let shared = linkTargets[Int(entryLinkOffsets[Int(b)])..<Int(entryLinkOffsets[Int(b) + 1])].contains { named.contains($0.occupation) }
        return shared ? long : nil
    }

    /// Whether the token at `index` is the last word of the title itself: the last before a separator or a bracket.
    static func endsTitle(_ tokens: [TitleToken], at index: Int) -> Bool {
        let token = tokens[index]
        guard token.segment == 0, !token.isBracketed else { return false }
        return index + 1 == tokens.count || tokens[index + 1].segment > 0 || tokens[index + 1].isBracketed
    }

    /// Which tokens are a job ad's wording rather than the job: a posting phrase ("work from home"), a unit after a
    /// figure ("$19/hr"), wherever they stand, or the city before the state that ends the ad.
    static func postingBoilerplate(
        _ tokens: [TitleToken], isJobWord: (TitleToken) -> Bool, isPlaceWord: (TitleToken) -> Bool
    ) -> [Bool] {
        var marked = [Bool](repeating: false, count: tokens.count)
        for (index, token) in tokens.enumerated() {
            if index > 0, JobTitleWords.isFigure(tokens[index - 1].typed), JobTitleWords.figureUnits.contains(token.word) {
                marked[index] = true
            }
            for phrase in JobTitleWords.postingPhrases where phrase[0] == token.word && index + phrase.count <= tokens.count {
                if zip(phrase, tokens[index...]).allSatisfy({ $0 == $1.word }) {
                    for covered in index..<(index + phrase.count) { marked[covered] = true }
                }
            }
        }
        // "Dental Assistant, Grand Rapids, MI", "Bartender - Nashville TN": before the state that ends the ad, a city,
        // whatever its other words are in titles ("grand"). Up to three words, after a separator, in the state's part, or
        // in the part before when the state stands alone ("Grand Rapids, MI", not "Family Practice, Dayton OH"); a job noun
        // or a short form there is the job's ("RN - Charge Nurse, TX", "RN - ICU, TX", "Machine Oper, Dallas TX"). A city
        // has a word few titles have or none ("rapids", "Dayton") or a word of places ("Plant City", "Salt Lake"); words
        // that titles share are the job's field ("Nurse - Family Practice, OH", "Teacher - Special Education, CA").
        if let state = tokens.indices.last, tokens[state].segment > 0, !tokens[state].isBracketed,
            JobTitleWords.postalCodes.contains(tokens[state].word) || JobTitleWords.stateNames.contains(tokens[state].word)
        {
            var city = state
            while city > 0, state - city < 3, tokens[city - 1].segment > 0, tokens[city - 1].segment >= tokens[state].segment - 1,
                city == state || tokens[city - 1].segment == tokens[city].segment,
                !tokens[city - 1].isBracketed, !isJobWord(tokens[city - 1])
            {
                city -= 1
            }
            if tokens[city..<state].contains(where: isPlaceWord) {
                for index in city..<state { marked[index] = true }
            }
        }
        return marked
    }

    /// "Waitstaff", "Kitchenstaff": staff written onto what they do, in a word no title has, are read as two words, so that
    /// the staff are the job's workers as in "Wait Staff" (`makeVariants`). The data's own such words stay ("Bellstaff").
    private func separatingStaff(_ tokens: [TitleToken]) -> [TitleToken] {
        guard tokens.contains(where: { $0.word.hasSuffix("staff") && $0.word.utf8.count >= 9 }) else { return tokens }
        return tokens.flatMap { token -> [TitleToken] in
            let work = String(token.word.dropLast(5))
            // In the title itself, of a work the index knows as a word or by its other forms ("wait": waiter): after a
            // separator "Flagstaff" is a place.
            guard token.word.hasSuffix("staff"), work.utf8.count >= 4, wordIDs[token.word] == nil, token.segment == 0,
                !token.isBracketed, wordIDs[work] != nil || wordsByStem[JobTitleWords.stem(work)] != nil
            else { return [token] }
            return [work, "staff"].map {
                TitleToken(word: $0, typed: $0, isBracketed: token.isBracketed, segment: token.segment)
            }
        }
    }

    /// The variants of one reading of the query: as typed first, then its acronyms expanded, words joined or split.
    private func makeVariants(_ tokens: [TitleToken], completion: Completion, scratch: SearchScratch) -> [Variant] {
        var positions: [Position] = []
        var adjacency: [Bool] = []  // positions[i] directly follows positions[i - 1] in the query
        var previousToken = -2
        let boilerplate = Self.postingBoilerplate(
            tokens, isJobWord: { isJobNoun($0) || !lexicon.expandedPhrases($0).isEmpty },
            isPlaceWord: { token in
                JobTitleWords.placeNameWords.contains(token.word)
                    || (lexicon.alternativeWords(token).isEmpty
                        && (wordIDs[token.word].map { documentFrequency[Int($0)] < Self.placeWordTitles } ?? true))
            })
        let to = qualifyingTo(tokens)
        // Last in the title, after what they do ("Kitchen Staff", "Wait Staff"), staff are the job's workers, as titles write
        // them; before it ("Staff Accountant"), or alone, it is a level.
        let staff = tokens.indices.first { index in
            index > 0 && tokens[index].word == "staff" && Self.endsTitle(tokens, at: index) && index < (to ?? tokens.count)
                && tokens[..<index].contains { lexicon.canonicalWord($0) != nil && !JobTitleWords.noise.contains($0.word) }
        }
        let head = staff != nil ? "staff" : JobTitleWords.headNoun(Array(tokens[..<(to ?? tokens.count)]))
        for (index, typedToken) in tokens.enumerated() {
            guard var canonical = lexicon.canonicalWord(typedToken) else { continue }
            if JobTitleWords.everydayWords.contains(canonical), wordIDs[canonical].map({ documentFrequency[Int($0)] < 2 }) ?? true { continue }
            var token = typedToken
            // Last in the title, after what it leads ("Shift Lead", "Warehouse Lead - Nights"), a lead is the job, a
            // leader, as titles write it; before it ("Lead Cook"), or alone, it is a level.
            let leadIsTheJob =
                canonical == "lead" && Self.endsTitle(tokens, at: index)
                && tokens.indices.contains(where: { $0 != index && lexicon.canonicalWord(tokens[$0]) != nil })
            if leadIsTheJob {
                canonical = "leader"
                token = TitleToken(word: canonical, typed: canonical, isBracketed: token.isBracketed, segment: token.segment)
            }
            let aside = token.segment > 0 || token.isBracketed
            // What the ad says around the title: the pay, the place, the hours.
            let isAdWording =
                boilerplate[index]
                || (token.segment > 0 && (JobTitleWords.isAsideWord(canonical) || JobTitleWords.isAsideWord(token.typed)))
                || (aside && JobTitleWords.postingTerms.contains(canonical))
                || (JobTitleWords.isFigure(token.typed) && (aside || wordIDs[canonical] == nil))
            let beforeTime = index + 1 < tokens.count && tokens[index + 1].word == "time"
            // An employer's name that no title has ("KPMG", "Sachs") is the employer, never a misspelt job word ("Sash").
            let isUnknownEmployer = JobTitleWords.employers.contains(canonical) && wordIDs[canonical] == nil
            let isNoise =
                isAdWording || isUnknownEmployer || (JobTitleWords.noise.contains(canonical) && index != staff)
                || (beforeTime && JobTitleWords.timeTerms.contains(canonical))
            var factor: Float = isAdWording ? Self.adWordingWeight : isNoise ? Self.noiseWeight : 1
            if token.isBracketed { factor *= Self.bracketedWeight }
            // A state's postal code that ends an ad is finished, though no title has it: "Rental Agent, CA" is no car rental
            // agent, "City, CA" no city carrier. Type-ahead may still complete it.
            let isFinishedState = completion == .unknownWords && token.segment > 0 && JobTitleWords.postalCodes.contains(token.word)
            let isLast = index == tokens.count - 1 && !isFinishedState
            // "E&O", "M&A": a short form of words joined by "and". Unless the data writes it so ("R&D", "A&P") or the job-ad
            // abbreviations spell it with "and" ("L&D", "FP&A"), it is no title's word, nor what its letters spell without
            // the "&" ("EO" is an equipment operator, "MA" a medical assistant): a word not understood.
            let isUnknownAmpersandForm =
                token.isAmpersandForm && !(wordIDs[canonical].map(ampersandWords.contains) ?? false)
                && !JobTitleWords.isAmpersandAbbreviation(token.typed)
            var position = makePosition(
                token, canonical: canonical, factor: factor, isNoise: isNoise,
                completion: isLast ? completion : .none, guesses: !isUnknownEmployer, readable: !isUnknownAmpersandForm, scratch: scratch)
            if let first = position.alternatives.first, positions.contains(where: { $0.alternatives.first?.word == first.word }) {
                continue  // the same word twice says nothing more
            }
            if leadIsTheJob, let supervisor = wordIDs["supervisor"] {
                // A lead leads a team or a shift as its first-line supervisor does.
                position.alternatives.append(Alternative(word: supervisor, weight: Self.leadAsSupervisorWeight))
            }
            // Staff of a work the index knows, as typed or in another form ("Wait" as in waiter): "Blah Staff" names no one.
            if index == staff, let worker = wordIDs["worker"],
                positions.contains(where: { !$0.isNoise && ($0.isLiteralKnown || $0.alternatives.contains { $0.weight == Self.otherFormWeight }) })
            {
                position.alternatives.append(Alternative(word: worker, weight: Self.synonymWeight))
            }
            if !isUnknownEmployer, !isUnknownAmpersandForm {
                (position.phrases, position.phrasesAreInitials) = phrases(for: token, position: position)
            }
            // After a separator, a word no title has, nor resembles, is a place, an employer or jargon ("Electrician -
            // San Antonio", "Network Engineer - CCNP"): nothing to match, and no sign the title was misread.
            if aside, !isNoise, position.alternatives.isEmpty, position.phrases.isEmpty {
                position.weight *= Self.adWordingWeight
                position.factor *= Self.adWordingWeight
                position.isNoise = true
            }
            position.isQualifier = token.segment > 0 || index > (to ?? tokens.count)
            position.isHead = token.segment == 0 && !token.isBracketed && token.word == head && index < (to ?? tokens.count)
            if position.isHead { addWorker(to: &position) }
            adjacency.append(index == previousToken + 1)
            previousToken = index
            positions.append(position)
        }
        // A title and what qualifies it ("Medical Assistant - Family Practice"): the job noun says what the job
        // is, so a title matching the qualifier's words but not the job noun ("Family Practice Medical Doctor")
        // should not win on them.
        if positions.contains(where: { $0.isQualifier && !$0.isNoise }), let at = positions.firstIndex(where: \.isHead) {
            positions[at].weight *= Self.qualifiedHeadWeight
            positions[at].factor *= Self.qualifiedHeadWeight
        }
        // A query of noise words only ("Principal", "Lead") means them.
        if !positions.isEmpty, positions.allSatisfy(\.isNoise) {
            for index in positions.indices {
                positions[index].factor /= Self.noiseWeight
                positions[index].weight /= Self.noiseWeight
                positions[index].isNoise = false
            }
        }

        // A word read as a title's initials is a last resort: beside a job noun the query already has ("SCA Laborer
        // Grounds Maintenance"), the unknown word is the employer's or a program's name, not a second job.
        for index in positions.indices where positions[index].phrasesAreInitials {
            let namesJobElsewhere = positions.indices.contains { other in
                other != index && !positions[other].isNoise
                    && positions[other].alternatives.contains { $0.weight == 1 && isJobNoun[Int($0.word)] }
            }
            if namesJobElsewhere { positions[index].phrases = [] }
        }
        var variants = [Variant(positions: positions, penalty: 1)]
        // Acronyms and short forms, expanded.
        let expandable = positions.indices.filter { !positions[$0].phrases.isEmpty }
        func penalty(_ index: Int) -> Float { positions[index].phrasesAreInitials ? Self.initialsPenalty : Self.variantPenalty }
        for index in expandable.prefix(3) {
            for phrase in positions[index].phrases.prefix(2) {
                variants.append(Variant(positions: replacing(positions, at: index, with: phrase), penalty: penalty(index)))
            }
        }
        if expandable.count >= 2 {
            var expanded = positions
            for index in expandable.prefix(3).reversed() {
                expanded = replacing(expanded, at: index, with: positions[index].phrases[0])
            }
            variants.append(Variant(positions: expanded, penalty: expandable.prefix(3).reduce(1) { $0 * penalty($1) }))
        }
        // An employer's name is not the job ("Walgreens Team Member"): also read it as noise, so that the
        // job noun decides, while titles that have the word ("Subway Operator") still match as typed.
        let employers = positions.indices.filter { !positions[$0].isNoise && isEmployer(positions[$0].canonical) }
        if !employers.isEmpty, employers.count < positions.filter({ !$0.isNoise }).count {
            var quiet = positions
            for index in employers {
                quiet[index].weight *= Self.noiseWeight
                quiet[index].factor *= Self.noiseWeight
                quiet[index].isNoise = true
            }
            variants.append(Variant(positions: quiet, penalty: Self.variantPenalty))
        }
        // Words written apart that titles write as one ("fire fighter" → firefighter), and the reverse ("fullstack").
        for index in positions.indices.dropFirst() where adjacency[index] {
            let joined = positions[index - 1].canonical + positions[index].canonical
            // A short form written in two ("HR BP" for HRBP) stands for its long form.
            if wordIDs[joined] == nil, let phrase = lexiconPhrases(TitleToken(word: joined, typed: joined)).first {
                var merged = positions
                merged.remove(at: index)
                variants.append(Variant(positions: replacing(merged, at: index - 1, with: phrase), penalty: Self.variantPenalty))
                continue
            }
            guard let id = wordIDs[joined], documentFrequency[Int(id)] >= 2 else { continue }
            var merged = positions
            let factor = min(positions[index - 1].factor, positions[index].factor)
            merged[index - 1] = Position(
                weight: inverseFrequency[Int(id)] * factor, alternatives: [Alternative(word: id, weight: 1)],
                factor: factor, isNoise: false, canonical: joined, isLiteralKnown: true)
            merged.remove(at: index)
            variants.append(Variant(positions: merged, penalty: Self.variantPenalty))
        }
        for index in positions.indices where positions[index].isRare {
            guard let (left, right) = split(positions[index].typed) else { continue }
            let factor = positions[index].factor
            var parts = positions
            parts.replaceSubrange(
                index...index,
                with: [left, right].map { half in
                    makePosition(
                        half, canonical: lexicon.canonicalWord(half) ?? half.word, factor: factor, isNoise: false,
                        completion: .none, scratch: scratch)
                })
            variants.append(Variant(positions: parts, penalty: Self.variantPenalty))
            // Unknown as typed, it weighs what its two words weigh in every reading: a reading that leaves it out must
            // not explain more of the query for it ("Lawncare Applicator" is no plasterer's "Applicator").
            guard positions[index].alternatives.isEmpty else { continue }
            let weight = parts[index].weight + parts[index + 1].weight
            for variant in variants.indices.dropLast() {
                for slot in variants[variant].positions.indices
                where variants[variant].positions[slot].canonical == positions[index].canonical
                    && variants[variant].positions[slot].alternatives.isEmpty
                {
                    variants[variant].positions[slot].weight = max(variants[variant].positions[slot].weight, weight)
                }
            }
            // And in the variants still to come, which start from `positions` ("Lawncare Treeservice Applicator").
            positions[index].weight = max(positions[index].weight, weight)
        }
        return Array(variants.prefix(10))
    }

    /// A title that ends in the work rather than the worker ("Landscaping Labor", "Seafood Processing", "Warehouse
    /// Stocking", as employers write them) names the person who does it: the head word, when no title ends in it, also
    /// reads as the form of it that titles end in (laborer, processor, stocker), as another form is trusted: below the
    /// word itself, and not enough to say the query names a job (`namesJob`), so the scores stay those of a guess.
    private func addWorker(to position: inout Position) {
        // The word as typed, not a guess at it ("blah" is no short form of "bleach", and so no bleacher).
        guard position.isLiteralKnown, let word = position.alternatives.first?.word, !isJobNoun[Int(word)], !position.isNoise,
            let forms = wordsByStem[JobTitleWords.stem(words[Int(word)])]
        else { return }
        for form in forms where form != word && isJobNoun[Int(form)] && !position.alternatives.contains(where: { $0.word == form }) {
            position.alternatives.append(Alternative(word: form, weight: Self.otherFormWeight))
        }
    }

    /// `guesses`: whether a word the index lacks may be read as a misspelling or the start of another; not for a
    /// word known to be something else (an employer's name). `readable`: whether the word may be read as any word of
    /// the index at all.
    private func makePosition(
        _ token: TitleToken, canonical: String, factor: Float, isNoise: Bool, completion: Completion, guesses: Bool = true,
        readable: Bool = true, scratch: SearchScratch
    ) -> Position {
        guard readable else {
            return Position(
                weight: unknownWordWeight * factor, alternatives: [], factor: factor, isNoise: isNoise, canonical: canonical,
                typed: token.typed, isLiteralKnown: false, isRare: false)
        }
        var alternatives: [Alternative] = []
        func add(_ id: Int32, _ weight: Float) {
            if !alternatives.contains(where: { $0.word == id }) { alternatives.append(Alternative(word: id, weight: weight)) }
        }
        let literal = wordIDs[canonical]
        if let literal { add(literal, 1) }
        for meaning in lexicon.alternativeWords(token) {
            if let id = wordIDs[meaning.word] { add(id, meaning.confidence) }
        }
        for synonym in JobTitleWords.synonyms[canonical] ?? [] {
            if let id = wordIDs[synonym] { add(id, Self.synonymWeight) }
        }
        // An abbreviation weighs what its commonest sure meaning weighs: "tech" is as telling as
        // "technician", though the index has the short form in only a few titles.
        let sure = alternatives.filter { $0.weight == 1 }.map { inverseFrequency[Int($0.word)] }
        // Another form of the word that titles use far more ("operational" → operations), trusted a little
        // less than the word itself; a form about as common as the word adds only noise.
        let literalCount = literal.map { documentFrequency[Int($0)] } ?? 0
        // Only for a form few titles use: a common word's other forms would add long posting lists to
        // scan for little ("engineering" already finds the engineering titles).
        if literalCount <= Self.rareFormTitles, let forms = wordsByStem[JobTitleWords.stem(canonical)] {
            for id in forms where id != literal && documentFrequency[Int(id)] >= max(2, literalCount * 4) {
                add(id, Self.otherFormWeight)
            }
        }
        let rare = literal.map { documentFrequency[Int($0)] <= 1 } ?? true
        let length = canonical.utf8.count
        // A short word few titles have or none, and no short form the lexicon knows ("BDR"), may be a job ad's own short
        // form of a common word: its first letters ("Proj" project, "Instr" instructor), else, from four letters, its
        // consonants from the first letter to the last ("Whse" warehouse, "Bldg" building). Not a word's inner letters
        // ("ICT" is no instructor), nor a word with vowels of its own ("Stay" is no secretary), nor three consonants,
        // which are initials as often ("BSN" is no biostatistician). Not after a separator either, where a short word is a
        // place or a code ("Pilot - ATL").
        var shortForms: [Int32] = []
        let contracted = (4...5).contains(length) && JobTitleWords.isContraction(canonical)
        if guesses, rare, !token.isBracketed, token.segment == 0, (3...5).contains(length), let first = canonical.utf8.first,
            (0x61...0x7A).contains(first), lexicon.expandedPhrases(token).isEmpty
        {
            let candidates = commonWordsByInitial[Int(first - 0x61)]
            for id in candidates where words[Int(id)].utf8.starts(with: canonical.utf8) {
                shortForms.append(id)
                if shortForms.count == Self.shortFormReadings { break }
            }
            if shortForms.isEmpty, contracted, let last = canonical.utf8.last {
                for id in candidates where words[Int(id)].utf8.last == last && Self.isSubsequence(canonical, of: words[Int(id)]) {
                    shortForms.append(id)
                    if shortForms.count == Self.shortFormReadings { break }
                }
            }
        }
        // A rare or unknown word may be a misspelling of a common one; not a contraction that is a short form of one
        // ("Bldg" is no misspelt "blog", "Whse" no "HSE").
        let bound = length >= 8 ? 2 : (length >= 4 ? 1 : 0)
        if guesses, rare, bound > 0, !(contracted && !shortForms.isEmpty) {
            // Only a word far more common than the typed one is a likelier reading of it; the commonest first.
            let literalFrequency = literal.map { documentFrequency[Int($0)] } ?? 0
            let ranked = fuzzyWords.nearest(
                to: canonical, maxDistance: bound, limit: Self.typoReadings, scratch: &scratch.fuzzy,
                isWanted: { documentFrequency[Int($0)] > literalFrequency * 4 }, preference: { documentFrequency[Int($0)] })
            for neighbour in ranked { add(neighbour.id, neighbour.distance == 1 ? 0.85 : 0.75) }
            // A word no title has, with no word one edit away, may have its vowels wrong: misspellings keep a word's
            // consonants more than its vowels ("Anylst" for analyst, two edits). Two edits of a short word reach many
            // words, so only those with the same first letter and the same consonants, in order: as sure as one edit. Only
            // in the title itself: after a separator or in brackets an unknown word is a place ("Modesto" is no modiste).
            if ranked.isEmpty, literal == nil, (5...7).contains(length), token.segment == 0, !token.isBracketed {
                let misspelt = fuzzyWords.nearest(
                    to: canonical, maxDistance: 2, limit: Self.typoReadings, scratch: &scratch.fuzzy,
                    isWanted: { JobTitleWords.hasSameConsonants(canonical, words[Int($0)]) }, preference: { documentFrequency[Int($0)] })
                for neighbour in misspelt { add(neighbour.id, 0.85) }
            }
        }
        for id in shortForms { add(id, Self.shortFormWeight) }
        if guesses, completion == .always || (completion == .unknownWords && literal == nil) {
            // Below the word itself when it is one: "coo" means COO before it means "cook".
            let weight: Float = literal == nil ? 0.8 : 0.6
            for id in completions(of: token.typed, limit: 4) { add(id, weight) }
        }
        let weight = sure.min() ?? alternatives.first.map { inverseFrequency[Int($0.word)] } ?? unknownWordWeight
        return Position(
            weight: weight * factor, alternatives: alternatives, factor: factor, isNoise: isNoise,
            canonical: canonical, typed: token.typed, isLiteralKnown: literal != nil, isRare: rare)
    }

    /// Whether `short`'s letters appear in `word` in order, without allocating: this runs per candidate word.
    static func isSubsequence(_ short: String, of word: String) -> Bool {
        var letters = word.utf8.makeIterator()
        for wanted in short.utf8 {
            while true {
                guard let letter = letters.next() else { return false }
                if letter == wanted { break }
            }
        }
        return true
    }

    /// Weight of a word no title has: it lowers every score alike, so it is honest about what was not
    /// understood without changing the order.
    var unknownWordWeight: Float { log(1 + Float(entryCount) / 2) * 0.5 }

    /// Expansions of an acronym or short form: what the data pairs with it, or else the titles whose
    /// initials it spells.
    private func phrases(for token: TitleToken, position: Position) -> (phrases: [[Int32]], areInitials: Bool) {
        let known = lexiconPhrases(token)
        if !known.isEmpty || position.isLiteralKnown { return (known, false) }
        // The plural of a two-letter short form ("RNs", "PAs"): `TitleNormalizer.singular` keeps three-letter words.
        if token.typed.utf8.count == 3, token.typed.utf8.last == UInt8(ascii: "s") {
            let singular = String(token.typed.dropLast())
            let plural = lexiconPhrases(TitleToken(word: singular, typed: singular))
            if !plural.isEmpty { return (plural, false) }
        }
        // Initials are letters as typed: "SaaS" is not the plural of an "SAA" (Study Abroad Advisor).
        guard (2...5).contains(token.typed.utf8.count), let entries = initials[token.typed] else { return ([], false) }
        let guesses = entries.prefix(2).map { entry in
            entryWords[Int(entryWordOffsets[Int(entry)])..<Int(entryWordOffsets[Int(entry) + 1])].filter { !isNoiseWord[Int($0)] }
        }
        return (guesses, true)
    }

    /// The lexicon's expansions of a short form whose every word the index has.
    private func lexiconPhrases(_ token: TitleToken) -> [[Int32]] {
        var result: [[Int32]] = []
        for phrase in lexicon.expandedPhrases(token) {
            let ids = phrase.compactMap { JobTitleWords.stopwords.contains($0) ? nil : wordIDs[$0] }
            if ids.count == phrase.filter({ !JobTitleWords.stopwords.contains($0) }).count, !ids.isEmpty { result.append(ids) }
        }
        return result
    }

    private func replacing(_ positions: [Position], at index: Int, with phrase: [Int32]) -> [Position] {
        let factor = positions[index].factor
        let replacement = phrase.map { id in
            let noise = isNoiseWord[Int(id)]
            let weight = inverseFrequency[Int(id)] * factor * (noise ? Self.noiseWeight : 1)
            return Position(
                weight: weight, alternatives: [Alternative(word: id, weight: 1)], factor: factor, isNoise: noise,
                canonical: words[Int(id)], isLiteralKnown: true)
        }
        var result = positions
        result.replaceSubrange(index...index, with: replacement)
        return deduplicated(result)
    }

    /// One position per word: "APE Teacher (Adapted Physical Education Teacher)" expands "ape" into
    /// words the query already has; each counts once, at its highest weight.
    private func deduplicated(_ positions: [Position]) -> [Position] {
        var result: [Position] = []
        result.reserveCapacity(positions.count)
        for position in positions {
            if let word = position.alternatives.first?.word,
                let existing = result.firstIndex(where: { $0.alternatives.first?.word == word })
            {
                if position.weight > result[existing].weight { result[existing] = position }
            } else {
                result.append(position)
            }
        }
        return result
    }

    /// Two words that together spell `typed` ("fullstack", "sysadmin"), each known to the index as
    /// written or as a sure abbreviation; the split whose rarer half is commonest wins.
    private func split(_ typed: String) -> (TitleToken, TitleToken)? {
        let letters = Array(typed.utf8)
        guard letters.count >= 6 else { return nil }
        var best: (TitleToken, TitleToken, Int32)?
        for cut in 3...(letters.count - 3) {
            guard let left = knownHalf(String(decoding: letters[..<cut], as: UTF8.self)),
                let right = knownHalf(String(decoding: letters[cut...], as: UTF8.self))
            else { continue }
            let support = min(left.frequency, right.frequency)
            if support >= 2, support > (best?.2 ?? 0) { best = (left.token, right.token, support) }
        }
        return best.map { ($0.0, $0.1) }
    }

    private func knownHalf(_ typed: String) -> (token: TitleToken, frequency: Int32)? {
        let token = TitleToken(word: TitleNormalizer.singular(typed), typed: typed)
        guard let canonical = lexicon.canonicalWord(token) else { return nil }  // "and", "of": not half a word
        var frequency = wordIDs[canonical].map { documentFrequency[Int($0)] } ?? 0
        for meaning in lexicon.alternativeWords(token) where meaning.confidence == 1 {
            if let id = wordIDs[meaning.word] { frequency = max(frequency, documentFrequency[Int(id)]) }
        }
        return frequency > 0 ? (token, frequency) : nil
    }

    /// Index words that start with `prefix`, most frequent first.
    func completions(of prefix: String, limit: Int) -> [Int32] {
        let target = Array(prefix.utf8)
        guard target.count >= 2 else { return [] }
        var low = 0, high = wordsInOrder.count
        while low < high {
            let middle = (low + high) / 2
            if words[Int(wordsInOrder[middle])].utf8.lexicographicallyPrecedes(target) { low = middle + 1 } else { high = middle }
        }
        var found: [Int32] = []
        var index = low
        while index < wordsInOrder.count, found.count < 400 {
            let id = wordsInOrder[index]
            guard words[Int(id)].utf8.starts(with: target) else { break }
            if words[Int(id)].utf8.count > target.count { found.append(id) }
            index += 1
        }
        found.sort { documentFrequency[Int($0)] != documentFrequency[Int($1)] ? documentFrequency[Int($0)] > documentFrequency[Int($1)] : $0 < $1 }
        return Array(found.prefix(limit))
    }

    /// For a query whose words match no title at all: let each unknown word stand for the index words
    /// that share the most letter trigrams with it, so that the person still gets the nearest titles.
    private func loosen(_ plan: inout Plan, _ scratch: SearchScratch) -> Bool {
        guard var positions = plan.variants.first?.positions else { return false }
        var changed = false
        for index in positions.indices where positions[index].alternatives.isEmpty {
            let similar = fuzzyWords.resembling(
                positions[index].canonical, minimumSimilarity: 0.25, limit: 3,
                scratch: &scratch.fuzzy)
            guard let first = similar.first else { continue }
            positions[index].alternatives = similar.map { Alternative(word: $0.id, weight: Float($0.similarity) * 0.6) }
            positions[index].weight = inverseFrequency[Int(first.id)] * positions[index].factor
            changed = true
        }
        plan = Plan(variants: [Variant(positions: positions, penalty: 1)])
        return changed
    }

    // MARK: - Scoring

    /// Once the words left to process weigh at most this share of the query, they only refine the
    /// titles that rarer words found: a title made of those common words alone covers at most this
    /// share of the query, so it cannot rank near the top ("machine operator": the thousands of
    /// "… Operator" titles without "machine" are never visited).
    static let refineOnlyShare: Float = 0.5
    /// A refining word still brings in the titles it explains best (its posting list starts with them),
    /// so that "java developer" also suggests plain "Developer" occupations.
    static let refiningCandidates = 48
    /// Looking for a word in each title found so far misses the cache about this many times more than
    /// walking a posting list checks a title, against the touched bits that stay in cache.
    static let entryLookupCost = 8

    /// Scores every entry sharing a word with the variant, and keeps each occupation's best.
    ///
    /// Similarity is the geometric mean of two coverages, each weighted by word rarity: how much of the
    /// query the entry explains, and how much of the entry the query explains. "registered nurse" covers
    /// all of "Registered Nurse" but half of "Certified Registered Nurse Anesthetist".
    func score(_ variant: Variant, _ scratch: SearchScratch) {
        let positions = variant.positions
        let total = positions.reduce(Float(0)) { $0 + $1.weight }
        guard total > 0 else { return }
        scratch.nextEntryGeneration()
        // Rarest first, so that common words can be left to refine.
        let order = positions.indices.sorted { positions[$0].weight > positions[$1].weight }
        var remaining = total

        postingOffsets.withUnsafeBufferPointer { offsets in
            postings.withUnsafeBufferPointer { postings in
                entryIsAllNoise.withUnsafeBufferPointer { allNoise in
                    scratch.withPass { pass in
                        for positionIndex in order {
                            let position = positions[positionIndex]
                            let label = Int16(truncatingIfNeeded: positionIndex)
                            let modifies = position.isModifier
                            let generates = pass.touched.isEmpty || remaining > Self.refineOnlyShare * total
                            remaining -= position.weight
                            for alternative in position.alternatives {
                                let word = Int(alternative.word)
                                let queryWeight = position.weight * alternative.weight
                                let fullWeight = inverseFrequency[word]
                                // A title of noise words only counts them in full ("Principal").
                                let isNoise = isNoiseWord[word]
                                let titleWeight = isNoise ? fullWeight * Self.noiseWeight : fullWeight
                                let start = Int(offsets[word]), end = Int(offsets[word + 1])
                                if generates {
                                    for posting in start..<end {
                                        let entry = Int(postings[posting])
                                        guard let slot = pass.slot(entry) else {
                                            pass.touch(
                                                entry,
                                                SearchScratch.EntryState(
                                                    lastPosition: label, queryMatch: queryWeight,
                                                    titleMatch: isNoise && allNoise[entry] ? fullWeight : titleWeight, matchedModifier: modifies))
                                            continue
                                        }
                                        // Else a better alternative of this position matched.
                                        guard pass.states[slot].lastPosition != label else { continue }
                                        pass.states[slot].lastPosition = label
                                        pass.states[slot].queryMatch += queryWeight
                                        pass.states[slot].titleMatch += isNoise && allNoise[entry] ? fullWeight : titleWeight
                                        if modifies { pass.states[slot].matchedModifier = true }
                                    }
                                    continue
                                }
                                // Refining: the titles found so far that have the word. Either walk them and look for the
                                // word in each, or walk the word's titles and keep those found: whichever reads less.
                                if end - start <= pass.touched.count * Self.entryLookupCost {
                                    for posting in start..<end {
                                        let entry = Int(postings[posting])
                                        guard let slot = pass.slot(entry), pass.states[slot].lastPosition != label else { continue }
                                        pass.states[slot].lastPosition = label
                                        pass.states[slot].queryMatch += queryWeight
                                        pass.states[slot].titleMatch += isNoise && allNoise[entry] ? fullWeight : titleWeight
                                        if modifies { pass.states[slot].matchedModifier = true }
                                    }
                                } else {
                                    for slot in pass.touched.indices {
                                        let entry = Int(pass.touched[slot])
                                        guard pass.states[slot].lastPosition != label, entryContains(entry, alternative.word) else { continue }
                                        pass.states[slot].lastPosition = label
                                        pass.states[slot].queryMatch += queryWeight
                                        pass.states[slot].titleMatch += isNoise && allNoise[entry] ? fullWeight : titleWeight
                                        if modifies { pass.states[slot].matchedModifier = true }
                                    }
                                }
                                guard !position.isNoise else { continue }  // "Senior" alone suggests nothing
                                for posting in start..<min(end, start + Self.refiningCandidates) {
                                    let entry = Int(postings[posting])
                                    guard pass.slot(entry) == nil else { continue }
                                    pass.touch(
                                        entry,
                                        SearchScratch.EntryState(
                                            lastPosition: label, queryMatch: queryWeight,
                                            titleMatch: isNoise && allNoise[entry] ? fullWeight : titleWeight, matchedModifier: modifies))
                                }
                            }
                        }
                    }
                }
            }
        }
        accumulate(scratch, total: total, penalty: variant.penalty, head: otherJob(variant), modifierless: anyFieldWorkerAlone(variant))
    }

    /// What the variant's titles that match none of its modifiers weigh: `anyFieldWorkerAloneFactor` when its job noun is
    /// a worker of any field (`JobTitleWords.anyFieldWorkers`) and a modifier says which, else 1.
    func anyFieldWorkerAlone(_ variant: Variant) -> Float {
        guard variant.positions.contains(where: \.isModifier),
            variant.positions.contains(where: { position in
                position.isHead && !position.isNoise && position.isLiteralKnown
                    && (position.alternatives.first.map { JobTitleWords.anyFieldWorkers.contains(words[Int($0.word)]) } ?? false)
            })
        else { return 1 }
        return Self.anyFieldWorkerAloneFactor
    }

    /// The titles that name another job than the variant's: a title without the forms of its job noun that has job
    /// nouns of these kinds. "Framing Carpenter Helper" is no carpenter (a helper, `JobTitleWords.assisting`, is not any
    /// other worker its title has), "Garden Center Laborer" no manager (a worker is not one who runs the work,
    /// `JobTitleWords.supervising`, unless the query names one too), and a variant with no job noun has no forms to
    /// lack: "Landscape Construction" names no foreman.
    func otherJob(_ variant: Variant) -> (forms: [Int32], nouns: JobNouns) {
        let runs = variant.positions.contains { position in position.alternatives.contains { JobTitleWords.supervising.contains(words[Int($0.word)]) }
        }
        guard let head = variant.positions.first(where: { $0.isHead && !$0.isNoise && $0.isLiteralKnown }),
            let word = head.alternatives.first?.word, isJobNoun[Int(word)]
        else { return runs ? ([], []) : ([], .supervising) }  // no job noun: still not one who runs the work
        let forms = head.alternatives.map(\.word)
        if JobTitleWords.assisting.contains(words[Int(word)]) { return (forms, .any) }
        return runs ? ([], []) : (forms, .supervising)
    }

    @inline(__always)
    private func entryContains(_ entry: Int, _ word: Int32) -> Bool {
        for slot in Int(entryWordOffsets[entry])..<Int(entryWordOffsets[entry + 1]) where entryWords[slot] == word { return true }
        return false
    }

    /// The lowest similarity, as a share of the pass's best, that can still reach the results: results
    /// keep what scores `relativeFloor` of the best, and link strength and priors move a score by less
    /// than a quarter.
    static let accumulateFloor: Float = 0.3

    /// `head`: a title without the forms of the query's job noun that has job nouns of these kinds names another job
    /// (`otherJob`), and weighs `otherWorkerFactor` of its similarity. `modifierless`: what a title that matched none of
    /// the query's modifiers weighs (`anyFieldWorkerAlone`).
    private func accumulate(
        _ scratch: SearchScratch, total: Float, penalty: Float, head: (forms: [Int32], nouns: JobNouns), modifierless: Float
    ) {
        let occupationGeneration = scratch.occupationGeneration
        let touched = scratch.touchedEntries
        if scratch.similarities.count < touched.count {
            scratch.similarities.append(contentsOf: repeatElement(0, count: touched.count - scratch.similarities.count))
        }
        let newlyTouched = scratch.occupationList  // as long as the occupations, and each is added once
        var occupationCount = scratch.occupationCount
        // Buffers taken once: element access through the scratch object would check exclusivity each time.
        entryScoring.withUnsafeBufferPointer { entryScoring in
            linkTargets.withUnsafeBufferPointer { links in
                scratch.states.withUnsafeBufferPointer { state in
                    scratch.similarities.withUnsafeMutableBufferPointer { similarities in
                        scratch.occupationStamp.withUnsafeMutableBufferPointer { stamps in
                            scratch.occupationScore.withUnsafeMutableBufferPointer { scores in
                                scratch.occupationEntry.withUnsafeMutableBufferPointer { bestEntries in
                                    var best: Float = 0
                                    // The entries' scoring is read here rather than when a pass touches them: in this loop, with
                                    // no branch, the reads (a cache miss each, at random over the index) are all under way at once.
                                    for position in touched.indices {
                                        let queryCoverage = min(1, state[position].queryMatch / total)
                                        let titleCoverage = min(1, state[position].titleMatch / entryScoring[Int(touched[position])].weight)
                                        var similarity = (queryCoverage * titleCoverage).squareRoot() * penalty
                                        if !state[position].matchedModifier { similarity *= modifierless }
                                        similarities[position] = similarity
                                        best = max(best, similarity)
                                    }
                                    let floor = best * Self.accumulateFloor
                                    for (position, entry) in touched.enumerated() {
                                        var similarity = similarities[position]
                                        guard similarity >= floor else { continue }
                                        if !head.nouns.isEmpty, entryJobNouns[Int(entry)].isSuperset(of: head.nouns),
                                            !head.forms.contains(where: { entryContains(Int(entry), $0) })
                                        {
                                            similarity *= Self.otherWorkerFactor
                                            // One who assists is further still from one who runs the work.
                                            if head.nouns == .any, entryJobNouns[Int(entry)].contains(.supervising) {
                                                similarity *= Self.otherWorkerFactor
                                            }
                                        }
                                        let scoring = entryScoring[Int(entry)]
                                        // Only an entry of several links reads more than its record.
                                        let start = Int(scoring.linkStart)
                                        for index in 0..<Int(scoring.linkCount) {
                                            let link = index == 0 ? scoring.first : links[start + index]
                                            let value = similarity * link.factor
                                            let occupation = Int(link.occupation)
                                            if stamps[occupation] != occupationGeneration {
                                                stamps[occupation] = occupationGeneration
                                                scores[occupation] = value
                                                bestEntries[occupation] = entry
                                                newlyTouched[occupationCount] = Int32(occupation)
                                                occupationCount &+= 1
                                            } else if value > scores[occupation] {
                                                scores[occupation] = value
                                                bestEntries[occupation] = entry
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        scratch.occupationCount = occupationCount
    }

    /// The entry's link to the occupation, which scoring followed: an entry has one link per occupation it names.
    private func link(of entry: Int, to occupation: Int32) -> EntryLink {
        let entryLinks = links[Int(entryLinkOffsets[entry])..<Int(entryLinkOffsets[entry + 1])]
        return entryLinks.first { $0.occupation == occupation } ?? entryLinks[entryLinks.startIndex]
    }

    /// How well the query fits the occupation's own O*NET title, by the same measure as any entry.
    private func ownTitleSimilarity(_ occupation: Int, plan: Plan) -> Float {
        let entry = Int(occupationTitleEntries[occupation])
        guard entry >= 0 else { return 0 }
        let words = entryWords[Int(entryWordOffsets[entry])..<Int(entryWordOffsets[entry + 1])]
        var best: Float = 0
        for variant in plan.variants {
            var total: Float = 0, queryMatch: Float = 0, titleMatch: Float = 0
            for position in variant.positions {
                total += position.weight
                guard let alternative = position.alternatives.first(where: { words.contains($0.word) }) else { continue }
                queryMatch += position.weight * alternative.weight
                let word = Int(alternative.word)
                titleMatch += isNoiseWord[word] && !entryIsAllNoise[entry] ? inverseFrequency[word] * Self.noiseWeight : inverseFrequency[word]
            }
            guard total > 0 else { continue }
            let similarity = (min(1, queryMatch / total) * min(1, titleMatch / entryWeights[entry])).squareRoot() * variant.penalty
            best = max(best, similarity)
        }
        return best
    }

    /// `TitleIndex.residualFactor` for an "All Other" occupation, else 1.
    @inline(__always)
    private func residualFactor(_ occupation: Int) -> Float { isResidual[occupation] ? Self.residualFactor : 1 }

    /// The score's factor from the prior, before the own-title bonus: 1 for the largest occupation.
    @inline(__always)
    private func priorFactor(_ occupation: Int, similarity: Float) -> Float {
        let prior = occupationPriors[occupation]
        var factor = 1 - Self.priorWeight * (1 - prior) - Self.ownTitleWeight
        let doubt = Self.clearMatch - similarity
        if doubt > 0 {
            var sharp = prior * prior
            sharp *= sharp
            sharp *= sharp  // prior^8, `ambiguityPriorSharpness`
            factor -= Self.ambiguityPriorWeight * doubt * (1 - sharp)
        }
        return factor
    }

    /// An occupation's other titles may have the words its best title lacks: "Oyster Processor" matches "Oyster
    /// Shucker" and "Seafood Processor" of fish cutters in part each, and "Processor" of a dozen occupations in full;
    /// the query's words that other titles of the occupation have add `otherTitlesWeight` of their share of the query.
    static let otherTitlesWeight: Float = 0.2
    /// Only occupations this close to the best similarity are looked at: the support lifts a near one, never a far one.
    static let otherTitlesReach: Float = 0.7

    /// Adds the support to the occupations' scores in `scratch`, the last thing a search does with them before `results`.
    private func supportFromOtherTitles(plan: Plan, _ scratch: SearchScratch) {
        // Only for a query that names a job: "Self Employed" has words of titles, and is none.
        guard plan.variants.contains(where: { $0.positions.count >= 2 }), let typed = plan.variants.first,
            typed.positions.contains(where: {
                $0.isHead && !$0.isNoise && $0.isLiteralKnown && ($0.alternatives.first.map { isJobNoun[Int($0.word)] } ?? false)
            })
        else { return }
        let touched = scratch.touchedOccupations
        var best: Float = 0
        for occupation in touched { best = max(best, scratch.occupationScore[Int(occupation)]) }
        let reach = best * Self.otherTitlesReach
        for occupation in touched {
            let index = Int(occupation)
            // A residual occupation ("Production Workers, All Other") files titles that have nothing in common: what
            // one of them shares with the query says nothing of another.
            guard scratch.occupationScore[index] >= reach, !isResidual[index] else { continue }
            let entry = Int(scratch.occupationEntry[index])
            // What the best title lacks of the query, in the reading that it lacks least of: "Pipe Fitter Helper" is
            // all of "Pipefitter Helper" once its words are joined; "QA Engineer" all of "Quality Assurance Engineer".
            var support = Float.infinity
            for variant in plan.variants {
                let total = variant.positions.reduce(Float(0)) { $0 + $1.weight }
                guard total > 0 else { continue }
                var extra: Float = 0
                for position in variant.positions where !position.isNoise {
                    let words = position.alternatives.lazy.filter { $0.weight >= 0.8 }.map(\.word)
                    guard !words.contains(where: { entryContains(entry, $0) }) else { continue }
                    // Not an acronym's letters: the titles that spell them out say what it stands for, not those that have it.
                    if position.phrases.isEmpty, words.contains(where: { vocabulary(of: index, has: $0) }) { extra += position.weight }
                }
                support = min(support, extra / total)
            }
            if support.isFinite { scratch.occupationScore[index] += Self.otherTitlesWeight * support }
        }
    }

    /// A title as a page shows it: a Census line without its index shorthand (`TitleSource.readable(censusLine:)`).
    private static func shown(_ title: String, from source: TitleSource) -> String {
        guard case .census = source else { return title }
        return TitleSource.readable(censusLine: title)
    }

    private func results(limit: Int, plan: Plan, scale: Float, workArea: Bool, _ scratch: SearchScratch) -> [TitleMatch] {
        func precedes(_ a: (occupation: Int32, score: Float), _ b: (occupation: Int32, score: Float)) -> Bool {
            a.score != b.score ? a.score > b.score : occupationCodeRanks[Int(a.occupation)] < occupationCodeRanks[Int(b.occupation)]
        }
        // The best `limit` in a small sorted list, as the touched occupations can be hundreds.
        func insert(_ candidate: (occupation: Int32, score: Float), into top: inout [(occupation: Int32, score: Float)]) {
            if top.count == limit, let last = top.last, !precedes(candidate, last) { return }
            let at = top.firstIndex { precedes(candidate, $0) } ?? top.count
            top.insert(candidate, at: at)
            if top.count > limit { top.removeLast() }
        }
        // Read once: each read through the scratch object would check exclusivity.
        supportFromOtherTitles(plan: plan, scratch)
        let touched = scratch.touchedOccupations, similarities = scratch.occupationScore
        // The own-title bonus needs a little work per occupation: first bound every score without it,
        // then work it out only where it could change the outcome. Only the `limit`-th best bound counts,
        // whichever of equal scores holds it, so the bounds are kept as bare scores, highest first.
        var bounds: [Float] = []
        bounds.reserveCapacity(limit + 1)
        for occupation in touched {
            let index = Int(occupation)
            let similarity = similarities[index]
            let bound = similarity * priorFactor(index, similarity: workArea ? Self.workAreaPriorSimilarity : similarity) * residualFactor(index)
            if bounds.count == limit, bound <= bounds[limit - 1] { continue }
            bounds.insert(bound, at: bounds.firstIndex { bound > $0 } ?? bounds.count)
            if bounds.count > limit { bounds.removeLast() }
        }
        let cutoff = bounds.count == limit ? bounds[limit - 1] : 0
        var top: [(occupation: Int32, score: Float)] = []
        top.reserveCapacity(limit + 1)
        for occupation in touched {
            let index = Int(occupation)
            let similarity = similarities[index]
            let withoutOwnTitle = priorFactor(index, similarity: workArea ? Self.workAreaPriorSimilarity : similarity)
            let residual = residualFactor(index)
            guard similarity * (withoutOwnTitle + Self.ownTitleWeight) * residual >= cutoff else { continue }
            let ownTitle = ownTitleSimilarity(index, plan: plan)
            insert((occupation, similarity * (withoutOwnTitle + Self.ownTitleWeight * ownTitle) * residual), into: &top)
        }
        guard let best = top.first?.score else { return [] }
        return top.filter { $0.score >= best * Self.relativeFloor }.map { item in
            let occupation = Int(item.occupation)
            let link = link(of: Int(scratch.occupationEntry[occupation]), to: item.occupation)
            return TitleMatch(
                code: occupationCodes[occupation], title: occupationTitles[occupation],
                matched: Self.shown(displayTitles[Int(link.displayTitle)], from: link.source), score: Double(min(1, max(0, item.score * scale))),
                source: link.source, socCode: occupationSOCs[occupation])
        }
    }
}
