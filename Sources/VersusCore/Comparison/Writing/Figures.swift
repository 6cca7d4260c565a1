/// How the comparison writes each kind of figure. Values keep the precision their source publishes
/// (O*NET percents to two decimals, ORS and Projections to one): nothing is rounded away.
enum Figures {
    /// A value at its published precision, up to `maxPlaces` decimals, without trailing zeros: 28.76, 27.3, 100.
    static func exact(_ value: Double, maxPlaces: Int = 2) -> String {
        fixed(value, places: maxPlaces, trimZeros: true)
    }

    /// Decimal text with thousands separators, rounded half away from zero like `NumberText.decimal`, built on bytes
    /// because articles format hundreds of figures.
    static func fixed(_ value: Double, places: Int, trimZeros: Bool = false) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        var whole = scaled / scale, fraction = scaled % scale
        var digits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        for _ in 0..<places {
            fractionDigits.append(UInt8(ascii: "0") + UInt8(fraction % 10))
            fraction /= 10
        }
        fractionDigits.reverse()
        if trimZeros { while fractionDigits.last == UInt8(ascii: "0") { fractionDigits.removeLast() } }
        var count = 0
        repeat {
            if count > 0 && count % 3 == 0 { digits.append(UInt8(ascii: ",")) }
            digits.append(UInt8(ascii: "0") + UInt8(whole % 10))
            whole /= 10
            count += 1
        } while whole > 0
        if value < 0 && scaled > 0 { digits.append(UInt8(ascii: "-")) }
        digits.reverse()
        if !fractionDigits.isEmpty {
            digits.append(UInt8(ascii: "."))
            digits.append(contentsOf: fractionDigits)
        }
        return String(decoding: digits, as: UTF8.self)
    }

    static func percent(_ value: Double) -> String { exact(value) + "%" }

    /// ORS counts experience in days of 365 a year and 30 a month: 1,825 → "5 years", 180 → "6 months", 45 → "45 days".
    /// Whole years or months only, so no figure is rounded.
    static func duration(days: Double) -> String {
        if days >= 365, days.truncatingRemainder(dividingBy: 365) == 0 {
            let years = Int(days / 365)
            return "\(years) year\(years == 1 ? "" : "s")"
        }
        if days >= 30, days.truncatingRemainder(dividingBy: 30) == 0 {
            let months = Int(days / 30)
            return "\(months) month\(months == 1 ? "" : "s")"
        }
        return exact(days) + " days"
    }

    static func percent(_ value: Double?) -> String { value.map(percent) ?? notPublished }

    /// O*NET ratings are published with two decimals; shown that way so columns line up: 4.00, 3.88.
    static func rating(_ value: Double?) -> String { value.map { fixed($0, places: 2) } ?? notPublished }

    /// Projections publish employment in thousands: 3712.9 → "3,712,900".
    static func fromThousands(_ value: Double) -> String { NumberText.grouped(value * 1000) }

    /// Thousands in words for prose: 3712.9 → "3.7 million", 22.2 → "22,200".

    static func annual(_ estimate: Estimate) -> String { estimate.annualText }
    static func hourly(_ estimate: Estimate) -> String { estimate.hourlyText }
    static func count(_ estimate: Estimate) -> String { estimate.countText }

    /// Employment in prose: "3.5 million", "204,350".
    static func countInWords(_ estimate: Estimate) -> String { estimate.text(NumberText.count) }

    /// A change in percent with its sign spelled out by the sentence, so only the magnitude is written.
    static func magnitude(_ percent: Double) -> String { Figures.percent(abs(percent)) }

    static let notPublished = "not published"

    /// "a", "a and b", "a, b, and c".
    static func series(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) \(conjunction) \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", \(conjunction) " + items.last!
        }
    }

    /// ORS value in a table cell: "28.5%", "less than 0.5%", "not published". A share of the day is a bare percent: the row's label says "share of the day".
    static func survey(_ value: SurveyValue, unit: SurveyUnit? = nil) -> String {
        switch value {
        case .value(let v):
            switch unit {
            case .days: return duration(days: v)
            case .percentOfDay: return exact(v) + "%"
            case nil: return percent(v)
            }
        case .lessThan(let bound):
            switch unit {
            case .days: return "less than \(exact(bound)) days"
            case .percentOfDay: return "less than \(exact(bound))%"
            case nil: return "less than \(exact(bound))%"
            }
        case .notPublished:
            return notPublished
        }
    }
}

/// A small deterministic choice between phrasings, keyed by the comparison and the place in the text,
/// so that articles vary from one pair to the next while the same pair always reads the same.
struct Variation {
    let seed: String

    func pick<T>(_ key: String, _ options: [T]) -> T {
        // FNV-1a: stable across runs and platforms, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (seed + "|" + key).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return options[Int(hash % UInt64(options.count))]
    }
}
