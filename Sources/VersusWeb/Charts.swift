import Foundation
import VersusCore

/// Charts as inline SVG drawn on the server: no script, a title and a text alternative on each, and only
/// presentation attributes (the Content-Security-Policy allows no inline style).
enum Charts {
    static let escape = HTMLRenderer.escape

    struct PayRange {
        let label: String
        let wages: WageEstimate?
    }

    /// Both roles' pay on one axis: 10th to 90th percentile as a line, the middle half as a box, the median marked.
    /// A role without published percentiles gets a row that says so instead of a bar.
    static func payRanges(_ roles: [PayRange], caption: String, id: String) -> String {
        let drawable = roles.compactMap { role -> (PayRange, [Double])? in
            guard let w = role.wages else { return nil }
            let values = [w.annualP10, w.annualP25, w.annualMedian, w.annualP75, w.annualP90].compactMap(\.statedNumber)
            return values.count == 5 ? (role, values) : nil
        }
        let low = (drawable.map { $0.1[0] }.min() ?? 0) * 0.9, high = (drawable.map { $0.1[4] }.max() ?? 1) * 1.05
        let (width, left, right, rowHeight) = (640.0, 170.0, 20.0, 56.0)
        let height = 50 + rowHeight * Double(roles.count)
        func x(_ value: Double) -> Double { left + (value - low) / max(high - low, 1) * (width - left - right) }
        var description: [String] = []
        var out = svgOpen(width: width, height: height, id: id, title: caption)
        for (index, role) in roles.enumerated() {
            let y = 30 + rowHeight * Double(index)
            out += "<text x=\"0\" y=\"\(fmt(y + 22))\" font-size=\"14\" fill=\"currentColor\">\(escape(truncate(role.label, 22)))</text>"
            guard let values = drawable.first(where: { $0.0.label == role.label })?.1 else {
                out += "<text x=\"\(fmt(left))\" y=\"\(fmt(y + 22))\" font-size=\"13\" fill=\"currentColor\">pay range not published</text>"
                description.append("\(role.label): pay range not published")
                continue
            }
            let mid = y + 18
            out +=
                "<line x1=\"\(fmt(x(values[0])))\" x2=\"\(fmt(x(values[4])))\" y1=\"\(fmt(mid))\" y2=\"\(fmt(mid))\" stroke=\"#6b7a90\" stroke-width=\"2\"/>"
            out +=
                "<rect x=\"\(fmt(x(values[1])))\" y=\"\(fmt(mid - 10))\" width=\"\(fmt(x(values[3]) - x(values[1])))\" height=\"20\" fill=\"#8fb8e6\" stroke=\"#0b5cad\"/>"
            out +=
                "<line x1=\"\(fmt(x(values[2])))\" x2=\"\(fmt(x(values[2])))\" y1=\"\(fmt(mid - 13))\" y2=\"\(fmt(mid + 13))\" stroke=\"#0b2f5c\" stroke-width=\"3\"/>"
            out +=
                "<text x=\"\(fmt(x(values[2])))\" y=\"\(fmt(mid + 30))\" font-size=\"12\" text-anchor=\"middle\" fill=\"currentColor\">median \(money(values[2]))</text>"
            description.append(
                "\(role.label): 10th percentile \(money(values[0])), 25th \(money(values[1])), median \(money(values[2])), 75th \(money(values[3])), 90th \(money(values[4]))"
            )
        }
        for tick in ticks(from: low, to: high) {
            out += "<line x1=\"\(fmt(x(tick)))\" x2=\"\(fmt(x(tick)))\" y1=\"24\" y2=\"\(fmt(height - 18))\" stroke=\"#d5dbe3\"/>"
            out +=
                "<text x=\"\(fmt(x(tick)))\" y=\"\(fmt(height - 4))\" font-size=\"12\" text-anchor=\"middle\" fill=\"currentColor\">\(money(tick))</text>"
        }
        return out
            + svgClose(
                id: id, description: "Annual pay, 10th to 90th percentile with the middle half as a box. " + description.joined(separator: "; ") + "."
            )
    }

    /// Round values between `low` and `high` for an axis: four to seven of them, at a step of 1, 2, 2.5 or 5 times a
    /// power of ten ($10,000, $20,000, $25,000…).
    static func ticks(from low: Double, to high: Double) -> [Double] {
        guard high > low else { return [] }
        let magnitude = pow(10, floor(log10((high - low) / 5)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { (high - low) / $0 <= 6 } ?? magnitude * 10
        return stride(from: ceil(low / step) * step, through: high, by: step).map { $0 }
    }

    struct Difference {
        let name: String
        let first: Double
        let second: Double
    }

    /// The largest skill and knowledge differences as bars diverging from the middle: left where the first role
    /// rates higher, right where the second does. O*NET importance, 1 to 5.
    static func differences(_ items: [Difference], firstLabel: String, secondLabel: String, id: String) -> String {
        let (width, middle, rowHeight) = (640.0, 400.0, 26.0)
        let height = 48 + rowHeight * Double(items.count)
        // The largest gap spans 140 px (a gap under one point, as if it were one), so small differences stay visible.
        let scale = 140.0 / max(items.map { abs($0.second - $0.first) }.max() ?? 1, 1)
        let title = "Skills that differ most, O*NET importance (1–5): \(firstLabel) and \(secondLabel)"
        var out = svgOpen(width: width, height: height, id: id, title: title)
        out +=
            "<text x=\"\(fmt(middle - 8))\" y=\"16\" font-size=\"12\" text-anchor=\"end\" fill=\"currentColor\">◀ \(escape(truncate(firstLabel, 24)))</text>"
        out += "<text x=\"\(fmt(middle + 8))\" y=\"16\" font-size=\"12\" fill=\"currentColor\">\(escape(truncate(secondLabel, 24))) ▶</text>"
        var description: [String] = []
        for (index, item) in items.enumerated() {
            let y = 28 + rowHeight * Double(index)
            let gap = item.second - item.first
            let length = abs(gap) * scale
            let x = gap < 0 ? middle - length : middle
            out += "<text x=\"0\" y=\"\(fmt(y + 15))\" font-size=\"13\" fill=\"currentColor\">\(escape(truncate(item.name, 34)))</text>"
            out +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(max(length, 1)))\" height=\"16\" fill=\"\(gap < 0 ? "#0b5cad" : "#b7791f")\"/>"
            let labelX = gap < 0 ? x - 4 : x + max(length, 1) + 4
            out +=
                "<text x=\"\(fmt(labelX))\" y=\"\(fmt(y + 15))\" font-size=\"12\" text-anchor=\"\(gap < 0 ? "end" : "start")\" fill=\"currentColor\">"
                + "\(number(item.first)) vs \(number(item.second))</text>"
            description.append("\(item.name): \(number(item.first)) for \(firstLabel), \(number(item.second)) for \(secondLabel)")
        }
        out += "<line x1=\"\(fmt(middle))\" x2=\"\(fmt(middle))\" y1=\"22\" y2=\"\(fmt(height - 8))\" stroke=\"#6b7a90\"/>"
        return out + svgClose(id: id, description: "O*NET importance from 1 to 5. " + description.joined(separator: "; ") + ".")
    }

    /// Annual median pay by state, highest first. States whose median OEWS does not publish are listed in the text only.
    static func statePay(_ wages: [LocalWages], id: String) -> String? {
        let ranked = wages.compactMap { local -> (String, Double, Bool)? in
            guard let median = local.estimate?.annualMedian, let value = median.statedNumber else { return nil }
            return (local.area.title, value, median.isTopCoded)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard !ranked.isEmpty else { return nil }
        let (width, left, rowHeight) = (640.0, 170.0, 16.0)
        let height = 30 + rowHeight * Double(ranked.count)
        let top = ranked[0].1
        var out = svgOpen(width: width, height: height, id: id, title: "Annual median pay by state, highest first")
        for (index, row) in ranked.enumerated() {
            let y = 10 + rowHeight * Double(index)
            let length = row.1 / top * (width - left - 90)
            out += "<text x=\"0\" y=\"\(fmt(y + 11))\" font-size=\"11\" fill=\"currentColor\">\(escape(truncate(row.0, 24)))</text>"
            out += "<rect x=\"\(fmt(left))\" y=\"\(fmt(y + 2))\" width=\"\(fmt(length))\" height=\"11\" fill=\"#8fb8e6\"/>"
            out +=
                "<text x=\"\(fmt(left + length + 4))\" y=\"\(fmt(y + 11))\" font-size=\"11\" fill=\"currentColor\">\(money(row.1))\(row.2 ? " or more" : "")</text>"
        }
        let text = ranked.map { "\($0.0) \(money($0.1))\($0.2 ? " or more" : "")" }.joined(separator: "; ")
        return out + svgClose(id: id, description: "Annual median pay by state: " + text + ".")
    }

    static func svgOpen(width: Double, height: Double, id: String, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\" id=\"\(id)\"><title id=\"\(id)-title\">\(escape(title))</title>"
    }

    static func svgClose(id: String, description: String) -> String {
        "<desc id=\"\(id)-desc\">\(escape(description))</desc></svg>"
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func money(_ value: Double) -> String { NumberText.dollars(value) }
    static func number(_ value: Double) -> String { NumberText.decimal(value, places: 2) }

    static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
