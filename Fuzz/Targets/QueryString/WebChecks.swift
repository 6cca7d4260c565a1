import Foundation
import VersusCore

/// The web layer's reading and writing of addresses over plain strings: QueryParameters and SiteURL are compiled
/// into this target from Sources/VersusWeb (symbolic links), so the checks see their internals without the server.
///
/// A thrown `QueryParameters.Problem` is the right answer to a bad query (a 400); what the fuzzer looks for is a
/// crash, a hang, a decoding that differs from Foundation's, or an address the site writes and then reads back
/// differently (those trap, with the input in the message).
enum WebChecks {
    /// A request target as the handlers read it: split as Hummingbird's URI splits it, then the query decoded as
    /// the handlers decode it, each value checked against Foundation's percent-decoding and the parameter limit.
    static func requestTarget(_ target: String) {
        guard let query = uri(target).query else { return }
        // The reference splits on Unicode scalars, QueryParameters on bytes: "&" and "=" are single scalars either way.
        let pairs = query.unicodeScalars.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        }
        let parameters: QueryParameters
        do throws(QueryParameters.Problem) {
            parameters = try QueryParameters(query)
        } catch .tooMany {
            check(pairs.count > WebConfiguration.maximumParameters, "too many parameters", query)
            return
        } catch {
            check(pairs.contains { parts in parts.contains { reference($0) == nil } }, "not text", query)
            return
        }
        check(pairs.count <= WebConfiguration.maximumParameters, "a query over the parameter limit is read", query)
        let decoded = pairs.map { parts in (reference(parts[0]), parts.count > 1 ? reference(parts[1]) : "") }
        for (index, (key, value)) in decoded.enumerated() {
            guard let key, let value else { fatalError("\(query.debugDescription) read, Foundation refuses a part of it") }
            guard let found = parameters[key] else { fatalError("key \(key.debugDescription) of \(query.debugDescription) lost") }
            // The first of repeated keys wins.
            if decoded.firstIndex(where: { $0.0 == key }) == index { check(found == value, "value of \(key.debugDescription)", query) }
        }
    }

    /// Every address the site writes from free text (typed titles, places, search queries, slugs) must carry only
    /// URL-safe bytes (it goes into `href`s and `Location`) and read back, through the request target's split and the handlers'
    /// decoding, as the text it was written from.
    static func writtenAddresses(_ first: String, _ second: String, _ place: String) {
        let urls: [(SiteURL, [String: String])] = [
            (.compareForm(first: first, second: second, place: .state(place)), ["a": first, "b": second, "state": place]),
            (.apiCompare(first: first, second: second, place: .area(place)), ["a": first, "b": second, "area": place]),
            (.search(query: first), ["q": first]),
            (.apiSearch(query: second, limit: place.utf8.count), ["q": second, "limit": String(place.utf8.count)]),
            (.apiSuggest(query: place), ["q": place]),
            (.comparison(slug: first, place: .area(second)), ["area": second]),
        ]
        for (url, expected) in urls {
            let path = url.path
            check(path.utf8.allSatisfy { urlSafe.contains($0) }, "URL-safe bytes", path)
            do {
                let query = try QueryParameters(uri(path).query)
                for (key, value) in expected { check(query[key] == value, "\(key) read back", path) }
            } catch {
                fatalError("\(path.debugDescription) written from \(first.debugDescription) is not read back: \(error)")
            }
        }
        // The router hands a path parameter over as it is in the address, not decoded: a slug the site writes
        // (lowercase words and hyphens) must pass unencoded, and any other text must at least stay one segment.
        let segment = uri(SiteURL.comparison(slug: first, place: nil).path).path.dropFirst("/compare/".count)
        check(!segment.contains("/") && decoded(segment) == first, "the slug read back", String(segment))
        let slug = Slug.make(first)
        check(uri(SiteURL.comparison(slug: slug, place: nil).path).path == "/compare/" + slug, "a slug passes unencoded", slug)
    }

    /// The path and query of a request target (origin form) as Hummingbird's URI reads them: the path up to the
    /// first "?", the query after it up to the first "#".
    static func uri(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target.isEmpty ? "/" : target, nil) }
        let rest = target[target.index(after: mark)...]
        return (String(target[..<mark]), String(rest[..<(rest.firstIndex(of: "#") ?? rest.endIndex)]))
    }

    /// Foundation's percent-decoding, with "+" as a space (each "+" scalar, even one a combining mark follows).
    /// Foundation drops a byte order mark at the start of what it decodes ("%EF%BB%BFx" gives "x"); a query value
    /// keeps every byte it was sent (title search drops the mark itself), so the reference decodes after a scalar
    /// of its own and removes that scalar again.
    static func reference(_ text: some StringProtocol) -> String? {
        var spaced = ""
        for scalar in text.unicodeScalars {
            if scalar == "+" { spaced += "%20" } else { spaced.unicodeScalars.append(scalar) }
        }
        return decoded(spaced)
    }

    /// Foundation's percent-decoding, keeping a byte order mark at the start (which Foundation drops): the path
    /// segment a slug is written to keeps every byte as well ("%EF%BB%BFcoo%2Fs" is "\u{FEFF}coo/s"). Escapes that are
    /// not UTF-8 are no text (nil): this Foundation writes U+FFFD for them ("%a9"), so a replacement character that
    /// neither the text nor an escaped one ("%EF%BF%BD") accounts for marks them.
    static func decoded(_ text: some StringProtocol) -> String? {
        guard let result = ("x" + text).removingPercentEncoding else { return nil }
        let replacement: Unicode.Scalar = "\u{FFFD}"
        let written =
            text.unicodeScalars.filter { $0 == replacement }.count + String(text).uppercased().components(separatedBy: "%EF%BF%BD").count - 1
        guard result.unicodeScalars.filter({ $0 == replacement }).count <= written else { return nil }
        return String(String.UnicodeScalarView(result.unicodeScalars.dropFirst()))
    }

    private static let urlSafe: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%/?=&".utf8))

    private static func check(_ holds: Bool, _ what: String, _ input: String) {
        if !holds { fatalError("\(what) fails for \(input.debugDescription)") }
    }
}
