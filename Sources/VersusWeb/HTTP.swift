import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import VersusService

/// Rendered responses by URI and encoding. The data is immutable for a release, so nothing expires; the least
/// recently used entries go when the cache is full.
final class ResponseCache: @unchecked Sendable {
    struct Key: Hashable {
        let uri: String
        let gzip: Bool
    }

    /// A whole answer as it goes out, but for the `Date` and `Server` fields the server adds: its fields include the
    /// security headers, so the router and `CachedResponseHandler` answer a hit with the same bytes.
    struct Entry {
        let status: HTTPResponse.Status
        let fields: HTTPFields
        /// The body, compressed or not, held once.
        let body: ByteBuffer
        /// The route's pattern (`/compare/{slug}`), for the request metrics of answers made without the router.
        let route: String
        /// Read once here, not from `fields` on every hit: the tag `If-None-Match` is compared with, and the length
        /// the access log prints.
        let etag: String?
        let length: String
        var used: UInt64 = 0

        init(status: HTTPResponse.Status, fields: HTTPFields, body: ByteBuffer, route: String) {
            self.status = status
            self.fields = fields
            self.body = body
            self.route = route
            self.etag = fields[.eTag]
            self.length = fields[.contentLength] ?? "-"
        }
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    // NSLock rather than Synchronization.Mutex, which needs macOS 15 (the package supports 14). Guards `state`.
    private let lock = NSLock()
    private var state = State()
    /// At most this many bodies' bytes: pages differ tenfold in size, so a count alone would not bound memory.
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    func get(_ key: Key) -> Entry? {
        lock.withLock {
            state.clock += 1
            guard var entry = state.entries[key] else { return nil }
            entry.used = state.clock
            state.entries[key] = entry
            return entry
        }
    }

    func put(_ key: Key, _ entry: Entry) {
        guard entry.body.readableBytes <= capacityBytes / 8 else { return }
        var entry = entry
        lock.withLock {
            state.clock += 1
            entry.used = state.clock
            if let old = state.entries[key] { state.bytes -= old.body.readableBytes }
            state.entries[key] = entry
            state.bytes += entry.body.readableBytes
            if state.bytes > capacityBytes {
                // Evict the least recently used down to nine tenths at once, so a full cache sorts rarely.
                for (key, entry) in state.entries.sorted(by: { $0.value.used < $1.value.used }) {
                    guard state.bytes > capacityBytes / 10 * 9 else { break }
                    state.entries.removeValue(forKey: key)
                    state.bytes -= entry.body.readableBytes
                }
            }
        }
    }

    var bytes: Int { lock.withLock { state.bytes } }
    var count: Int { lock.withLock { state.entries.count } }
}

/// Headers every response carries, whatever produced it.
enum SecurityHeaders {
    static let fields: [(HTTPField.Name, String)] = [
        (
            HTTPField.Name("Content-Security-Policy")!,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'"
        ),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "strict-origin-when-cross-origin"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
    ]

    static func add(to headers: inout HTTPFields) {
        for (name, value) in fields where headers[name] == nil { headers[name] = value }
    }
}

/// Adds the security headers to every response, sends HEAD answers without their body, refuses methods other than GET
/// and HEAD and overlong URIs, and answers any error that escapes a handler with a plain page instead of internals.
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if request.method != .get && request.method != .head {
            // Every address of the site is read-only: 405 names the methods there are, where a 404 would say the
            // address does not exist.
            response = failure(405, "Method not allowed", "This site answers GET and HEAD requests only.", request)
            response.headers[.allow] = "GET, HEAD"
        } else if request.uri.description.utf8.count > WebConfiguration.maximumURILength {
            response = failure(414, "Address too long", "Addresses on this site are shorter.", request)
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                response = Responses.make(Responses.notFound(site, request), request: request, cacheable: false)
            } catch {
                context.logger.error(
                    "request failed", metadata: ["uri": .string(String(request.uri.description.prefix(200))), "error": .string("\(error)")])
                response = failure(500, "Something went wrong", "The page could not be made. Please try again.", request)
            }
        }
        // Every answer, the guard's own included: a HEAD answer with a body would be read as the next response.
        if request.method == .head {
            let length = response.headers[.contentLength]
            response.body = .init()
            if let length { response.headers[.contentLength] = length }
        }
        SecurityHeaders.add(to: &response.headers)
        return response
    }

    /// The guard's own answers: a page, or for the API a problem document, as every other API answer is.
    private func failure(_ status: Int, _ heading: String, _ message: String, _ request: Request) -> Response {
        let rendered =
            request.uri.path.hasPrefix("/api/")
            ? site.problem(
                status: status, kind: [405: "method-not-allowed", 414: "uri-too-long"][status] ?? "internal", title: heading, detail: message)
            : site.error(status: status, heading: heading, message: message)
        return Responses.make(rendered, request: request, cacheable: false)
    }
}

/// Building HTTP responses from rendered bytes: caching headers, ETags, gzip.
enum Responses {
    static func make(_ rendered: Rendered, request: Request, cacheable: Bool, release: String? = nil, body: ByteBuffer? = nil, gzip: Bool = false)
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = rendered.kind.rawValue
        if let location = rendered.location { headers[.location] = location }
        if cacheable, let release, rendered.status == 200 {
            headers[.cacheControl] = "public, max-age=3600"
            headers[.eTag] = etag(release, gzip: gzip)
        } else if rendered.status == 303 {
            headers[.cacheControl] = "public, max-age=3600"
        } else {
            headers[.cacheControl] = "no-store"
        }
        headers[.vary] = "Accept-Encoding"
        if gzip { headers[.contentEncoding] = "gzip" }
        let buffer = body ?? ByteBuffer(bytes: rendered.body)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .init(code: rendered.status), headers: headers, body: .init(byteBuffer: buffer))
    }

    static func etag(_ release: String, gzip: Bool) -> String { "\"\(release)\(gzip ? "-gz" : "")\"" }

    static func acceptsGzip(_ headers: HTTPFields) -> Bool {
        guard let accept = headers[.acceptEncoding]?.lowercased() else { return false }
        return accept.split(separator: ",").contains { part in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return fields.first == "gzip" && !fields.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" }
        }
    }

    static func notFound(_ site: Site, _ request: Request) -> Rendered {
        if request.uri.path.hasPrefix("/api/") {
            return site.problem(status: 404, kind: "not-found", title: "Not found", detail: "No API endpoint has this address; see /openapi.json.")
        }
        return site.error(status: 404, heading: "Not found", message: "No page has this address. Search for a job title or start from the hub.")
    }
}
