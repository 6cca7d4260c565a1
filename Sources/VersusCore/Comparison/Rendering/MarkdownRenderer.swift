/// The article as CommonMark with GitHub tables. Text from the data is escaped, so an asterisk in "O*NET"
/// or a pipe in a title can never turn into markup.
public enum MarkdownRenderer {
    public static func render(_ article: Article, links: CatalogLinks? = nil) -> String {
        var out: [String] = ["# " + escape(article.title, lineStart: false)]
        for section in article.sections {
            out.append("")
            out.append("## " + escape(section.heading, lineStart: false))
            for block in section.blocks {
                out.append("")
                out.append(render(block))
            }
        }
        if let links {
            var parts: [String] = []
            if let previous = links.previous { parts.append("Previous: [\(escape(previous.title))](\(previous.slug))") }
            if let next = links.next { parts.append("Next: [\(escape(next.title))](\(next.slug))") }
            if !parts.isEmpty {
                out.append("")
                out.append("---")
                out.append("")
                out.append(parts.joined(separator: " · "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func render(_ block: Block) -> String {
        switch block {
        case .subheading(let text):
            return "### " + escape(text, lineStart: false)
        case .paragraph(let inlines):
            return escape(inlines.plainText)
        case .list(let items):
            return items.map { "- " + escape($0.plainText) }.joined(separator: "\n")
        case .table(let table):
            func row(_ cells: [String]) -> String {
                "| " + cells.map { escape($0, lineStart: false).replacingPipes() }.joined(separator: " | ") + " |"
            }
            var lines = [row(table.header)]
            lines.append("|" + String(repeating: " --- |", count: table.header.count))
            lines.append(contentsOf: table.rows.map(row))
            return lines.joined(separator: "\n")
        }
    }

    /// Backslash-escapes the characters CommonMark could read as markup anywhere in a line.
    static func escape(_ text: String, lineStart: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#":
                out.append("\\")
                out.append(character)
            case "\n":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        // A line that begins like a list item or a numbered item would become one.
        guard lineStart else { return out }
        if let first = out.first, first == "-" || first == "+" || first == "=" { out = "\\" + out }
        let digits = out.prefix { $0.isNumber }
        if !digits.isEmpty, let marker = out.dropFirst(digits.count).first, marker == "." || marker == ")" {
            out = digits + "\\" + out.dropFirst(digits.count)
        }
        return out
    }
}

private extension String {
    func replacingPipes() -> String {
        var out = ""
        for character in self {
            if character == "|" { out += "\\|" } else { out.append(character) }
        }
        return out
    }
}
