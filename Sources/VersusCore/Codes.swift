/// An O*NET-SOC occupation code such as `11-1021.00`: a SOC 2018 detailed code plus a two-digit O*NET extension.
public struct OccupationCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts `11-1021.00`, and `11-1021` as shorthand for its `.00` occupation.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 } }
        switch bytes.count {
        case 10 where digits(0..<2) && bytes[2] == 45 && digits(3..<7) && bytes[7] == 46 && digits(8..<10):
            rawValue = text
        case 7 where digits(0..<2) && bytes[2] == 45 && digits(3..<7):
            rawValue = text + ".00"
        default:
            return nil
        }
    }

    /// The SOC code formed by the first seven characters; the crosswalk may say otherwise, so prefer `Occupation.socCode`.
    public var socPrefix: SOCCode { SOCCode(uncheckedRawValue: String(rawValue.prefix(7))) }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = OccupationCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an O*NET-SOC code: \(text)"))
        }
        self = code
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A SOC 2018 code at any level (`11-0000`, `11-1020`, `11-1021`), or an OEWS/Census aggregate such as `31-1120` or `51-91XX`.
public struct SOCCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[2] == 45 else { return nil }
        let ok = bytes.enumerated().allSatisfy { index, byte in
            index == 2 || (byte >= 48 && byte <= 57) || (index >= 3 && byte == 88)  // 'X' in Census aggregates
        }
        guard ok else { return nil }
        rawValue = text
    }

    init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    /// The SOC broad group (`11-1020` for `11-1021`).
    public var broadGroup: SOCCode { SOCCode(uncheckedRawValue: String(rawValue.prefix(6)) + "0") }
    public var majorGroup: SOCCode { SOCCode(uncheckedRawValue: String(rawValue.prefix(2)) + "-0000") }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = SOCCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SOC code: \(text)"))
        }
        self = code
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
