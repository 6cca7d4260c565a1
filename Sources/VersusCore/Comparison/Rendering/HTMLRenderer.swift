/// The article as an HTML `<article>` fragment, for a page layout to wrap; every piece of text is escaped.
/// Navigation between comparisons belongs to the page, not the fragment.
public enum HTMLRenderer {
    /// `figures`: markup a page adds at the top of a section (a chart), trusted as it is.
    public static func render(_ article: Article, figures: [ArticleSection.ID: String] = [:]) -> String {
        var out = "<article class=\"comparison\" data-slug=\"\(escape(article.slug))\">\n<h1>\(escape(article.title))</h1>\n"
        for section in article.sections {
            out += "<section id=\"\(section.id.rawValue)\">\n<h2>\(escape(section.heading))</h2>\n"
            if let figure = figures[section.id] { out += "<figure>" + figure + "</figure>\n" }
            for block in section.blocks { out += render(block) }
            out += "</section>\n"
        }
        return out + "</article>\n"
    }

    private static func render(_ block: Block) -> String {
        switch block {
        case .subheading(let text):
            return "<h3>\(escape(text))</h3>\n"
        case .paragraph(let inlines):
            return "<p>\(render(inlines))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(render($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let table):
            var out = "<div class=\"table\"><table>\n<thead><tr>"
            out += table.header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + row.enumerated().map { index, cell in
                    index == 0 ? "<th scope=\"row\">\(escape(cell))</th>" : "<td>\(escape(cell))</td>"
                }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table></div>\n"
        }
    }

    private static func render(_ inlines: Inlines) -> String {
        inlines.spans.map { span in
            switch span {
            case .text(let text): return escape(text)
            case .figure(let figure): return "<span class=\"figure\">\(escape(figure))</span>"
            }
        }.joined()
    }

    /// Text safe in HTML content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        // The five characters HTML needs escaped are ASCII: work on bytes, and return most text untouched.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
