import Benchmark
import BenchmarkSupport
import Foundation
import VersusCore
import VersusService
import VersusStore
import VersusWeb

/// One moves answer in-process, computed and rendered (target: p50 under 5 ms): the service resolves the role, ranks
/// its candidates over the similarity index (built once, before measuring, as a server does at start-up), and the
/// front end renders the JSON the API sends and the CLI's text. The database is the cached one `versus` builds.
let benchmarks: @Sendable () -> Void = {
    let (service, _) = startedService { service in
        try service.loadAll()
        try await service.loadProfiles()
        try await service.loadMoves()
    }
    // A spread of roles: every 25th occupation, by code and by a typed title.
    let codes = try! service.occupations.enumerated().filter { $0.offset % 25 == 0 }.map(\.element.code.rawValue)
    let titles = ["registered nurse", "nursing assistant", "software developer", "electrician", "teacher"]
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], timeUnits: .microseconds,
        warmupIterations: 20, maxDuration: .seconds(10), maxIterations: 3_000)

    func measure(_ name: String, _ queries: [String], _ render: @escaping @Sendable (MovesResult) -> any Sendable) {
        let turn = Turn()
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(render(try await service.moves(queries[turn.next(queries.count)])))
            }
        }
    }
    measure("Moves: by code, computed and rendered as JSON", codes) { MovesDocument.utf8($0) }
    measure("Moves: by code, computed and rendered as text", codes) { result in
        MovesRenderer.text(result) { MovesDocument.comparison($0, from: result).path }
    }
    measure("Moves: by typed title, computed and rendered as JSON", titles) { MovesDocument.utf8($0) }
}
