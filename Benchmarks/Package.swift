// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift test` on the main package
// does not build package-benchmark and its dependencies. Run from this folder:
//   swift package benchmark            (all suites)
//   swift package benchmark --target SearchBenchmark
import PackageDescription

let package = Package(
    name: "versus-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "versus", path: ".."),  // named: a path dependency is otherwise identified by its folder name
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // What the service benchmarks share: the started service over the cached database, and inputs taken in turn.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "VersusStore", package: "versus"),
                .product(name: "VersusService", package: "versus"),
            ],
            path: "Benchmarks/BenchmarkSupport"
        ),
        .executableTarget(
            name: "ImportBenchmark",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VersusStore", package: "versus"),
            ],
            path: "Benchmarks/ImportBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VersusStore", package: "versus"),
                .product(name: "VersusCore", package: "versus"),
            ],
            path: "Benchmarks/SearchBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Not a benchmark: dumps title search's results, to check that a change for speed changes none.
        .executableTarget(
            name: "SearchEquality",
            dependencies: [
                .product(name: "VersusStore", package: "versus"),
                .product(name: "VersusCore", package: "versus"),
            ],
            path: "Benchmarks/SearchEquality"
        ),
        .executableTarget(
            name: "CompareBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VersusCore", package: "versus"),
                .product(name: "VersusStore", package: "versus"),
                .product(name: "VersusService", package: "versus"),
            ],
            path: "Benchmarks/CompareBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MovesBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VersusCore", package: "versus"),
                .product(name: "VersusStore", package: "versus"),
                .product(name: "VersusService", package: "versus"),
                .product(name: "VersusWeb", package: "versus"),
            ],
            path: "Benchmarks/MovesBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
