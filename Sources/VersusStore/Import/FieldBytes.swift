/// What the importer reads from a field's bytes in place, giving exactly what Foundation and the standard
/// library give for the field as a string (`trimmingCharacters(in: .whitespaces)`, `Double(_:)`, `Int(_:)`),
/// without making the string: profiling showed those conversions were most of the import's time.
enum FieldBytes {
    /// `bytes` without leading and trailing `CharacterSet.whitespaces`: tab, the Unicode space separators (Zs) and U+200B.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end {
            let length = spaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        while start < end {
            let length = spaceLengthEnding(bytes, at: end, from: start)
            if length == 0 { break }
            end -= length
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The UTF-8 length of the space separator or tab starting at `index`, or 0.
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let b0 = bytes[index]
        if b0 == 0x20 || b0 == 0x09 { return 1 }
        if b0 < 0xC2 { return 0 }
        let remaining = bytes.count - index
        if b0 == 0xC2 { return remaining >= 2 && bytes[index + 1] == 0xA0 ? 2 : 0 }  // U+00A0
        guard remaining >= 3 else { return 0 }
        return isThreeByteSpace(b0, bytes[index + 1], bytes[index + 2]) ? 3 : 0
    }

    /// The UTF-8 length of the space separator or tab ending just before `end` (and not before `start`), or 0.
    private static func spaceLengthEnding(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, from start: Int) -> Int {
        let last = bytes[end - 1]
        if last == 0x20 || last == 0x09 { return 1 }
        if last < 0x80 { return 0 }
        if end - start >= 2, bytes[end - 2] == 0xC2, last == 0xA0 { return 2 }
        if end - start >= 3, isThreeByteSpace(bytes[end - 3], bytes[end - 2], last) { return 3 }
        return 0
    }

    /// U+1680, U+2000...U+200B, U+202F, U+205F, U+3000: the three-byte members of Foundation's set (it counts U+200B).
    private static func isThreeByteSpace(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80
        case (0xE2, 0x80): return (0x80...0x8B).contains(b2) || b2 == 0xAF
        case (0xE2, 0x81): return b2 == 0x9F
        case (0xE3, 0x80): return b2 == 0x80
        default: return false
        }
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        bytes.elementsEqual(text.utf8)
    }

    /// `Double(String(decoding: bytes, as: UTF8.self))`. Plain decimals (`-12.345`) with at most 15 digits are
    /// exact as an integer divided by a power of ten up to 10^22, and one IEEE division rounds correctly, as
    /// strtod does; anything else (exponents, long mantissas, "nan", hex) goes to the standard library.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var sawPoint = false, sawDigit = false
        var plain = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                if mantissa != 0 || byte != 0x30 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                if sawPoint { fractionDigits += 1 }
                if digits > 15 { plain = false; break }
            } else if byte == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                plain = false
                break
            }
            index += 1
        }
        if plain, sawDigit, fractionDigits <= 22 {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// `Int(String(decoding: bytes, as: UTF8.self))`: an optional sign and decimal digits, nil on overflow.
    static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? times10.subtractingReportingOverflow(Int(byte - 0x30)) : times10.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }
}
