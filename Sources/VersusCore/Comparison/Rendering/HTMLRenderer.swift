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
        // The five characters HTML needs escaped are ASCII: work on bytes, and return most text untouched.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: bytes.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: bytes.append(contentsOf: Array("&gt;".utf8))
            case 0x22: bytes.append(contentsOf: Array("&quot;".utf8))
            case 0x27: bytes.append(contentsOf: Array("&#39;".utf8))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
