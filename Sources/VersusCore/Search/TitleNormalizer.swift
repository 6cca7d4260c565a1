import Foundation  // String.folding: Unicode case, diacritic and width folding.

/// One word of a job title after folding, as the index compares it.
public struct TitleToken: Hashable, Sendable {
    /// Folded and singular: "Nurses'" → "nurse".
    public var word: String
    /// Folded but as typed, plural kept: abbreviation alignment ("ops" ⊂ "operations") and
    /// completion of a half-typed word ("nurs" → "nurse") need the letters the person typed.
    public var typed: String
    /// Inside parentheses or brackets: "Registered Nurse (ICU)".
    public var isBracketed: Bool
    /// 0 in the first part of the text; each " - ", comma, "|", ";", ":" or "@" starts a new part,
    /// which is where job ads put locations and schedules ("Nurse - Austin, TX").
    public var segment: Int
    /// Initials joined by "&", at most three letters each side ("R&D", "E&O", "AT&T"): a short form of words joined by
    /// "and", whatever other short form its letters spell without the "&" ("EO" is an equipment operator).
    public var isAmpersandForm: Bool

    public init(word: String, typed: String, isBracketed: Bool = false, segment: Int = 0, isAmpersandForm: Bool = false) {
        self.word = word
        self.typed = typed
        self.isBracketed = isBracketed
        self.segment = segment
        self.isAmpersandForm = isAmpersandForm
    }
}

/// Turns text into comparable words: the same rules for the titles of the index and for queries,
/// so that whatever a rule does, both sides agree.
public enum TitleNormalizer {
    /// Longer input is refused: the longest title in the data is about 150 characters.
    public static let maximumLength = 200

    /// Refuses what is not a typed job title; see `TitleQueryError`.
    public static func validate(_ query: String) throws(TitleQueryError) {
        var sawText = false
        var position = 0
        for scalar in query.unicodeScalars {
            switch scalar.value {
            case 0, 0xFFFD:
                throw .binary
            case 0x09, 0x0A, 0x0D:
                break  // tab and line ends: pasted text often carries them; they separate words
            case 0x01...0x1F, 0x7F...0x9F:
                throw .controlCharacter(scalar: scalar.value, position: position)
            case 0x20:
                break
            default:
                if scalar.isASCII || !scalar.properties.isWhitespace { sawText = true }
            }
            position += 1
        }
        guard sawText else { throw .empty }
        // A text has no more characters than UTF-8 bytes: only a long one needs its characters counted.
        if query.utf8.count > maximumLength {
            let length = query.count
            guard length <= maximumLength else { throw .tooLong(length: length, limit: maximumLength) }
        }
    }

    /// Lower case, no diacritics, no full-width forms: "Café ＣＥＯ" → "cafe ceo".
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Letters that Unicode does not decompose into a base letter plus a mark.
        if folded.unicodeScalars.contains(where: { Self.undecomposable[$0] != nil }) {
            var scalars = String.UnicodeScalarView()
            for scalar in folded.unicodeScalars {
                if let replacement = Self.undecomposable[scalar] {
                    scalars.append(contentsOf: replacement.unicodeScalars)
                } else {
                    scalars.append(scalar)
                }
            }
            folded = String(scalars)
        }
        return folded
    }

    private static let undecomposable: [Unicode.Scalar: String] = [
        "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss", "ĸ": "k", "ŋ": "n", "ħ": "h",
    ]

    /// Splits text into words: punctuation separates, "&" and "and" are the same word, possessives
    /// lose their "'s", dotted initials join ("R.N." → "rn"), and plurals become singular.
    public static func tokenize(_ text: String) -> [TitleToken] {
        let scalars = Array(fold(text).unicodeScalars)
        var tokens: [TitleToken] = []
        var current: [UInt8] = []  // the word's UTF-8: appending bytes is cheaper than appending to a String
        current.reserveCapacity(32)
        var runLength = 0  // letters since the last dot, to join "u.s." but not "sr.engineer"
        var bracketDepth = 0
        var segment = 0
        var segmentHasWords = false
        var ampersand = false

        func flush() {
            guard !current.isEmpty else { return }
            let typed = String(decoding: current, as: UTF8.self)
            tokens.append(
                TitleToken(word: singular(typed), typed: typed, isBracketed: bracketDepth > 0, segment: segment, isAmpersandForm: ampersand))
            current.removeAll(keepingCapacity: true)
            runLength = 0
            segmentHasWords = true
            ampersand = false
        }
        func breakSegment() {
            flush()
            if segmentHasWords {
                segment += 1
                segmentHasWords = false
            }
        }
        func isWordScalar(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && isWordCharacter(scalars[index])
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if isWordCharacter(scalar) {
                if scalar.isASCII {
                    current.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    UTF8.encode(scalar) { current.append($0) }
                }
                runLength += 1
                continue
            }
            if !scalar.isASCII && isInvisible(scalar) { continue }  // zero-width and bidi marks: "nur\u{200B}se" is "nurse"
            switch scalar {
            case ".":
                // Dotted initials ("U.S.", "C.N.A.") form one word; any other dot separates.
                if runLength == 1, isWordScalar(index + 1) {
                    runLength = 0
                } else {
                    flush()
                }
            case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}":
                let next = index + 1
                if next < scalars.count, scalars[next] == "s", !isWordScalar(next + 1), !current.isEmpty {
                    index += 1  // possessive: "teacher's" → "teacher"
                    flush()
                } else if isWordScalar(index - 1) && isWordScalar(next) {
                    continue  // elision: "o'neil" → "oneil"
                } else {
                    flush()  // plural possessive "drivers'" or a quotation mark
                }
            case "&":
                if isWordScalar(index - 1) && isWordScalar(index + 1) {
                    // Initials each side ("R&D", "FP&A", "EH&S") are a short form; whole words ("Food&Beverage") are words.
                    var after = 0
                    while isWordScalar(index + 1 + after) { after += 1 }
                    if current.count <= 3 && after <= 3 { ampersand = true }
                    continue  // one word
                }
                flush()
                tokens.append(TitleToken(word: "and", typed: "and", isBracketed: bracketDepth > 0, segment: segment))
            case "(", "[", "{":
                flush()
                bracketDepth += 1
            case ")", "]", "}":
                flush()
                bracketDepth = max(0, bracketDepth - 1)
            case ",", "|", ";", ":", "@", "\u{2022}", "\u{00B7}", "\u{2013}", "\u{2014}", "\u{2015}":
                breakSegment()
            case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2212}":
                // "RN - ICU" separates parts; "full-time" only separates words.
                let spacedBefore = index == 0 || isSpace(scalars[index - 1])
                let spacedAfter = index + 1 == scalars.count || isSpace(scalars[index + 1])
                if spacedBefore && spacedAfter { breakSegment() } else { flush() }
            default:
                flush()
            }
        }
        flush()
        return tokens
    }

    /// English plural to singular, by suffix. The index and the queries go through the same rules,
    /// so a rule only needs to map a word's singular and plural to the same string.
    public static func singular(_ word: String) -> String {
        switch word {
        // Plurals with a sense of their own: "Securities Analyst" is no "Security Analyst", nor a "Customs Inspector" one of
        // custom work.
        case "securities", "customs": return word
        // Of the plurals in -ves, those of titles' words; "executives", "valves" and "drives" are regular.
        case "knives": return "knife"
        case "shelves": return "shelf"
        default: break
        }
        var word = word
        // Contiguous UTF-8 and no allocation: this runs for every word of every title at build.
        return word.withUTF8 { bytes -> String? in
            let count = bytes.count
            guard count >= 4 else { return nil }
            for byte in bytes where byte < 0x61 || byte > 0x7A { return nil }  // lower-case letters only
            func endsWith(_ suffix: StaticString) -> Bool {
                let tail = suffix.utf8Start, length = suffix.utf8CodeUnitCount
                guard count > length else { return false }
                for offset in 0..<length where bytes[count - length + offset] != tail[offset] { return false }
                return true
            }
            func dropping(_ n: Int, adding suffix: String = "") -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(count - n)]), as: UTF8.self) + suffix
            }
            if count >= 5 && endsWith("men") { return dropping(3, adding: "man") }  // "salesmen", "women"
            if endsWith("wives") { return dropping(3, adding: "fe") }  // "midwives", "housewives"
            guard bytes[count - 1] == 0x73 else { return nil }  // "s"
            if endsWith("ss") || endsWith("us") || endsWith("is") { return nil }  // "business", "status", "analysis"
            if count >= 5 && endsWith("ies") { return dropping(3, adding: "y") }  // "secretaries"
            if endsWith("sses") || endsWith("xes") || endsWith("ches") || endsWith("shes") || endsWith("zzes") { return dropping(2) }
            return dropping(1)
        } ?? word
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true  // vowel signs of Indic scripts belong to the word
        default: return false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || (!scalar.isASCII && scalar.properties.isWhitespace) || scalar == "\t"
    }

    /// Format characters (zero-width spaces and joiners, soft hyphens, bidi controls, byte order marks):
    /// invisible, so a title that carries them must read as if they were not there.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }
}
