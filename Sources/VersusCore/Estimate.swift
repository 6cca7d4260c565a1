/// One published statistic as BLS publishes it: a number, a top-coded bound, or nothing.
///
/// OEWS marks wages at or above its top code with `#` and unpublished values with `*`/`**`;
/// keeping those apart from numbers is what lets every renderer say "$239,200 or more"
/// or "not published" instead of inventing a figure.
public enum Estimate: Hashable, Sendable {
    case value(Double)
    /// At or above this bound (BLS `#`).
    case atLeast(Double)
    case notPublished

    public var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The number that can be stated: the value, or the bound of a top-coded value.
    public var statedNumber: Double? {
        switch self {
        case .value(let v), .atLeast(let v): return v
        case .notPublished: return nil
        }
    }

    public var isTopCoded: Bool {
        if case .atLeast = self { return true }
        return false
    }
}
