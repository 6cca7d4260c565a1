#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import Metrics
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// Answers GET and HEAD requests whose answer is already in the response cache on the connection's event loop,
/// without the router. Every page is immutable for a release, so most requests are hits, and a hit through the
/// router paid for a trip through Swift concurrency (task, continuation, async body writer) several times the cost of
/// the lookup and the write. Everything else goes on to the application as before.
///
/// It sits after Hummingbird's `HTTPConnectionStateHandler`, so idle timeouts and graceful shutdown see every
/// request. Answers go out in request order: while the application is answering a request of this connection, the
/// requests after it (pipelined) go to the application too. A request that asks to close the connection, or one that
/// arrives while the connection cannot take more output, goes to the application, which handles both.
final class CachedResponseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let app: WebApp
    /// Requests handed to the application and not yet answered.
    private var forwarded = 0
    /// The rest (body, end) of a request this handler answered.
    private var discarding = false
    private var unflushed = false
    private var date = HTTPDate()

    init(app: WebApp) {
        self.app = app
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if forwarded == 0, context.channel.isWritable, answer(request, context: context) {
                discarding = true
                return
            }
            forwarded += 1
        case .body:
            if discarding { return }
        case .end:
            if discarding {
                discarding = false
                return
            }
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { forwarded -= 1 }
        context.write(data, promise: promise)
    }

    /// Writes the cached answer to `request`, if there is one.
    private func answer(_ request: HTTPRequest, context: ChannelHandlerContext) -> Bool {
        guard request.method == .get || request.method == .head, request.headerFields[.connection] == nil,
            let target = request.path, let hit = app.cachedAnswer(target: target, headers: request.headerFields)
        else { return false }
        let start = ContinuousClock.now
        var fields = hit.fields
        fields.append(HTTPField(name: .date, value: date.now))  // the only field a cached answer lacks
        context.write(wrapOutboundOut(.head(HTTPResponse(status: hit.status, headerFields: fields))), promise: nil)
        if request.method == .get, hit.body.readableBytes > 0 { context.write(wrapOutboundOut(.body(hit.body)), promise: nil) }
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        unflushed = true
        RequestMetrics.shared.record(route: hit.route, method: request.method, status: hit.status, since: start)
        if app.configuration.accessLog {
            AccessLogMiddleware<BasicRequestContext>.emit(
                request.method, target, status: hit.status.code, bytes: hit.length, start)
        }
        return true
    }
}

/// The `Date` field (RFC 9110's IMF-fixdate), made once a second.
struct HTTPDate {
    private var second: time_t = -1
    private var text = ""

    var now: String {
        mutating get {
            let current = time(nil)
            if current != second {
                second = current
                text = Self.format(current)
            }
            return text
        }
    }

    static func format(_ seconds: time_t) -> String {
        var seconds = seconds, parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

/// The request metrics of answers made without the router, under the names and labels Hummingbird's
/// `MetricsMiddleware` gives the router's answers, so `/metrics` counts every request in one series per route.
final class RequestMetrics: Sendable {
    static let shared = RequestMetrics()

    private struct Key: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: HTTPResponse.Status
    }

    private let handles = NIOLockedValueBox<[Key: (counter: Counter, timer: Timer)]>([:])

    func record(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        let key = Key(route: route, method: method, status: status)
        let handle = handles.withLockedValue { handles in
            if let handle = handles[key] { return handle }
            let dimensions = [
                ("http.route", route), ("http.request.method", method.rawValue), ("http.response.status_code", String(status.code)),
            ]
            let handle = (
                counter: Counter(label: "hb.requests", dimensions: dimensions),
                timer: Timer(label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds)
            )
            handles[key] = handle
            return handle
        }
        handle.counter.increment()
        handle.timer.recordInterval(since: start)
    }
}

extension Timer {
    fileprivate func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}

/// Hummingbird's HTTP/1.1 channel with `CachedResponseHandler` placed after its connection-state handler.
struct CacheFirstHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let app: WebApp

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let app = app
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(CachedResponseHandler(app: app), position: .after(state))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
