import Benchmark
import Foundation
import VersusCore
import VersusService
import VersusStore
import VersusWeb

/// One moves answer in-process, computed and rendered (target: p50 under 5 ms): the service resolves the role, ranks
/// its candidates over the similarity index (built once, before measuring, as a server does at start-up), and the
/// front end renders the JSON the API sends and the CLI's text. The database is the cached one `versus` builds.
final class Turn: @unchecked Sendable {
    private var value = 0
    func next(_ count: Int) -> Int {
        defer { value = (value + 1) % count }
        return value
    }
}

final class Started: @unchecked Sendable {
    var service: VersusService?
}

let benchmarks: @Sendable () -> Void = {
    let data = DataDirectory(
        url: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data"))
    let started = Started()
    let semaphore = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            let location = try DatabaseLocation.resolve(explicitPath: nil, data: data)
            try location.buildIfMissing(data: data)
            let service = try await VersusService(store: LiveCareerStore(database: VersusDatabase(path: location.url.path)))
            try service.loadAll()
            try await service.loadProfiles()
            try await service.loadMoves()
            started.service = service
        } catch {
            fatalError("cannot open the Versus database: \(error)")
        }
        semaphore.signal()
    }
    semaphore.wait()
    let service = started.service!
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
