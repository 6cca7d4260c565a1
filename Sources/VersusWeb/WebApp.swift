import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
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
        route(P.home) { request, _ in await self.serve(request) { self.site.hub() } }
        route(P.compareForm) { request, _ in await self.serve(request) { try await self.compareForm(request) } }
        route(P.comparison) { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return await self.serve(request) { try await self.comparisonPage(slug: slug, request) }
        }
        route(P.occupations) { request, _ in await self.serve(request) { self.site.occupations() } }
        route(P.occupation) { request, context in
            let code = context.parameters.get("code") ?? ""
            return await self.serve(request) { try await self.occupationPage(code: code, request) }
        }
        route(P.search) { request, _ in await self.serve(request) { try self.searchPage(request) } }
        route(P.stylesheet) { request, _ in await self.serve(request) { Rendered(kind: .css, body: self.site.stylesheet) } }
        route(P.script) { request, _ in await self.serve(request) { Rendered(kind: .javascript, body: self.site.script) } }
        route(P.sitemap) { request, _ in await self.serve(request) { self.site.sitemap() } }
        route(P.robots) { request, _ in await self.serve(request) { self.site.robots() } }
        route(P.openAPI) { request, _ in await self.serve(request) { Rendered(kind: .json, body: self.openAPI) } }
        route(P.health) { request, _ in Responses.make(Rendered(kind: .text, "ok\n"), request: request, cacheable: false) }
        route(P.metrics) { request, _ in
            Responses.make(Rendered(kind: .text, body: self.metrics?() ?? []), request: request, cacheable: false)
        }
        route(P.apiSearch) { request, _ in await self.serve(request, api: true) { try self.apiSearch(request, typing: false) } }
        route(P.apiSuggest) { request, _ in await self.serve(request, api: true) { try self.apiSearch(request, typing: true) } }
        route(P.apiCompare) { request, _ in await self.serve(request, api: true) { try await self.apiCompare(request) } }
        route(P.apiComparison) { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return await self.serve(request, api: true) { self.site.apiComparison(try await self.service.compare(slug: slug)) }
        }
        route(P.apiOccupation) { request, context in
            let code = context.parameters.get("code") ?? ""
            return await self.serve(request, api: true) { self.site.apiOccupation(try await self.service.occupation(code)) }
        }
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
        return Application(
            router: buildRouter(), server: .http1(configuration: .init(idleTimeout: .nanoseconds(nanoseconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Versus"), onServerRunning: onServerRunning, logger: logger)
    }

    // MARK: Serving

    /// Answers from the cache when it can, else renders, compresses for clients that accept gzip, and caches
    /// successful answers. An input error becomes its page (or, for the API, its problem document).
    func serve(_ request: Request, api: Bool = false, _ produce: @Sendable () async throws -> Rendered) async -> Response {
        let gzip = Responses.acceptsGzip(request)
        let key = ResponseCache.Key(uri: request.uri.description, gzip: gzip)
        let release = configuration.release
        if let hit = cache.get(key) {
            if hit.rendered.status == 200, matches(request, Responses.etag(release, gzip: gzip)) { return notModified(release, gzip: gzip) }
            return Responses.make(hit.rendered, request: request, cacheable: true, release: release, body: hit.body, gzip: hit.gzipped)
        }
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
        if rendered.status == 200 || rendered.status == 303 { cache.put(key, rendered, body: body, gzipped: compress) }
        if rendered.status == 200, matches(request, Responses.etag(release, gzip: gzip)) { return notModified(release, gzip: gzip) }
        return Responses.make(rendered, request: request, cacheable: true, release: release, body: body, gzip: compress)
    }

    private func compressible(_ rendered: Rendered) -> Bool { rendered.body.count >= 256 }

    private func matches(_ request: Request, _ etag: String) -> Bool {
        guard let header = request.headers[.ifNoneMatch] else { return false }
        return header == "*" || header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag }
    }

    private func notModified(_ release: String, gzip: Bool) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = Responses.etag(release, gzip: gzip)
        headers[.cacheControl] = "public, max-age=3600"
        headers[.vary] = "Accept-Encoding"
        return Response(status: .notModified, headers: headers)
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
        let slug = try service.canonicalSlug(query["a"] ?? "", query["b"] ?? "")
        let area = try service.area(place)
        return .redirect(.comparison(slug: slug, place: area.map { .area($0.code) }))
    }

    func comparisonPage(slug: String, _ request: Request) async throws -> Rendered {
        let query = try QueryParameters(request.uri.query)
        let result = try await service.compare(slug: slug, place: try place(query))
        return site.comparison(result, place: nil)
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
        return site.apiComparison(try await service.compare(query["a"] ?? "", query["b"] ?? "", place: try place(query, strict: true)))
    }
}
