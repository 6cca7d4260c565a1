/// The article as CommonMark with GitHub tables. Text from the data is escaped, so an asterisk in "O*NET"
/// or a pipe in a title can never turn into markup.
public enum MarkdownRenderer {
    public static func render(_ article: Article, links: CatalogLinks? = nil) -> String {
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
        if let links, links.previous != nil || links.next != nil {
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
        let utf8 = text.utf8
        // A line that begins like a list item ("- ", "+ ", "=") or a numbered item ("2. ") would become one.
        var startEscape: Int? = nil
        if lineStart, let first = utf8.first {
            if first == 0x2D || first == 0x2B || first == 0x3D {
                startEscape = 0
            } else if first >= 0x30 && first <= 0x39 {
                let digits = utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
                let after = utf8.dropFirst(digits).first
                if after == 0x2E || after == 0x29 { startEscape = digits }
            }
        }
        if startEscape == nil && !utf8.contains(where: { isSpecial($0, pipes: pipes) }) {
            out += text
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8)
        for (index, byte) in utf8.enumerated() {
            if index == startEscape { bytes.append(0x5C) }
            if byte == 0x0A {
                bytes.append(0x20)
            } else {
                if isSpecial(byte, pipes: pipes) { bytes.append(0x5C) }
                bytes.append(byte)
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
    }
}
