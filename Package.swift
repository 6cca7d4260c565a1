// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "versus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "versus", targets: ["versus"]),
        .library(name: "VersusCore", targets: ["VersusCore"]),
        .library(name: "VersusStore", targets: ["VersusStore"]),
        .library(name: "VersusWeb", targets: ["VersusWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        // Pure domain: no I/O, no database, no web.
        .target(name: "VersusCore"),
        // Persistence: upstream importers, the SQLite schema, queries returning Core values.
        .target(
            name: "VersusStore",
            dependencies: [
                "VersusCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // HTTP: routes, templates, JSON API. Reads the Store only through protocols.
        .target(
            name: "VersusWeb",
            dependencies: [
                "VersusCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "versus",
            dependencies: [
                "VersusCore",
                "VersusStore",
                "VersusWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "VersusCoreTests", dependencies: ["VersusCore"]),
        .testTarget(
            name: "VersusStoreTests",
            dependencies: ["VersusStore", "VersusCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
