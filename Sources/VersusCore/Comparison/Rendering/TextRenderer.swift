/// The article as terminal text at a fixed width (80 columns by default).
///
/// Colour is the caller's decision (a TTY, `NO_COLOR` unset): Core does no I/O, so it is told, never guesses.
public struct TextRenderer: Sendable {
    public let width: Int
    public let color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = max(width, 40)
        self.color = color
    }

    private enum Style: String {
        case title = "\u{1B}[1;4m"
        case heading = "\u{1B}[1m"
        case subheading = "\u{1B}[1;3m"
        case figure = "\u{1B}[36m"
        case dim = "\u{1B}[2m"
    }

    private func styled(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + "\u{1B}[0m" : text
    }

    public func render(_ article: Article) -> String { String(decoding: utf8(article), as: UTF8.self) }

    /// The text as `versus compare` prints it: UTF-8 bytes, never made a String (which would check every byte again).
    public func utf8(_ article: Article) -> [UInt8] {
        var out = TextOutput()
        wrap(article.title, style: .title, into: &out)
        for section in article.sections {
            out.line("")
            out.line(styled(section.heading.uppercased(), .heading))
            out.rule(UInt8(ascii: "="), under: [min(Self.width(section.heading), width)], gap: 0, style: color ? Style.dim.rawValue : nil)
            for block in section.blocks {
                out.line("")
                render(block, into: &out)
            }
        }
        if let links = article.navigation, links.previous != nil || links.next != nil {
            out.line("")
            if let previous = links.previous { wrap("Previous: \(previous.title) (\(previous.slug))", style: .dim, into: &out) }
            if let next = links.next { wrap("Next: \(next.title) (\(next.slug))", style: .dim, into: &out) }
        }
        return out.utf8
    }

    private func render(_ block: Block, into out: inout TextOutput) {
        switch block {
        case .subheading(let text):
            wrap(text, style: .subheading, into: &out)
        case .paragraph(let inlines):
            wrap(inlines, firstIndent: "", indent: "", into: &out)
        case .list(let items):
            for item in items { wrap(item, firstIndent: "  - ", indent: "    ", into: &out) }
        case .table(let table):
            renderTable(table, into: &out)
        case .claims(let claims):
            for claim in claims { wrap(claim.text, firstIndent: "  - ", indent: "    ", into: &out) }
        case .claim(let claim):
            wrap(claim.text, firstIndent: "", indent: "", into: &out)
        case .links(let links):
            for link in links { wrap("\(link.title) (\(link.slug))", firstIndent: "  - ", indent: "    ", into: &out) }
        }
    }

    private func wrap(_ text: String, style: Style, into out: inout TextOutput) {
        guard color else { return wrapPlain(text, firstIndent: "", indent: "", into: &out) }
        for line in wrapStyled(Inlines(stringLiteral: text), width: width, firstIndent: "", indent: "") { out.line(styled(line, style)) }
    }

    private func wrap(_ inlines: Inlines, firstIndent: String, indent: String, into out: inout TextOutput) {
        guard color else { return wrapPlain(inlines.plainText, firstIndent: firstIndent, indent: indent, into: &out) }
        for line in wrapStyled(inlines, width: width, firstIndent: firstIndent, indent: indent) { out.line(line) }
    }

    /// Wraps text whose figures are coloured: widths are measured on the plain text, colour added per word.
    private func wrapStyled(_ inlines: Inlines, width: Int, firstIndent: String, indent: String) -> [String] {
        // Words with the style of each character range; a figure can contain spaces ("3.5 million"), so it is split into words too.
        var words: [(plain: String, styled: String)] = []
        var plain = "", rendered = ""
        func flush() {
            if !plain.isEmpty { words.append((plain, rendered)) }
            plain = ""; rendered = ""
        }
        for span in inlines.spans {
            let (text, isFigure): (String, Bool) = {
                switch span {
                case .text(let t): return (t, false)
                case .figure(let f): return (f, true)
                }
            }()
            // Spaces are ASCII, so the text is cut on its bytes, without walking characters.
            let utf8 = text.utf8
            var runStart = utf8.startIndex
            func emitRun(_ end: String.Index) {
                guard runStart < end else { return }
                let run = text[runStart..<end]
                plain += run
                rendered += isFigure ? styled(String(run), .figure) : String(run)
            }
            var index = utf8.startIndex
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte == 0x20 || byte == 0x0A {
                    emitRun(index)
                    flush()
                    runStart = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            emitRun(utf8.endIndex)
        }
        flush()

        var lines: [String] = []
        var line = firstIndent, lineLength = firstIndent.count
        var lineHasWord = false
        // A word longer than a whole line (a long slug) is cut, so that no line is ever wider than `width`.
        let room = max(width - indent.count, 1)
        let fitted = words.flatMap { word -> [(plain: String, styled: String)] in
            guard word.plain.count > room, word.plain == word.styled else { return [word] }
            return stride(from: 0, to: word.plain.count, by: room).map { start in
                let piece = String(word.plain.dropFirst(start).prefix(room))
                return (piece, piece)
            }
        }
        for word in fitted {
            if lineHasWord && lineLength + 1 + word.plain.count > width {
                lines.append(line)
                line = indent
                lineLength = indent.count
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineLength += 1
            }
            line += word.styled
            lineLength += word.plain.count
            lineHasWord = true
        }
        if lineHasWord { lines.append(line) }
        return lines
    }

    /// Without colour: the words, split on spaces, written straight out with single spaces between them. A line's
    /// indent is written with its first word, so a text without words writes nothing.
    private func wrapPlain(_ text: String, firstIndent: String, indent: String, into out: inout TextOutput) {
        var text = text
        var length = 0
        var hasWord = false
        var pendingIndent = firstIndent
        // Indents are a few ASCII spaces and a dash: measured once, not per word.
        let room = width - Self.width(indent), indentWidth = Self.width(indent), firstIndentWidth = Self.width(firstIndent)
        var pendingIndentWidth = firstIndentWidth
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                defer { start = end + 1 }
                guard end > start else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let count = Self.width(word)
                if count > room {
                    // A word longer than a whole line (a long slug) is cut, so that no line is wider than `width`.
                    if hasWord { out.newline() }
                    hasWord = false
                    var rest = Substring(String(decoding: word, as: UTF8.self))
                    while rest.count > room {
                        out.line(indent + rest.prefix(room))
                        rest = rest.dropFirst(room)
                    }
                    pendingIndent = indent
                    pendingIndentWidth = indentWidth
                    if !rest.isEmpty {
                        out.append(indent + rest)
                        length = indentWidth + rest.count
                        hasWord = true
                    }
                    continue
                }
                if hasWord && length + 1 + count > width {
                    out.newline()
                    hasWord = false
                    pendingIndent = indent
                    pendingIndentWidth = indentWidth
                }
                if hasWord {
                    out.byte(0x20)
                    length += 1
                } else {
                    out.append(pendingIndent)
                    length = pendingIndentWidth
                }
                out.append(word)
                length += count
                hasWord = true
            }
        }
        if hasWord { out.newline() }
    }

    /// Columns a text takes: one per Unicode scalar. The text is English with typographic quotes and dashes, where
    /// scalars and characters coincide, and counting scalars avoids grapheme breaking on every word.
    static func width(_ text: some StringProtocol) -> Int {
        let utf8 = text.utf8
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    static func width(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Columns sized to their content, then narrowed from the widest until the table fits; cells wrap inside their column.
    private func renderTable(_ table: Table, into out: inout TextOutput) {
        let columns = table.header.count
        let gap = 2, minimum = 8
        var widths = table.header.map(Self.width)
        for row in table.rows {
            for column in 0..<min(columns, row.count) { widths[column] = max(widths[column], Self.width(row[column])) }
        }
        var total = widths.reduce(0, +) + gap * (columns - 1)
        while total > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum {
            widths[widest] -= 1
            total -= 1
        }
        func renderRow(_ cells: [String], bold: Bool) {
            let wrapped = (0..<columns).map { column in WrappedCell(cells.indices.contains(column) ? cells[column] : "", width: widths[column]) }
            let height = wrapped.map(\.lineCount).max() ?? 1
            for lineIndex in 0..<height {
                // Cells are padded to their column except the last non-empty one, so lines carry no trailing spaces.
                let last = (0..<columns).last { wrapped[$0].width(of: lineIndex) > 0 } ?? 0
                for column in 0...last {
                    let cell = wrapped[column]
                    let pieceWidth = cell.width(of: lineIndex)
                    if bold && color && pieceWidth > 0 { out.append(Style.heading.rawValue) }
                    cell.write(lineIndex, into: &out)
                    if bold && color && pieceWidth > 0 { out.append("\u{1B}[0m") }
                    if column < last { out.spaces(widths[column] - pieceWidth + gap) }
                }
                out.newline()
            }
        }
        renderRow(table.header, bold: true)
        out.rule(UInt8(ascii: "-"), under: widths, gap: gap, style: color ? Style.dim.rawValue : nil)
        for row in table.rows { renderRow(row, bold: false) }
    }
}

/// A table cell wrapped to its column: word wrap that also breaks words longer than the column. The cell's words are
/// copied once with single spaces between them, so each line is a range of those bytes.
private struct WrappedCell {
    /// A cell that is one line as it stands, as most are: kept as it is, nothing copied.
    private var whole: (text: String, width: Int)?
    private var bytes: [UInt8] = []
    private var lines: [(range: Range<Int>, width: Int)] = []

    var lineCount: Int { whole == nil ? lines.count : 1 }

    init(_ text: String, width: Int) {
        if let fitted = Self.fitting(text, width: width) {
            whole = (text, fitted)
            return
        }
        var text = text
        text.withUTF8 { source in
            bytes.reserveCapacity(source.count)
            var lineStart = 0, length = 0
            var start = 0
            for end in 0...source.count where end == source.count || source[end] == 0x20 {
                defer { start = end + 1 }
                guard end > start else { continue }
                var word = start..<end
                var count = TextRenderer.width(UnsafeBufferPointer(rebasing: source[word]))
                while count > width {
                    if length > 0 {
                        lines.append((lineStart..<bytes.count, length))
                        length = 0
                    }
                    let cut = Self.index(after: width, scalarsOf: source, in: word)
                    let at = bytes.count
                    bytes.append(contentsOf: source[word.lowerBound..<cut])
                    lines.append((at..<bytes.count, width))
                    word = cut..<word.upperBound
                    count -= width
                }
                if length == 0 {
                    lineStart = bytes.count
                    length = count
                } else if length + 1 + count <= width {
                    bytes.append(0x20)
                    length += 1 + count
                } else {
                    lines.append((lineStart..<bytes.count, length))
                    lineStart = bytes.count
                    length = count
                }
                bytes.append(contentsOf: source[word])
            }
            if length > 0 || lines.isEmpty { lines.append((lineStart..<bytes.count, length)) }
        }
    }

    /// The cell's width when it is one line as it stands: it fits its column, and its words are separated by single
    /// spaces with none before or after them.
    private static func fitting(_ text: String, width: Int) -> Int? {
        var count = 0
        var previous: UInt8 = 0x20  // so that a leading space fails as a double one does
        for byte in text.utf8 {
            if byte == 0x20 && previous == 0x20 { return nil }
            if byte & 0xC0 != 0x80 { count += 1 }
            previous = byte
        }
        guard previous != 0x20 || text.isEmpty, count <= width else { return nil }
        return count
    }

    func width(of line: Int) -> Int {
        if let whole { return line == 0 ? whole.width : 0 }
        return line < lines.count ? lines[line].width : 0
    }

    func write(_ line: Int, into out: inout TextOutput) {
        if let whole {
            if line == 0 { out.append(whole.text) }
            return
        }
        guard line < lines.count else { return }
        bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[lines[line].range])) }
    }

    /// Where the first `count` scalars of `range` end.
    private static func index(after count: Int, scalarsOf bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var seen = 0
        for index in range where bytes[index] & 0xC0 != 0x80 {
            if seen == count { return index }
            seen += 1
        }
        return range.upperBound
    }
}

/// The rendered text as UTF-8 bytes: appending bytes costs a fraction of appending many small Strings.
private struct TextOutput {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(16 * 1024) }

    var utf8: [UInt8] { bytes }

    mutating func line(_ text: some StringProtocol) {
        append(text)
        newline()
    }

    mutating func append(_ text: some StringProtocol) { bytes.append(contentsOf: text.utf8) }
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }
    mutating func byte(_ byte: UInt8) { bytes.append(byte) }
    mutating func newline() { bytes.append(0x0A) }
    mutating func spaces(_ count: Int) { bytes.append(contentsOf: repeatElement(0x20, count: max(0, count))) }

    /// A line of `mark` under each column, the columns `gap` spaces apart, in a terminal style when one is given.
    mutating func rule(_ mark: UInt8, under widths: [Int], gap: Int, style: String?) {
        if let style { append(style) }
        for (column, width) in widths.enumerated() {
            if column > 0 { spaces(gap) }
            bytes.append(contentsOf: repeatElement(mark, count: width))
        }
        if style != nil { append("\u{1B}[0m") }
        newline()
    }
}
