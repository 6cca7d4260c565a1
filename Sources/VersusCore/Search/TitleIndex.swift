import Foundation  // log, log1p

/// Every title of every source, normalized once, with an inverted index from words to titles:
/// `search` turns what a person types into ranked occupations.
///
/// A title of the index is an *entry*: the set of its words after normalizing (so "Director of
/// Operations" and "Operations Director" are one entry), with *links* to the occupations that sources
/// file it under, each link as strong as the sources that make it (`TitleSource.strength`).
public final class TitleIndex: Sendable {
    // Occupations, by dense index.
    let occupationCodes: [OccupationCode]
    /// Each occupation's place in the order of codes, equal codes equal: ties of score are broken by it,
    /// without comparing the codes' strings.
    let occupationCodeRanks: [Int32]
    let occupationTitles: [String]
    let occupationSOCs: [SOCCode]
    /// 0…1, from employment: the tie-breaker between occupations a title fits equally well.
    let occupationPriors: [Float]

    // Words, by dense id.
    let wordIDs: [String: Int32]
    let words: [String]
    let documentFrequency: [Int32]
    /// Inverse document frequency: rare words say more about the occupation than "manager" does.
    let inverseFrequency: [Float]
    let isNoiseWord: [Bool]
    /// Word ids in the byte order of their words, for completing a half-typed word.
    let wordsInOrder: [Int32]
    /// Words sharing a root (`JobTitleWords.stem`), the two most used first; only roots of several words.
    let wordsByStem: [String: [Int32]]
    /// Words that end job titles of O*NET and SOC ("engineer", "cashier", "rn"): a query without one
    /// names no job ("pizza", "the best").
    let isJobNoun: [Bool]

    // Entries, by dense id: words (CSR layout), weight, links.
    let entryWordOffsets: [Int32]
    let entryWords: [Int32]
    let entryWeights: [Float]
    let entryIsAllNoise: [Bool]
    /// What job nouns the entry has (`JobNouns`): a title that names a worker of its own ("Framing Carpenter", "Garden
    /// Center Manager") is not the job of a query that names another ("Framing Carpenter Helper", "Garden Center
    /// Laborer"). Derived, never stored.
    let entryJobNouns: [JobNouns]

    struct JobNouns: OptionSet, Sendable {
        let rawValue: UInt8
        /// A job noun (`isJobNoun`).
        static let any = JobNouns(rawValue: 1)
        /// A job noun of those who run the work (`JobTitleWords.supervising`).
        static let supervising = JobNouns(rawValue: 2)
    }
    let entryLinkOffsets: [Int32]
    let links: [EntryLink]
    /// `links` as scoring reads them, a quarter of their size: derived, never stored.
    let linkTargets: [LinkTarget]
    /// What scoring reads of each entry, side by side: derived, never stored.
    let entryScoring: [EntryScoring]
    let displayTitles: PackedStrings
    /// The words the data writes as initials joined by "&" ("R&D", "A&P"): what a query's "X&Y" may be, with the job-ad
    /// abbreviations spelt with "and" (`JobTitleWords.isAmpersandAbbreviation`). Stored in the snapshot: finding them
    /// again means reading all 147,000 titles, which took a load 8 ms.
    let ampersandWords: Set<Int32>
    /// The words that are, alone, a title O*NET or SOC gives ("Groom", "Farrier"): each names a job, however few titles
    /// end in it (`isJobNoun` asks for two). Derived, never stored.
    let oneWordTitles: Set<Int32>
    /// The words of many titles, by first letter a to z, commonest first: what a job ad's own short form ("Whse", "Mfg",
    /// "Bldg") may stand for. Derived, never stored.
    let commonWordsByInitial: [[Int32]]
    /// Each occupation's own O*NET title as an entry (-1 if it has none).
    let occupationTitleEntries: [Int32]
    /// The words of occupations' own titles ("subway" of Subway and Streetcar Operators).
    let occupationTitleWords: Set<Int32>
    /// Each occupation's vocabulary: the words of two titles filed under it at least (CSR layout, sorted ids), but
    /// those of products and tools.
    let vocabularyOffsets: [Int32]
    /// The occupation is what is left of a group ("Production Workers, All Other"). Derived, never stored.
    let isResidual: [Bool]
    let vocabulary: [Int32]

    // Inverted index: word → entries (CSR layout).
    let postingOffsets: [Int32]
    let postings: [Int32]

    let lexicon: AbbreviationLexicon
    let fuzzyWords: FuzzyWordIndex
    /// Initials of multi-word entries ("sdr" → sales development representative) → entries, strongest first:
    /// how an acronym that no title spells out is still understood.
    let initials: [String: [Int32]]
    let scratchPool: ScratchPool

    struct EntryLink: Sendable {
        let occupation: Int32
        /// 0…1 from the strengths of every source filing the entry under the occupation; see `LinkBuild`.
        let strength: Float
        let displayTitle: Int32
        let source: TitleSource
        /// The entry is (one form of) the occupation's own O*NET title.
        let isOccupationTitle: Bool
    }

    /// What scoring needs of a link: whom it names, and how much of a match's score reaches them.
    struct LinkTarget: Sendable {
        let occupation: Int32
        /// `linkFloor + (1 - linkFloor) × strength`.
        let factor: Float

        init(_ link: EntryLink) {
            occupation = link.occupation
            factor = TitleIndex.linkFloor + (1 - TitleIndex.linkFloor) * link.strength
        }

        init(occupation: Int32, factor: Float) {
            self.occupation = occupation
            self.factor = factor
        }
    }

    /// What scoring reads of an entry, one record of 16 bytes, when it credits the occupations of the entries a
    /// pass touched (`accumulate`): with the first link at hand, the common title that names one occupation needs
    /// nothing else, and the others find their links without reading `entryLinkOffsets`. To fit, occupation ids
    /// and link counts are 16-bit (`maximumOccupations`, `maximumLinksPerEntry`).
    struct EntryScoring: Sendable {
        let weight: Float
        /// `linkTargets[linkStart].factor`, when the entry has a link.
        private let firstFactor: Float
        /// `entryLinkOffsets[entry]`: where the entry's links start in `linkTargets`.
        let linkStart: Int32
        private let firstOccupation: UInt16
        let linkCount: UInt16

        /// `linkTargets[linkStart]`, when the entry has a link.
        @inline(__always)
        var first: LinkTarget { LinkTarget(occupation: Int32(firstOccupation), factor: firstFactor) }

        /// The records of the entries; the counts and ids must fit 16 bits, as the snapshot reader checks first.
        static func all(weights: [Float], linkOffsets: [Int32], targets: [LinkTarget]) -> [EntryScoring] {
            weights.indices.map { entry in
                let start = linkOffsets[entry], end = linkOffsets[entry + 1]
                let first = start < end ? targets[Int(start)] : LinkTarget(occupation: 0, factor: 0)
                precondition(first.occupation < TitleIndex.maximumOccupations, "scoring's occupation ids are 16-bit")
                precondition(end - start <= TitleIndex.maximumLinksPerEntry, "scoring's link counts are 16-bit")
                return EntryScoring(
                    weight: weights[entry], firstFactor: first.factor, linkStart: start,
                    firstOccupation: UInt16(first.occupation), linkCount: UInt16(end - start))
            }
        }
    }

    /// Occupations an index can have, and links an entry can have: `EntryScoring` keeps both in 16 bits. The
    /// data is far from either: 1,016 occupations, and at most 75 links to an entry.
    static let maximumOccupations = Int32(UInt16.max) + 1
    static let maximumLinksPerEntry = Int32(UInt16.max)

    /// Noise words weigh this fraction of a normal word: present, but hardly deciding.
    static let noiseWeight: Float = 0.1

    public var entryCount: Int { entryWeights.count }
    /// The abbreviations and acronyms the index knows, learnt and hand-written, one per line.
    public var lexiconSummary: [String] { lexicon.summary }
    public var wordCount: Int { words.count }
    public var occupationCount: Int { occupationCodes.count }

    public init(occupations: [SearchableOccupation], titles: [TitleRecord]) {
        var occupationIndex: [OccupationCode: Int32] = [:]
        for (index, occupation) in occupations.enumerated() { occupationIndex[occupation.code] = Int32(index) }
        occupationCodes = occupations.map(\.code)
        occupationCodeRanks = Self.ranks(occupations.map(\.code))
        occupationTitles = occupations.map(\.title)
        occupationSOCs = occupations.map(\.socCode)
        let largest = occupations.compactMap(\.employment).max() ?? 1
        occupationPriors = occupations.map { occupation in
            guard let employment = occupation.employment, employment > 0 else { return 0.3 }
            return Float(log1p(employment) / log1p(largest))
        }

        // 1. Words of every title; a parenthesis is either a short form of the rest ("General Manager (GM)":
        //    two titles) or a qualifier ("Charter Pilot (Airline)": the title with and without it).
        var pairs: [AbbreviationLexicon.Pair] = []
        var recordForms: [[[TitleToken]]] = []
        var typedFrequency: [String: Int] = [:]
        recordForms.reserveCapacity(titles.count)
        for record in titles {
            let tokens = TitleNormalizer.tokenize(record.text)
            for token in tokens { typedFrequency[token.typed, default: 0] += 1 }
            let outside = tokens.filter { !$0.isBracketed }
            let inside = tokens.filter(\.isBracketed)
            guard !outside.isEmpty, !inside.isEmpty else {
                recordForms.append(tokens.isEmpty ? [] : [tokens])
                continue
            }
            if let pair = Self.shortFormPair(outside: outside, inside: inside, shortForm: record.shortForm) {
                pairs.append(pair)
                let letters = { (tokens: [TitleToken]) in tokens.reduce(0) { $0 + $1.typed.utf8.count } }
                let (short, long) = letters(inside) <= letters(outside) ? (inside, outside) : (outside, inside)
                recordForms.append(Self.keepsItsWords(short, beside: long) ? [outside, inside] : [long])
            } else {
                recordForms.append([outside, tokens])
            }
        }
        Self.addFirstConjuncts(of: titles, to: &recordForms)
        Self.addHelpedTrades(of: titles, to: &recordForms)
        Self.trimClassificationWords(of: titles, in: &recordForms)
        let lexicon = AbbreviationLexicon(pairs: pairs, frequency: typedFrequency)
        self.lexicon = lexicon

        // 2. Entries: one per distinct set of canonical words, linked to occupations.
        var wordIDs: [String: Int32] = [:]
        var words: [String] = []
        var entryByKey: [[Int32]: Int32] = [:]
        var entryWordLists: [[Int32]] = []
        var linkBuilds: [UInt64: LinkBuild] = [:]

        let ownTitleWords = occupations.map { occupation in
            Set(TitleNormalizer.tokenize(occupation.title).compactMap { lexicon.canonicalWord($0) })
        }
        for (recordIndex, record) in titles.enumerated() {
            let named = record.occupations.compactMap { occupationIndex[$0] }
            let targets = Self.membersNamed(by: recordForms[recordIndex].first ?? [], among: named, ownTitleWords, lexicon)
            guard !targets.isEmpty else { continue }
            // A title filed under a SOC group names each member only in part.
            let strength = record.source.strength * record.share / Float(targets.count)
            var entriesOfRecord: [Int32] = []
            for form in recordForms[recordIndex] {
                var ids: [Int32] = []
                for token in form {
                    guard let word = lexicon.canonicalWord(token) else { continue }
                    let id: Int32
                    if let known = wordIDs[word] {
                        id = known
                    } else {
                        id = Int32(words.count)
                        wordIDs[word] = id
                        words.append(word)
                    }
                    if !ids.contains(id) { ids.append(id) }
                }
                guard !ids.isEmpty else { continue }
                let key = ids.sorted()
                let entry: Int32
                if let known = entryByKey[key] {
                    entry = known
                } else {
                    entry = Int32(entryWordLists.count)
                    entryByKey[key] = entry
                    entryWordLists.append(ids)
                }
                guard !entriesOfRecord.contains(entry) else { continue }
                entriesOfRecord.append(entry)
                let display = Int32(recordIndex)  // titles are shown as their source writes them
                for target in targets {
                    let linkKey = UInt64(UInt32(entry)) << 32 | UInt64(UInt32(target))
                    linkBuilds[linkKey, default: LinkBuild()].add(strength: strength, display: display, source: record.source)
                }
            }
        }

        // 3. Word statistics: document frequency over entries, and weights.
        var frequency = Array(repeating: Int32(0), count: words.count)
        for list in entryWordLists { for id in list { frequency[Int(id)] += 1 } }
        let entryTotal = Float(entryWordLists.count)
        let inverse = frequency.map { log(1 + entryTotal / Float(max(1, $0))) }
        let noise = words.map { JobTitleWords.noise.contains($0) }
        self.wordIDs = wordIDs
        self.words = words
        documentFrequency = frequency
        inverseFrequency = inverse
        isNoiseWord = noise
        wordsInOrder = (0..<Int32(words.count)).sorted { words[Int($0)].utf8.lexicographicallyPrecedes(words[Int($1)].utf8) }
        wordsByStem = Self.wordsByStem(words: words, frequency: frequency)
        // Job nouns: what titles that O*NET and SOC saw end in, twice at least (one title may be odd), and in
        // a tenth of the titles that have the word: "system" ends a few titles but is mostly a qualifier.
        var headCounts = Array(repeating: 0, count: words.count)
        var useCounts = Array(repeating: 0, count: words.count)
        for (recordIndex, record) in titles.enumerated() {
            switch record.source {
            case .occupation, .alternate, .reported, .socDirectMatch: break
            default: continue
            }
            for form in recordForms[recordIndex] {
                for token in form { if let word = lexicon.canonicalWord(token), let id = wordIDs[word] { useCounts[Int(id)] += 1 } }
                guard let head = JobTitleWords.headNoun(form), let word = lexicon.canonicalWord(TitleToken(word: head, typed: head)),
                    let id = wordIDs[word]
                else { continue }
                headCounts[Int(id)] += 1
            }
        }
        let jobNouns = words.indices.map { headCounts[$0] >= 2 && headCounts[$0] * 10 >= useCounts[$0] && !noise[$0] }
        isJobNoun = jobNouns

        // 4. Entries numbered lightest first, so that every posting list starts with the titles its word explains
        //    best ("Developer", then "Web Developer", …): a search that only needs the best few titles of a common
        //    word reads the start of its list. Every posting list then also runs in entry order, so a search
        //    walks its working memory forwards rather than at random. Ties keep the order the data gave.
        let titleOrder = entryWordLists  // by first appearance in the data
        let entryWeight = { (list: [Int32]) -> Float in
            let onlyNoise = list.allSatisfy { noise[Int($0)] }
            var weight: Float = 0
            for id in list {
                // Noise words weigh little, unless the title is nothing but noise ("Principal" is a school principal).
                weight += noise[Int(id)] && !onlyNoise ? inverse[Int(id)] * Self.noiseWeight : inverse[Int(id)]
            }
            return weight
        }
        // A positive Float's bit pattern orders like the Float: weight and first appearance sort as one integer.
        let firstSeen = titleOrder.enumerated().map { UInt64(entryWeight($0.element).bitPattern) << 32 | UInt64($0.offset) }.sorted()
            .map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        var renumbered = Array(repeating: Int32(0), count: firstSeen.count)
        for (entry, seen) in firstSeen.enumerated() { renumbered[Int(seen)] = Int32(entry) }
        entryWordLists = firstSeen.map { titleOrder[Int($0)] }

        // 5. Entries in flat arrays, and the inverted index.
        var wordOffsets: [Int32] = [0]
        var flatWords: [Int32] = []
        var weights: [Float] = []
        var allNoise: [Bool] = []
        wordOffsets.reserveCapacity(entryWordLists.count + 1)
        weights.reserveCapacity(entryWordLists.count)
        for list in entryWordLists {
            flatWords.append(contentsOf: list)
            wordOffsets.append(Int32(flatWords.count))
            allNoise.append(list.allSatisfy { noise[Int($0)] })
            weights.append(entryWeight(list))
        }
        entryWordOffsets = wordOffsets
        entryWords = flatWords
        entryWeights = weights
        entryIsAllNoise = allNoise
        entryJobNouns = Self.jobNouns(offsets: wordOffsets, words: flatWords, words, isJobNoun: jobNouns)

        var postingOffsets = Array(repeating: Int32(0), count: words.count + 1)
        for id in flatWords { postingOffsets[Int(id) + 1] += 1 }
        for index in 1..<postingOffsets.count { postingOffsets[index] += postingOffsets[index - 1] }
        var fill = postingOffsets
        var postings = Array(repeating: Int32(0), count: flatWords.count)
        for (entry, list) in entryWordLists.enumerated() {
            for id in list {
                postings[Int(fill[Int(id)])] = Int32(entry)
                fill[Int(id)] += 1
            }
        }
        self.postingOffsets = postingOffsets
        self.postings = postings

        // 6. Links in entry order. A title the Census files under one occupation only in some industries and under
        //    another in every other ("Helper cook": production helpers in manufacturing, food preparation workers
        //    elsewhere) means the other when the query names no industry; so do the sources that echo the industry's
        //    sense ("Cook Helper", an O*NET title of production helpers): that link stays below the default's. Unless
        //    the titles O*NET reports or SOC matches directly name it: then the industry's sense is the title's
        //    main one ("Claims Adjuster" in insurance, "Postal Clerk" in the postal service, "Roustabout" in oil).
        //    And unless more people work in the industry's occupation than in the other: then the other is no default
        //    ("Teacher chemistry" is a secondary school teacher in schools and a college one in colleges, not a
        //    self-enrichment teacher, as the Census files it elsewhere).
        // entry → the strongest link of a Census line for every other industry, and the largest occupation it names
        var defaultSense: [UInt64: (strength: Float, prior: Float)] = [:]
        for (key, build) in linkBuilds where build.isCensusExcept {
            let prior = occupationPriors[Int(key & 0xFFFF_FFFF)], known = defaultSense[key >> 32] ?? (0, 0)
            defaultSense[key >> 32] = (max(known.strength, build.strength), max(known.prior, prior))
        }
        var linksByEntry = Array(repeating: [EntryLink](), count: entryWordLists.count)
        for (key, build) in linkBuilds {
            let entry = Int(renumbered[Int(key >> 32)]), occupation = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            var strength = build.strength
            if build.isCensusOnly, !build.isCensusExcept, !build.isVouched, let other = defaultSense[key >> 32],
                occupationPriors[Int(occupation)] <= other.prior
            {
                strength = min(strength, other.strength * Self.industrySenseShare)
            }
            linksByEntry[entry].append(
                EntryLink(
                    occupation: occupation, strength: strength, displayTitle: build.display,
                    source: build.source, isOccupationTitle: build.isOccupationTitle))
        }
        var linkOffsets: [Int32] = [0]
        var flatLinks: [EntryLink] = []
        linkOffsets.reserveCapacity(entryWordLists.count + 1)
        for var list in linksByEntry {
            list.sort { $0.occupation < $1.occupation }
            flatLinks.append(contentsOf: list)
            linkOffsets.append(Int32(flatLinks.count))
        }
        entryLinkOffsets = linkOffsets
        links = flatLinks
        linkTargets = flatLinks.map(LinkTarget.init)
        entryScoring = EntryScoring.all(weights: weights, linkOffsets: linkOffsets, targets: linkTargets)
        var titleEntries = Array(repeating: Int32(-1), count: occupations.count)
        for entry in renumbered.map(Int.init) {  // an occupation's title as the data first gives it
            for link in flatLinks[Int(linkOffsets[entry])..<Int(linkOffsets[entry + 1])] where link.isOccupationTitle {
                if titleEntries[Int(link.occupation)] < 0 { titleEntries[Int(link.occupation)] = Int32(entry) }
            }
        }
        occupationTitleEntries = titleEntries
        occupationTitleWords = Self.titleWords(titleEntries, offsets: wordOffsets, words: flatWords)
        isResidual = occupations.map { $0.title.hasSuffix("All Other") }
        (vocabularyOffsets, vocabulary) = Self.vocabularies(
            occupations: occupations.count, offsets: wordOffsets, words: flatWords, linkOffsets: linkOffsets, links: flatLinks)
        displayTitles = PackedStrings(titles.lazy.map(\.text))
        ampersandWords = Self.ampersandWords(displayTitles, wordIDs: wordIDs, lexicon: lexicon)
        oneWordTitles = Self.oneWordTitles(
            offsets: wordOffsets, words: flatWords, linkOffsets: linkOffsets, links: flatLinks, isNoise: noise, frequency: frequency)
        commonWordsByInitial = Self.commonWordsByInitial(words, frequency: frequency)

        // 7. Initials of entries with two to five meaningful words.
        var initials: [String: [Int32]] = [:]
        for (entry, list) in entryWordLists.enumerated() {
            let meaningful = list.filter { !noise[Int($0)] }
            guard (2...5).contains(meaningful.count) else { continue }
            var letters = String.UnicodeScalarView()
            for id in meaningful {
                guard let first = words[Int(id)].unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { letters = .init(); break }
                letters.append(first)
            }
            if !letters.isEmpty { initials[String(letters), default: []].append(Int32(entry)) }
        }
        // An acronym's commonest meaning first: the link's strength times the employment of its occupation
        // (the prior to the 8th power, see `ambiguityPriorSharpness`), so that an acronym no source spells
        // out means a software development engineer before a solar design engineer.
        var strongest = Array(repeating: Float(0), count: entryWordLists.count)
        for entry in strongest.indices {
            for link in flatLinks[Int(linkOffsets[entry])..<Int(linkOffsets[entry + 1])] {
                let prior = occupationPriors[Int(link.occupation)]
                strongest[entry] = max(strongest[entry], link.strength * (0.5 + 0.5 * pow(prior, 8)))
            }
        }
        self.initials = initials.mapValues { entries in
            Array(
                entries.sorted {
                    strongest[Int($0)] != strongest[Int($1)] ? strongest[Int($0)] > strongest[Int($1)] : firstSeen[Int($0)] < firstSeen[Int($1)]
                }
                .prefix(3))
        }

        fuzzyWords = FuzzyWordIndex(words: words)
        scratchPool = Self.scratchPool(entries: entryWordLists.count, occupations: occupations.count, words: words.count)
    }

    /// An index from its parts as built before, e.g. read back from a snapshot (`TitleIndex(snapshot:)`).
    /// The parts must agree with each other: the snapshot reader checks every count and id first.
    init(
        occupationCodes: [OccupationCode], occupationTitles: [String], occupationSOCs: [SOCCode], occupationPriors: [Float],
        wordIDs: [String: Int32], words: [String], documentFrequency: [Int32], inverseFrequency: [Float],
        isNoiseWord: [Bool], wordsInOrder: [Int32], isJobNoun: [Bool],
        entryWordOffsets: [Int32], entryWords: [Int32], entryWeights: [Float], entryIsAllNoise: [Bool],
        entryLinkOffsets: [Int32], links: [EntryLink], displayTitles: PackedStrings, occupationTitleEntries: [Int32],
        postingOffsets: [Int32], postings: [Int32],
        lexicon: AbbreviationLexicon, fuzzyWords: FuzzyWordIndex, initials: [String: [Int32]],
        vocabulary: (offsets: [Int32], words: [Int32])? = nil, ampersandWords: Set<Int32>? = nil
    ) {
        self.occupationCodes = occupationCodes
        occupationCodeRanks = Self.ranks(occupationCodes)
        self.occupationTitles = occupationTitles
        self.occupationSOCs = occupationSOCs
        self.occupationPriors = occupationPriors
        self.wordIDs = wordIDs
        self.words = words
        self.documentFrequency = documentFrequency
        self.inverseFrequency = inverseFrequency
        self.isNoiseWord = isNoiseWord
        self.wordsInOrder = wordsInOrder
        self.isJobNoun = isJobNoun
        wordsByStem = Self.wordsByStem(words: words, frequency: documentFrequency)
        self.entryWordOffsets = entryWordOffsets
        self.entryWords = entryWords
        self.entryWeights = entryWeights
        self.entryIsAllNoise = entryIsAllNoise
        entryJobNouns = Self.jobNouns(offsets: entryWordOffsets, words: entryWords, words, isJobNoun: isJobNoun)
        self.entryLinkOffsets = entryLinkOffsets
        self.links = links
        linkTargets = links.map(LinkTarget.init)
        entryScoring = EntryScoring.all(weights: entryWeights, linkOffsets: entryLinkOffsets, targets: linkTargets)
        self.displayTitles = displayTitles
        self.ampersandWords = ampersandWords ?? Self.ampersandWords(displayTitles, wordIDs: wordIDs, lexicon: lexicon)
        oneWordTitles = Self.oneWordTitles(
            offsets: entryWordOffsets, words: entryWords, linkOffsets: entryLinkOffsets, links: links, isNoise: isNoiseWord,
            frequency: documentFrequency)
        commonWordsByInitial = Self.commonWordsByInitial(words, frequency: documentFrequency)
        self.occupationTitleEntries = occupationTitleEntries
        occupationTitleWords = Self.titleWords(occupationTitleEntries, offsets: entryWordOffsets, words: entryWords)
        isResidual = occupationTitles.map { $0.hasSuffix("All Other") }
        (vocabularyOffsets, self.vocabulary) =
            vocabulary
            ?? Self.vocabularies(
                occupations: occupationCodes.count, offsets: entryWordOffsets, words: entryWords, linkOffsets: entryLinkOffsets, links: links)
        self.postingOffsets = postingOffsets
        self.postings = postings
        self.lexicon = lexicon
        self.fuzzyWords = fuzzyWords
        self.initials = initials
        scratchPool = Self.scratchPool(entries: entryWeights.count, occupations: occupationCodes.count, words: words.count)
    }

    /// `commonWordsByInitial` keeps words of at least this many titles, letters only, at least three of them.
    static let commonWordTitles: Int32 = 10
    /// A one-word title names a job when at most this many titles have its word: it is then a tenth of them at least, as
    /// `isJobNoun` asks of a job noun's titles.
    static let oneWordTitleReach: Int32 = 10

    private static func commonWordsByInitial(_ words: [String], frequency: [Int32]) -> [[Int32]] {
        var lists = Array(repeating: [Int32](), count: 26)
        for (id, word) in words.enumerated() where id < frequency.count && frequency[id] >= Self.commonWordTitles {
            let letters = word.utf8
            guard letters.count >= 3, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), let first = letters.first else { continue }
            lists[Int(first - 0x61)].append(Int32(id))
        }
        return lists.map { list in list.sorted { frequency[Int($0)] != frequency[Int($1)] ? frequency[Int($0)] > frequency[Int($1)] : $0 < $1 } }
    }

    private static func oneWordTitles(
        offsets: [Int32], words: [Int32], linkOffsets: [Int32], links: [EntryLink], isNoise: [Bool], frequency: [Int32]
    ) -> Set<Int32> {
        var result = Set<Int32>()
        for entry in 0..<max(0, min(offsets.count, linkOffsets.count) - 1) where offsets[entry + 1] - offsets[entry] == 1 {
            let word = words[Int(offsets[entry])]
            // SOC's "Intelligence" (a military officer's field) is mostly a qualifier ("Intelligence Analyst").
            guard Int(word) < isNoise.count, Int(word) < frequency.count, !isNoise[Int(word)],
                frequency[Int(word)] <= Self.oneWordTitleReach
            else { continue }
            let named = links[Int(linkOffsets[entry])..<Int(linkOffsets[entry + 1])].contains { link in
                switch link.source {
                case .occupation, .alternate, .reported, .socDirectMatch: return true
                default: return false
                }
            }
            if named { result.insert(word) }
        }
        return result
    }

    private static func ampersandWords(_ titles: PackedStrings, wordIDs: [String: Int32], lexicon: AbbreviationLexicon) -> Set<Int32> {
        var result = Set<Int32>()
        for title in titles.indices where titles.contains(UInt8(ascii: "&"), at: title) {
            for token in TitleNormalizer.tokenize(titles[title]) where token.isAmpersandForm {
                if let id = wordIDs[lexicon.canonicalWord(token) ?? token.word] { result.insert(id) }
            }
        }
        return result
    }

    private static func ranks(_ codes: [OccupationCode]) -> [Int32] {
        var ranks = Array(repeating: Int32(0), count: codes.count)
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        for (place, index) in order.enumerated() where place > 0 {
            let previous = order[place - 1]
            ranks[index] = codes[previous] < codes[index] ? Int32(place) : ranks[previous]
        }
        return ranks
    }

    private static func jobNouns(offsets: [Int32], words: [Int32], _ text: [String], isJobNoun: [Bool]) -> [JobNouns] {
        // Each word's kinds once, not each of its 500,000 uses in titles: hashing every use's text took a load 10 ms.
        let kinds = text.indices.map { word -> JobNouns in
            var kinds: JobNouns = word < isJobNoun.count && isJobNoun[word] ? .any : []
            if JobTitleWords.supervising.contains(text[word]) { kinds.insert(.supervising) }
            return kinds
        }
        return (0..<max(0, offsets.count - 1)).map { entry in
            let start = Int(offsets[entry]), end = Int(offsets[entry + 1])
            // Bounds checked: a test builds indexes whose parts disagree, to see the snapshot reader refuse them.
            guard start <= end, end <= words.count else { return [] }
            var nouns: JobNouns = []
            for word in words[start..<end] where word >= 0 && Int(word) < kinds.count { nouns.formUnion(kinds[Int(word)]) }
            return nouns
        }
    }

    private static func vocabularies(occupations: Int, offsets: [Int32], words: [Int32], linkOffsets: [Int32], links: [EntryLink])
        -> ([Int32], [Int32])
    {
        var lists = Array(repeating: [Int32](), count: occupations)
        // Bounds checked: a test builds indexes whose parts disagree, to see the snapshot reader refuse them.
        for entry in 0..<max(0, min(offsets.count, linkOffsets.count) - 1) {
            let start = Int(offsets[entry]), end = Int(offsets[entry + 1])
            let linkStart = Int(linkOffsets[entry]), linkEnd = Int(linkOffsets[entry + 1])
            guard start <= end, end <= words.count, linkStart <= linkEnd, linkEnd <= links.count else { continue }
            for link in links[linkStart..<linkEnd] where link.occupation >= 0 && Int(link.occupation) < occupations {
                switch link.source {
                case .technology, .tool: continue
                default: lists[Int(link.occupation)].append(contentsOf: words[start..<end])
                }
            }
        }
        var resultOffsets: [Int32] = [0]
        var result: [Int32] = []
        // A word of two titles at least: one title's word may be a coincidence ("Self Sealing Fuel Tank Builder").
        for list in lists {
            let sorted = list.sorted()
            for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] && result.last != sorted[index] {
                result.append(sorted[index])
            }
            resultOffsets.append(Int32(result.count))
        }
        return (resultOffsets, result)
    }

    /// Whether a title filed under the occupation has the word (`vocabulary`).
    func vocabulary(of occupation: Int, has word: Int32) -> Bool {
        var low = Int(vocabularyOffsets[occupation]), high = Int(vocabularyOffsets[occupation + 1])
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < Int(vocabularyOffsets[occupation + 1]) && vocabulary[low] == word
    }

    private static func titleWords(_ entries: [Int32], offsets: [Int32], words: [Int32]) -> Set<Int32> {
        var result: Set<Int32> = []
        // Bounds checked: a test builds indexes whose parts disagree, to see the snapshot reader refuse them.
        for entry in entries where entry >= 0 && Int(entry) + 1 < offsets.count {
            let start = Int(offsets[Int(entry)]), end = Int(offsets[Int(entry) + 1])
            guard start <= end, end <= words.count else { continue }
            result.formUnion(words[start..<end])
        }
        return result
    }

    /// Roots shared by several words, each with its two most frequent words: all a query needs, and
    /// quick to make on load (a few milliseconds), so the snapshot does not store it.
    private static func wordsByStem(words: [String], frequency: [Int32]) -> [String: [Int32]] {
        var groups: [String: [Int32]] = [:]
        for (id, word) in words.enumerated() { groups[JobTitleWords.stem(word), default: []].append(Int32(id)) }
        return groups.filter { $0.value.count >= 2 }.mapValues { ids in
            Array(ids.sorted { frequency[Int($0)] != frequency[Int($1)] ? frequency[Int($0)] > frequency[Int($1)] : $0 < $1 }.prefix(2))
        }
    }

    /// Working memory is sized to the index and made on first search, never stored.
    private static func scratchPool(entries: Int, occupations: Int, words: Int) -> ScratchPool {
        ScratchPool { SearchScratch(entries: entries, occupations: occupations, words: words) }
    }

    /// The short form and long form of a parenthesized title, when one abbreviates the other:
    /// O*NET names the short form; otherwise the alignment decides.
    static func shortFormPair(outside: [TitleToken], inside: [TitleToken], shortForm: String?) -> AbbreviationLexicon.Pair? {
        let outer = outside.map(\.typed), inner = inside.map(\.typed)
        if let shortForm {
            let short = TitleNormalizer.tokenize(shortForm).map(\.typed)
            if short == outer { return .init(short: outer, long: inner) }
            if short == inner { return .init(short: inner, long: outer) }
        }
        let letters = { (words: [String]) in words.reduce(0) { $0 + $1.utf8.count } }
        let (short, long) = letters(inner) <= letters(outer) ? (inner, outer) : (outer, inner)
        guard short != long, AbbreviationLexicon.align(short: short, long: long) != nil else { return nil }
        return .init(short: short, long: long)
    }

    /// The occupations a title filed under a SOC group names: the members whose own title has a word of it that not
    /// every member's has ("Helper stonemason", filed under all construction helpers, is a helper of brickmasons,
    /// blockmasons and stonemasons, not of electricians), else every member. A title filed under one names it.
    static func membersNamed(
        by tokens: [TitleToken], among members: [Int32], _ ownTitleWords: [Set<String>], _ lexicon: AbbreviationLexicon
    ) -> [Int32] {
        guard members.count > 1 else { return members }
        let words = tokens.compactMap { lexicon.canonicalWord($0) }.filter { !JobTitleWords.noise.contains($0) }
        let telling = words.filter { word in !members.allSatisfy { ownTitleWords[Int($0)].contains(word) } }
        let named = members.filter { member in telling.contains { ownTitleWords[Int(member)].contains($0) } }
        return named.isEmpty ? members : named
    }

    /// An O*NET title that names two jobs side by side, "Veterinary Assistants and Laboratory Animal Caretakers",
    /// also names its first: "Veterinary Assistant" is this occupation's own title, not a partial match of it.
    /// Only the first, and only a whole job name: two or more words ending in a plural that other titles end
    /// in too. The second may share the first's words ("Aircraft Mechanics and Service Technicians" are aircraft
    /// service technicians), as may a first of one word ("Bill and Account Collectors"); "All Other" titles
    /// name no one job.
    static func addFirstConjuncts(of titles: [TitleRecord], to recordForms: inout [[[TitleToken]]]) {
        var titleEndings = Set<String>()
        for (index, record) in titles.enumerated() {
            if case .occupation = record.source { continue }
            if let last = recordForms[index].first?.last(where: { $0.segment == 0 }) { titleEndings.insert(last.word) }
        }
        for (index, record) in titles.enumerated() {
            guard case .occupation = record.source, let tokens = recordForms[index].first else { continue }
            let first = tokens.prefix { $0.segment == 0 }
            guard let and = first.firstIndex(where: { $0.word == "and" }), and >= 2,
                !tokens.contains(where: { $0.word == "other" || $0.word == "related" || $0.word == "of" })
            else { continue }
            let last = tokens[and - 1]
            guard last.word != last.typed, titleEndings.contains(last.word) else { continue }
            recordForms[index].append(Array(tokens[..<and]))
        }
    }

    /// Whether a short form says something of its own as a title: not when its short form is a grammar word ("LA
    /// Teacher (Language Arts Teacher)", "A" or "IN" as initials), which the index drops, leaving words the long form has
    /// ("Teacher"), as if the title were the bare job noun.
    static func keepsItsWords(_ short: [TitleToken], beside long: [TitleToken]) -> Bool {
        guard short.contains(where: { JobTitleWords.stopwords.contains($0.word) }) else { return true }
        let longWords = Set(long.map(\.word))
        return !short.allSatisfy { JobTitleWords.stopwords.contains($0.word) || longWords.contains($0.word) }
    }

    /// What SOC writes in an occupation's title to place it among the others is no word of the job: "Janitors and
    /// Cleaners, Except Maids and Housekeeping Cleaners" names no maid, and "Maintenance and Repair Workers, General" is
    /// what a "Maintenance and Repair Worker" is. The title is indexed without its "Except" clause and its ", General".
    static func trimClassificationWords(of titles: [TitleRecord], in recordForms: inout [[[TitleToken]]]) {
        for (index, record) in titles.enumerated() {
            guard case .occupation = record.source, let tokens = recordForms[index].first, tokens.count > 1 else { continue }
            // The clause runs to the end, over its own commas: "Purchasing Agents, Except Wholesale, Retail, and Farm Products".
            let except = tokens.first { token in
                token.segment > 0 && token.word == "except" && tokens.first(where: { $0.segment == token.segment })?.word == "except"
            }
            let kept = tokens.filter { token in
                if let except, token.segment >= except.segment { return false }
                return !(token.segment > 0 && token.word == "general" && !tokens.contains { $0.segment == token.segment && $0.word != "general" })
            }
            if !kept.isEmpty, kept.count < tokens.count { recordForms[index][0] = kept }
        }
    }

    /// An O*NET title of helpers names the helper of each trade it lists: "Helpers--Painters, Paperhangers, Plasterers,
    /// and Stucco Masons" is also a "Stucco Mason Helper" and a "Plasterer Helper", as its own title, so that a helper
    /// of a trade finds the helpers of that trade rather than a title that only shares the trade's word.
    static func addHelpedTrades(of titles: [TitleRecord], to recordForms: inout [[[TitleToken]]]) {
        let prefix = "Helpers--"
        for (index, record) in titles.enumerated() where record.text.hasPrefix(prefix) {
            guard case .occupation = record.source else { continue }
            let helper = TitleToken(word: "helper", typed: "helper")
            let trades = record.text.dropFirst(prefix.count).split(separator: ",")
            guard trades.count > 1 else { continue }  // "Helpers--Carpenters" is its own title already
            for trade in trades {
                var words = TitleNormalizer.tokenize(String(trade))
                if words.first?.word == "and" { words.removeFirst() }
                if !words.isEmpty { recordForms[index].append(words + [helper]) }
            }
        }
    }

    /// An "All Other" occupation ("Production Workers, All Other") is where SOC files the workers no other occupation
    /// covers: a coder chooses it last, so among titles that fit about as well, a named occupation goes first ("Pipe
    /// Stripper" is a hand laborer before it is a production worker not elsewhere classified).
    static let residualFactor: Float = 0.97

    /// The most a title's industry sense weighs, as a share of its sense elsewhere (see step 6 of `init`).
    static let industrySenseShare: Float = 0.8

    private struct LinkBuild {
        var evidence: Float = 0
        var best: Float = -1
        var display: Int32 = 0
        var source: TitleSource = .occupation
        var isOccupationTitle = false
        /// A Census line files the title under the occupation only in some industries.
        var isCensusOnly = false
        /// A Census line files the title under the occupation in every industry but some.
        var isCensusExcept = false
        /// The occupation's own title, a title O*NET reports, or a SOC direct-match title names it.
        var isVouched = false

        /// Independent sources agreeing make a link stronger than any one of them, and each further
        /// source still counts: "Business Analyst" filed by four sources under Management Analysts
        /// beats the same title filed by two under Business Intelligence Analysts.
        var strength: Float { 1 - exp(-evidence) }

        /// The title shown is the one of the strongest source.
        mutating func add(strength added: Float, display title: Int32, source origin: TitleSource) {
            evidence += added
            if case .occupation = origin { isOccupationTitle = true }
            if case .census(.only) = origin { isCensusOnly = true }
            if case .census(.except) = origin { isCensusExcept = true }
            switch origin {
            case .occupation, .reported, .socDirectMatch: isVouched = true
            default: break
            }
            if added > best {
                best = added
                display = title
                source = origin
            }
        }
    }
}
