// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "versus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "versus", targets: ["versus"]),
        .library(name: "VersusCore", targets: ["VersusCore"]),
        .library(name: "VersusStore", targets: ["VersusStore"]),
        .library(name: "VersusService", targets: ["VersusService"]),
        .library(name: "VersusWeb", targets: ["VersusWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // The domain: codes, occupations, estimates, title search, the comparison and its article, and the
        // `CareerStore` interface the application reads through. Pure Swift: no I/O, no database, no web.
        .target(name: "VersusCore"),
        // Persistence: upstream importers, the SQLite schema, and `LiveCareerStore`, returning Core values.
        .target(
            name: "VersusStore",
            dependencies: [
                "VersusCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The application layer every front end calls: compare, occupation pages, search, the catalog.
        // Reads only through `CareerStore`; `InMemoryCareerStore` is the store's twin for tests.
        .target(name: "VersusService", dependencies: ["VersusCore"]),
        // HTTP: routes, pages, JSON API. Calls the service only.
        .target(
            name: "VersusWeb",
            dependencies: [
                "VersusCore",
                "VersusService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/Templates"), .copy("Resources/Assets")]
        ),
        .executableTarget(
            name: "versus",
            dependencies: [
                "VersusCore",
                "VersusStore",
                "VersusService",
                "VersusWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Hand-built values for tests: a small world of occupations, titles and areas.
        .target(name: "VersusFixtures", dependencies: ["VersusCore", "VersusService"], path: "Tests/VersusFixtures"),
        .testTarget(name: "VersusCoreTests", dependencies: ["VersusCore"], exclude: ["Golden"]),
        .testTarget(
            name: "VersusStoreTests",
            dependencies: ["VersusStore", "VersusCore", "VersusService", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "VersusServiceTests", dependencies: ["VersusService", "VersusCore", "VersusFixtures", "versus"]),
        .testTarget(
            name: "VersusWebTests",
            dependencies: [
                "VersusWeb", "VersusService", "VersusCore", "VersusFixtures",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
