/// `versus eval titles`: the two accuracies, what each confidence cut keeps and refuses, then each miss with
/// what was expected and what came.
public enum TitleEvaluationRendering {
    public static func text(_ evaluation: TitleEvaluation) -> String {
        func percent(_ rate: Double) -> String { TitleSearchRendering.fixed(rate * 100) }
        func pad(_ text: String) -> String { String(repeating: " ", count: max(0, 6 - text.count)) + text }
        var lines = [
            "queries: \(evaluation.total)",
            "top-1:   \(evaluation.topOne)/\(evaluation.total) (\(percent(evaluation.topOneRate))%)",
            "top-5:   \(evaluation.topFive)/\(evaluation.total) (\(percent(evaluation.topFiveRate))%)",
        ]
        if evaluation.nonsenseTotal > 0 {
            let rejected = "\(evaluation.nonsenseRejected)/\(evaluation.nonsenseTotal) (\(percent(evaluation.nonsenseRejectionRate))%)"
            lines.append("not jobs refused: " + rejected)
        }
        let weakAt = TitleSearchRendering.fixed(TitleChoice.weakScore)
        lines.append(
            "confident wrong (first not accepted, confidence >= \(weakAt)): \(evaluation.confidentlyWrong.count)"
                + "; weak titles: \(evaluation.weakTitles); titles not understood: \(evaluation.refusedTitles)")
        lines.append(
            "first answer right: \(percent(evaluation.plainAnswerPrecision))% when stated plainly, "
                + "\(percent(evaluation.guessPrecision))% when marked as a guess")
        let cuts = evaluation.cuts
        if !cuts.isEmpty {
            lines.append("")
            lines.append(
                "confidence >=  coverage  precision  in band (n)" + (evaluation.nonsenseTotal > 0 ? "  not jobs refused" : ""))
            for cut in cuts {
                let band =
                    "\(pad(percent(cut.bandPrecision)))% \(String(repeating: " ", count: max(0, 4 - "\(cut.bandCount)".count)))(\(cut.bandCount))"
                let row =
                    "\(TitleSearchRendering.fixed(cut.score))          \(pad(percent(cut.coverage)))%   \(pad(percent(cut.precision)))%  \(band)"
                lines.append(row + (evaluation.nonsenseTotal > 0 ? "    \(pad(percent(cut.refused)))%" : ""))
            }
        }
        let misses = evaluation.misses
        if !misses.isEmpty {
            lines.append("")
            lines.append("misses (first result not accepted):")
        }
        for miss in misses {
            let expected = miss.case.accepted.map(\.rawValue).joined(separator: " ")
            let rank = miss.rank.map { "accepted at rank \($0)" } ?? "not in the top 5"
            lines.append("- \"\(miss.case.query)\" expects \(expected); \(rank)")
            if let error = miss.error { lines.append("    error: \(error)") }
            for (index, result) in miss.results.enumerated() {
                lines.append(
                    "    \(index + 1). \(result.code.rawValue) \(result.title)  \(TitleSearchRendering.fixed(result.score))  matched \"\(result.matched)\""
                )
            }
        }
        // Each query with the first answer it got, under a heading, when there are any.
        for (heading, outcomes) in [
            ("confident and wrong:", evaluation.confidentlyWrong), ("not jobs that got an occupation:", evaluation.nonsenseAccepted),
            ("job titles not understood (the nearest shown):", evaluation.refused),
        ]
        where !outcomes.isEmpty {
            lines.append("")
            lines.append(heading)
            for outcome in outcomes {
                guard let first = outcome.results.first else { continue }
                let score = TitleSearchRendering.fixed(first.score)
                lines.append("- \"\(outcome.case.query)\": \(first.code.rawValue) \(first.title)  \(score)  matched \"\(first.matched)\"")
            }
        }
        return lines.joined(separator: "\n")
    }
}
