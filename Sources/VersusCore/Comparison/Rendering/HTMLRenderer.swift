/// The article as a standalone HTML document; every piece of text is escaped.
public struct HTMLRenderer: Sendable {
    /// Prefix of catalog links: a neighbour's href is `linkBase + slug`.
    public let linkBase: String

    public init(linkBase: String = "") {
        self.linkBase = linkBase
    }

    public func render(_ article: Article, links: CatalogLinks? = nil) -> String {
        var out = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(article.title))</title>
        </head>
        <body>
        <article data-slug="\(Self.escape(article.slug))">
        <h1>\(Self.escape(article.title))</h1>

        """
        for section in article.sections {
            out += "<section id=\"\(section.id.rawValue)\">\n<h2>\(Self.escape(section.heading))</h2>\n"
            for block in section.blocks { out += render(block) }
            out += "</section>\n"
        }
        out += "</article>\n"
        if let links, links.previous != nil || links.next != nil {
            out += "<nav>\n"
            if let previous = links.previous { out += "<a rel=\"prev\" href=\"\(Self.escape(linkBase + previous.slug))\">\(Self.escape(previous.title))</a>\n" }
            if let next = links.next { out += "<a rel=\"next\" href=\"\(Self.escape(linkBase + next.slug))\">\(Self.escape(next.title))</a>\n" }
            out += "</nav>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    private func render(_ block: Block) -> String {
        switch block {
        case .subheading(let text):
            return "<h3>\(Self.escape(text))</h3>\n"
        case .paragraph(let inlines):
            return "<p>\(render(inlines))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(render($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let table):
            var out = "<table>\n<thead><tr>" + table.header.map { "<th scope=\"col\">\(Self.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + row.enumerated().map { index, cell in
                    index == 0 ? "<th scope=\"row\">\(Self.escape(cell))</th>" : "<td>\(Self.escape(cell))</td>"
                }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n"
        }
    }

    private func render(_ inlines: Inlines) -> String {
        inlines.spans.map { span in
            switch span {
            case .text(let text): return Self.escape(text)
            case .figure(let figure): return "<span class=\"figure\">\(Self.escape(figure))</span>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
