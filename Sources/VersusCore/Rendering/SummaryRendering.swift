/// `versus show`: an occupation's summary as terminal text.
public enum SummaryText {
    public static func render(_ summary: OccupationSummary) -> String {
        let occupation = summary.occupation
        var lines: [String] = []
        lines.append("\(occupation.title) (\(occupation.code))")
        lines.append("")
        lines.append(contentsOf: wrap(occupation.description, width: 78))
        lines.append("")
        lines.append("SOC 2018 code:       \(occupation.socCode)")
        if let source = summary.wageSource {
            let basis = source.basis == .own ? "" : " (OEWS publishes only this aggregate: \(source.title))"
            lines.append("OEWS code used:      \(source.code)\(basis)")
        } else {
            lines.append("OEWS code used:      none (OEWS publishes no estimate for this occupation)")
        }
        if let jobZone = occupation.jobZone { lines.append("Job zone:            \(jobZone) of 5") }
        if let wages = summary.nationalWages {
            lines.append("Employment (US):     \(wages.employment.countText)")
            lines.append("Median annual wage:  \(wages.annualMedian.annualText)")
            lines.append("Median hourly wage:  \(wages.hourlyMedian.hourlyText)")
        } else {
            lines.append("Employment and wages: not published")
        }
        lines.append("Typical entry education: \(summary.typicalEntryEducation ?? "not published")")
        if !summary.sampleTitles.isEmpty {
            let wrapped = wrap(summary.sampleTitles.joined(separator: "; "), width: 78, indent: String(repeating: " ", count: 21))
            lines.append("Sample titles:       " + wrapped[0].dropFirst(21))
            lines.append(contentsOf: wrapped.dropFirst())
        }
        lines.append("")
        lines.append(contentsOf: wrap(Attribution.onet, width: 78))
        lines.append(
            contentsOf: wrap(
                Attribution.bls(["Occupational Employment and Wage Statistics (May 2025)", "Employment Projections (2024-34)"]), width: 78))
        return lines.joined(separator: "\n")
    }

    /// Greedy word wrap at `width` columns.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.count > indent.count, current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
            }
            current += (current.count > indent.count ? " " : "") + word
        }
        if current.count > indent.count { lines.append(current) }
        return lines
    }
}

/// The credit lines the sources ask for, wherever their data is shown.
public enum Attribution {
    /// Required by the O*NET database licence (CC BY 4.0).
    public static let onet =
        "This product includes information from the O*NET 30.1 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."

    public static func bls(_ programs: [String]) -> String {
        "Source: U.S. Bureau of Labor Statistics, " + programs.joined(separator: "; ") + "."
    }
}
