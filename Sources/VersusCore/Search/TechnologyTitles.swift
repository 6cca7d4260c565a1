/// One product an occupation works with, as O*NET lists it.
public struct TechnologyUse: Hashable, Sendable {
    /// As O*NET writes it: "Autodesk AutoCAD", "Amazon Web Services AWS software", "Metal inert gas MIG welders".
    public let example: String
    public let occupation: OccupationCode
    /// `.technology` (Technology Skills, hot or in demand) or `.tool` (Tools Used).
    public let source: TitleSource

    public init(example: String, occupation: OccupationCode, source: TitleSource) {
        self.example = example
        self.occupation = occupation
        self.source = source
    }
}

/// Titles that name a job by its technology ("python engineer", "salesforce administrator", "autocad
/// drafter"): each product word an occupation uses, paired with the job nouns of that occupation's own titles.
///
/// Job ads name the technology and a generic noun; O*NET says which occupations use which product, and
/// the occupation's titles say which nouns it goes by. Neither alone is enough: "engineer" fits hundreds
/// of titles, "python" none. The pairs are titles of their own source, weaker than any title a source saw.
public enum TechnologyTitles {
    /// A product word in more examples than this is a vendor or a generic word ("Microsoft", "software").
    /// SAP, in 34 examples, is the most widespread product that job ads name on its own.
    static let maximumExamples = 40
    /// A word in more titles than this is a job word already ("server", "medical"): pairing it adds nothing.
    static let maximumTitles = 20
    /// A tool used in more occupations than this ("ladders", "hammers") tells little about the job; tools
    /// are many, and each pairing is a title the index must carry, so only telling ones are paired.
    static let maximumToolOccupations = 3
    /// A product word and a job noun are paired for at most this many occupations: those a job ad naming
    /// both most likely means, by employment, doubled where the product is in demand. Python is hot in 132
    /// occupations; a "python engineer" is a software developer far more often than a mining engineer,
    /// while a "revit drafter" is one of the few drafters who use Revit.
    static let occupationsPerProduct = 10
    /// Job nouns per occupation: the nouns its titles end in most often ("developer", "engineer", "programmer").
    static let nounsPerOccupation = 3
    static let nounsPerOccupationForTools = 2

    public static func records(uses: [TechnologyUse], titles: [TitleRecord], occupations: [SearchableOccupation] = []) -> [TitleRecord] {
        var employment: [OccupationCode: Double] = [:]
        for occupation in occupations { employment[occupation.code] = occupation.employment ?? 0 }
        var titleFrequency: [String: Int] = [:]
        var nounCounts: [OccupationCode: [String: Int]] = [:]
        for record in titles {
            let tokens = TitleNormalizer.tokenize(record.text)
            for word in Set(tokens.map(\.word)) { titleFrequency[word, default: 0] += 1 }
            guard record.source.isSeenTitle, let noun = JobTitleWords.headNoun(tokens) else { continue }
            for occupation in record.occupations { nounCounts[occupation, default: [:]][noun, default: 0] += 1 }
        }
        let nouns = nounCounts.mapValues { counts in
            counts.filter { $0.value >= 2 && !JobTitleWords.noise.contains($0.key) }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(nounsPerOccupation).map(\.key)
        }

        // Product words of each example, with how they are written there.
        var exampleWords: [String: [(word: String, written: String)]] = [:]
        var exampleFrequency: [String: Int] = [:]
        for example in Set(uses.map(\.example)) {
            var found: [(word: String, written: String)] = []
            for token in TitleNormalizer.tokenize(example)
            where token.word.utf8.count >= 2
                && !JobTitleWords.stopwords.contains(token.word) && !token.word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            {
                guard !found.contains(where: { $0.word == token.word }) else { continue }
                found.append((token.word, written(token.typed, in: example)))
            }
            for item in found { exampleFrequency[item.word, default: 0] += 1 }
            exampleWords[example] = found
        }
        var toolOccupations: [String: Set<OccupationCode>] = [:]
        for use in uses where use.source == .tool {
            for item in exampleWords[use.example] ?? [] { toolOccupations[item.word, default: []].insert(use.occupation) }
        }

        // The likeliest occupations for each product word and job noun.
        var likelihood: [String: [OccupationCode: Double]] = [:]
        for use in uses {
            let weight = (employment[use.occupation] ?? 0) * (use.source == .technology(inDemand: true) ? 2 : 1) + 1
            for item in exampleWords[use.example] ?? [] {
                for head in nouns[use.occupation] ?? [] {
                    let key = item.word + " " + head
                    likelihood[key, default: [:]][use.occupation] = max(likelihood[key]?[use.occupation] ?? 0, weight)
                }
            }
        }
        // Each kept occupation's share: the square root of its weight against the likeliest one's, so that
        // among occupations that all pair "python" with "engineer" the commonest ranks first.
        let likeliest = likelihood.mapValues { weights -> [OccupationCode: Float] in
            let ranked = weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
                .prefix(occupationsPerProduct)
            let top = ranked.first?.value ?? 1
            return Dictionary(uniqueKeysWithValues: ranked.map { ($0.key, Float(($0.value / top).squareRoot())) })
        }

        var best: [String: (record: TitleRecord, strength: Float)] = [:]
        for use in uses {
            guard let heads = nouns[use.occupation], !heads.isEmpty else { continue }
            for item in exampleWords[use.example] ?? [] {
                guard exampleFrequency[item.word, default: 0] <= maximumExamples,
                    titleFrequency[item.word, default: 0] <= maximumTitles,
                    use.source != .tool || toolOccupations[item.word, default: []].count <= maximumToolOccupations
                else { continue }
                for head in heads.prefix(use.source == .tool ? nounsPerOccupationForTools : nounsPerOccupation) {
                    guard let share = likeliest[item.word + " " + head]?[use.occupation] else { continue }
                    let key = item.word + " " + head + " " + use.occupation.rawValue
                    let strength = use.source.strength
                    if let known = best[key], known.strength >= strength { continue }
                    let text = item.written + " " + capitalized(head)
                    best[key] = (TitleRecord(text: text, source: use.source, occupations: [use.occupation], share: share), strength)
                }
            }
        }
        // One order for one input, so that the built index (and its snapshot) is always the same.
        return best.sorted { $0.key < $1.key }.map(\.value.record)
    }

    /// The word as the example writes it ("AutoCAD" in "Autodesk AutoCAD"), for showing the title.
    private static func written(_ folded: String, in example: String) -> String {
        var piece = ""
        for character in example + " " {
            if character.isLetter || character.isNumber {
                piece.append(character)
            } else {
                if TitleNormalizer.fold(piece) == folded { return piece }
                piece = ""
            }
        }
        return capitalized(folded)
    }

    private static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

extension TitleSource {
    /// A title some source saw people use, not one made by pairing.
    var isSeenTitle: Bool {
        switch self {
        case .technology, .tool: return false
        default: return true
        }
    }
}
