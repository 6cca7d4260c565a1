import VersusCore

extension Charts {
    /// A move on the chart: its number in the table, pay change and job-zone gap.
    struct MovePoint {
        let number: Int
        let title: String
        let payChange: Double
        let zoneGap: Int
    }

    /// Each move's pay change (up) against its preparation gap in O*NET job zones (right), the stay row at the
    /// origin: the easy raises are the points high and to the left. Points in one column are spread sideways so
    /// their numbers stay readable; moves without both figures are named in the text alternative.
    static func moves(_ points: [MovePoint], left out: [String], caption: String, id: String) -> String? {
        guard !points.isEmpty else { return nil }
        let (width, height, margin, bottom) = (640.0, 360.0, 70.0, 40.0)
        let gaps = points.map(\.zoneGap)
        let (minGap, maxGap) = (min(gaps.min()!, -1), max(gaps.max()!, 1))
        let changes = points.map(\.payChange)
        let low = min(changes.min()!, 0) * 1.1 - 1000, high = max(changes.max()!, 0) * 1.1 + 1000
        let columnWidth = (width - margin - 20) / Double(maxGap - minGap + 1)
        func x(_ gap: Int) -> Double { margin + (Double(gap - minGap) + 0.5) * columnWidth }
        func y(_ value: Double) -> Double { 20 + (high - value) / (high - low) * (height - 20 - bottom) }
        var svg = svgOpen(width: width, height: height, id: id, title: caption)
        for tick in ticks(from: low, to: high) {
            svg += "<line x1=\"\(fmt(margin))\" x2=\"\(fmt(width - 20))\" y1=\"\(fmt(y(tick)))\" y2=\"\(fmt(y(tick)))\" stroke=\"#d5dbe3\"/>"
            svg +=
                "<text x=\"\(fmt(margin - 6))\" y=\"\(fmt(y(tick) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">\(tick > 0 ? "+" : "")\(money(tick))</text>"
        }
        svg += "<line x1=\"\(fmt(margin))\" x2=\"\(fmt(width - 20))\" y1=\"\(fmt(y(0)))\" y2=\"\(fmt(y(0)))\" stroke=\"#6b7a90\"/>"
        for gap in minGap...maxGap {
            let label = gap == 0 ? "same zone" : (gap > 0 ? "+\(gap)" : "\(gap)")
            svg +=
                "<text x=\"\(fmt(x(gap)))\" y=\"\(fmt(height - bottom + 18))\" font-size=\"12\" text-anchor=\"middle\" fill=\"currentColor\">\(label)</text>"
        }
        svg +=
            "<text x=\"\(fmt((width + margin) / 2))\" y=\"\(fmt(height - 4))\" font-size=\"12\" text-anchor=\"middle\" fill=\"currentColor\">Preparation gap (O*NET job zones)</text>"
        var inColumn: [Int: Int] = [:]
        var description: [String] = []
        for point in points {
            let slot = inColumn[point.zoneGap, default: 0]
            inColumn[point.zoneGap] = slot + 1
            // Alternate sides of the column's centre: 0, +1, −1, +2, …
            let offset = Double((slot + 1) / 2) * (slot % 2 == 1 ? 1 : -1) * 14
            let (cx, cy) = (x(point.zoneGap) + offset, y(point.payChange))
            svg += "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" r=\"9\" fill=\"\(point.payChange > 0 ? "#0b5cad" : "#b7791f")\"/>"
            svg +=
                "<text x=\"\(fmt(cx))\" y=\"\(fmt(cy + 4))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#ffffff\">\(point.number)</text>"
            let gap =
                point.zoneGap == 0
                ? "the same job zone" : "\(point.zoneGap > 0 ? "+" : "")\(point.zoneGap) job zone\(abs(point.zoneGap) == 1 ? "" : "s")"
            description.append("\(point.number). \(point.title): \(MoveText.payChange(point.payChange)) a year, \(gap)")
        }
        if !out.isEmpty { description.append("not drawn (pay or job zone not published): " + out.joined(separator: ", ")) }
        return svg + svgClose(id: id, description: "Pay change against preparation gap. " + description.joined(separator: "; ") + ".")
    }
}
