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
        let text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
