#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import HTTPTypes
import Hummingbird

/// The access log: one line per request on standard error, such as
/// `2026-11-30T08:56:01Z GET /compare/operations-manager-vs-coo 200 24803 0.21ms`
/// (UTC time, method, target, status, body bytes, time to answer).
///
/// Written here rather than through swift-log's stream handler, which formatted metadata and looked up the local
/// time zone (a stat of /etc/localtime) on every request: a fifth of a cached page's cost. Each line goes out in
/// one write(2), so lines of concurrent requests never interleave. The target is what the client sent, cut to
/// `maximumTarget` bytes, with control, space and non-ASCII bytes %-escaped: a request cannot forge log lines.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maximumTarget: Int { 512 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            Self.emit(request.method, request.uri.description, status: response.status.code, bytes: response.headers[.contentLength] ?? "-", start)
            return response
        } catch {
            Self.emit(request.method, request.uri.description, status: (error as? HTTPError)?.status.code ?? 500, bytes: "-", start)
            throw error
        }
    }

    /// Writes the line of one answered request; `CachedResponseHandler` logs its answers through this too.
    static func emit(_ method: HTTPRequest.Method, _ target: String, status: Int, bytes: String, _ start: ContinuousClock.Instant) {
        let line = self.line(
            time: time(nil), method: method.rawValue, target: target, status: status, bytes: bytes, elapsed: ContinuousClock.now - start)
        line.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { return }  // a closed or broken stderr loses the line, never the request
                offset += written
            }
        }
    }

    static func line(time seconds: time_t, method: String, target: String, status: Int, bytes: String, elapsed: Duration) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(96 + min(target.utf8.count, maximumTarget) * 3)
        var seconds = seconds, parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int32, _ count: Int) {
            var divisor: Int32 = 1
            for _ in 1..<count { divisor *= 10 }
            var value = value
            while divisor > 0 {
                line.append(UInt8(ascii: "0") + UInt8(value / divisor))
                value %= divisor
                divisor /= 10
            }
        }
        digits(parts.tm_year + 1900, 4)
        line.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2)
        line.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2)
        line.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2)
        line.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2)
        line.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2)
        line.append(contentsOf: "Z ".utf8)
        line.append(contentsOf: method.utf8.prefix(16))
        line.append(UInt8(ascii: " "))
        for byte in target.utf8.prefix(maximumTarget) {
            if byte <= 0x20 || byte >= 0x7F {
                line.append(UInt8(ascii: "%"))
                line.append(hex(byte >> 4))
                line.append(hex(byte & 0xF))
            } else {
                line.append(byte)
            }
        }
        if target.utf8.count > maximumTarget { line.append(contentsOf: "...".utf8) }
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        line.append(UInt8(ascii: " "))
        decimal(status, into: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: bytes.utf8)
        line.append(UInt8(ascii: " "))
        decimal(Int(microseconds / 1000), into: &line)
        line.append(UInt8(ascii: "."))
        digits(Int32(microseconds % 1000 / 10), 2)
        line.append(contentsOf: "ms\n".utf8)
        return line
    }

    private static func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10 }

    /// `value`'s decimal digits, without the String an interpolation would make.
    private static func decimal(_ value: Int, into line: inout [UInt8]) {
        guard value > 0 else { return line.append(UInt8(ascii: "0")) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
