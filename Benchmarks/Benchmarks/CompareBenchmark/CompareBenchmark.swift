import Benchmark
import Foundation
import VersusCore
import VersusStore

/// Building and writing one comparison in-process (target: p50 under 1 ms): reading both profiles from the
/// database, writing the article, rendering it. The database is the cached one `versus` builds on first use.
/// Which pair comes next; kept across samples (each sample calls a benchmark's closure anew).
final class Turn: @unchecked Sendable {
    private var value = 0
    func next(_ count: Int) -> Int {
        defer { value = (value + 1) % count }
        return value
    }
}

let benchmarks: @Sendable () -> Void = {
    let data = DataDirectory(url: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data"))
    let database: VersusDatabase
    let reader: ComparisonReader
    let catalog: ComparisonCatalog
    do {
        database = try DatabaseLocation.resolve(explicitPath: nil, data: data).open(data: data)
        reader = try ComparisonReader(database: database)
        catalog = ComparisonCatalog(try database.catalogInputs())
    } catch {
        fatalError("cannot open the Versus database: \(error)")
    }
    // The seed pairs and a spread of catalog pairs, visited in turn so no single pair's cache shape dominates.
    let entries = Array(catalog.entries.prefix(3)) + stride(from: 3, to: catalog.entries.count, by: max(1, catalog.entries.count / 29)).map { catalog.entries[$0] }
    let requests = entries.map { entry in
        (RoleRequest(query: entry.first.name, resolved: entry.first.code, matchedTitle: nil),
         RoleRequest(query: entry.second.name, resolved: entry.second.code, matchedTitle: nil),
         catalog.links(entry))
    }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], timeUnits: .microseconds,
        warmupIterations: 20, maxDuration: .seconds(10), maxIterations: 3_000)

    func measure(_ name: String, _ render: @escaping @Sendable (Comparison, Article) -> String) {
        let turn = Turn()
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let (first, second, links) = requests[turn.next(requests.count)]
                let comparison = try reader.comparison(first, second, catalog: links)
                blackHole(render(comparison, ArticleWriter.write(comparison)))
            }
        }
    }
    measure("Compare: build + write one comparison, Markdown") { comparison, article in MarkdownRenderer.render(article, links: comparison.catalog) }
    measure("Compare: build + write one comparison, text") { comparison, article in TextRenderer(width: 80).render(article, links: comparison.catalog) }
    measure("Compare: build + write one comparison, JSON") { comparison, article in ComparisonJSON.render(comparison, article: article) }

    // The parts, to see where the time goes.
    let readTurn = Turn()
    let lookups = try! database.profileLookups()
    Benchmark("Compare: read both profiles only", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let (first, second, _) = requests[readTurn.next(requests.count)]
            blackHole(try database.comparisonFacts(first.resolved, second.resolved, area: nil, lookups: lookups))
        }
    }
    let prepared = try! requests.map { try reader.comparison($0.0, $0.1, catalog: $0.2) }
    let writeTurn = Turn()
    Benchmark("Compare: write article + Markdown only (profiles in memory)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let comparison = prepared[writeTurn.next(prepared.count)]
            blackHole(MarkdownRenderer.render(ArticleWriter.write(comparison), links: comparison.catalog))
        }
    }
    // Once per process (the CLI pays it only for catalog pairs; a server holds the catalog).
    Benchmark("Compare: build the catalog", configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 30)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ComparisonCatalog(try database.catalogInputs()))
        }
    }
}
