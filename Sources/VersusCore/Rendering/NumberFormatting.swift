/// Deterministic, locale-free number formatting for people: "$105,770", "$50.85", "3.5 million", "41%".
public enum NumberText {
    /// Whole number with thousands separators: 3503020 → "3,503,020".
    public static func grouped(_ value: Double) -> String {
        let rounded = value.rounded()
        let negative = rounded < 0
        var digits = String(Int64(abs(rounded)))
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(Substring(digits), at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",")
    }

    /// Annual dollars: "$105,770".
    public static func dollars(_ value: Double) -> String {
        value < 0 ? "-$" + grouped(-value) : "$" + grouped(value)
    }

    /// Hourly dollars with cents: "$50.85".
    public static func cents(_ value: Double) -> String {
        let totalCents = Int64((abs(value) * 100).rounded())
        let cents = totalCents % 100
        return (value < 0 ? "-" : "") + "$" + grouped(Double(totalCents / 100)) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Fixed decimals without locale: decimal(4.25, 1) → "4.3" (ties away from zero).
    public static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        var text = grouped(Double(whole))
        if places > 0 {
            var fraction = String(Int64(scaled) - whole * Int64(scale))
            while fraction.count < places { fraction = "0" + fraction }
            text += "." + fraction
        }
        return (value < 0 && scaled > 0 ? "-" : "") + text
    }

    /// Large counts in words: 3,503,020 → "3.5 million"; 43,210 → "43,210".
    public static func count(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000_000 { return trimmed(decimal(value / 1_000_000_000, places: 1)) + " billion" }
        if magnitude >= 1_000_000 { return trimmed(decimal(value / 1_000_000, places: 1)) + " million" }
        return grouped(value)
    }

    /// A percent already expressed in percent units: 41.0 → "41%", 4.4 → "4.4%".
    public static func percent(_ value: Double) -> String {
        trimmed(decimal(value, places: 1)) + "%"
    }

    private static func trimmed(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

extension Estimate {
    /// "$105,770", "$239,200 or more", or "not published".
    public var annualText: String { text(NumberText.dollars) }
    /// "$50.85", "$115.00 or more", or "not published".
    public var hourlyText: String { text(NumberText.cents) }
    /// "3,503,020" or "not published".
    public var countText: String { text(NumberText.grouped) }

    public func text(_ format: (Double) -> String) -> String {
        switch self {
        case .value(let v): return format(v)
        case .atLeast(let v): return format(v) + " or more"
        case .notPublished: return "not published"
        }
    }
}
