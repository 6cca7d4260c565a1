/// US school grades written as a range in teaching posts ("Teacher - K-5", "Math Teacher 6-8", "Grades 9-12"), read
/// as the school level they name, which is what titles say ("Elementary Teacher", "Middle School Teacher"). Tokenized
/// as typed, "K-5" is a "K" that matches "Pre-K" and a grade number that weighs as noise.
enum GradeRange {
    /// `query` with each grade range that names one school level written as that level; ranges across levels
    /// ("K-12", "K-8", "6-12") stay as typed, as titles write them ("K-12 Principal"). Numbers alone ("Tier 1-2")
    /// are read as grades only in a query about teaching or school.
    static func schoolLevels(in query: String) -> String {
        singleGrades(in: ranges(in: query))
    }

    private static func ranges(in query: String) -> String {
        // Most queries have no range: they cost two scans of their bytes and no allocation.
        guard query.utf8.contains(UInt8(ascii: "-")), query.utf8.contains(where: isDigit) else { return query }
        let bytes = Array(query.utf8)
        var aboutSchool: Bool?
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var copied = 0
        for hyphen in bytes.indices where bytes[hyphen] == UInt8(ascii: "-") && hyphen >= copied {
            var start = hyphen
            while start > copied, isAlphanumeric(bytes[start - 1]) { start -= 1 }
            var end = hyphen + 1
            while end < bytes.count, isAlphanumeric(bytes[end]) { end += 1 }
            guard let high = grade(bytes[(hyphen + 1)..<end]), var low = grade(bytes[start..<hyphen]) ?? kindergarten(bytes[start..<hyphen])
            else { continue }
            // "Pre-K-3": the range starts at pre-kindergarten.
            if low == 0, start >= 4, lowercased(bytes[(start - 4)..<start]) == "pre-" {
                start -= 4
                low = -1
            }
            guard low < high, let level = level(low, high) else { continue }
            // Numbers alone ("Tier 1-2") are grades only in a query about teaching or school; read it once, if asked.
            if low > 0 {
                if aboutSchool == nil {
                    let lowered = query.lowercased()
                    aboutSchool = schoolWords.contains { lowered.contains($0) }
                }
                guard aboutSchool == true else { continue }
            }
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: level.utf8)
            copied = end
        }
        guard copied > 0 else { return query }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `query` with one grade named with the word "grade" ("1st Grade Teacher", "Grade 7 Math Teacher", "Third Grade
    /// Teacher") written as the school level it lies in: titles name the level, and a grade number alone weighs as noise
    /// ("1st" is a level of seniority too), so "2nd Grade Teacher" read as a teacher of no level went to the largest.
    static func singleGrades(in query: String) -> String {
        // Most queries have no "grade": one scan of their bytes and no allocation.
        guard containsGrade(query.utf8) else { return query }
        var words = query.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for index in words.indices {
            let word = words[index].lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard word == "grade" || word == "grades" else { continue }
            // The grade is written before "grade" ("5th grade") or after it ("grade 5").
            for other in [index - 1, index + 1] where words.indices.contains(other) {
                let typed = words[other].lowercased().trimmingCharacters(in: .punctuationCharacters)
                guard let number = grade(Array(typed.utf8)[...]) ?? ordinals[typed], other == index - 1 || number == Int(typed) else { continue }
                // The end or start of a range ("Kindergarten Through Twelfth Grade", "Grades 9 to 12") is not one grade.
                let beyond = other == index - 1 ? other - 1 : other + 1
                if words.indices.contains(beyond), rangeWords.contains(words[beyond].lowercased()) { continue }
                let level = number <= 5 ? "elementary" : number <= 8 ? "middle school" : "high school"
                words[min(index, other)] = level
                words[max(index, other)] = ""
                changed = true
                break
            }
        }
        return changed ? words.filter { !$0.isEmpty }.joined(separator: " ") : query
    }

    private static let rangeWords: Set<String> = ["through", "thru", "to", "and", "-", "&"]

    private static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12,
    ]

    private static func containsGrade(_ bytes: String.UTF8View) -> Bool {
        let target = Array("grade".utf8)
        var matched = 0
        for byte in bytes {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            matched = lower == target[matched] ? matched + 1 : (lower == target[0] ? 1 : 0)
            if matched == target.count { return true }
        }
        return false
    }

    /// The school level of grades `low` through `high` (-1 pre-kindergarten, 0 kindergarten), when they lie in one.
    static func level(_ low: Int, _ high: Int) -> String? {
        if high <= 6 { return "elementary" }
        if low >= 5 && high <= 8 { return "middle school" }
        if low >= 9 { return "high school" }
        if low >= 7 && high == 12 { return "secondary" }
        return nil
    }

    /// Words of a query about teaching or school, in which "6-8" names grades.
    static let schoolWords = ["teach", "school", "grade", "educat", "classroom", "tutor", "paraprofessional", "interventionist"]

    /// A grade from 1 to 12, with or without its ordinal ending ("5", "5th").
    private static func grade(_ word: ArraySlice<UInt8>) -> Int? {
        let digits = word.prefix(while: isDigit)
        guard (1...2).contains(digits.count), let number = Int(String(decoding: digits, as: UTF8.self)), (1...12).contains(number)
        else { return nil }
        let suffix = lowercased(word.dropFirst(digits.count))
        return ["", "st", "nd", "rd", "th"].contains(suffix) ? number : nil
    }

    /// Kindergarten (0) or pre-kindergarten (-1) as job ads abbreviate them.
    private static func kindergarten(_ word: ArraySlice<UInt8>) -> Int? {
        switch lowercased(word) {
        case "k": return 0
        case "pk", "prek": return -1
        default: return nil
        }
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self).lowercased() }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
