/// The written comparison, independent of output format: sections of paragraphs, lists and tables.
/// Renderers turn it into terminal text, Markdown, HTML or JSON; none of them adds facts.
public struct Article: Hashable, Sendable {
    public let title: String
    public let slug: String
    public let sections: [ArticleSection]
    /// The catalog neighbours to offer after the article, when the page is a catalog entry.
    public let navigation: CatalogLinks?

    public init(title: String, slug: String, sections: [ArticleSection], navigation: CatalogLinks? = nil) {
        self.title = title
        self.slug = slug
        self.sections = sections
        self.navigation = navigation
    }

    public func section(_ id: ArticleSection.ID) -> ArticleSection? { sections.first { $0.id == id } }
}

public struct ArticleSection: Hashable, Sendable {
    /// The sections every comparison has, in order; their raw values are the JSON `sections[].id`.
    public enum ID: String, Hashable, Sendable, CaseIterable {
        case overview, duties, requirements, environment, skills, salary, sources
        /// A lineup's (three or four roles): the table, and the pairwise comparisons.
        case lineup, pairs

        /// A two-role comparison's sections, in order.
        public static let comparison: [ID] = [.overview, .duties, .requirements, .environment, .skills, .salary, .sources]
        /// A lineup's sections, in order.
        public static let lineupSections: [ID] = [.lineup, .pairs, .sources]
    }

    public let id: ID
    public let heading: String
    public let blocks: [Block]

    public init(id: ID, heading: String, blocks: [Block]) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}

public enum Block: Hashable, Sendable {
    /// A heading inside a section ("What is a COO?").
    case subheading(String)
    case paragraph(Inlines)
    case list([Inlines])
    case table(Table)
    /// A list of comparing sentences, each with the rows it rests on.
    case claims([Claim])
    /// One comparing sentence as a paragraph, with the rows it rests on.
    case claim(Claim)
    /// Links to other comparisons (a lineup's pairs): each one's title and address slug.
    case links([CatalogLink])
}

public struct Table: Hashable, Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}

/// A run of text in which figures are marked, so that a renderer can set them apart (colour, markup).
public struct Inlines: Hashable, Sendable, ExpressibleByStringInterpolation {
    public enum Span: Hashable, Sendable {
        case text(String)
        /// A number or value taken from the data.
        case figure(String)
    }

    public private(set) var spans: [Span]

    public init(spans: [Span]) {
        self.spans = spans
    }

    public init(stringLiteral value: String) {
        spans = value.isEmpty ? [] : [.text(value)]
    }

    public init(stringInterpolation: Interpolation) {
        spans = stringInterpolation.spans
    }

    public struct Interpolation: StringInterpolationProtocol {
        var spans: [Span] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { spans.append(.text(literal)) }
        }

        public mutating func appendInterpolation(_ text: String) {
            if !text.isEmpty { spans.append(.text(text)) }
        }

        /// `"\(figure: "$105,770")"`: a value from the data.
        public mutating func appendInterpolation(figure: String) {
            spans.append(.figure(figure))
        }

        public mutating func appendInterpolation(_ inlines: Inlines) {
            spans.append(contentsOf: inlines.spans)
        }
    }

    public var plainText: String {
        if spans.count == 1, case .text(let text) = spans[0] { return text }
        var out = ""
        for span in spans {
            switch span {
            case .text(let text), .figure(let text): out += text
            }
        }
        return out
    }

    public var isEmpty: Bool { spans.isEmpty }

    /// The sentence continued after an opening phrase: "In California, " + "The median …" → "In California, the median …".
    func continuing(after opening: String) -> Inlines {
        guard case .text(let first)? = spans.first else { return Inlines(stringLiteral: opening) + self }
        return Inlines(spans: [.text(opening + first.midSentence)] + spans.dropFirst())
    }

    public static func + (lhs: Inlines, rhs: Inlines) -> Inlines { Inlines(spans: lhs.spans + rhs.spans) }

    /// Joins pieces with a separator: sentences of a paragraph, items of a phrase.
    public static func joined(_ parts: [Inlines], separator: String = " ") -> Inlines {
        var spans: [Span] = []
        for (index, part) in parts.enumerated() where !part.isEmpty {
            if index > 0 && !spans.isEmpty { spans.append(.text(separator)) }
            spans.append(contentsOf: part.spans)
        }
        return Inlines(spans: spans)
    }
}
