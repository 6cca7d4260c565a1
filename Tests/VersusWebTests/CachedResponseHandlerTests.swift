import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
@testable import VersusWeb

/// The event-loop answer to cached pages: the router's answer, in request order, and only when it is safe.
@Suite("Cached pages answered on the event loop")
struct CachedResponseHandlerTests {
    static let page = "/compare/operations-manager-vs-coo"

    /// An app whose cache holds `page`, put there by the router, with the router's answer.
    static func warmed() async throws -> (WebApp, HTTPFields, ByteBuffer) {
        let app = try await RouterTests.app()
        let application = Application(router: app.buildRouter())
        let (fields, body) = try await application.test(.router) { client in
            try await client.execute(uri: page, method: .get) { ($0.headers, $0.body) }
        }
        return (app, fields, body)
    }

    static func request(_ path: String, _ method: HTTPRequest.Method = .get, _ fields: HTTPFields = [:]) -> HTTPRequestPart {
        .head(HTTPRequest(method: method, scheme: nil, authority: "x", path: path, headerFields: fields))
    }

    /// What the handler wrote: the head and the body's bytes, once the end is written.
    static func written(_ channel: EmbeddedChannel) throws -> (HTTPResponse, [UInt8])? {
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        var body: [UInt8] = []
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
            switch part {
            case .body(let bytes): body += bytes.readableBytesView
            case .end: return (head, body)
            case .head: Issue.record("a second head before the end")
            }
        }
        Issue.record("no end")
        return nil
    }

    @Test("a cached page gets the router's answer with the date added; HEAD gets it without the body")
    func hit() async throws {
        let (app, fields, body) = try await Self.warmed()
        let channel = EmbeddedChannel(handler: CachedResponseHandler(app: app))
        try channel.writeInbound(Self.request(Self.page))
        let (head, bytes) = try #require(try Self.written(channel))
        #expect(head.status == .ok)
        #expect(bytes == Array(body.readableBytesView))
        var expected = fields
        expected[.date] = nil
        var got = head.headerFields
        #expect(got[.date]?.hasSuffix(" GMT") == true && got[.server] == WebApp.serverName)
        got[.date] = nil
        #expect(got == expected)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil, "answered, so not passed on")

        try channel.writeInbound(Self.request(Self.page, .head))
        let (headOnly, none) = try #require(try Self.written(channel))
        #expect(headOnly.status == .ok && none.isEmpty && headOnly.headerFields[.contentLength] == String(body.readableBytes))

        try channel.writeInbound(Self.request(Self.page, .get, [.ifNoneMatch: fields[.eTag]!]))
        #expect(try Self.written(channel)?.0.status == .notModified)
    }

    @Test("the body and end of an answered request are dropped, and the next request is served")
    func bodyDropped() async throws {
        let (app, _, _) = try await Self.warmed()
        let channel = EmbeddedChannel(handler: CachedResponseHandler(app: app))
        try channel.writeInbound(Self.request(Self.page, .get, [.contentLength: "5"]))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "hello")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try Self.written(channel)?.0.status == .ok)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        try channel.writeInbound(Self.request(Self.page))
        #expect(try Self.written(channel)?.0.status == .ok)
    }

    @Test("misses, other methods and Connection: close go to the application")
    func passedOn() async throws {
        let (app, _, _) = try await Self.warmed()
        for part in [
            Self.request("/occupations"), Self.request(Self.page, .post), Self.request(Self.page, .get, [.connection: "close"]),
        ] {
            let channel = EmbeddedChannel(handler: CachedResponseHandler(app: app))
            try channel.writeInbound(part)
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == part)
            #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        }
    }

    @Test("while the application answers a request, cached pages after it wait their turn")
    func order() async throws {
        let (app, _, _) = try await Self.warmed()
        let channel = EmbeddedChannel(handler: CachedResponseHandler(app: app))
        try channel.writeInbound(Self.request("/occupations"))
        try channel.writeInbound(Self.request(Self.page))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.request("/occupations"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.request(Self.page), "passed on behind the miss")
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        // The application answers both; then the cache answers again.
        for _ in 0..<2 {
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try channel.writeInbound(Self.request(Self.page))
        #expect(try Self.written(channel)?.0.status == .ok)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
    }

    @Test("the Date field is RFC 9110's IMF-fixdate")
    func date() {
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(1_796_000_000) == "Mon, 30 Nov 2026 00:53:20 GMT")
    }
}
