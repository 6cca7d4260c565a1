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
        var out = JSONBytes(pretty: pretty)
        out.write(self)
        return out.string
    }
}
