import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import VersusFixtures
@testable import VersusWeb

/// A catalogue of attacks sent into every parameter of every route and API endpoint, in-process over the small
/// world: reflected XSS in text, attribute and URL contexts, SQL injection strings, path traversal (plain, encoded,
/// double-encoded), CRLF and header injection, open redirects, invalid UTF-8, control characters, oversized and
/// malformed query strings, many parameters and overlong URLs. Every case is sent as GET and as HEAD.
///
/// Every answer must be a well-formed 200, 303 or 4xx: an HTML page that starts and ends as the layout does, with the
/// site's one script and no event-handler attribute or script URL anywhere, and the attack text never verbatim; an
/// API problem document whose status is the response's; a redirect to a path of this site. The HEAD answer has the
/// GET answer's status and length and no body, and the server still answers its health check afterwards.
@Suite("Hostile input on every route, in-process")
struct HostileInputTests {
    /// Where an attack goes: `{X}` in the address is replaced by its fragment.
    struct Slot {
        let template: String
        /// The attack replaces the whole query string rather than one parameter's value.
        var wholeQuery = false
    }

    static let slots: [Slot] = [
        Slot(template: "/?q={X}"), Slot(template: "/?{X}", wholeQuery: true),
        Slot(template: "/compare/{X}"), Slot(template: "/compare/{X}-vs-coo"), Slot(template: "/compare/ops-mgr-vs-{X}"),
        Slot(template: "/compare/operations-manager-vs-coo?state={X}"), Slot(template: "/compare/registered-nurse-vs-coo?area={X}"),
        Slot(template: "/compare/operations-manager-vs-coo?{X}", wholeQuery: true),
        Slot(template: "/compare?a={X}&b=coo"), Slot(template: "/compare?a=registered+nurse&b={X}"),
        Slot(template: "/compare?a=nurse&b=coo&state={X}"), Slot(template: "/compare?a=nurse&b=coo&area={X}"),
        Slot(template: "/compare?{X}", wholeQuery: true),
        Slot(template: "/occupations?x={X}"), Slot(template: "/occupations/{X}"),
        Slot(template: "/occupations/29-1141.00?state={X}"), Slot(template: "/occupations/29-1141.00?area={X}"),
        Slot(template: "/occupations/29-1141.00?{X}", wholeQuery: true),
        Slot(template: "/search?q={X}"), Slot(template: "/search?{X}", wholeQuery: true),
        Slot(template: "/api/search?q={X}"), Slot(template: "/api/search?q=nurse&limit={X}"),
        Slot(template: "/api/search?{X}", wholeQuery: true), Slot(template: "/api/suggest?q={X}"),
        Slot(template: "/api/compare?a={X}&b=coo"), Slot(template: "/api/compare?a=registered+nurse&b={X}"),
        Slot(template: "/api/compare?a=nurse&b=coo&state={X}"), Slot(template: "/api/compare?a=nurse&b=coo&area={X}"),
        Slot(template: "/api/compare?{X}", wholeQuery: true),
        Slot(template: "/api/comparisons/{X}"), Slot(template: "/api/occupations/{X}"),
        Slot(template: "/assets/{X}"), Slot(template: "/assets/site.css?v={X}"), Slot(template: "/assets/site.js?{X}", wholeQuery: true),
        Slot(template: "/healthz?{X}", wholeQuery: true), Slot(template: "/metrics?x={X}"), Slot(template: "/openapi.json?{X}", wholeQuery: true),
        Slot(template: "/sitemap.xml?x={X}"), Slot(template: "/robots.txt?{X}", wholeQuery: true),
        Slot(template: "/{X}"), Slot(template: "/api/{X}"),
    ]

    /// An attack as it goes into the address, and the text a handler would read from it when that is known.
    struct Attack {
        let fragment: String
        let text: String?
    }

    /// Text attacks, each sent percent-encoded (as a form sends it) and as typed (only what cannot be in a request
    /// line encoded).
    static let texts: [String] = [
        // Reflected XSS: element, attribute (both quotes), URL and template contexts.
        "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "'><img src=x onerror=alert(1)>", "' onmouseover='alert(1)",
        "\" onfocus=\"alert(1)\" autofocus=\"", "javascript:alert(1)", " JaVaScRiPt:alert(document.domain)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>", "<!--<script>-->", "]]><x/>", "{{title}}{{{body}}}{{#a}}",
        "&lt;script&gt;alert(1)&lt;/script&gt;", "＜script＞alert(1)＜/script＞", "＂＞＜svg onload=alert(1)＞",
        "<ſcript>alert(1)</ſcript>", "registered nurse<script>alert(1)</script>", "registered nurse\" onmouseover=\"alert(1)",
        "ops mgr'><svg/onload=alert(1)>", "<a href=javascript:alert(1)>x</a>", "\u{2028}\u{2029}</script><script>alert(1)//",
        "nurse\"><iframe src=//evil.example>", "<base href=//evil.example/>",
        // A quote with a combining mark is one Character: an escaper that looks Characters up misses the quote.
        "\"\u{301} onmouseover=alert(1) x=\"", "'\u{301} onfocus=alert(1) autofocus x='", "\u{301}\"\u{301}><svg onload=alert(1)>",
        // SQL injection.
        "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE occupation; --", "\" OR \"\"=\"", "') UNION SELECT sqlite_version() --",
        "nurse%' AND 1=1 --", "11-1021.00' OR '1'='1", "*", "%", "_", "\\", "';--",
        // Open redirects through the comparison form.
        "//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
        // Unicode that folding or display could mangle.
        "ｎｕｒｓｅ", "\u{202E}esrun deretsiger", "a" + String(repeating: "\u{301}", count: 300), "👩‍⚕️ nurse", "İstanbul ß",
        "nurse\u{200B}\u{FEFF}", "nurse\r\nSet-Cookie: evil=1", "\t\n",
        // Oversized values: over the title limit, and long enough to need most of the URL limit.
        String(repeating: "a", count: 201), String(repeating: "nurse ", count: 180), String(repeating: "<", count: 600),
    ]

    /// Attacks written as they go into the address: encodings a decoder might get wrong.
    static let fragments: [String] = [
        // Path traversal, plain, encoded, double-encoded, overlong UTF-8, backslashes, NUL.
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd",
        "..%5c..%5cwindows%5cwin.ini", "....//....//etc/passwd", "%c0%ae%c0%ae%2fetc", "..%00/etc/passwd", "..;/..;/etc",
        "%2e%2e/%2e%2e/Package.swift", "..", ".", "%2e", "/etc/passwd", "file:///etc/passwd", "..%252f..%252f",
        // CRLF and header injection.
        "%0d%0aSet-Cookie:%20evil=1", "%0d%0aLocation:%20https://evil.example", "%0aX-Injected:%201",
        "%0d%0a%0d%0a%3Cscript%3Ealert(1)%3C/script%3E", "%E5%98%8A%E5%98%8DSet-Cookie:%20evil=1", "nurse%0d%0aX:%201",
        // Invalid UTF-8 and broken escapes.
        "%ff%fe", "%c0%af", "%ed%a0%80", "%f4%90%80%80", "%e0%80%80", "%80", "nurse%ff", "%", "%%", "%2", "%zz", "%u003c", "%%32%65",
        // Control characters.
        "%00", "nurse%00coo", "%07", "%1b%5b31m", "%7f", "%c2%85", "%e2%80%ae", "%ef%bb%bf", "%08%08%08",
        // Malformed and oversized query strings.
        "&&&&", "=", "==", "a=b=c", "q", "q=&q=x", "a[]=1&a[x]=2", "q=%", "%3d=%26", ";q=x", "q[$ne]=1",
        "q=nurse&" + String(repeating: "p=1&", count: 16), String(repeating: "p&", count: 100),
        String(repeating: "%41", count: 700), String(repeating: "a", count: 2100), String(repeating: "q=x&", count: 1000),
    ]

    static var attacks: [Attack] {
        var attacks: [Attack] = []
        for text in texts {
            attacks.append(Attack(fragment: SiteURL.percentEncode(text), text: text))
            attacks.append(Attack(fragment: typed(text), text: nil))
        }
        attacks += fragments.map { Attack(fragment: $0, text: nil) }
        return attacks
    }

    /// Text as a person might paste it into the address bar: only what cannot be in a request line is encoded.
    static func typed(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if byte <= 0x20 || byte >= 0x7F {
                out += String(format: "%%%02X", byte)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    struct Outcome {
        var cases = 0
        var statuses: [Int: Int] = [:]
        var failures: [String] = []
    }

    @Test("every attack in every parameter of every route is answered with a well-formed 200, 303 or 4xx")
    func attackMatrix() async throws {
        let app = try await RouterTests.app()
        // The access log of thirteen thousand requests says nothing the failures below do not.
        var logger = Logger(label: "hostile")
        logger.logLevel = .error
        let application = Application(router: app.buildRouter(), logger: logger)
        let attacks = Self.attacks
        let outcome = try await application.test(.router) { client in
            var outcome = Outcome()
            for slot in Self.slots {
                for attack in attacks {
                    // A whole-query slot takes query strings; a text attack goes in as a parameter of its own.
                    let fragment = slot.wholeQuery && attack.text != nil ? "x=" + attack.fragment : attack.fragment
                    let uri = slot.template.replacingOccurrences(of: "{X}", with: fragment)
                    let get = try await client.execute(uri: uri, method: .get)
                    let head = try await client.execute(uri: uri, method: .head)
                    outcome.cases += 2
                    outcome.statuses[Int(get.status.code), default: 0] += 1
                    let echoed = slot.template.hasSuffix("?q={X}") && slot.template.hasPrefix("/api/")
                    var problems = Self.problems(uri: uri, get, text: slot.wholeQuery ? nil : attack.text, echoed: echoed)
                    if head.status != get.status { problems.append("HEAD \(head.status.code), GET \(get.status.code)") }
                    if head.body.readableBytes != 0 { problems.append("HEAD with a body of \(head.body.readableBytes) bytes") }
                    if head.headers[.contentLength] != get.headers[.contentLength] {
                        problems.append("HEAD length \(head.headers[.contentLength] ?? "none"), GET \(get.headers[.contentLength] ?? "none")")
                    }
                    outcome.failures += problems.map { "\(uri.prefix(160)): \($0)" }
                }
            }
            // The server still answers.
            let health = try await client.execute(uri: "/healthz", method: .get)
            let page = try await client.execute(uri: "/compare/operations-manager-vs-coo", method: .get)
            if health.status != .ok || String(buffer: health.body) != "ok\n" || page.status != .ok {
                outcome.failures.append("the server stopped answering: /healthz \(health.status.code), comparison \(page.status.code)")
            }
            return outcome
        }
        let statuses = outcome.statuses.sorted { $0.key < $1.key }.map { "\($0.value)×\($0.key)" }.joined(separator: ", ")
        print("hostile (in-process): \(outcome.cases) cases (\(Self.slots.count) routes and parameters × \(attacks.count) attacks, GET and HEAD)")
        print("hostile (in-process): GET statuses \(statuses); \(outcome.failures.count) failed")
        for failure in outcome.failures.prefix(40) { print("  " + failure) }
        #expect(outcome.cases >= 7_000, "the catalogue shrank")
        #expect(outcome.failures.isEmpty, "\(outcome.failures.count) failures (printed above)")
    }

    @Test("a query string splits on the bytes & and =, even where a combining mark follows one (found by Fuzz/QueryString)")
    func queryBytes() throws {
        let query = try QueryParameters("a=1&\u{301}b=2&c\u{301}=3&d=+\u{654}")
        #expect(query["a"] == "1" && query["\u{301}b"] == "2" && query["c\u{301}"] == "3" && query["d"] == " \u{654}")
        #expect(throws: QueryParameters.Problem.tooMany) { try QueryParameters((0...16).map { "p\($0)=\u{301}" }.joined(separator: "&")) }
    }

    /// Foundation's percent-decoding drops a leading byte order mark; the query keeps every byte it was sent, and
    /// title search is what ignores the mark, so a pasted "\u{FEFF}gm" leads where "gm" does.
    @Test("a byte order mark at the start of a value is kept, and the comparison is the one without it (found by Fuzz/QueryString)")
    func byteOrderMark() async throws {
        let query = try QueryParameters("a=%EF%BB%BFgm&%EF%BB%BF=1&b=\u{FEFF}coo")
        #expect(query["a"] == "\u{FEFF}gm" && query["\u{FEFF}"] == "1" && query["b"] == "\u{FEFF}coo")
        try await RouterTests.get("/compare?a=%EF%BB%BFgm&b=%EF%BB%BFcoo") { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/compare/operations-manager-vs-coo")
        }
        // A slug segment is handed over as sent, so a leading mark and an encoded "/" stay one well-formed request.
        let uri = "/compare/%EF%BB%BFcoo%2Fs"
        try await RouterTests.get(uri) { response in
            #expect(Self.problems(uri: uri, response, text: nil).isEmpty)
        }
    }

    // MARK: What a well-formed answer is

    /// What is wrong with an answer, if anything. `text` is the attack as a handler reads it, when known.
    /// `echoed`: the text is the API's `q`, which a search answers with its `query` as sent.
    static func problems(uri: String, _ response: TestResponse, text: String?, echoed: Bool = false) -> [String] {
        var problems: [String] = []
        let status = Int(response.status.code)
        let type = response.headers[.contentType] ?? ""
        let body = String(buffer: response.body)
        let api = uri.hasPrefix("/api/")
        guard [200, 303, 400, 404, 414].contains(status) else { return ["status \(status)"] }
        if response.headers[.contentLength] != String(response.body.readableBytes) { problems.append("Content-Length is not the body's") }
        if response.headers[HTTPField.Name("Set-Cookie")!] != nil { problems.append("a Set-Cookie header") }
        if response.headers.contains(where: { $0.value.contains("\r") || $0.value.contains("\n") }) { problems.append("CR or LF in a header") }
        if response.headers[HTTPField.Name("Content-Security-Policy")!] == nil { problems.append("no Content-Security-Policy") }
        if status == 303 {
            let location = response.headers[.location] ?? ""
            if api { problems.append("an API redirect") }
            if !location.hasPrefix("/") || location.hasPrefix("//") || location.hasPrefix("/\\") { problems.append("redirect to \(location)") }
            if !location.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) { problems.append("unsafe bytes in Location") }
            if response.body.readableBytes != 0 { problems.append("a redirect with a body") }
            return problems
        }
        if api {
            let expected = status == 200 ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8"
            if type != expected { problems.append("API answer of type \(type)") }
            guard let json = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] else {
                return problems + ["API answer that is not a JSON object"]
            }
            if status != 200 {
                if json["status"] as? Int != status { problems.append("problem status \(String(describing: json["status"])) on a \(status)") }
                for key in ["type", "title", "detail"] where !(json[key] is String) { problems.append("problem without \(key)") }
            } else if echoed, let text, json["query"] as? String != text {
                problems.append("the API's query is not the text sent")
            }
            return problems
        }
        if type == "text/html; charset=utf-8" {
            problems += htmlProblems(body)
            if let text, text.utf8.count >= 4, text.contains(where: { "<>\"'".contains($0) }), body.contains(text) {
                problems.append("the attack text verbatim in the page")
            }
        } else if status != 200 {
            problems.append("a \(status) of type \(type)")
        } else if !uri.hasPrefix("/assets/")
            && !["/healthz", "/metrics", "/openapi.json", "/sitemap.xml", "/robots.txt"].contains(where: uri.hasPrefix)
        {
            problems.append("a 200 of type \(type)")
        }
        return problems
    }

    /// The elements the site writes (templates, the article renderer, the charts); anything else is injected.
    static let elements: Set<String> = [
        "html", "head", "meta", "title", "link", "script", "body", "header", "nav", "form", "label", "input", "button", "main",
        "footer", "a", "p", "h1", "h2", "h3", "ul", "ol", "li", "section", "article", "aside", "div", "span", "strong", "em",
        "small", "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "select", "option", "svg", "g",
        "rect", "line", "text", "tspan", "desc", "abbr", "br", "details", "summary", "dl", "dt", "dd",
    ]

    /// A page of the layout whose elements are all the site's, with the site's one script and no script anywhere
    /// else: no inline script, no event-handler attribute, no script or data URL and no protocol-relative address.
    static func htmlProblems(_ body: String) -> [String] {
        var problems: [String] = []
        if !body.hasPrefix("<!doctype html>\n<html lang=\"en\">") || !body.hasSuffix("</html>\n") { problems.append("not a whole page") }
        let tags = HTMLTags.scan(body)
        let scripts = tags.filter { $0.name == "script" }
        if scripts.count != 1 || scripts.first?.attributes["src"] != "/assets/site.js"
            || !body.contains("<script src=\"/assets/site.js\" defer></script>")
        {
            problems.append("\(scripts.count) script elements")
        }
        if tags.filter({ $0.name == "title" }).count < 1 || tags.filter({ $0.name == "main" }).count != 1 { problems.append("layout broken") }
        for tag in tags {
            if !elements.contains(tag.name) { problems.append("an element <\(tag.name.prefix(20))>") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") || name == "style" || name == "srcdoc" { problems.append("an attribute \(name.prefix(20)) on <\(tag.name)>") }
                let url = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                if ["href", "src", "action", "formaction", "xlink:href"].contains(name),
                    url.hasPrefix("javascript:") || url.hasPrefix("data:") || url.hasPrefix("vbscript:") || url.hasPrefix("//")
                {
                    problems.append("\(name)=\(url.prefix(40)) on <\(tag.name)>")
                }
            }
        }
        return problems
    }
}

/// The start tags of an HTML document with their attributes, read the way a browser tokenizes them (quoted and bare
/// values, comments skipped): enough to see an element or attribute that escaping should have kept out.
enum HTMLTags {
    struct Tag {
        let name: String
        var attributes: [String: String] = [:]
    }

    static func scan(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        func read(while condition: (UInt8) -> Bool) -> String {
            let start = i
            while i < bytes.count && condition(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i += 4
                while i < bytes.count && !bytes[i...].starts(with: Array("-->".utf8)) { i += 1 }
                i += 3
                continue
            }
            i += 1
            guard i < bytes.count, isLetter(bytes[i]) else { continue }
            var tag = Tag(name: read { !isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }.lowercased())
            while i < bytes.count && bytes[i] != UInt8(ascii: ">") {
                if isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") {
                    i += 1
                    continue
                }
                let name = read { !isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }.lowercased()
                _ = read(while: isSpace)
                var value = ""
                if i < bytes.count && bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    _ = read(while: isSpace)
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        value = read { $0 != quote }
                        i += 1
                    } else {
                        value = read { !isSpace($0) && $0 != UInt8(ascii: ">") }
                    }
                }
                if !name.isEmpty && tag.attributes[name] == nil { tag.attributes[name] = value }
            }
            tags.append(tag)
        }
        return tags
    }
}
