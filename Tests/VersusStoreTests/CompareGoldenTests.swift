import Foundation
import GRDB
import Testing
import VersusCore
@testable import VersusStore

/// Snapshots of the seed comparisons, built by O*NET code so they do not depend on title search.
///
/// Re-record after an intended change with `VERSUS_RECORD_GOLDEN=1 swift test --filter CompareGoldenTests`,
/// then review the diff of Tests/VersusStoreTests/Golden/ like any other change.
@Suite("Comparison golden files")
struct CompareGoldenTests {
    enum Format: String, CaseIterable, Sendable {
        case markdown = "md"
        case json
    }

    static let seedSlugs = ["operations-manager-vs-coo", "demand-planner-vs-production-planner", "event-producer-vs-event-coordinator"]

    @Test("seed comparisons match their golden files", arguments: seedSlugs, Format.allCases)
    func seed(slug: String, format: Format) throws {
        let database = try realDatabase()
        let catalog = try CompareSupport.catalog()
        let entry = try #require(catalog.entry(slug: slug))
        let comparison = try ComparisonReader(database: database).comparison(
            RoleRequest(query: entry.first.name, resolved: entry.first.code, matchedTitle: nil),
            RoleRequest(query: entry.second.name, resolved: entry.second.code, matchedTitle: nil),
            catalog: catalog.links(entry))
        let article = ArticleWriter.write(comparison)
        #expect(article.slug == slug)
        let output = format == .markdown ? MarkdownRenderer.render(article) : ComparisonJSON.render(comparison, article: article)
        try Golden.check(output, name: "\(slug).\(format.rawValue)")
    }

    /// Issue 9's length target: a seed page reads in a few minutes. Words are counted as `wc -w` counts them
    /// (runs of characters between ASCII whitespace), on the Markdown a reader gets.
    static let wordLimit = 1_500

    @Test("each seed comparison's Markdown is at most 1,500 words", arguments: seedSlugs)
    func length(slug: String) throws {
        let database = try realDatabase()
        let catalog = try CompareSupport.catalog()
        let entry = try #require(catalog.entry(slug: slug))
        let comparison = try ComparisonReader(database: database).comparison(
            RoleRequest(query: entry.first.name, resolved: entry.first.code, matchedTitle: nil),
            RoleRequest(query: entry.second.name, resolved: entry.second.code, matchedTitle: nil),
            catalog: catalog.links(entry))
        let markdown = MarkdownRenderer.render(ArticleWriter.write(comparison))
        let words = markdown.utf8.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) }).count
        #expect(words <= Self.wordLimit, "\(slug) has \(words) words")
    }
}

enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["VERSUS_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with VERSUS_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false),
                a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
            Issue.record(
                """
                \(name) differs from its golden file at line \(line + 1):
                  expected: \(line < e.count ? String(e[line]) : "<end of file>")
                  actual:   \(line < a.count ? String(a[line]) : "<end of file>")
                re-record with VERSUS_RECORD_GOLDEN=1 if the change is intended
                """, sourceLocation: sourceLocation)
        }
    }
}

enum CompareSupport {
    /// The real catalog, built once per test process.
    static let catalogBuild: Result<ComparisonCatalog, Error> = Result { ComparisonCatalog(try realDatabase().catalogInputs()) }
    static func catalog() throws -> ComparisonCatalog { try catalogBuild.get() }
}

/// The catalog's names for the 100 largest occupations by OEWS employment, kept in a golden file so that any change to
/// the naming rule (`PopularTitle`) is reviewed on the names people see most.
@Suite("Catalog names golden file")
struct CatalogNamesGoldenTests {
    @Test("names of the 100 largest occupations")
    func largestOccupations() throws {
        let database = try realDatabase()
        let catalog = try CompareSupport.catalog()
        let rows = try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.code, o.title FROM occupation o JOIN oews_estimate e ON e.occ_code = o.wage_code AND e.area = '0000000' AND e.naics = '000000'
                    WHERE o.wage_basis = 'own' AND typeof(e.tot_emp) IN ('integer', 'real') ORDER BY e.tot_emp DESC, o.code LIMIT 100
                    """)
        }
        var out = "code\tO*NET title\tcatalog name\n"
        for row in rows {
            let code: String = row[0], title: String = row[1]
            out += "\(code)\t\(title)\t\(catalog.names[OccupationCode(code)!] ?? "")\n"
        }
        try Golden.check(out, name: "catalog-names-top100.tsv")
    }
}
