import Foundation

/// The OEWS states and metropolitan areas, and how a typed place finds one.
public struct AreaDirectory: Sendable {
    /// An area with the FIPS code of its state (metros spanning states carry their first state's code).
    public struct Record: Hashable, Sendable {
        public let ref: OEWSAreaRef
        public let stateFIPS: String?

        public init(ref: OEWSAreaRef, stateFIPS: String?) {
            self.ref = ref
            self.stateFIPS = stateFIPS
        }
    }

    public enum Kind: Sendable {
        case state
        /// A state or a metropolitan area.
        case any
    }

    public enum Lookup: Equatable, Sendable {
        case found(OEWSAreaRef)
        case ambiguous([OEWSAreaRef])
        case notFound
    }

    /// States first, then metros, each by title.
    public let records: [Record]

    public init(_ records: [Record]) {
        self.records = records.sorted { l, r in
            l.ref.kind != r.ref.kind ? l.ref.kind == .state : l.ref.title.utf8.lexicographicallyPrecedes(r.ref.title.utf8)
        }
    }

    public var states: [OEWSAreaRef] { records.filter { $0.ref.kind == .state }.map(\.ref) }
    public var metros: [OEWSAreaRef] { records.filter { $0.ref.kind == .metro }.map(\.ref) }

    public func area(code: String) -> OEWSAreaRef? { records.first { $0.ref.code == code }?.ref }

    /// Finds a state or metro by code ("06", "0600000", "14460", "0014460"), postal abbreviation ("CA"), or name
    /// ("California", "boston": a unique part of a name is enough).
    public func lookup(_ query: String, kind: Kind) -> Lookup {
        let text = query.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 100 else { return .notFound }
        let all = kind == .state ? records.filter { $0.ref.kind == .state } : records
        let lower = text.lowercased()
        if text.allSatisfy(\.isASCIIDigit) {
            let padded =
                text.count <= 2
                ? String(repeating: "0", count: 2 - text.count) + text + "00000"
                : String(repeating: "0", count: max(0, 7 - text.count)) + text
            return all.first { $0.ref.code == padded }.map { .found($0.ref) } ?? .notFound
        }
        if let exact = all.first(where: { $0.ref.title.lowercased() == lower }) { return .found(exact.ref) }
        if text.count == 2, text.allSatisfy(\.isASCIILetter), let state = state(postal: text.uppercased()) {
            return .found(state)
        }
        let partial = all.filter { $0.ref.title.lowercased().contains(lower) }
        switch partial.count {
        case 0: return .notFound
        case 1: return .found(partial[0].ref)
        default:
            // A state named exactly by a prefix wins over metros that merely contain it ("New York" the state, not the metro).
            if let state = partial.first(where: { $0.ref.kind == .state && $0.ref.title.lowercased().hasPrefix(lower) }) { return .found(state.ref) }
            return .ambiguous(partial.map(\.ref))
        }
    }

    /// Postal abbreviations, learned from metro names: "Abilene, TX" lies in state 48, so TX is state 48.
    private func state(postal: String) -> OEWSAreaRef? {
        let fips = records.first { metro in
            metro.ref.kind == .metro && metro.stateFIPS != nil
                && metro.ref.title.split(separator: ",").last?.trimmingCharacters(in: .whitespaces).split(separator: "-").first.map(String.init)
                    == postal
        }?.stateFIPS
        guard let fips else { return nil }
        return records.first { $0.ref.kind == .state && $0.stateFIPS == fips }?.ref
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
