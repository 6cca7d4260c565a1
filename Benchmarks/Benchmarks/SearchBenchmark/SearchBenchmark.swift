import Benchmark
import Foundation
import VersusCore
import VersusStore

/// Title search speed (targets: index load from the stored snapshot under 50 ms; index build under 1 s;
/// 10,000 mixed queries at 20,000 queries/s or more on one core, p50 under 50 µs a query). Uses the
/// database built from the repository's Data/ (built on first use, like `versus`).
let benchmarks: @Sendable () -> Void = {
    let data = DataDirectory(
        url: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data"))
    let database: VersusDatabase
    let input: (occupations: [SearchableOccupation], titles: [TitleRecord])
    let index: TitleIndex
    do {
        let location = try DatabaseLocation.resolve(explicitPath: nil, data: data)
        try location.buildIfMissing(data: data)
        database = try VersusDatabase(path: location.url.path)
        input = try database.titleIndexInput()
        index = TitleIndex(occupations: input.occupations, titles: input.titles)
    } catch {
        fatalError("cannot open the Versus database: \(error)")
    }
    let queries = MixedQueries.make(from: input.titles)

    // What every command that searches pays: the snapshot the importer stored, read and checked.
    Benchmark(
        "Title index load (snapshot)",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
            warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 50)
    ) { benchmark in
        guard let loaded = try database.titleIndexFromSnapshot() else { fatalError("the database holds no title index snapshot") }
        blackHole(loaded)
    }

    // What the importer pays, and a command when the snapshot is missing.
    Benchmark(
        "Title index build (database read + index)",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
            warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { benchmark in
        blackHole(try database.titleIndexFromTables())
    }

    Benchmark(
        "Title index build (index only, records in memory)",
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds,
            warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { benchmark in
        blackHole(TitleIndex(occupations: input.occupations, titles: input.titles))
    }

    // One iteration = the whole batch of 10,000 queries on one thread: queries/s = 10,000 / wall clock.
    Benchmark(
        "Batch search, 10,000 mixed queries",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds,
            warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { benchmark in
        for query in queries {
            blackHole(try? index.search(query, limit: 5))
        }
    }

    // One iteration = one query, cycling through the batch: the percentiles are per-query latencies.
    func latency(_ name: String, of queries: [String], iterations: Int) {
        let cursor = QueryCursor(queries)
        Benchmark(
            name,
            configuration: .init(
                metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds,
                warmupIterations: 100, maxDuration: .seconds(10), maxIterations: iterations)
        ) { benchmark in
            let query = cursor.next()
            benchmark.startMeasurement()
            blackHole(try? index.search(query, limit: 5))
            benchmark.stopMeasurement()
        }
    }
    latency("Single query latency (mixed queries)", of: queries, iterations: 50_000)
    // The slowest readings a word can take: a rare short word read as a job ad's short form of a common one (a scan of
    // the common words with its first letter), initials joined by "&", a misspelling (two edits away for an unknown word
    // with no word one edit away, nonsense included), a word run together, and the work of titles without their worker
    // (a scan of the titles of its rarest word).
    latency(
        "Single query latency (short forms, '&', misspellings)",
        of: [
            "whse associate", "bldg engineer", "proj mgr", "quant analyst", "instr aide", "sxr nurse", "e&o underwriter",
            "m&a analyst", "cheif executive", "mgmt trainee", "pilot - atl", "stay at home mom", "sr. budget anylst", "kjhgfd",
            "lawncare applicator", "waitstaff", "inside sales", "tier 1 help desk", "customer service", "quality control",
        ], iterations: 20_000)
}

/// Hands out the queries in turn to successive iterations.
final class QueryCursor: @unchecked Sendable {  // the benchmark runs iterations one at a time
    private let queries: [String]
    private var position = 0
    init(_ queries: [String]) { self.queries = queries }
    func next() -> String {
        defer { position = (position + 1) % queries.count }
        return queries[position]
    }
}
