// What bounds a request, and the strict reading of a query those bounds apply to. Plain Swift, no HTTP types: the
// libFuzzer target Fuzz/Targets/QueryString compiles this file (and SiteURL.swift) as they are, without the server.

/// How the server answers: the release tag behind every ETag, and the bounds on what a request may be.
public struct WebConfiguration: Sendable {
    /// The site's public origin for canonical links and the sitemap.
    public var base: String
    /// Names the data release and the code: responses are immutable for one tag, so it is the ETag.
    public var release: String
    /// Bytes of rendered responses kept, by URI and encoding (0: no cache).
    public var cacheBytes: Int
    /// Pages for a static host (`versus export`): links that only a live server answers are left out.
    public var isStatic: Bool
    /// One line per request on standard error (`AccessLogMiddleware`): on for `versus serve` at log level info or lower.
    public var accessLog: Bool

    public static let maximumURILength = 2048
    public static let maximumParameters = 16

    public init(base: String = "http://127.0.0.1:8080", release: String, cacheBytes: Int = 64 << 20, isStatic: Bool = false, accessLog: Bool = false)
    {
        self.base = base
        self.release = release
        self.cacheBytes = cacheBytes
        self.isStatic = isStatic
        self.accessLog = accessLog
    }
}

/// A query string decoded strictly: percent-escapes must decode to UTF-8 text, and there are few parameters.
struct QueryParameters {
    enum Problem: Error {
        case notText
        case tooMany
    }

    private var values: [String: String] = [:]

    init(_ query: String?) throws(Problem) {
        guard let query, !query.isEmpty else { return }
        // Split on the bytes "&" and "=", not on characters: a combining mark after one must not glue two parameters.
        let pairs = query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true)
        guard pairs.count <= WebConfiguration.maximumParameters else { throw .tooMany }
        for pair in pairs {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            if values[key] == nil { values[key] = value }
        }
    }

    subscript(_ key: String) -> String? { values[key] }

    static func decode(_ text: Substring.UTF8View) throws(Problem) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hex), let low = iterator.next().flatMap(hex) else { throw .notText }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .notText }
        return string
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
