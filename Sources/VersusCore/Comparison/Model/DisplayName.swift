/// How a title is written when its words are not plain capitalized words: "COO", "IT", "DevOps", "U.S.".
///
/// Learned from the data (O*NET short titles such as "COO", "IT Director", "RN") rather than written by hand,
/// so new acronyms in a new O*NET release are cased right without a code change.
public struct TitleCasing: Hashable, Sendable {
    /// Bump when the learning changes: learned forms kept beside the database are keyed by it.
    public static let version = 1

    /// Lowercased word → its written form.
    public let forms: [String: String]

    public init(forms: [String: String]) {
        self.forms = forms
    }

    public static let empty = TitleCasing(forms: [:])

    /// Words short titles write in capitals or mixed case, by their most common form. English function
    /// words are left out even when a title capitalizes them ("OR Nurse" is an operating room nurse, "or" is a word).
    public init(learningFrom titles: [String]) {
        var counts: [String: [String: Int]] = [:]
        for title in titles {
            for word in TitleWords.split(title) where word.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }) {
                counts[PopularTitle.key(word), default: [:]][word, default: 0] += 1
            }
        }
        var forms: [String: String] = [:]
        for (lower, written) in counts where !TitleWords.functionWords.contains(lower) {
            // Most common form; ties broken by the form itself so the lexicon is deterministic.
            guard let best = written.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { continue }
            if best != lower && best != TitleWords.capitalized(lower) { forms[lower] = best }
        }
        self.forms = forms
    }
}

/// A role's name as people write it: the typed title, cased properly, with its indefinite article.
public struct DisplayName: Hashable, Sendable {
    /// "Operations Manager", "COO", "IT Director".
    public let text: String
    /// "a" or "an"; empty for a plural name.
    public let article: String
    /// The name is an O*NET occupation title such as "Air Crew Officers", used when no popular singular title exists.
    public let isPlural: Bool
    /// The noun a sentence adds when the name is a field of work, not a worker ("Inside Sales" → "an Inside Sales
    /// worker"); nil for a name that is a job.
    public let worker: String?

    public init(_ typed: String, casing: TitleCasing, isPlural: Bool = false, worker: String? = nil) {
        text = TitleWords.cased(typed, casing: casing)
        self.isPlural = isPlural
        self.worker = worker
        article = isPlural ? "" : TitleWords.indefiniteArticle(for: text)
    }

    /// Whether a typed title names people in the plural, so that its verbs agree ("Registered Nurses earn more").
    /// Its last word must be a plural acronym ("RNs", "LPNs") or the plural head noun of the occupation's O*NET title
    /// (Nurses of "Registered Nurses"): "Director of Sales" ends in an s but is one director of Sales Managers.
    public static func isPlural(typed: String, occupationTitle: String) -> Bool {
        guard let last = TitleWords.split(typed).last else { return false }
        let letters = Array(last.utf8)
        let isUpper = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
        if letters.count >= 3, letters.last == UInt8(ascii: "s"), letters.dropLast().allSatisfy(isUpper) { return true }
        let head = occupationTitle.split(separator: ",").first.flatMap { TitleWords.split(String($0)).last }
        return head?.lowercased() == last.lowercased() && TitleNormalizer.singular(last.lowercased()) != last.lowercased()
    }

    /// "an Operations Manager", "a COO", "Air Crew Officers", "an Inside Sales worker".
    public var withArticle: String { isPlural ? text : article + " " + text + (worker.map { " " + $0 } ?? "") }

    /// The verb form that agrees with the name: `agreeing("earns", "earn")`.
    func agreeing(_ singular: String, _ plural: String) -> String { isPlural ? plural : singular }
}

/// Word-level rules for casing titles and choosing "a"/"an".
enum TitleWords {
    /// Kept lowercase inside a title ("Director of Operations"), never treated as acronyms.
    static let functionWords: Set<String> = [
        "a", "an", "and", "or", "of", "the", "in", "on", "at", "to", "for", "by", "with", "from", "as", "de", "la", "y", "vs", "vs.",
    ]

    /// Roman numerals used as levels ("Engineer II").
    static let numerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]

    /// Splits on spaces and on the punctuation between words, keeping "U.S.", "R&D", "O'Brien" whole.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every title): cut on bytes, without Unicode character properties.
            var start: String.Index? = nil
            var index = text.utf8.startIndex
            func isWordByte(_ b: UInt8) -> Bool {
                (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x26 || b == 0x27 || b == 0x2E || b == 0x2B
                    || b == 0x23
            }
            while index != text.utf8.endIndex {
                if isWordByte(text.utf8[index]) {
                    if start == nil { start = index }
                } else if let from = start {
                    words.append(String(text[from..<index]))
                    start = nil
                }
                index = text.utf8.index(after: index)
            }
            if let from = start { words.append(String(text[from...])) }
        } else {
            var current = ""
            for character in text {
                if character.isLetter || character.isNumber || character == "&" || character == "'" || character == "." || character == "+"
                    || character == "#"
                {
                    current.append(character)
                } else {
                    if !current.isEmpty { words.append(current) }
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
        }
        return words.map { word in
            // A sentence full stop is not part of the word, an abbreviation's is ("Sr." keeps it, "U.S." too).
            word.hasSuffix(".") && word.dropLast().contains(".") == false && word.count > 4 ? String(word.dropLast()) : word
        }
    }

    /// The typed title with misspelt words replaced by the words of the title they matched ("registerd nurse" matched
    /// "Registered Nurse (RN)" → "registered nurse"), so a page never prints a typo in its headline. A typed word is
    /// replaced only by a matched word close to it in spelling that is not merely its plural or singular; a matched
    /// acronym keeps its capitals, any other word is lowercased so the title's own casing rules apply.
    static func correctingSpelling(_ typed: String, from matched: String?) -> String {
        guard let matched else { return typed }
        let candidates = split(matched)
        let known = Set(candidates.map { $0.lowercased() })
        let words = typed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let corrected = words.map { word -> String in
            let lower = word.lowercased()
            guard lower.count >= 4, lower.allSatisfy(\.isLetter), !known.contains(lower) else { return word }
            // Edits allowed grow with the word: one for short words, two from eight letters.
            let allowed = lower.count >= 8 ? 2 : 1
            var best: (word: String, distance: Int)?
            // A matched title is often plural ("Nurse Practitioners") where the typed word is singular and misspelt
            // ("practioner"): its singular is compared too, and the closer form is the correction.
            for candidate in candidates {
                // The typed word is this word's singular ("secretary", "coach"): it is spelt right.
                if isInflection(lower, candidate.lowercased()) { continue }
                var forms = [candidate]
                if candidate.count > 4, candidate.hasSuffix("s"), !lower.hasSuffix("s") {
                    forms.append(candidate.hasSuffix("ies") ? candidate.dropLast(3) + "y" : String(candidate.dropLast()))
                }
                for form in forms {
                    let target = form.lowercased()
                    guard target.first == lower.first, target != lower, !isInflection(lower, target) else { continue }
                    let distance = editDistance(Array(lower), Array(target))
                    if distance <= allowed && (best == nil || distance < best!.distance) { best = (form, distance) }
                }
            }
            guard let best else { return word }
            let letters = best.word.filter(\.isLetter)
            return letters.count >= 2 && letters == letters.uppercased() ? best.word : best.word.lowercased()
        }
        return corrected.joined(separator: " ")
    }

    /// "nurse"/"nurses", "secretary"/"secretaries", "analysis"/"analyses" are the same word, not a typo of each other.
    private static func isInflection(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        if long == short + "s" || long == short + "es" { return true }
        if short.hasSuffix("y"), long == short.dropLast() + "ies" { return true }
        return a.count == b.count && a.dropLast(2) == b.dropLast(2) && ["is", "es"].contains(String(a.suffix(2)))
            && ["is", "es"].contains(String(b.suffix(2)))
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst().lowercased()
    }

    /// Cases a typed title word by word, keeping the separators as typed (collapsing runs of spaces).
    static func cased(_ typed: String, casing: TitleCasing) -> String {
        let words = typed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        let letters = typed.filter(\.isLetter)
        // All capitals with long words is shouting, not acronyms: "OPERATIONS MANAGER" carries no casing information.
        let shouting = !letters.isEmpty && letters == letters.uppercased() && words.contains { $0.filter(\.isLetter).count >= 5 }
        let hasOwnCasing = !shouting && letters != letters.lowercased() && letters != letters.uppercased()
        var result: [String] = []
        for (index, word) in words.enumerated() {
            result.append(casedWord(word, isFirst: index == 0, casing: casing, keepTyped: hasOwnCasing, shouting: shouting))
        }
        return result.joined(separator: " ")
    }

    /// One space-separated word, which may join parts with hyphens or slashes ("Co-Founder", "Owner/Operator").
    private static func casedWord(_ word: String, isFirst: Bool, casing: TitleCasing, keepTyped: Bool, shouting: Bool) -> String {
        var output = ""
        var part = ""
        var partIndex = 0
        func flush() {
            guard !part.isEmpty else { return }
            output += casedPart(part, isFirst: isFirst && partIndex == 0, casing: casing, keepTyped: keepTyped, shouting: shouting)
            part = ""
            partIndex += 1
        }
        for character in word {
            if character == "-" || character == "/" || character == "(" || character == ")" || character == "," {
                flush()
                output.append(character)
            } else {
                part.append(character)
            }
        }
        flush()
        return output
    }

    private static func casedPart(_ part: String, isFirst: Bool, casing: TitleCasing, keepTyped: Bool, shouting: Bool) -> String {
        let lower = part.lowercased()
        if let form = casing.forms[lower] { return form }
        if lower.hasSuffix("."), let form = casing.forms[String(lower.dropLast())] { return form + "." }
        if numerals.contains(lower) && !isFirst { return part.uppercased() }
        if !isFirst && functionWords.contains(lower) { return lower }
        let letters = part.filter(\.isLetter)
        // Typed capitals are kept where the person clearly chose them: "McKinsey", "iOS", or a short all-capital word ("SAP").
        if keepTyped && letters != letters.lowercased() && part != capitalized(part) { return part }
        if !shouting && letters.count >= 2 && letters == letters.uppercased() { return part }
        return capitalizedKeepingApostrophes(lower)
    }

    /// "women's" → "Women's", "o'neil" stays simple: only the first letter is raised.
    private static func capitalizedKeepingApostrophes(_ lower: String) -> String {
        guard let index = lower.firstIndex(where: \.isLetter) else { return lower }
        return lower[..<index] + lower[index].uppercased() + lower[lower.index(after: index)...]
    }

    /// Letters whose spoken name starts with a vowel sound: "an RN", "an MBA", "an HR Manager".
    private static let vowelSoundLetters: Set<Character> = ["a", "e", "f", "h", "i", "l", "m", "n", "o", "r", "s", "x"]
    /// Vowel-initial words spoken with a consonant sound ("a union", "a one-person office").
    private static let consonantSoundPrefixes = ["uni", "use", "usu", "uti", "ura", "uro", "eu", "one", "once", "ubi"]
    /// h-initial words spoken with a vowel sound.
    private static let silentH = ["hour", "honest", "honor", "honour", "heir"]

    /// Two consonants an English word may start with: an acronym that starts with two others is spelled, at least at first.
    private static let wordOnsets: Set<String> = [
        "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kn", "ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl", "sm",
        "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr",
    ]

    private static func startsAsAWord(_ lower: String) -> Bool {
        let start = lower.prefix(2)
        guard start.count == 2, start.allSatisfy({ !"aeiouy".contains($0) }) else { return true }
        return wordOnsets.contains(String(start))
    }

    static func indefiniteArticle(for text: String) -> String {
        guard let word = split(text).first, let first = word.first else { return "a" }
        let letters = word.filter(\.isLetter)
        if first.isNumber {
            // "an 8-hour", "an 11th"; other numbers are spoken with a consonant.
            return word.hasPrefix("8") || word.hasPrefix("11") || word.hasPrefix("18") ? "an" : "a"
        }
        let isAcronym = letters.count >= 2 && letters == letters.uppercased()
        // Short or vowel-less acronyms are spelled out letter by letter ("RN", "CNA"); longer ones are said as words ("SPED"),
        // unless no English word starts as they do ("HVAC" is "aitch-vac").
        let spelled =
            isAcronym
            && (letters.count <= 3 || !letters.lowercased().contains(where: { "aeiou".contains($0) })
                || !startsAsAWord(letters.lowercased()))
        let lower = word.lowercased()
        if spelled || letters.count == 1 {
            return lower.first.map { vowelSoundLetters.contains($0) } == true ? "an" : "a"
        }
        if silentH.contains(where: lower.hasPrefix) { return "an" }
        if consonantSoundPrefixes.contains(where: lower.hasPrefix) { return "a" }
        return "aeiou".contains(lower.first!) ? "an" : "a"
    }
}
