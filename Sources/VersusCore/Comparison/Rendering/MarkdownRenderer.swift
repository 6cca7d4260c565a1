/// The article as CommonMark with GitHub tables. Text from the data is escaped, so an asterisk in "O*NET"
/// or a pipe in a title can never turn into markup.
public enum MarkdownRenderer {
    public static func render(_ article: Article) -> String {
        // One buffer for the whole document: joining pieces would copy every byte several times.
        var out = ""
        out.reserveCapacity(32 * 1024)
        out += "# "
        escape(article.title, lineStart: false, into: &out)
        out += "\n"
        for section in article.sections {
            out += "\n## "
            escape(section.heading, lineStart: false, into: &out)
            out += "\n"
            for block in section.blocks {
                out += "\n"
                render(block, into: &out)
                out += "\n"
            }
        }
        if let links = article.navigation, links.previous != nil || links.next != nil {
            out += "\n---\n\n"
            if let previous = links.previous {
                out += "Previous: ["
                escape(previous.title, lineStart: false, into: &out)
                out += "](\(previous.slug))"
            }
            if let next = links.next {
                if links.previous != nil { out += " · " }
                out += "Next: ["
                escape(next.title, lineStart: false, into: &out)
                out += "](\(next.slug))"
            }
            out += "\n"
        }
        return out
    }

    private static func render(_ block: Block, into out: inout String) {
        switch block {
        case .subheading(let text):
            out += "### "
            escape(text, lineStart: false, into: &out)
        case .paragraph(let inlines):
            escape(inlines.plainText, lineStart: true, into: &out)
        case .list(let items):
            for (index, item) in items.enumerated() {
                out += index == 0 ? "- " : "\n- "
                escape(item.plainText, lineStart: true, into: &out)
            }
        case .claims(let claims):
            render(.list(claims.map(\.text)), into: &out)
        case .claim(let claim):
            render(.paragraph(claim.text), into: &out)
        case .links(let links):
            for (index, link) in links.enumerated() {
                out += index == 0 ? "- [" : "\n- ["
                escape(link.title, lineStart: false, into: &out)
                out += "](\(link.slug))"
            }
        case .table(let table):
            func row(_ cells: [String]) {
                out += "|"
                for cell in cells {
                    out += " "
                    escape(cell, lineStart: false, pipes: true, into: &out)
                    out += " |"
                }
            }
            row(table.header)
            out += "\n|" + String(repeating: " --- |", count: table.header.count)
            for cells in table.rows {
                out += "\n"
                row(cells)
            }
        }
    }

    /// Backslash-escapes the characters CommonMark could read as markup anywhere in a line.
    static func escape(_ text: String, lineStart: Bool = true) -> String {
        var out = ""
        escape(text, lineStart: lineStart, into: &out)
        return out
    }

    /// \ * _ ` [ ] < > # and newline, as bit masks over bytes 0–63 and 64–127 (all of them are ASCII).
    private static let lowSpecial: UInt64 = 1 << 0x0A | 1 << 0x23 | 1 << 0x2A | 1 << 0x3C | 1 << 0x3E
    private static let highSpecial: UInt64 = 1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5D - 64) | 1 << (0x5F - 64) | 1 << (0x60 - 64)
    private static let pipe: UInt64 = 1 << (0x7C - 64)

    @inline(__always)
    private static func isSpecial(_ byte: UInt8, pipes: Bool) -> Bool {
        if byte < 64 { return lowSpecial >> UInt64(byte) & 1 != 0 }
        if byte < 128 { return (highSpecial | (pipes ? pipe : 0)) >> UInt64(byte - 64) & 1 != 0 }
        return false
    }

    static func escape(_ text: String, lineStart: Bool, pipes: Bool = false, into out: inout String) {
        var text = text
        text.withUTF8 { bytes in
            // A line that begins like a list item ("- ", "+ ", "=") or a numbered item ("2. ") would become one.
            var startEscape = -1
            if lineStart, let first = bytes.first {
                if first == 0x2D || first == 0x2B || first == 0x3D {
                    startEscape = 0
                } else if first >= 0x30 && first <= 0x39 {
                    var end = 0
                    while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
                    if end < bytes.count, bytes[end] == 0x2E || bytes[end] == 0x29 { startEscape = end }
                }
            }
            // Copy runs of ordinary bytes whole; only the rare special byte is handled one at a time.
            var runStart = 0
            func flush(_ end: Int) {
                if end > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self) }
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let special = index == startEscape || isSpecial(byte, pipes: pipes)
                guard special else { continue }
                flush(index)
                if index == startEscape { out += "\\" }
                if byte == 0x0A {
                    out += " "
                } else {
                    if isSpecial(byte, pipes: pipes) { out += "\\" }
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                }
                runStart = index + 1
            }
            if runStart == 0 { out += String(decoding: bytes, as: UTF8.self) } else { flush(bytes.count) }
        }
    }
}
