import Foundation
import Hummingbird
import Testing
@testable import VersusWeb

/// The access log's line: UTC time, method, target, status, bytes, time taken; a hostile target cannot forge lines.
@Suite("Access log lines")
struct AccessLogTests {
    typealias Log = AccessLogMiddleware<BasicRequestContext>

    static func line(_ target: String, status: Int = 200, bytes: String = "24803", elapsed: Duration = .microseconds(1234)) -> String {
        String(decoding: Log.line(time: 1_796_028_961, method: "GET", target: target, status: status, bytes: bytes, elapsed: elapsed), as: UTF8.self)
    }

    @Test("a request's line")
    func plainLine() {
        #expect(Self.line("/compare/operations-manager-vs-coo") == "2026-11-30T08:56:01Z GET /compare/operations-manager-vs-coo 200 24803 1.23ms\n")
        #expect(Self.line("/nowhere", status: 404, bytes: "-", elapsed: .microseconds(40)) == "2026-11-30T08:56:01Z GET /nowhere 404 - 0.04ms\n")
        #expect(Self.line("/", elapsed: .milliseconds(1500)).hasSuffix(" 1500.00ms\n"))
    }

    @Test("control, space and non-ASCII bytes are escaped: one request is one line")
    func hostileTargetIsEscaped() {
        let line = Self.line("/search?q=a\r\n2026-01-01T00:00:00Z GET /forged 200 1 1ms\u{7F} é")
        #expect(line.filter { $0 == "\n" }.count == 1 && line.last == "\n")
        #expect(line.contains("a%0D%0A2026-01-01T00:00:00Z%20GET%20/forged%20200%201%201ms%7F%20%C3%A9 200"))
    }

    @Test("a long target is cut, and says so")
    func longTargetIsCut() {
        let line = Self.line("/" + String(repeating: "a", count: 5_000))
        #expect(line.utf8.count < 700)
        #expect(line.contains(String(repeating: "a", count: Log.maximumTarget - 1) + "... 200"))
    }
}
