import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VersusCore
import VersusFixtures
import VersusService
@testable import VersusWeb

/// Three and four roles side by side through the router: the form's redirect, the page, the API in both forms, and
/// every link the page shows answering.
@Suite("Lineups, in-process")
struct LineupRouterTests {
    @Test("the compare form with a third and a fourth title redirects to the lineup's address, which answers with the table")
    func formToPage() async throws {
        let app = try await RouterTests.app()
        let application = Application(router: app.buildRouter())
        try await application.test(.router) { client in
            let location = try await client.execute(uri: "/compare?a=registered+nurse&b=nurse+practitioner&c=ceo&d=", method: .get) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location == "/compare/registered-nurse-vs-nurse-practitioner-vs-ceo")
            let html = try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                return RouterTests.text(response)
            }
            for id in ArticleSection.ID.lineupSections { #expect(html.contains("<section id=\"\(id.rawValue)\">"), "\(id)") }
            #expect(html.contains("<h1>Registered Nurse vs. Nurse Practitioner vs. CEO: Side by Side</h1>"))
            #expect(html.contains("id=\"pay-chart\""))
            #expect(html.contains("<th scope=\"row\">Median pay</th>") && html.contains("<th scope=\"row\">Time to qualify</th>"))
            // A fourth role can be added; the three are held by the form.
            #expect(html.contains("name=\"d\"") && html.lowercased().contains("value=\"ceo\""))
            #expect(html.contains("O*NET 30.1 Database"))
            // Every link to a comparison or an occupation's moves answers.
            let hrefs = html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
            let local = hrefs.filter { $0.hasPrefix("/compare/") || $0.hasPrefix("/moves/") }
            #expect(local.count >= 6)
            for href in local {
                try await client.execute(uri: href.replacingOccurrences(of: "&amp;", with: "&"), method: .get) { response in
                    #expect(response.status == .ok, "\(href) answered \(response.status)")
                }
            }
        }
    }

    @Test("the API answers a lineup with c and d, and by address, in the comparison's document shape")
    func api() async throws {
        for uri in [
            "/api/compare?a=registered+nurse&b=nurse+practitioner&c=ceo&d=event+planner",
            "/api/comparisons/registered-nurse-vs-nurse-practitioner-vs-ceo-vs-event-planner",
        ] {
            try await RouterTests.get(uri) { response in
                #expect(response.status == .ok, "\(uri)")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                let roles = json["roles"] as? [[String: Any]] ?? []
                #expect(roles.count == 4)
                #expect((json["pairs"] as? [Any])?.count == 6)
                #expect(json["catalogEntry"] is NSNull && json["previous"] is NSNull)
                #expect((json["sections"] as? [[String: Any]])?.map { $0["id"] as? String } == ["lineup", "pairs", "sources"])
            }
        }
    }

    @Test("five roles, or a title that is not one, are refused with a clear error; two roles are today's comparison")
    func refusals() async throws {
        try await RouterTests.get("/api/compare?a=ceo&b=registered+nurse&c=qqqqzzzz") { response in
            #expect(response.status == .badRequest)
        }
        try await RouterTests.get("/compare/ceo-vs-producer-vs-event-planner-vs-registered-nurse-vs-nurse-practitioner") { response in
            #expect(response.status == .badRequest)
            #expect(RouterTests.text(response).contains("compare two roles, or three or four side by side"))
        }
        try await RouterTests.get("/compare/operations-manager-vs-coo") { response in
            let html = RouterTests.text(response)
            #expect(html.contains("<section id=\"duties\">") && !html.contains("<section id=\"lineup\">"))
            #expect(html.contains("Add a third role, side by side"))
        }
    }
}
