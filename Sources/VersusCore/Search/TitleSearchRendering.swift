/// `versus search` output: a text table for people, one JSON object per line for programs.
public enum TitleSearchRendering {
    /// `{"query": "...", "results": [{"code": ..., "title": ..., "matched": ..., "score": ..., "source": ..., "soc": ...}]}`;
    /// a query that cannot be searched gets `"error"` and no results.
    public static func jsonLine(query: String, results: [TitleMatch]) -> String {
        var line = "{\"query\": " + quoted(query) + ", \"results\": ["
        for (index, match) in results.enumerated() {
            if index > 0 { line += ", " }
            line += "{\"code\": " + quoted(match.code.rawValue)
                + ", \"title\": " + quoted(match.title)
                + ", \"matched\": " + quoted(match.matched)
                + ", \"score\": " + rounded(match.score)
                + ", \"source\": " + quoted(match.source.name)
                + ", \"soc\": " + quoted(match.socCode.rawValue) + "}"
        }
        return line + "]}"
    }

    public static func jsonLine(query: String, error: String) -> String {
        "{\"query\": " + quoted(query) + ", \"error\": " + quoted(error) + ", \"results\": []}"
    }

    /// Ranked lines, with a warning when even the best result is a weak match.
    public static func text(query: String, results: [TitleMatch]) -> String {
        guard let best = results.first else {
            return "No occupation title resembles \"\(query)\". Try other words for the job."
        }
        var lines: [String] = []
        if best.score < TitleChoice.minimumScore {
            lines.append("No close match for \"\(query)\"; the nearest occupations:")
        } else if best.score < TitleChoice.weakScore {
            lines.append("Only a weak match for \"\(query)\":")
        }
        let titleWidth = min(48, results.map(\.title.count).max() ?? 0)
        for (index, match) in results.enumerated() {
            let title = match.title.count > titleWidth ? String(match.title.prefix(titleWidth - 1)) + "…" : match.title
            let padding = String(repeating: " ", count: max(0, titleWidth - title.count))
            lines.append("\(index + 1). \(match.code.rawValue)  \(title)\(padding)  \(fixed(match.score))  matched \"\(match.matched)\" (\(match.source.name))")
        }
        return lines.joined(separator: "\n")
    }

    static func rounded(_ score: Double) -> String {
        let value = (score * 1000).rounded() / 1000
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func fixed(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
