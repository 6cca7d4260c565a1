import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import VersusCore
import VersusService

/// The website and its JSON API over one `VersusService`. Everything a request needs is loaded by `load`;
/// handlers call the service and render, through one cache.
public struct WebApp: Sendable {
    let site: Site
    let configuration: WebConfiguration
    let cache: ResponseCache
    let openAPI: [UInt8]
    /// The metrics exposition (Prometheus text), when the process records metrics.
    let metrics: (@Sendable () -> [UInt8])?

    public static func load(service: VersusService, configuration: WebConfiguration, metrics: (@Sendable () -> [UInt8])? = nil) async throws -> WebApp
    {
        WebApp(
            site: try await Site.load(service: service, base: configuration.base, isStatic: configuration.isStatic), configuration: configuration,
            cache: ResponseCache(capacityBytes: configuration.cacheBytes), openAPI: try Assets.load("openapi.json"), metrics: metrics)
    }

    public var service: VersusService { site.service }

    // MARK: Router

    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if configuration.accessLog { router.add(middleware: AccessLogMiddleware()) }
        router.add(middleware: GuardMiddleware(site: site))
        router.add(middleware: MetricsMiddleware())
        let P = SiteURL.Pattern.self
        // GET and HEAD alike: the guard middleware drops a HEAD response's body.
        func route(_ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
            router.get(RouterPath(stringLiteral: path), use: handler)
            router.head(RouterPath(stringLiteral: path), use: handler)
        }
        route(P.home) { request, context in await self.serve(request, context) { self.site.hub() } }
        route(P.compareForm) { request, context in await self.serve(request, context) { try await self.compareForm(request) } }
        route(P.comparison) { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return await self.serve(request, context) { try await self.comparisonPage(slug: slug, request) }
        }
        route(P.occupations) { request, context in await self.serve(request, context) { self.site.occupations() } }
        route(P.occupation) { request, context in
            let code = context.parameters.get("code") ?? ""
            return await self.serve(request, context) { try await self.occupationPage(code: code, request) }
        }
        route(P.search) { request, context in await self.serve(request, context) { try self.searchPage(request) } }
        route(P.stylesheet) { request, context in await self.serve(request, context) { Rendered(kind: .css, body: self.site.stylesheet) } }
        route(P.script) { request, context in await self.serve(request, context) { Rendered(kind: .javascript, body: self.site.script) } }
        route(P.sitemap) { request, context in await self.serve(request, context) { self.site.sitemap() } }
        route(P.robots) { request, context in await self.serve(request, context) { self.site.robots() } }
        route(P.openAPI) { request, context in await self.serve(request, context) { Rendered(kind: .json, body: self.openAPI) } }
        route(P.health) { request, _ in Responses.make(Rendered(kind: .text, "ok\n"), request: request, cacheable: false) }
        route(P.metrics) { request, _ in
            Responses.make(Rendered(kind: .text, body: self.metrics?() ?? []), request: request, cacheable: false)
        }
        route(P.apiSearch) { request, context in await self.serve(request, context, api: true) { try self.apiSearch(request, typing: false) } }
        route(P.apiSuggest) { request, context in await self.serve(request, context, api: true) { try self.apiSearch(request, typing: true) } }
        route(P.apiCompare) { request, context in await self.serve(request, context, api: true) { try await self.apiCompare(request) } }
        route(P.apiComparison) { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return await self.serve(request, context, api: true) { self.site.api(try await self.service.compare(address: slug)) }
        }
        route(P.apiOccupation) { request, context in
            let code = context.parameters.get("code") ?? ""
            return await self.serve(request, context, api: true) { self.site.apiOccupation(try await self.service.occupation(code)) }
        }
        route(P.movesForm) { request, context in await self.serve(request, context) { try self.movesForm(request) } }
        route(P.moves) { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return await self.serve(request, context) { try await self.movesPage(slug: slug, request) }
        }
        route(P.apiMoves) { request, context in await self.serve(request, context, api: true) { try await self.apiMoves(request) } }
        route("**") { request, _ in Responses.make(Responses.notFound(self.site, request), request: request, cacheable: false) }
        return router
    }

    /// `idleTimeout`: a connection that sends nothing whole (no request head, no body part) for this long is closed,
    /// so slow or idle clients (slowloris, stalled uploads, keep-alives left open) cannot hold connections for ever.
    /// A request being answered is never cut off.
    public func buildApplication(
        host: String, port: Int, idleTimeout: Duration = .seconds(30), logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void
    ) -> some ApplicationProtocol {
        let nanoseconds = idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000
        let app = self
        let server = HTTPServerBuilder { responder in
            CacheFirstHTTP1Channel(
                http1: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: .nanoseconds(nanoseconds))), app: app)
        }
        return Application(
            router: buildRouter(), server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: Self.serverName, backlog: Self.listenBacklog),
            onServerRunning: onServerRunning, logger: logger)
    }

    /// The `Server` field of every answer.
    static let serverName = "Versus"
    /// Connections the kernel queues before they are accepted. Hummingbird's 256 drops the SYNs of a burst beyond it,
    /// and each dropped one waits a second to retry (2,000 connections at once took 5 s to open, longer than the idle
    /// timeout); the kernel caps it at its own limit (somaxconn, 4096 on current Linux).
    static let listenBacklog = 4096

    // MARK: Serving

    /// Answers from the cache when it can, else renders, compresses for clients that accept gzip, and caches
    /// successful answers. An input error becomes its page (or, for the API, its problem document).
    func serve(_ request: Request, _ context: BasicRequestContext, api: Bool = false, _ produce: @Sendable () async throws -> Rendered)
        async -> Response
    {
        if let hit = cachedAnswer(target: request.uri.description, headers: request.headers) {
            return Response(status: hit.status, headers: hit.fields, body: .init(byteBuffer: hit.body))
        }
        let gzip = Responses.acceptsGzip(request.headers)
        let rendered: Rendered
        do {
            rendered = try await produce()
        } catch let error as InputError {
            rendered = api ? site.problem(error) : site.error(error)
        } catch let problem as QueryParameters.Problem {
            let detail = problem == .tooMany ? "The address has too many parameters." : "A parameter of the address is not text (invalid UTF-8)."
            rendered =
                api
                ? site.problem(status: 400, kind: "bad-query", title: "The query cannot be read", detail: detail)
                : site.error(status: 400, heading: "That address cannot be read", message: detail)
        } catch {
            rendered =
                api
                ? site.problem(status: 500, kind: "internal", title: "Something went wrong", detail: "The answer could not be made.")
                : site.error(status: 500, heading: "Something went wrong", message: "The page could not be made. Please try again.")
        }
        let compress = gzip && compressible(rendered)
        let body = compress ? Self.gzip(rendered.body) : ByteBuffer(bytes: rendered.body)
        var response = Responses.make(rendered, request: request, cacheable: true, release: configuration.release, body: body, gzip: compress)
        SecurityHeaders.add(to: &response.headers)
        response.headers[.server] = Self.serverName
        if rendered.status == 200 || rendered.status == 303 {
            let entry = ResponseCache.Entry(status: response.status, fields: response.headers, body: body, route: context.endpointPath ?? "Unknown")
            cache.put(.init(uri: request.uri.description, gzip: gzip), entry)
            if let notModified = notModified(entry, request.headers) { return Response(status: notModified.status, headers: notModified.fields) }
        }
        return response
    }

    /// A cached answer to a GET or HEAD of `target`: the page, or 304 when the client holds it already. The router
    /// and `CachedResponseHandler` both answer through this, so a hit is the same answer whichever gives it.
    func cachedAnswer(target: String, headers: HTTPFields) -> ResponseCache.Entry? {
        guard let hit = cache.get(.init(uri: target, gzip: Responses.acceptsGzip(headers))) else { return nil }
        return notModified(hit, headers) ?? hit
    }

    private func compressible(_ rendered: Rendered) -> Bool { rendered.body.count >= 256 }

    /// 304 when `If-None-Match` names the entry's own ETag (or `*`): the tag the client was given, gzip or not.
    private func notModified(_ entry: ResponseCache.Entry, _ headers: HTTPFields) -> ResponseCache.Entry? {
        guard let header = headers[.ifNoneMatch], entry.status == .ok, let etag = entry.etag else { return nil }
        guard header == "*" || header.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) else { return nil }
        var fields = HTTPFields()
        fields[.eTag] = etag
        fields[.cacheControl] = "public, max-age=3600"
        fields[.vary] = "Accept-Encoding"
        SecurityHeaders.add(to: &fields)
        fields[.server] = Self.serverName
        return .init(status: .notModified, fields: fields, body: ByteBuffer(), route: entry.route)
    }

    static func gzip(_ bytes: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer(bytes: bytes)
        // A failure leaves the bytes as they were; compression of an in-memory buffer cannot run out of input.
        return (try? buffer.compress(with: .gzip())) ?? ByteBuffer(bytes: bytes)
    }

    // MARK: Handlers

    /// `?state=` or `?area=`. The API refuses both at once; a page's form sends both (the state list and the metro
    /// field), and there the metro typed wins.
    func place(_ query: QueryParameters, strict: Bool = false) throws(InputError) -> Place? {
        let state = query["state"].flatMap { $0.isEmpty ? nil : $0 }, area = query["area"].flatMap { $0.isEmpty ? nil : $0 }
        if strict && state != nil && area != nil { throw .unknownPlace("both a state and an area", statesOnly: false) }
        if let area { return .area(area) }
        return state.map(Place.state) ?? area.map(Place.area)
    }

    func compareForm(_ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        let place = try place(query)
        let slug = try service.canonicalSlug(titles(query))
        let area = try service.area(place)
        return .redirect(.comparison(slug: slug, place: area.map { .area($0.code) }))
    }

    func comparisonPage(slug: String, _ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        return site.page(try await service.compare(address: slug, place: try place(query)))
    }

    /// `a` and `b` always (a missing one is an empty title, refused as such); `c` and `d` when given: a third and a
    /// fourth role set the roles side by side.
    func titles(_ query: QueryParameters) -> [String] {
        [query["a"] ?? "", query["b"] ?? ""] + ["c", "d"].compactMap { name in query[name].flatMap { $0.isEmpty ? nil : $0 } }
    }

    func occupationPage(code: String, _ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        return site.occupation(try await service.occupation(code, place: try place(query)))
    }

    func searchPage(_ request: Request) throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        let text = query["q"] ?? ""
        return site.search(text, results: try service.search(text, limit: 20))
    }

    func apiSearch(_ request: Request, typing: Bool) throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        let limit = query["limit"].flatMap { Int($0) } ?? 10
        return try site.apiSearch(query["q"] ?? "", limit: limit, typing: typing)
    }

    func apiCompare(_ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        return site.api(try await service.compare(titles(query), place: try place(query, strict: true)))
    }

    // MARK: Moves

    /// The choices of a moves address. An unknown sort or a limit out of range is an error, not silently ignored.
    func movesChoices(_ query: QueryParameters, strict: Bool = false) throws -> MovesChoices {
        var choices = MovesChoices()
        if let text = query["sort"], !text.isEmpty {
            guard let sort = MoveSort(rawValue: text) else { throw InputError.badMovesChoice("sort", text) }
            choices.sort = sort
        }
        func flag(_ name: String) -> Bool { query[name].map { !$0.isEmpty && $0 != "0" } ?? false }
        choices.paysMore = flag("pays-more")
        choices.noMoreSchooling = flag("no-more-schooling")
        if let text = query["limit"], !text.isEmpty {
            guard let limit = Int(text), (1...MovePlanner.maximumLimit).contains(limit) else { throw InputError.badMovesChoice("limit", text) }
            choices.limit = limit
        }
        switch try place(query, strict: strict) {
        case .state(let text)?: choices.place = .state(text)
        case .area(let text)?: choices.place = .area(text)
        case nil: break
        }
        return choices
    }

    func moves(_ title: String, _ choices: MovesChoices) async throws -> MovesResult {
        let place: Place? =
            switch choices.place {
            case .state(let text)?: .state(text)
            case .area(let text)?: .area(text)
            case nil: nil
            }
        return try await service.moves(
            title, place: place, limit: choices.limit ?? MovePlanner.defaultLimit, sort: choices.sort,
            filters: MoveFilters(paysMore: choices.paysMore, noMoreSchooling: choices.noMoreSchooling))
    }

    func movesForm(_ request: Request) throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        let choices = try movesChoices(query)
        return .redirect(.moves(slug: try service.movesSlug(query["from"] ?? ""), choices: choices))
    }

    func movesPage(slug: String, _ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        let choices = try movesChoices(query)
        let result = try await moves(try VersusService.title(inMovesSlug: slug), choices)
        // The page's own links keep a place as the area code it resolved to, so they all name one address.
        var kept = choices
        kept.place = result.area.map { .area($0.code) }
        return site.moves(result, slug: slug, choices: kept)
    }

    func apiMoves(_ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        return site.apiMoves(try await moves(query["from"] ?? "", try movesChoices(query, strict: true)))
    }
}
