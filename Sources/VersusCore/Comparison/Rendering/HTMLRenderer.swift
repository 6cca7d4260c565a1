/// The article as an HTML `<article>` fragment, for a page layout to wrap; every piece of text is escaped.
/// Navigation between comparisons belongs to the page, not the fragment.
public enum HTMLRenderer {
    /// `figures`: markup a page adds at the top of a section (a chart), trusted as it is.
    /// `leads`: markup a page puts first in a section, before its figure (the Salary section's place form).
    /// `href`: the address a link to another comparison (its slug) goes to; relative to the page by default.
    public static func render(
        _ article: Article, figures: [ArticleSection.ID: String] = [:], leads: [ArticleSection.ID: String] = [:],
        href: (String) -> String = { $0 }
    ) -> String {
        // Written into one byte buffer: every uncached comparison page renders an article, and a String per tag
        // (interpolated, mapped, joined) made this renderer a tenth of such a page's CPU.
        var out = HTMLBytes()
        out.markup("<article class=\"comparison\" data-slug=\"")
        out.text(article.slug)
        out.markup("\">\n<h1>")
        out.text(article.title)
        out.markup("</h1>\n")
        for section in article.sections {
            out.markup("<section id=\"")
            out.markup(section.id.rawValue)
            out.markup("\">\n<h2>")
            out.text(section.heading)
            out.markup("</h2>\n")
            if let lead = leads[section.id] { out.markup(lead) }
            if let figure = figures[section.id] {
                out.markup("<figure>")
                out.markup(figure)
                out.markup("</figure>\n")
            }
            for block in section.blocks { render(block, href: href, into: &out) }
            out.markup("</section>\n")
        }
        out.markup("</article>\n")
        return out.string
    }

    private static func render(_ block: Block, href: (String) -> String, into out: inout HTMLBytes) {
        switch block {
        case .links(let links):
            out.markup("<ul class=\"links\">\n")
            for link in links {
                out.markup("<li><a href=\"")
                out.text(href(link.slug))
                out.markup("\">")
                out.text(link.title)
                out.markup("</a></li>\n")
            }
            out.markup("</ul>\n")
        case .subheading(let text):
            out.markup("<h3>")
            out.text(text)
            out.markup("</h3>\n")
        case .paragraph(let inlines):
            out.markup("<p>")
            render(inlines, into: &out)
            out.markup("</p>\n")
        case .list(let items):
            out.markup("<ul>\n")
            for item in items {
                out.markup("<li>")
                render(item, into: &out)
                out.markup("</li>\n")
            }
            out.markup("</ul>\n")
        case .table(let table):
            out.markup("<div class=\"table\"><table>\n<thead><tr>")
            for cell in table.header {
                out.markup("<th scope=\"col\">")
                out.text(cell)
                out.markup("</th>")
            }
            out.markup("</tr></thead>\n<tbody>\n")
            for row in table.rows {
                out.markup("<tr>")
                for (index, cell) in row.enumerated() {
                    out.markup(index == 0 ? "<th scope=\"row\">" : "<td>")
                    out.text(cell)
                    out.markup(index == 0 ? "</th>" : "</td>")
                }
                out.markup("</tr>\n")
            }
            out.markup("</tbody>\n</table></div>\n")
        case .claims(let claims):
            out.markup("<ul class=\"claims\">\n")
            for claim in claims {
                out.markup("<li>")
                render(claim, into: &out)
                out.markup("</li>\n")
            }
            out.markup("</ul>\n")
        case .claim(let claim):
            // A div, not a p: the disclosure is flow content, which a paragraph cannot hold.
            out.markup("<div class=\"claim\">")
            render(claim, into: &out)
            out.markup("</div>\n")
        }
    }

    /// The sentence, then its rows in a disclosure a reader opens without script.
    private static func render(_ claim: Claim, into out: inout HTMLBytes) {
        render(claim.text, into: &out)
        guard !claim.evidence.isEmpty else { return }
        out.markup(" <details class=\"evidence\"><summary>Source</summary><ul>")
        for evidence in claim.evidence {
            out.markup("<li>")
            out.text(evidence.citation)
            out.markup("</li>")
        }
        out.markup("</ul></details>")
    }

    private static func render(_ inlines: Inlines, into out: inout HTMLBytes) {
        for span in inlines.spans {
            switch span {
            case .text(let text): out.text(text)
            case .figure(let figure):
                out.markup("<span class=\"figure\">")
                out.text(figure)
                out.markup("</span>")
            }
        }
    }

    /// Text safe in HTML content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        // The five characters HTML needs escaped are ASCII: work on bytes, and return most text untouched.
        guard text.utf8.contains(where: HTMLBytes.needsEscape) else { return text }
        var out = HTMLBytes(capacity: text.utf8.count + 16)
        out.text(text)
        return out.string
    }
}

/// HTML written as UTF-8 bytes: markup as it is, text escaped.
struct HTMLBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int = 32_768) {
        bytes.reserveCapacity(capacity)
    }

    static func needsEscape(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }

    /// Trusted markup.
    mutating func markup(_ html: String) { bytes.append(contentsOf: html.utf8) }

    /// Text, with `& < > " '` escaped.
    mutating func text(_ text: String) {
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
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
