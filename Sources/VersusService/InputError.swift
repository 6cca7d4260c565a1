import VersusCore

/// Input the service cannot use: the one error every front end turns into its own message (a CLI error line,
/// a 400/404 page, an RFC 9457 problem). Each case carries what a person needs to try again.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a typed title at all: empty, too long, control characters, binary.
    case badTitle(TitleQueryError)
    /// A title search found nothing close enough to write about; carries the nearest titles.
    case unclearTitle(UnclearTitle)
    case notACode(String)
    case unknownCode(OccupationCode, nearest: [OccupationRef])
    case unknownPlace(String, statesOnly: Bool)
    case ambiguousPlace(String, [OEWSAreaRef])
    /// A comparison address that names no catalog pair and is not two titles joined by "-vs-".
    case unknownComparison(String)
    /// A moves address that is not a title or a code as an address spells them.
    case unknownMoves(String)
    /// A moves choice that is not one of its values: `sort=cheapest`, `limit=5000`.
    case badMovesChoice(String, String)
    /// A comparison of fewer than two or more than four roles.
    case roleCount(Int)

    public var description: String {
        switch self {
        case .badTitle(let error): return error.description
        case .unclearTitle(let unclear): return unclear.description
        case .notACode(let text): return "\"\(text.prefix(40))\" is not an O*NET-SOC code; codes look like 11-1021.00"
        case .unknownCode(let code, let nearest):
            let lines = nearest.map { "  \($0.code)  \($0.title)" }.joined(separator: "\n")
            return "no O*NET occupation has the code \(code)" + (nearest.isEmpty ? "" : "; nearest codes:\n" + lines)
        case .unknownPlace(let text, let statesOnly):
            return "no OEWS \(statesOnly ? "state" : "state or metropolitan area") matches \"\(text.prefix(60))\""
        case .ambiguousPlace(let text, let areas):
            let names = areas.prefix(8).map { "  \($0.title) (\($0.code))" }.joined(separator: "\n")
            return "\"\(text.prefix(60))\" matches several areas; be more specific or use a code:\n" + names
        case .unknownComparison(let slug): return "no comparison is called \"\(slug.prefix(80))\""
        case .unknownMoves(let slug): return "no moves page is called \"\(slug.prefix(80))\""
        case .badMovesChoice(let name, let value):
            return name == "sort"
                ? "\"\(value.prefix(40))\" is not a way to sort moves; use match, pay, similarity or openings"
                : "\"\(value.prefix(40))\" is not a number of moves; use 1 to \(MovePlanner.maximumLimit)"
        case .roleCount(let count):
            return "\(count) \(count == 1 ? "role" : "roles") given: compare two roles, or three or four side by side"
        }
    }

    /// The short kind of error, stable for programs (the JSON `type` suffix and the page's heading).
    public var kind: String {
        switch self {
        case .badTitle: return "bad-title"
        case .unclearTitle: return "unclear-title"
        case .notACode: return "not-a-code"
        case .unknownCode: return "unknown-code"
        case .unknownPlace: return "unknown-place"
        case .ambiguousPlace: return "ambiguous-place"
        case .unknownComparison: return "unknown-comparison"
        case .unknownMoves: return "unknown-moves"
        case .badMovesChoice: return "bad-moves-choice"
        case .roleCount: return "role-count"
        }
    }

    /// Titles worth suggesting instead, best first.
    public var nearestTitles: [TitleMatch] {
        if case .unclearTitle(let unclear) = self { return unclear.nearest }
        return []
    }
}

/// Where local wages are asked for: a state only, or a state or metropolitan area (`--state` / `--area`).
public enum Place: Hashable, Sendable {
    case state(String)
    case area(String)

    public var text: String {
        switch self {
        case .state(let text), .area(let text): return text
        }
    }
}
