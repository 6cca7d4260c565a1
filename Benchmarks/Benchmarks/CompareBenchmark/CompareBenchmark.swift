import Benchmark
import BenchmarkSupport
import Foundation
import VersusCore
import VersusService
import VersusStore

/// One comparison in-process, as every front end gets it (target: p50 under 1 ms): the service resolves the pair,
/// takes both profiles from the store (read from the database once, then kept), writes the article, and the front
/// end renders it. The database is the cached one `versus` builds on first use.
let benchmarks: @Sendable () -> Void = {
    let (service, store) = startedService()
    let catalog = try! service.catalog
    // The seed pairs and a spread of catalog pairs, visited in turn so no single pair's cache shape dominates.
    let entries =
        Array(catalog.entries.prefix(3))
        + stride(from: 3, to: catalog.entries.count, by: max(1, catalog.entries.count / 29)).map { catalog.entries[$0] }
    let slugs = entries.map(\.slug)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], timeUnits: .microseconds,
        warmupIterations: 20, maxDuration: .seconds(10), maxIterations: 3_000)

    func measure(_ name: String, _ render: @escaping @Sendable (WrittenComparison) -> any Sendable) {
        let turn = Turn()
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(render(try await service.compare(slug: slugs[turn.next(slugs.count)])))
            }
        }
    }
    measure("Compare: one comparison through the service, Markdown") { MarkdownRenderer.render($0.article) }
    // Text as `versus compare` prints it, and JSON as the API sends it: bytes, never a String.
    measure("Compare: one comparison through the service, text") { TextRenderer(width: 80).utf8($0.article) }
    measure("Compare: one comparison through the service, JSON") { ComparisonJSON.utf8($0.comparison, article: $0.article) }
    measure("Compare: one comparison through the service, HTML fragment") { HTMLRenderer.render($0.article) }

    // Three roles side by side (a lineup), by code: each pair above with the next pair's first occupation.
    let lineups = entries.indices.map { index in
        [entries[index].first.code, entries[index].second.code, entries[(index + 1) % entries.count].first.code]
            .map { Slug.make($0.rawValue) }.joined(separator: "-vs-")
    }
    let renderers: [(String, @Sendable (Article) -> any Sendable)] = [
        ("text", { TextRenderer(width: 80).utf8($0) }),
        ("HTML fragment", { HTMLRenderer.render($0) }),
    ]
    for (format, render) in renderers {
        let turn = Turn()
        Benchmark("Compare: three roles side by side, \(format)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(render(try await service.compare(address: lineups[turn.next(lineups.count)]).article))
            }
        }
    }

    // The parts, to see where the time goes. The store keeps each profile it has read, so after the warm-up the
    // comparisons above read none; this is what a profile's first read costs, straight from SQLite.
    let readTurn = Turn()
    let lookups = try! store.database.profileLookups()
    Benchmark("Compare: read both profiles from SQLite (the first time)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let entry = entries[readTurn.next(entries.count)]
            blackHole(try store.database.comparisonFacts(entry.first.code, entry.second.code, area: nil, lookups: lookups))
        }
    }
    // Once per process: what a long-running server pays at start-up.
    Benchmark(
        "Compare: start the service (index, catalog, names, areas)",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(10), maxIterations: 30)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            // A new store each time: a store keeps what it has read.
            let service = try await VersusService(store: LiveCareerStore(database: store.database))
            try service.loadAll()
            blackHole(service)
        }
    }
}
