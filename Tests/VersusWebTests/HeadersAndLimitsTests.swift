import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import VersusFixtures
@testable import VersusWeb

/// The headers every answer carries and the limits every route keeps, on every route and on each kind of answer the
/// site gives (200, 303, 304, 400, 404, 414), as GET and as HEAD.
@Suite("Security headers and limits on every route and every kind of answer")
struct HeadersAndLimitsTests {
    enum Kind: String {
        case html = "text/html; charset=utf-8"
        case json = "application/json; charset=utf-8"
        case problem = "application/problem+json; charset=utf-8"
        case css = "text/css; charset=utf-8"
        case javascript = "text/javascript; charset=utf-8"
        case xml = "application/xml; charset=utf-8"
        case text = "text/plain; charset=utf-8"
        case none = ""
    }

    struct Case: CustomStringConvertible {
        let uri: String
        var headers: HTTPFields = [:]
        let status: Int
        let kind: Kind
        var description: String { "\(uri.prefix(80)) \(headers.isEmpty ? "" : "\(headers) ")→ \(status)" }
    }

    static let cases: [Case] = [
        // Every route, answered.
        Case(uri: "/", status: 200, kind: .html),
        Case(uri: "/compare/operations-manager-vs-coo", status: 200, kind: .html),
        Case(uri: "/compare/staff-nurse-vs-event-planner?state=Texas", status: 200, kind: .html),
        Case(uri: "/occupations", status: 200, kind: .html),
        Case(uri: "/occupations/29-1141.00", status: 200, kind: .html),
        Case(uri: "/search?q=nurse", status: 200, kind: .html),
        Case(uri: "/assets/site.css", status: 200, kind: .css),
        Case(uri: "/assets/site.js", status: 200, kind: .javascript),
        Case(uri: "/sitemap.xml", status: 200, kind: .xml),
        Case(uri: "/robots.txt", status: 200, kind: .text),
        Case(uri: "/openapi.json", status: 200, kind: .json),
        Case(uri: "/healthz", status: 200, kind: .text),
        Case(uri: "/metrics", status: 200, kind: .text),
        Case(uri: "/api/search?q=nurse&limit=3", status: 200, kind: .json),
        Case(uri: "/api/suggest?q=nur", status: 200, kind: .json),
        Case(uri: "/api/compare?a=registered+nurse&b=coo", status: 200, kind: .json),
        Case(uri: "/api/comparisons/operations-manager-vs-coo", status: 200, kind: .json),
        Case(uri: "/api/occupations/29-1141.00", status: 200, kind: .json),
        // Redirect, not modified, gzip.
        Case(uri: "/compare?a=gm&b=coo", status: 303, kind: .text),
        Case(uri: "/", headers: [.ifNoneMatch: "\"r1\""], status: 304, kind: .none),
        Case(uri: "/api/occupations/29-1141.00", headers: [.ifNoneMatch: "\"x\", \"r1-gz\"", .acceptEncoding: "gzip"], status: 304, kind: .none),
        Case(uri: "/occupations", headers: [.acceptEncoding: "gzip"], status: 200, kind: .html),
        // Input errors.
        Case(uri: "/search?q=%FF", status: 400, kind: .html),
        Case(uri: "/api/search?q=%FF", status: 400, kind: .problem),
        Case(uri: "/compare?a=&b=coo", status: 400, kind: .html),
        Case(uri: "/api/compare?a=nurse&b=coo&state=Texas&area=Boston", status: 400, kind: .problem),
        Case(uri: "/occupations/nurse", status: 400, kind: .html),
        Case(uri: "/api/occupations/nurse", status: 400, kind: .problem),
        // Not found.
        Case(uri: "/nothing/here", status: 404, kind: .html),
        Case(uri: "/api/nothing", status: 404, kind: .problem),
        Case(uri: "/compare/nothing-here", status: 404, kind: .html),
        Case(uri: "/occupations/99-9999.00", status: 404, kind: .html),
        Case(uri: "/api/occupations/99-9999.00", status: 404, kind: .problem),
        Case(uri: "/api/comparisons/nothing-here", status: 404, kind: .problem),
        Case(uri: "/assets/../Package.swift", status: 404, kind: .html),
        // Over the URL limit.
        Case(uri: "/search?q=" + String(repeating: "a", count: 2100), status: 414, kind: .html),
        Case(uri: "/api/search?q=" + String(repeating: "a", count: 2100), status: 414, kind: .problem),
    ]

    static let csp = [
        "default-src": "'none'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self' data:", "connect-src": "'self'",
        "form-action": "'self'", "base-uri": "'none'", "frame-ancestors": "'none'",
    ]

    static func application() async throws -> some ApplicationProtocol {
        var logger = Logger(label: "headers")
        logger.logLevel = .error
        return Application(router: try await RouterTests.app().buildRouter(), logger: logger)
    }

    @Test("every answer has the security headers, its type, its length and caching by its status; HEAD matches GET without a body")
    func headers() async throws {
        try await Self.application().test(.router) { client in
            for item in Self.cases {
                let get = try await client.execute(uri: item.uri, method: .get, headers: item.headers)
                let head = try await client.execute(uri: item.uri, method: .head, headers: item.headers)
                #expect(Int(get.status.code) == item.status, "\(item)")
                #expect(head.status == get.status, "HEAD \(item)")
                for response in [get, head] { Self.expectSecurityHeaders(response, item) }
                #expect(head.body.readableBytes == 0, "HEAD body \(item)")
                #expect(head.headers[.contentLength] == get.headers[.contentLength], "HEAD length \(item)")
                #expect(head.headers[.contentType] == get.headers[.contentType] && head.headers[.eTag] == get.headers[.eTag], "HEAD headers \(item)")
                guard item.status != 304 else {
                    #expect(get.body.readableBytes == 0 && get.headers[.eTag] != nil && get.headers[.contentType] == nil, "\(item)")
                    continue
                }
                #expect(get.headers[.contentType] == item.kind.rawValue, "type \(item)")
                #expect(get.headers[.contentLength] == String(get.body.readableBytes), "length \(item)")
                #expect(get.headers[.vary] == "Accept-Encoding", "vary \(item)")
                #expect(get.headers[HTTPField.Name("Set-Cookie")!] == nil, "cookie \(item)")
                let dynamic = ["/healthz", "/metrics"].contains(item.uri)
                switch item.status {
                case 200 where !dynamic:
                    #expect(get.headers[.cacheControl] == "public, max-age=3600" && get.headers[.eTag] != nil, "caching \(item)")
                case 303:
                    #expect(get.headers[.cacheControl] == "public, max-age=3600" && get.headers[.location]?.hasPrefix("/compare/") == true, "\(item)")
                default:
                    // Errors and live figures are never cached: a fixed page must not stay wrong in a cache.
                    #expect(get.headers[.cacheControl] == "no-store" && get.headers[.eTag] == nil, "caching \(item)")
                }
                if item.headers[.acceptEncoding] == "gzip" && item.status == 200 { #expect(get.headers[.contentEncoding] == "gzip", "\(item)") }
                if item.kind == .html && get.headers[.contentEncoding] == nil {
                    let problems = HostileInputTests.htmlProblems(String(buffer: get.body))
                    #expect(problems.isEmpty, "\(item): \(problems)")
                }
                if item.kind == .problem {
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: get.body)) as? [String: Any]
                    #expect(json?["status"] as? Int == item.status, "problem status \(item)")
                }
            }
        }
    }

    @Test("methods other than GET and HEAD are 405 with Allow: GET, HEAD, as a page or, under /api/, a problem")
    func otherMethods() async throws {
        try await Self.application().test(.router) { client in
            let methods: [HTTPRequest.Method] = [.post, .put, .delete, .patch, .options, .trace, HTTPRequest.Method("PROPFIND")!]
            for uri in ["/", "/compare/operations-manager-vs-coo", "/nothing", "/api/search?q=nurse", "/api/nothing"] {
                for method in methods {
                    let response = try await client.execute(uri: uri, method: method, body: ByteBuffer(string: "a=1"))
                    let item = Case(uri: "\(method) \(uri)", status: 405, kind: uri.hasPrefix("/api/") ? .problem : .html)
                    #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD", "\(item)")
                    #expect(response.headers[.contentType] == item.kind.rawValue && response.headers[.cacheControl] == "no-store", "\(item)")
                    Self.expectSecurityHeaders(response, item)
                }
            }
        }
    }

    static func expectSecurityHeaders(_ response: TestResponse, _ item: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
        var directives: [String: String] = [:]
        for directive in policy.split(separator: ";") {
            let words = directive.split(separator: " ", maxSplits: 1)
            if let name = words.first { directives[String(name)] = words.count > 1 ? String(words[1]) : "" }
        }
        // Exactly these: no inline script or style, no eval, no other origin, never framed.
        #expect(directives == csp, "CSP \(policy) on \(item)", sourceLocation: sourceLocation)
        let expected: [(String, String)] = [
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "strict-origin-when-cross-origin"), ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in expected {
            #expect(response.headers[HTTPField.Name(name)!] == value, "\(name) on \(item)", sourceLocation: sourceLocation)
        }
    }

    /// Routes that read their query, each with a valid query to add parameters to.
    static let queryRoutes = [
        "/search?q=nurse", "/api/search?q=nurse", "/api/suggest?q=nur", "/compare?a=gm&b=coo", "/api/compare?a=gm&b=coo",
        "/compare/operations-manager-vs-coo?state=Texas", "/occupations/29-1141.00?state=Texas",
    ]

    @Test("the limits: 2,048 bytes of address, 16 parameters, 200 characters of title, 50 results")
    func limits() async throws {
        try await Self.application().test(.router) { client in
            func status(_ uri: String, _ method: HTTPRequest.Method = .get) async throws -> Int {
                Int(try await client.execute(uri: uri, method: method).status.code)
            }
            // The address limit is on the whole request target, at exactly 2,048 bytes.
            let prefix = "/search?q=nurse&x="
            let longest = prefix + String(repeating: "a", count: WebConfiguration.maximumURILength - prefix.utf8.count)
            #expect(longest.utf8.count == 2048)
            #expect(try await status(longest) == 200)
            #expect(try await status(longest + "a") == 414)
            #expect(try await status(longest + "a", .head) == 414)
            for route in Self.queryRoutes {
                let padding = (0..<(WebConfiguration.maximumParameters - route.split(separator: "&").count)).map { "&p\($0)=1" }.joined()
                let ok = try await status(route + padding)
                #expect(ok == 200 || ok == 303, "\(route) with 16 parameters: \(ok)")
                #expect(try await status(route + padding + "&one=more") == 400, "\(route) with 17 parameters")
            }
            // A title of 200 characters is searched (a comparison may still find it unclear); one more is refused as too long.
            let title = String(repeating: "n", count: 200)
            for route in ["/search?q=", "/api/search?q=", "/api/suggest?q=", "/api/compare?b=coo&a=", "/compare?b=coo&a="] {
                let longest = try await client.execute(uri: route + title, method: .get)
                #expect(!String(buffer: longest.body).contains("characters long"), "\(route) 200 characters")
                let over = try await client.execute(uri: route + title + "n", method: .get)
                #expect(over.status == .badRequest && String(buffer: over.body).contains("201 characters long"), "\(route) 201 characters")
            }
            for (limit, most) in [("0", 1), ("-5", 1), ("2", 2), ("1000", 50), ("x", 10)] {
                let response = try await client.execute(uri: "/api/search?q=manager&limit=" + limit, method: .get)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let count = (json?["results"] as? [Any])?.count ?? -1
                #expect(count >= 1 && count <= most, "limit \(limit): \(count) results")
            }
        }
    }
}
