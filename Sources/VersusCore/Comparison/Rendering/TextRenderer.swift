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

    public func render(_ article: Article, links: CatalogLinks? = nil) -> String {
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
        if let links {
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
            var run = ""
            func emitRun() {
                guard !run.isEmpty else { return }
                plain += run
                rendered += isFigure ? styled(run, .figure) : run
                run = ""
            }
            for character in text {
                if character == " " || character == "\n" {
                    emitRun()
                    flush()
                } else {
                    run.append(character)
                }
            }
            emitRun()
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

    private func wrap(_ text: String, width: Int) -> [String] {
        wrapStyled(Inlines(stringLiteral: text), width: width, firstIndent: "", indent: "")
    }

    /// Columns sized to their content, then narrowed from the widest until the table fits; cells wrap inside their column.
    private func renderTable(_ table: Table) -> [String] {
        let columns = table.header.count
        let all = [table.header] + table.rows
        var widths = (0..<columns).map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let gap = 2
        let minimum = 8
        while widths.reduce(0, +) + gap * (columns - 1) > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum {
            widths[widest] -= 1
        }
        func renderRow(_ cells: [String], bold: Bool) -> [String] {
            let wrapped = (0..<columns).map { column -> [String] in
                let text = cells.indices.contains(column) ? cells[column] : ""
                return hardWrap(text, width: widths[column])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { lineIndex in
                var line = ""
                for column in 0..<columns {
                    let piece = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : ""
                    let padded = column == columns - 1 ? piece : piece + String(repeating: " ", count: max(0, widths[column] - piece.count + gap))
                    line += bold && !piece.isEmpty ? styled(piece, .heading) + String(padded.dropFirst(piece.count)) : padded
                }
                return String(line.reversed().drop { $0 == " " }.reversed())
            }
        }
        var lines = renderRow(table.header, bold: true)
        lines.append(styled((0..<columns).map { String(repeating: "-", count: widths[$0]) }.joined(separator: String(repeating: " ", count: gap)), .dim))
        for row in table.rows { lines.append(contentsOf: renderRow(row, bold: false)) }
        return lines
    }

    /// Word wrap that also breaks words longer than the column.
    private func hardWrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
