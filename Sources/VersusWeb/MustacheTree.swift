import Mustache

/// Page models as swift-mustache reads them fastest: each struct becomes a `[String: Any]`, read through one
/// `Mirror` once. Left as structs, every `{{name}}` a template looks up reflects its value anew, and a lookup that
/// climbs the context stack reflects each level on the way: about 40% of a comparison page's CPU.
enum MustacheTree {
    static func make(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Double, is Bool, is MustacheParent, is MustacheCustomRenderable, is MustacheLambda:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(mirror.children.count)
            for child in mirror.children {
                // A nil field is left out: swift-mustache reads a nil field as absent (and looks further out) either way.
                if let label = child.label, let value = unwrapped(child.value) { fields[label] = make(value) }
            }
            return fields
        case .optional:
            return unwrapped(value).map(make) as Any
        case .collection:
            return mirror.children.map { make($0.value) }
        default:
            return value
        }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? AnyOptional else { return value }
        return optional.wrapped
    }
}

/// What an optional holds, whatever its type: a cast, cheaper than a `Mirror`.
private protocol AnyOptional {
    var wrapped: Any? { get }
}

extension Optional: AnyOptional {
    fileprivate var wrapped: Any? { map { $0 as Any } }
}
