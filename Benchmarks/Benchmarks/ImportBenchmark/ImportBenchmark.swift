import Benchmark
import Foundation
import VersusStore

/// The full import of the repository's Data/ (target: under 20 s and 1 GiB on 2 cores).
let benchmarks: @Sendable () -> Void = {
    let data = DataDirectory(
        url: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data"))
    Benchmark(
        "Full import",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, .cpuTotal], timeUnits: .milliseconds,
            warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)
    ) { benchmark in
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("versus-import-benchmark-\(UUID()).sqlite")
        defer { try? FileManager.default.removeItem(at: target) }
        benchmark.startMeasurement()
        try DatabaseBuilder(data: data).build(at: target)
        benchmark.stopMeasurement()
    }
}
