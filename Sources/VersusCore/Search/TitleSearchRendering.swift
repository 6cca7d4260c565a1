/// `versus search` output: a text table for people, one JSON object per line for programs.
public enum TitleSearchRendering {
    /// `{"query": "...", "verdict": {...}, "results": [{"code", "title", "matched", "score", "source", "soc"}]}` on one line.
    /// `verdictFrom`: the matches a comparison reads (`TitleChoice.depth` of them, the title as typed); `results` by default.
    public static func jsonLine(query: String, results: [TitleMatch], verdictFrom: [TitleMatch]? = nil) -> String {
        document(query: query, results: results, verdictFrom: verdictFrom).serialized(pretty: false)
    }

    /// What `versus search --json` prints and `/api/search` answers: the results, and the verdict a comparison would
    /// reach on the title (`verdict(query:results:)`) from `verdictFrom`, so a program need not work it out again.
    public static func document(query: String, results: [TitleMatch], verdictFrom: [TitleMatch]? = nil) -> JSONValue {
        .object([
            ("query", .string(query)), ("verdict", verdict(query: query, results: verdictFrom ?? results)),
            ("results", .array(results.map(JSONValue.match))),
        ])
    }

    /// `{"understood", "weak", "confidence", "genericWord"}`: whether a comparison would be written about the first
    /// result at all (`TitleChoice.minimumScore`), whether it would say the match is only a guess
    /// (`TitleChoice.weakScore`), the confidence both are judged on, and the word "alone names workers in many fields"
    /// when that is why the title is not understood (else null).
    public static func verdict(query: String, results: [TitleMatch]) -> JSONValue {
        // Cut, not rounded, to three decimals: a confidence shown as 0.85 is never weak.
        let confidence = (TitleChoice.confidence(of: results, query: query) * 1000).rounded(.down) / 1000
        let understood: Bool, genericWord: String?
        do {
            _ = try TitleChoice(query: query, matches: results)
            (understood, genericWord) = (true, nil)
        } catch {
            (understood, genericWord) = (false, error.genericWord)
        }
        return .object([
            ("understood", .bool(understood)), ("weak", .bool(!understood || confidence < TitleChoice.weakScore)),
            ("confidence", .number(confidence)), ("genericWord", .optional(genericWord)),
        ])
    }

    /// A query that cannot be searched: its problem (RFC 9457, as every JSON error) and no results.
    public static func jsonLine(query: String, error: String, kind: String) -> String {
        let problem = JSONValue.problem(kind: kind, title: "The query cannot be searched", status: 400, detail: error)
        return JSONValue.object([("query", .string(query)), ("error", problem), ("results", .array([]))]).serialized(pretty: false)
    }

    /// Ranked lines, with a warning when even the best result is a weak or ambiguous match, read from `verdictFrom` (see
    /// `jsonLine`), not only from the lines shown.
    public static func text(query: String, results: [TitleMatch], verdictFrom: [TitleMatch]? = nil) -> String {
        guard !results.isEmpty else {
            return "No occupation title resembles \"\(query)\". Try other words for the job."
        }
        var lines: [String] = []
        // The heading says what a comparison would conclude from the same results (`TitleChoice`).
        do {
            if try TitleChoice(query: query, matches: verdictFrom ?? results).isWeak { lines.append("Only a weak match for \"\(query)\":") }
        } catch {
            lines.append(
                error.genericWord.map { "\"\($0)\" \(UnclearTitle.tooGenericAdvice). Titles that have it:" }
                    ?? "No close match for \"\(query)\"; the nearest occupations:")
        }
        let titleWidth = min(48, results.map(\.title.count).max() ?? 0)
        for (index, match) in results.enumerated() {
            let title = match.title.count > titleWidth ? String(match.title.prefix(titleWidth - 1)) + "…" : match.title
            let padding = String(repeating: " ", count: max(0, titleWidth - title.count))
            lines.append(
                "\(index + 1). \(match.code.rawValue)  \(title)\(padding)  \(fixed(match.score))  matched \"\(match.matched)\" (\(match.source.name))"
            )
        }
        return lines.joined(separator: "\n")
    }

    static func fixed(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
