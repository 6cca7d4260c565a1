/// What a person typed for one role: an O*NET-SOC code, or a job title to search for.
///
/// The one place typed input is checked and a code is parsed: every front end hands raw text here, and
/// what cannot be a title fails with the `TitleQueryError` that title search itself would throw.
public enum TypedTitle: Hashable, Sendable {
    case code(OccupationCode)
    /// The title with runs of white space (tabs, pasted line ends) collapsed to one space: the form shown back to the person.
    case title(String)

    public init(_ raw: String) throws(TitleQueryError) {
        try TitleNormalizer.validate(raw)
        // White space by scalar, as `validate` reads it: a mark after a space is one character to Swift, a white one,
        // and splitting on characters would drop the mark and could leave no text at all (found by Fuzz/TitleNormalizer).
        var collapsed = String.UnicodeScalarView()
        for word in raw.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }) {
            if !collapsed.isEmpty { collapsed.append(" ") }
            collapsed.append(contentsOf: word)
        }
        let text = String(collapsed)
        if let code = OccupationCode(text) {
            self = .code(code)
        } else {
            self = .title(text)
        }
    }

    /// The text as it is shown and kept in a `RoleRequest`: the cleaned title, or the code.
    public var text: String {
        switch self {
        case .code(let code): return code.rawValue
        case .title(let title): return title
        }
    }
}
