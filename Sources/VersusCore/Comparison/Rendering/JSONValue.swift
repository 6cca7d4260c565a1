/// A JSON document with keys in the order they were written, serialized without Foundation:
/// stable output (no key sorting surprises, no float noise) and fast enough for every request.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    public static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation, one key per line.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(64 * 1024)
        write(into: &out, indent: 0, pretty: pretty)
        return out
    }

    /// "\n" plus two spaces per level, made once: a document has thousands of lines.
    private static let newlines: [String] = (0..<32).map { "\n" + String(repeating: "  ", count: $0) }

    private static func newline(_ indent: Int, into out: inout String) {
        out += indent < newlines.count ? newlines[indent] : "\n" + String(repeating: "  ", count: indent)
    }

    private func write(into out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += Self.number(value)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(indent + 1, into: &out) }
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { Self.newline(indent, into: &out) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(indent + 1, into: &out) }
                Self.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { Self.newline(indent, into: &out) }
            out += "}"
        }
    }

    /// Whole numbers without a decimal point; others in Swift's shortest round-trip form (4.4, 0.15).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func writeString(_ value: String, into out: inout String) {
        out += "\""
        var copy = value
        copy.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole. U+2028 and U+2029 (E2 80 A8/A9) are escaped
            // because some JavaScript parsers reject them in strings; other E2 sequences (“ ” ’ –) pass through.
            var runStart = 0
            func flush(_ end: Int) {
                if end > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String? = nil
                var length = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    break
                }
                if let escape {
                    flush(index)
                    out += escape
                    runStart = index + length
                }
                index += length
            }
            if runStart == 0 { out += String(decoding: bytes, as: UTF8.self) } else { flush(bytes.count) }
        }
        out += "\""
    }
}
