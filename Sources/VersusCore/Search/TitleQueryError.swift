/// Why a query cannot be searched. Each case names the problem in words a person can act on.
public enum TitleQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// Longer than `limit` characters: no job title is that long, and capping keeps every search fast.
    case tooLong(length: Int, limit: Int)
    /// A control character (other than tab) such as a bell or an escape: the input is not typed text.
    case controlCharacter(scalar: UInt32, position: Int)
    /// NUL bytes or undecodable bytes (U+FFFD): the input is binary data, not text.
    case binary
    /// Only punctuation or symbols: no word to look up.
    case noWords

    public var description: String {
        switch self {
        case .empty:
            return "the query is empty: type a job title such as \"registered nurse\""
        case .tooLong(let length, let limit):
            return "the query is \(length) characters long; job titles are searched up to \(limit) characters"
        case .controlCharacter(let scalar, let position):
            return "the query contains a control character (U+\(hex(scalar))) at character \(position + 1); type plain text"
        case .binary:
            return "the query is binary data, not text"
        case .noWords:
            return "the query has no letters or digits: type a job title such as \"registered nurse\""
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
