import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VersusCore
import VersusFixtures
import VersusService
@testable import VersusWeb

/// The moves page and API in-process over the in-memory store: the page, its choices as addresses, the JSON, the
/// links to it, and bad and hostile input.
@Suite("Moves on the website and API")
struct MovesRouterTests {
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func withClient(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await RouterTests.app()
        try await Application(router: app.buildRouter()).test(.router) { client in try await body(client) }
    }

    @Test("the moves page by code and by typed title: stay row first, the table, the choices, the chart")
    func page() async throws {
        try await Self.withClient { client in
            for uri in ["/moves/29-1141-00", "/moves/registered-nurse"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = Self.text(response)
                    let stay = try #require(html.range(of: "class=\"stay\""))
                    let practitioner = try #require(html.range(of: "Nurse Practitioners</a>"))
                    #expect(stay.lowerBound < practitioner.lowerBound)
                    // The choices are plain links on the page's own address.
                    #expect(html.contains("href=\"\(uri)?sort=pay\"") && html.contains("href=\"\(uri)?pays-more=1\""))
                    #expect(html.contains("<svg") && html.contains("id=\"moves-chart\""))
                    #expect(!html.contains("<script>"))
                }
            }
        }
    }

    @Test("sort and filter addresses answer, and the filters hold on the page")
    func choices() async throws {
        try await Self.withClient { client in
            for query in ["sort=pay", "sort=similarity", "sort=openings", "pays-more=1", "no-more-schooling=1", "limit=3", "state=Texas"] {
                try await client.execute(uri: "/moves/29-1141-00?\(query)", method: .get) { response in
                    #expect(response.status == .ok, "\(query)")
                }
            }
            try await client.execute(uri: "/moves?from=registered+nurse&sort=pay", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/moves/registered-nurse?sort=pay")
            }
        }
    }

    @Test("the API answers the CLI's document; every move's comparison answers 200")
    func apiAndComparisons() async throws {
        let service = try await SmallWorld.service()
        let expected = MovesDocument.utf8(try await service.moves("29-1141.00"))
        try await Self.withClient { client in
            let body = try await client.execute(uri: "/api/moves?from=29-1141.00", method: .get) { response in
                #expect(response.status == .ok)
                return Array(buffer: response.body)
            }
            #expect(body == expected)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            let from = try #require(json["from"] as? [String: Any])
            #expect((from["occupation"] as? [String: Any])?["code"] as? String == "29-1141.00")
            let moves = try #require(json["moves"] as? [[String: Any]])
            #expect(!moves.isEmpty)
            for move in moves {
                #expect((move["occupation"] as? [String: Any])?["code"] is String)
                #expect(move.keys.contains("related") && move.keys.contains("salary"))
                let address = try #require(move["comparison"] as? String)
                var location = address
                let status = try await client.execute(uri: address, method: .get) { response in
                    location = response.headers[.location] ?? address
                    return response.status
                }
                #expect(status == .ok || status == .seeOther, "\(address)")
                if status == .seeOther {
                    try await client.execute(uri: location, method: .get) { response in
                        #expect(response.status == .ok, "\(address) → \(location)")
                    }
                }
            }
        }
    }

    @Test("every occupation page and both roles of a comparison link to their moves pages")
    func linksToMoves() async throws {
        try await Self.withClient { client in
            try await client.execute(uri: "/occupations/29-1141.00", method: .get) { response in
                #expect(Self.text(response).contains("href=\"/moves/29-1141-00\""))
            }
            try await client.execute(uri: "/compare/operations-manager-vs-coo", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("href=\"/moves/11-1021-00\"") && html.contains("href=\"/moves/11-1011-00\""))
            }
        }
    }

    @Test("bad and hostile input: the errors compare gives, escaped, never a 500")
    func hostile() async throws {
        try await Self.withClient { client in
            let cases: [(String, HTTPResponse.Status)] = [
                ("/moves/99-9999-00", .notFound),
                ("/moves/%3Cscript%3Ealert(1)%3C%2Fscript%3E", .notFound),
                ("/moves/" + String(repeating: "a", count: 400), .notFound),
                ("/moves/29-1141-00?sort=%3Cb%3E", .badRequest),
                ("/moves/29-1141-00?limit=100000", .badRequest),
                ("/moves/29-1141-00?state=Atlantis", .badRequest),
                ("/api/moves?from=", .badRequest),
                ("/api/moves?from=%3Cscript%3E", .badRequest),
                ("/api/moves?from=29-1141.00&state=Texas&area=Boston", .badRequest),
                ("/moves?from=%00%01", .badRequest),
            ]
            for (uri, status) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri) answered \(response.status)")
                    let body = Self.text(response)
                    #expect(!body.contains("<script>alert") && !body.contains("<b>"), "\(uri) echoes markup")
                }
            }
            // An unclear title suggests the nearest, as compare does.
            try await client.execute(uri: "/api/moves?from=zzqx+wibble", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("unclear-title"))
            }
        }
    }

    @Test("the sitemap lists every occupation's moves page and the export names its file")
    func sitemapAndExport() async throws {
        try await Self.withClient { client in
            try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                #expect(Self.text(response).contains("https://versus.test/moves/29-1141-00</loc>"))
            }
        }
        #expect(SiteURL.moves(slug: "29-1141-00", choices: MovesChoices()).exportFile == "moves/29-1141-00/index.html")
        #expect(SiteURL.moves(slug: "29-1141-00", choices: MovesChoices(sort: .pay)).exportFile == nil)
    }

    @Test("a static export's moves page links only what a static host can answer: no choices in the query, no API, no compare form")
    func staticPage() async throws {
        let configuration = WebConfiguration(base: "https://versus.test", release: "r1", cacheBytes: 0, isStatic: true)
        let app = try await WebApp.load(service: SmallWorld.service(), configuration: configuration)
        try await Application(router: app.buildRouter()).test(.router) { client in
            try await client.execute(uri: "/moves/29-1141-00", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(!html.contains("href=\"/compare?") && !html.contains("?sort=") && !html.contains("/api/moves"))
                #expect(html.contains("class=\"stay\""))
            }
        }
    }
}
