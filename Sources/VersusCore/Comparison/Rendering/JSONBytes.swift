/// JSON written straight into UTF-8 bytes, in the layout `JSONValue.serialized` promises: pretty-printed with
/// two-space indentation and one member per line, or compact. Documents can be streamed (`object`, `array`,
/// `key`, values) without building a `JSONValue` tree first: a comparison's document is written for every API
/// request, and appending bytes costs a fraction of appending small Strings.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    /// Whether the innermost open container has a member yet: the next one needs a comma before it.
    private var hasMember = false
    /// A key was just written, so the next value is its value, not an array element.
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 16 * 1024) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A document printed on its own ends its last line.
    mutating func newlineAtEnd() { bytes.append(0x0A) }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let value): bool(value)
        case .number(let value): number(value)
        case .string(let value): string(value)
        case .array(let items): array { json in for item in items { json.write(item) } }
        case .object(let members):
            object { json in
                for (name, value) in members {
                    json.key(name)
                    json.write(value)
                }
            }
        }
    }

    // MARK: - Containers and keys

    mutating func object(_ members: (inout JSONBytes) -> Void) { container(open: 0x7B, close: 0x7D, members) }
    mutating func array(_ items: (inout JSONBytes) -> Void) { container(open: 0x5B, close: 0x5D, items) }

    mutating func key(_ name: String) {
        startMember()
        quoted(name)
        if pretty { bytes.append(contentsOf: [0x3A, 0x20]) } else { bytes.append(0x3A) }
        afterKey = true
    }

    mutating func member(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Double?) {
        key(name)
        number(value)
    }

    mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func member(_ name: String, _ value: JSONValue) {
        key(name)
        write(value)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONBytes) -> Void) {
        beginValue()
        let outer = hasMember
        bytes.append(open)
        depth += 1
        hasMember = false
        body(&self)
        depth -= 1
        if hasMember && pretty { newline() }
        bytes.append(close)
        hasMember = outer
    }

    /// Before an array element or an object key: the comma after the previous member, then its own line.
    private mutating func startMember() {
        if hasMember { bytes.append(0x2C) }
        hasMember = true
        if pretty { newline() }
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            startMember()
        }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    // MARK: - Values

    mutating func null() {
        beginValue()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// Whole numbers without a decimal point; others in Swift's shortest round-trip form (4.4, 0.15).
    mutating func number(_ value: Double) {
        beginValue()
        guard value.isFinite else { return bytes.append(contentsOf: "null".utf8) }
        if value == value.rounded(), abs(value) < 1e15 { return integer(Int64(value)) }
        bytes.append(contentsOf: "\(value)".utf8)
    }

    mutating func string(_ value: String) {
        beginValue()
        quoted(value)
    }

    /// One string written in pieces, escaped as they come: no String of the whole is made.
    mutating func string(_ pieces: ((String) -> Void) -> Void) {
        beginValue()
        bytes.append(0x22)
        pieces { piece in escaped(piece) }
        bytes.append(0x22)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    private mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var count = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            count += 1
        }
        bytes.append(contentsOf: repeatElement(0x30, count: count))
        var at = bytes.count
        repeat {
            at -= 1
            bytes[at] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// A JSON string. Runs of bytes that need no escape are copied whole. U+2028 and U+2029 (E2 80 A8/A9) are
    /// escaped because some JavaScript parsers reject them in strings; other E2 sequences (“ ” ’ –) pass through.
    private mutating func quoted(_ value: String) {
        bytes.append(0x22)
        escaped(value)
        bytes.append(0x22)
    }

    private mutating func escaped(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
    }

    /// Bytes that may need an escape: controls, quote, backslash, and E2 (the lead byte of U+2028/9).
    private static let mayEscape: [Bool] = (0...255).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }

    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        Self.mayEscape.withUnsafeBufferPointer { mayEscape in
            var runStart = 0
            var index = 0
            while index < text.count {
                let byte = text[index]
                guard mayEscape[Int(byte)] else {
                    index += 1
                    continue
                }
                var length = 1
                var escape: StaticString? = nil
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2:
                    if index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
                        escape = text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                        length = 3
                    }
                default: escape = ""  // another control character: \u00XX below
                }
                guard let escape else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                if escape.utf8CodeUnitCount > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                } else {
                    func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex(byte >> 4), hex(byte & 0xF)])
                }
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
    }
}
