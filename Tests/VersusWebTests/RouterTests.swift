import Foundation
import CompressNIO
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VersusCore
import VersusFixtures
import VersusService
@testable import VersusWeb

/// Every route in-process over the in-memory store, with good, bad and hostile input.
@Suite("The website and API, in-process")
struct RouterTests {
    static func app(cache: Int = 64) async throws -> WebApp {
        try await WebApp.load(
            service: SmallWorld.service(), configuration: WebConfiguration(base: "https://versus.test", release: "r1", cacheBytes: cache << 20))
    }

    static func get(
        _ uri: String, headers: HTTPFields = [:], method: HTTPRequest.Method = .get, cache: Int = 64,
        _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        let app = try await app(cache: cache)
        let application = Application(router: app.buildRouter())
        try await application.test(.router) { client in
            try await client.execute(uri: uri, method: method, headers: headers) { response in try check(response) }
        }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func expectSecurityHeaders(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        let csp = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
        #expect(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            sourceLocation: sourceLocation)
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", sourceLocation: sourceLocation)
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] != nil, sourceLocation: sourceLocation)
    }

    @Test("the hub has the search box, the compare form, the seeds and the families")
    func hub() async throws {
        try await Self.get("/") { response in
            #expect(response.status == .ok)
            let html = Self.text(response)
            #expect(html.contains("action=\"/search\"") && html.contains("action=\"/compare\""))
            #expect(html.contains("Operations Manager vs. COO"))
            #expect(html.contains("Healthcare Practitioners and Technical Occupations"))
            #expect(html.contains("O*NET 30.1 Database"))
            Self.expectSecurityHeaders(response)
        }
    }

    @Test("a comparison by O*NET codes, as alternatives and related links send it, redirects to an address that answers")
    func comparisonByCodesAnswers() async throws {
        let app = try await Self.app()
        let application = Application(router: app.buildRouter())
        try await application.test(.router) { client in
            for (a, b) in [("13-1081.02", "29-1171.00"), ("29-1141.00", "27-2012.00")] {
                let location = try await client.execute(uri: "/compare?a=\(a)&b=\(b)", method: .get) { response in
                    #expect(response.status == .seeOther)
                    return response.headers[.location] ?? ""
                }
                #expect(location.hasPrefix("/compare/"), "\(location)")
                try await client.execute(uri: location, method: .get) { response in
                    #expect(response.status == .ok, "\(location) answered \(response.status)")
                }
            }
        }
    }

    @Test("the compare form redirects to a stable address: the catalog slug, or one made from the typed titles")
    func compareFormRedirects() async throws {
        try await Self.get("/compare?a=gm&b=coo") { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/compare/operations-manager-vs-coo")
        }
        try await Self.get("/compare?a=Staff+Nurse&b=event+planner&state=Texas") { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/compare/staff-nurse-vs-event-planner?area=4800000")
        }
    }

    @Test("a comparison page has every section, both charts, the pager and a canonical link")
    func comparisonPage() async throws {
        try await Self.get("/compare/operations-manager-vs-coo") { response in
            #expect(response.status == .ok)
            let html = Self.text(response)
            for id in ArticleSection.ID.comparison { #expect(html.contains("<section id=\"\(id.rawValue)\">"), "\(id)") }
            #expect(html.contains("id=\"pay-chart\"") && html.contains("id=\"skills-chart\""))
            #expect(html.contains("rel=\"prev\"") || html.contains("rel=\"next\""))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://versus.test/compare/operations-manager-vs-coo\">"))
            #expect(html.contains("Back to Job Search"))
        }
        try await Self.get("/compare/registered-nurse-vs-nurse-practitioner?state=Texas") { response in
            #expect(response.status == .ok)
            let html = Self.text(response)
            #expect(html.contains("in Texas"))
            #expect(html.contains("href=\"https://versus.test/compare/registered-nurse-vs-nurse-practitioner?area=4800000\""))
        }
    }

    /// Each list with a heading of its own appears when it has items (`Listing`): these never did while the templates
    /// guarded them with `{{#list.0}}`, which swift-mustache never finds on an array.
    @Test("lists under their own headings appear: related comparisons, weak-match notes, technologies, suggestions")
    func listsUnderHeadings() async throws {
        try await Self.get("/compare/project-manager-vs-registered-nurse") { response in
            #expect(Self.text(response).contains("Related comparisons"))
        }
        try await Self.get("/compare/ops-mgr-vs-coo") { response in
            #expect(Self.text(response).contains("How the titles were matched"))
        }
        try await Self.get("/occupations/29-1141.00") { response in
            let html = Self.text(response)
            #expect(html.contains("<h2>Technology</h2>") && html.contains("Microsoft Excel"))
            #expect(html.contains("<h2>Comparisons</h2>"))
        }
        try await Self.get("/occupations/29-1141.99") { response in
            #expect(response.status == .notFound)
            #expect(Self.text(response).contains("Perhaps one of these"))
            #expect(Self.text(response).contains("nearest codes are listed below."), "the sentence points to the list, not to a colon")
        }
    }

    @Test("an error's first line reads as a sentence")
    func errorSentence() {
        #expect(
            Site.sentence("no title is close to \"x\"; the nearest:\n  a\n  b", listedBelow: true)
                == "No title is close to \"x\"; the nearest are listed below.")
        #expect(Site.sentence("be more specific or use a code:\n  a", listedBelow: false) == "Be more specific or use a code.")
        #expect(Site.sentence("the year is unknown.") == "The year is unknown.")
    }

    @Test("occupation pages, the browse page and search")
    func occupationAndSearch() async throws {
        try await Self.get("/occupations/29-1141.00") { response in
            #expect(response.status == .ok)
            let html = Self.text(response)
            #expect(html.contains("Registered Nurse") && html.contains("id=\"state-chart\"") && html.contains("Texas"))
        }
        try await Self.get("/occupations") { response in
            #expect(Self.text(response).contains("/occupations/13-1082.00"))
        }
        try await Self.get("/search?q=coo") { response in
            #expect(response.status == .ok)
            #expect(Self.text(response).contains("Chief Executives"))
            #expect(Self.text(response).contains("value=\"coo\""), "the search box keeps the query")
        }
    }

    /// Issue 23: the search page states its first answer, marks a guess as one, cuts what no page would be written about,
    /// and links each answer to its page and to a comparison.
    @Test("the search page says what the search concluded")
    func searchPageConcludes() async throws {
        try await Self.get("/search?q=coo") { response in
            let html = Self.text(response)
            #expect(html.contains("class=\"answer\"") && !html.contains("Only a guess"), "\(html)")
            #expect(html.contains("/occupations/11-1011.00"))
            // The page says what its numbers mean, with what was measured.
            #expect(html.contains("How sure:") && html.contains("\(TitleChoice.onEmployerTitles.plain)% of the time"), "\(html)")
        }
        try await Self.get("/search?q=xyzzyq%20nurse") { response in
            let html = Self.text(response)
            #expect(html.contains("Only a guess") || html.contains("No title matches"), "\(html)")
        }
        try await Self.get("/search?q=qqqqzzzz") { response in
            #expect(Self.text(response).contains("No occupation title resembles"))
        }
        // A word of titles in many fields says why it is refused, naming the word rather than the employer beside it, and
        // lists the titles that have it (the small world has no such word: the page is given the matches the real data gives).
        let contract = TitleMatch(
            code: OccupationCode("13-1023.00")!, title: "Purchasing Agents", matched: "Contract Specialist", score: 0.84,
            source: .alternate(sources: 1), socCode: SOCCode("13-1023")!)
        let page = try await Self.app().site.search("Walmart specialist", results: [contract])
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("“specialist” alone names workers in many fields") && !html.contains("No title matches"), "\(html)")
        #expect(html.contains("Contract Specialist"))
    }

    @Test("the pay axis is labelled at round values")
    func payTicks() {
        #expect(Charts.ticks(from: 30_000, to: 120_000) == [40_000, 60_000, 80_000, 100_000, 120_000])
        #expect(Charts.ticks(from: 27_000, to: 61_000) == [30_000, 40_000, 50_000, 60_000])
        #expect(Charts.ticks(from: 5, to: 5).isEmpty)
    }

    @Test("a title with two meanings lists the other one, linked to its own comparison")
    func alternatives() async throws {
        try await Self.get("/compare/project-manager-vs-registered-nurse") { response in
            #expect(response.status == .ok)
            let html = Self.text(response)
            #expect(html.contains("Did you mean another occupation?"))
            #expect(html.contains("instead of"))
        }
    }

    @Test("a static export links only what a static host can answer")
    func staticLinks() async throws {
        let configuration = WebConfiguration(base: "https://versus.test", release: "r1", cacheBytes: 0, isStatic: true)
        let app = try await WebApp.load(service: SmallWorld.service(), configuration: configuration)
        let application = Application(router: app.buildRouter())
        try await application.test(.router) { client in
            for uri in ["/occupations/29-1141.00", "/occupations/11-1021.00", "/compare/project-manager-vs-registered-nurse"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(!Self.text(response).contains("href=\"/compare?"), "\(uri) links the compare form")
                }
            }
        }
    }

    @Test("the API answers JSON documents, the compare one byte for byte the CLI's")
    func api() async throws {
        let service = try await SmallWorld.service()
        let expected = try await service.compare("registered nurse", "nurse practitioner")
        let document = ComparisonJSON.render(expected.comparison, article: expected.article)
        try await Self.get("/api/compare?a=registered+nurse&b=nurse+practitioner") { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Self.text(response) == document)
        }
        try await Self.get("/api/suggest?q=regis") { response in
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect((json?["results"] as? [Any])?.isEmpty == false)
        }
        try await Self.get("/api/search?q=nurse&limit=2") { response in
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect((json?["results"] as? [Any])?.count ?? 0 <= 2)
        }
        // The verdict is the one a comparison reaches, however few results are asked for.
        let verdict = try TitleSearchRendering.verdict(query: "nurse", results: service.search("nurse", limit: 20)).serialized(pretty: false)
        #expect(verdict.contains("\"understood\":true"))
        for limit in [1, 20] {
            try await Self.get("/api/search?q=nurse&limit=\(limit)") { response in
                let body = Self.text(response).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
                #expect(body.contains("\"verdict\":" + verdict), "\(body)")
            }
        }
        try await Self.get("/api/occupations/29-1171.00") { response in
            #expect(Self.text(response).contains("\"stateSalaries\""))
        }
        try await Self.get("/api/occupations/99-9999.00") { response in
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            #expect(Self.text(response).contains("\"type\": \"https://versus.example/problems/unknown-code\""))
        }
        try await Self.get("/api/compare?a=&b=coo") { response in
            #expect(response.status == .badRequest)
            #expect(Self.text(response).contains("bad-title"))
        }
    }

    @Test("every API route is in the OpenAPI document, and every documented path is routed")
    func openAPI() async throws {
        try await Self.get("/openapi.json") { response in
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let paths = Set((json?["paths"] as? [String: Any] ?? [:]).keys)
            let routed = Set([
                SiteURL.Pattern.apiSearch, SiteURL.Pattern.apiSuggest, SiteURL.Pattern.apiCompare,
                SiteURL.Pattern.apiComparison.replacingOccurrences(of: ":slug", with: "{slug}"),
                SiteURL.Pattern.apiOccupation.replacingOccurrences(of: ":code", with: "{code}"),
                SiteURL.Pattern.apiMoves,
            ])
            #expect(paths == routed)
        }
    }

    @Test("hostile input is escaped, bounded and answered with a 4xx page, never a crash")
    func hostileInput() async throws {
        let attacks = [
            "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/search?q=%22%3E%3Csvg%20onload%3Dalert(1)%3E",
            "/compare?a=%3Cscript%3E&b=coo", "/compare?a=' OR 1=1 --&b=coo".replacingOccurrences(of: " ", with: "%20"),
            "/compare/..%2F..%2Fetc%2Fpasswd", "/compare/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/occupations/..%2F..%2Fetc",
            "/occupations/%3Cscript%3E", "/search?q=%FF%FE", "/search?q=%E0%80%80", "/compare?a=%C0%AF&b=x",
            "/search?q=" + String(repeating: "a", count: 300), "/search?q=a%0D%0ASet-Cookie:%20x=1",
            "/compare/" + String(repeating: "x-", count: 1500) + "vs-y",
            "/search?" + (0..<40).map { "p\($0)=1" }.joined(separator: "&"),
            "/api/compare?a=%3Cb%3E&b=%22", "/api/search?q=%00", "/nothing/here", "/compare/a-vs-b?state=Narnia",
        ]
        for uri in attacks {
            try await Self.get(uri) { response in
                #expect((400..<500).contains(Int(response.status.code)) || response.status == .ok || response.status == .seeOther, "\(uri)")
                let body = Self.text(response)
                #expect(!body.contains("<script>"), "\(uri)")
                #expect(!body.contains("<svg onload"), "\(uri)")
                #expect(response.headers[HTTPField.Name("Set-Cookie")!] == nil, "\(uri)")
                Self.expectSecurityHeaders(response)
            }
        }
    }

    @Test("ETag and 304, HEAD, gzip, and caching headers")
    func httpDoneRight() async throws {
        try await Self.get("/compare/operations-manager-vs-coo") { response in
            #expect(response.headers[.eTag] == "\"r1\"")
            #expect(response.headers[.cacheControl] == "public, max-age=3600")
        }
        try await Self.get("/compare/operations-manager-vs-coo", headers: [.ifNoneMatch: "\"r1\""]) { response in
            #expect(response.status == .notModified)
            #expect(response.body.readableBytes == 0)
        }
        try await Self.get("/", method: .head) { response in
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
        try await Self.get("/", headers: [.acceptEncoding: "gzip, deflate"]) { response in
            #expect(response.headers[.contentEncoding] == "gzip")
            #expect(response.headers[.eTag] == "\"r1-gz\"")
            var body = response.body
            let plain = try body.decompress(with: .gzip())
            #expect(String(buffer: plain).contains("Job Search"))
        }
        try await Self.get("/nothing") { response in
            #expect(response.status == .notFound)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(Self.text(response).contains("Back to Job Search"))
            Self.expectSecurityHeaders(response)
        }
    }

    @Test("the sitemap and the health check")
    func documents() async throws {
        try await Self.get("/sitemap.xml") { response in
            #expect(Self.text(response).contains("<loc>https://versus.test/compare/operations-manager-vs-coo</loc>"))
        }
        try await Self.get("/healthz") { response in #expect(Self.text(response) == "ok\n") }
    }

    @Test("the response cache is bounded by bytes, evicting the least recently used")
    func cacheBound() {
        let cache = ResponseCache(capacityBytes: 8_000)
        let page = ResponseCache.Entry(status: .ok, fields: [:], body: ByteBuffer(repeating: 0x61, count: 900), route: "/{n}")
        for n in 0..<20 {
            cache.put(.init(uri: "/\(n)", gzip: false), page)
            _ = cache.get(.init(uri: "/0", gzip: false))  // kept warm
        }
        #expect(cache.bytes <= 8_000)
        #expect(cache.get(.init(uri: "/0", gzip: false)) != nil)
        #expect(cache.get(.init(uri: "/1", gzip: false)) == nil)
        #expect(cache.get(.init(uri: "/19", gzip: false))?.body.readableBytes == 900)
    }
}
