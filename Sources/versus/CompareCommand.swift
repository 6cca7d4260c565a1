import ArgumentParser
import Foundation
import VersusCore
import VersusService

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two job titles: duties, requirements, work environment, skills and pay, written from the data.",
        discussion: """
            Each title may be a job title as people write it ("ops mgr", "COO", "RN - ICU"), found by the same search as \
            `versus search`, or an O*NET-SOC code (11-1021.00), e.g. versus compare "operations manager" coo.
            Three or four titles are set side by side in one table (pay, time to qualify, outlook, license, skills, \
            working conditions), with the address of each two-role comparison, e.g. versus compare rn lpn cna.
            Colour is used only on a terminal, and never when NO_COLOR is set.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    @Argument(help: ArgumentHelp("Two job titles or O*NET-SOC codes to compare, or three or four to set side by side.", valueName: "title"))
    var titles: [String] = []

    @Option(name: .long, help: "Output format: text, markdown, html or json.")
    var format: Format = .text

    @Option(name: .long, help: "Add local wages for a state, by name, postal abbreviation or OEWS/FIPS code (California, CA, 06).")
    var state: String?

    @Option(name: .long, help: "Add local wages for a state or metropolitan area, by name or OEWS code (\"Boston\", 0014460).")
    var area: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if state != nil && area != nil { throw ValidationError("use --state or --area, not both") }
        if titles.count < 2 || titles.count > Lineup.roleCounts.upperBound {
            throw ValidationError("give two titles to compare, or three or four to set side by side (\(titles.count) given)")
        }
    }

    var place: Place? { state.map(Place.state) ?? area.map(Place.area) }

    func run() async throws {
        let service = try await store.startService()
        service.prefetch(for: titles)
        let output = try await Self.output(service, titles, place: place, format: format, color: Terminal.wantsColor)
        FileHandle.standardOutput.write(Data(output))
    }

    /// What `versus compare` prints, as UTF-8: the service's comparison in the format asked for.
    static func output(_ service: VersusService, _ titles: [String], place: Place?, format: Format, color: Bool) async throws -> [UInt8] {
        let answer = try await service.compare(titles, place: place)
        switch format {
        case .text: return TextRenderer(width: 80, color: color).utf8(answer.article)
        case .markdown: return Array(MarkdownRenderer.render(answer.article).utf8)
        case .html: return Array(StandaloneHTML.document(answer.article).utf8)
        case .json: return answer.json
        }
    }
}

struct Catalog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the catalog of comparisons in browsing order: slug, then each role's name and O*NET code, tab-separated.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        var out = ""
        for entry in try await store.startService().catalog.entries {
            out += "\(entry.slug)\t\(entry.first.name)\t\(entry.first.code)\t\(entry.second.name)\t\(entry.second.code)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb.
enum Terminal {
    static var wantsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

/// `--format html`: the article fragment in the smallest complete document, with the catalog neighbours after it.
enum StandaloneHTML {
    static func document(_ article: Article) -> String {
        let escape = HTMLRenderer.escape
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(article.title))</title>
            </head>
            <body>

            """
        out += HTMLRenderer.render(article)
        if let links = article.navigation, links.previous != nil || links.next != nil {
            out += "<nav>\n"
            if let previous = links.previous { out += "<a rel=\"prev\" href=\"\(escape(previous.slug))\">\(escape(previous.title))</a>\n" }
            if let next = links.next { out += "<a rel=\"next\" href=\"\(escape(next.slug))\">\(escape(next.title))</a>\n" }
            out += "</nav>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
