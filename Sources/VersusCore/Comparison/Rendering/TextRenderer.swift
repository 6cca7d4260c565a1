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

    public func render(_ article: Article) -> String {
        var lines: [String] = []
        for line in wrap(article.title, width: width) { lines.append(styled(line, .title)) }
        for section in article.sections {
            lines.append("")
            lines.append(styled(section.heading.uppercased(), .heading))
            lines.append(styled(String(repeating: "=", count: min(section.heading.count, width)), .dim))
            for block in section.blocks {
                lines.append("")
                lines.append(contentsOf: render(block))
            }
        }
        if let links = article.navigation, links.previous != nil || links.next != nil {
            lines.append("")
            lines.append(contentsOf: footer(links))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func footer(_ links: CatalogLinks) -> [String] {
        var lines: [String] = []
        if let previous = links.previous { lines.append(contentsOf: wrap("Previous: \(previous.title) (\(previous.slug))", width: width)) }
        if let next = links.next { lines.append(contentsOf: wrap("Next: \(next.title) (\(next.slug))", width: width)) }
        return lines.map { styled($0, .dim) }
    }

    private func render(_ block: Block) -> [String] {
        switch block {
        case .subheading(let text):
            return wrap(text, width: width).map { styled($0, .subheading) }
        case .paragraph(let inlines):
            return wrapStyled(inlines, width: width, firstIndent: "", indent: "")
        case .list(let items):
            return items.flatMap { wrapStyled($0, width: width, firstIndent: "  - ", indent: "    ") }
        case .table(let table):
            return renderTable(table)
        }
    }

    /// Wraps text whose figures are coloured: widths are measured on the plain text, colour added per word.
    private func wrapStyled(_ inlines: Inlines, width: Int, firstIndent: String, indent: String) -> [String] {
        if !color { return wrapPlain(inlines.plainText, width: width, firstIndent: firstIndent, indent: indent) }
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

    /// Without colour, a line is a slice of the text from its first word to its last (when the text's words are
    /// separated by single spaces, as the writer produces them), so each line is copied once.
    private func wrapPlain(_ text: String, width: Int, firstIndent: String, indent: String) -> [String] {
        let words = Self.words(text)
        let singleSpaced =
            !text.utf8.contains(0x0A) && words.count > 0
            && words.indices.dropFirst().allSatisfy { text.utf8.index(after: words[$0 - 1].endIndex) == words[$0].startIndex }
        var lines: [String] = []
        var line = firstIndent, length = firstIndent.count
        var hasWord = false
        var lineStart: String.Index? = nil, lineEnd = text.startIndex
        func finish() {
            if let start = lineStart, singleSpaced { line += text[start..<lineEnd] }
            lines.append(line)
            lineStart = nil
        }
        for word in words {
            let count = Self.width(word)
            if count > width - indent.count {
                // A word longer than a whole line (a long slug) is cut, so that no line is wider than `width`.
                if hasWord { finish(); line = indent; length = indent.count; hasWord = false }
                var rest = Substring(word)
                while rest.count > width - indent.count {
                    lines.append(indent + rest.prefix(width - indent.count))
                    rest = rest.dropFirst(width - indent.count)
                }
                if !rest.isEmpty {
                    if singleSpaced { lineStart = rest.startIndex; lineEnd = rest.endIndex } else { line = indent + rest }
                    if singleSpaced { line = indent }
                    length = indent.count + rest.count; hasWord = true
                } else {
                    line = indent; length = indent.count
                }
                continue
            }
            if hasWord && length + 1 + count > width {
                finish()
                line = indent; length = indent.count; hasWord = false
            }
            if singleSpaced {
                if lineStart == nil { lineStart = word.startIndex }
                lineEnd = word.endIndex
            } else {
                if hasWord { line += " " }
                line += word
            }
            if hasWord { length += 1 }
            length += count
            hasWord = true
        }
        if hasWord { finish() }
        return lines
    }

    /// Columns a text takes: one per Unicode scalar. The text is English with typographic quotes and dashes, where
    /// scalars and characters coincide, and counting scalars avoids grapheme breaking on every word.
    static func width(_ text: some StringProtocol) -> Int {
        let utf8 = text.utf8
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The space-separated words of a text, cut on bytes (a space is ASCII), which is far cheaper than `split`.
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                if start != index { words.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { words.append(text[start...]) }
        return words
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        wrapStyled(Inlines(stringLiteral: text), width: width, firstIndent: "", indent: "")
    }

    /// Columns sized to their content, then narrowed from the widest until the table fits; cells wrap inside their column.
    private func renderTable(_ table: Table) -> [String] {
        let columns = table.header.count
        let gap = 2, minimum = 8
        let all = [table.header] + table.rows
        var widths = (0..<columns).map { column in all.map { $0.indices.contains(column) ? Self.width($0[column]) : 0 }.max() ?? 0 }
        var total = widths.reduce(0, +) + gap * (columns - 1)
        while total > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum {
            widths[widest] -= 1
            total -= 1
        }
        let separator = String(repeating: " ", count: gap)
        func renderRow(_ cells: [String], bold: Bool) -> [String] {
            let wrapped = (0..<columns).map { column in hardWrap(cells.indices.contains(column) ? cells[column] : "", width: widths[column]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { lineIndex in
                // Cells are padded to their column except the last non-empty one, so lines carry no trailing spaces.
                let pieces = (0..<columns).map { lineIndex < wrapped[$0].count ? wrapped[$0][lineIndex] : (text: "", width: 0) }
                let last = pieces.lastIndex { $0.width > 0 } ?? 0
                var line = ""
                for column in 0...last {
                    let piece = pieces[column]
                    line += bold && piece.width > 0 ? styled(piece.text, .heading) : piece.text
                    if column < last { line += String(repeating: " ", count: widths[column] - piece.width) + separator }
                }
                return line
            }
        }
        var lines = renderRow(table.header, bold: true)
        lines.append(styled(widths.map { String(repeating: "-", count: $0) }.joined(separator: separator), .dim))
        for row in table.rows { lines.append(contentsOf: renderRow(row, bold: false)) }
        return lines
    }

    /// Word wrap that also breaks words longer than the column; each line comes with its width in characters.
    private func hardWrap(_ text: String, width: Int) -> [(text: String, width: Int)] {
        var lines: [(text: String, width: Int)] = []
        var line = "", length = 0
        for word in Self.words(text) {
            var word = word
            var count = Self.width(word)
            while count > width {
                if length > 0 { lines.append((line, length)); line = ""; length = 0 }
                lines.append((String(word.prefix(width)), width))
                word = word.dropFirst(width)
                count -= width
            }
            if length == 0 {
                line = String(word); length = count
            } else if length + 1 + count <= width {
                line += " " + word; length += 1 + count
            } else {
                lines.append((line, length))
                line = String(word); length = count
            }
        }
        if length > 0 || lines.isEmpty { lines.append((line, length)) }
        return lines
    }
}
