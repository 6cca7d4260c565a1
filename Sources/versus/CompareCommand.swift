import ArgumentParser
import Foundation
import VersusCore
import VersusStore

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two job titles: duties, requirements, work environment, skills and pay, written from the data.",
        discussion: """
        Each title may be a job title as people write it ("ops mgr", "COO", "RN - ICU"), found by the same search as \
        `versus search`, or an O*NET-SOC code (11-1021.00), e.g. versus compare "operations manager" coo.
        Colour is used only on a terminal, and never when NO_COLOR is set.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html, json
    }

    @Argument(help: "The first job title, or an O*NET-SOC code.")
    var first: String

    @Argument(help: "The second job title, or an O*NET-SOC code.")
    var second: String

    @Option(name: .long, help: "Output format: text, markdown, html or json.")
    var format: Format = .text

    @Option(name: .long, help: "Add local wages for a state, by name, postal abbreviation or OEWS/FIPS code (California, CA, 06).")
    var state: String?

    @Option(name: .long, help: "Add local wages for a state or metropolitan area, by name or OEWS code (\"Boston\", 0014460).")
    var area: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if state != nil && area != nil { throw ValidationError("use --state or --area, not both") }
        for query in [first, second] { try TitleInput.validate(query) }
    }

    func run() throws {
        let database = try store.open()
        let resolver: TitleResolving = SearchTitleResolver(database: database)
        let queries = [TitleInput.clean(first), TitleInput.clean(second)]
        let requests: [RoleRequest]
        if let seed = ComparisonCatalog.seed(named: queries[0], queries[1]) {
            // A seed pair of the catalog keeps the occupations chosen for it, whichever way round it is typed;
            // what the title alone would resolve to, if different, is listed as an alternative.
            let resolutions = try resolver.resolveAll(queries)
            requests = zip(zip(queries, seed), resolutions).map { pair, resolution in
                let (query, role) = pair
                let resolved = try? resolution.get()
                var alternatives = resolved.map { [RoleRequest.Alternative(code: $0.code, title: $0.occupationTitle, score: nil)] + $0.alternatives } ?? []
                alternatives.removeAll { $0.code == role.code }
                let matched = resolved?.code == role.code ? resolved?.matchedTitle : nil
                return RoleRequest(query: query, resolved: role.code, matchedTitle: matched, alternatives: alternatives)
            }
        } else {
            requests = try zip(queries, resolver.resolveAll(queries)).map { query, resolution in try resolution.get().request(query: query) }
        }

        let areaRef = try lookUpArea(database)
        let catalog: CatalogLinks?
        if try ComparisonCatalog.seed(codes: requests[0].resolved, requests[1].resolved) || database.areCloselyRelated(requests[0].resolved, requests[1].resolved) {
            catalog = ComparisonCatalog(try database.catalogInputs()).links(requests[0].resolved, requests[1].resolved)
        } else {
            catalog = nil
        }
        let comparison = try ComparisonReader(database: database).comparison(requests[0], requests[1], area: areaRef, catalog: catalog)
        let article = ArticleWriter.write(comparison)
        let output: String
        switch format {
        case .text: output = TextRenderer(width: 80, color: Terminal.wantsColor).render(article, links: catalog)
        case .markdown: output = MarkdownRenderer.render(article, links: catalog)
        case .html: output = HTMLRenderer().render(article, links: catalog)
        case .json: output = ComparisonJSON.render(comparison, article: article)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    private func lookUpArea(_ database: VersusDatabase) throws -> OEWSAreaRef? {
        guard let query = state ?? area else { return nil }
        switch try database.area(query, kind: state != nil ? .state : .any) {
        case .found(let ref):
            return ref
        case .ambiguous(let refs):
            let names = refs.prefix(8).map { "  \($0.title) (\($0.code))" }.joined(separator: "\n")
            throw CLIError("\"\(query)\" matches several areas; be more specific or use a code:\n\(names)")
        case .notFound:
            throw CLIError("no OEWS \(state != nil ? "state" : "state or metropolitan area") matches \"\(query)\"")
        }
    }
}

struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the catalog of comparisons in browsing order: slug, then each role's name and O*NET code, tab-separated.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = ComparisonCatalog(try store.open().catalogInputs())
        var out = ""
        for entry in catalog.entries {
            out += "\(entry.slug)\t\(entry.first.name)\t\(entry.first.code)\t\(entry.second.name)\t\(entry.second.code)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// What a person may type as a title: checked before any lookup so bad input gets a clear message, not a crash.
enum TitleInput {
    static let maximumLength = 200

    static func validate(_ query: String) throws {
        let cleaned = clean(query)
        if cleaned.isEmpty { throw ValidationError("a job title is empty; type a title such as \"operations manager\" or a code such as 11-1021.00") }
        if cleaned.count > maximumLength { throw ValidationError("a job title is longer than \(maximumLength) characters") }
        if cleaned.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{FFFD}" }) {
            throw ValidationError("a job title contains control characters or bytes that are not text")
        }
    }

    static func clean(_ query: String) -> String {
        query.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// A failure while comparing that is the input's, not the program's: printed as a plain error, without usage.
enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb.
    static var wantsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

extension ComparisonCatalog {
    /// The seed pair named by two typed titles, as roles in the typed order.
    static func seed(named a: String, _ b: String) -> [CatalogRole]? {
        let sa = Slug.make(a), sb = Slug.make(b)
        for seed in seeds {
            let (first, second) = (Slug.make(seed.first.name), Slug.make(seed.second.name))
            if sa == first && sb == second { return [seed.first, seed.second] }
            if sa == second && sb == first { return [seed.second, seed.first] }
        }
        return nil
    }

    static func seed(codes a: OccupationCode, _ b: OccupationCode) -> Bool {
        seeds.contains { ($0.first.code == a && $0.second.code == b) || ($0.first.code == b && $0.second.code == a) }
    }
}
