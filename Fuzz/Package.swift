// swift-tools-version: 6.1
// libFuzzer targets, in their own package so that `swift test` on the main package never builds them.
// Build and run every target for a bounded time: Scripts/fuzz.sh [seconds]; one by hand, from this folder:
//   swift build -c release -Xswiftc -sanitize=fuzzer --product ImportTable && .build/release/ImportTable -runs=1000000 .corpus/ImportTable
// A new target: copy a folder of Targets/ (its main.swift calls the code under test), and add a line below.
import PackageDescription

let targets: [Target] = [
    fuzzTarget("ImportDelimited", [store]),   // DelimitedReader (TSV and CSV), against the string-based reader it replaced
    fuzzTarget("ImportTable", [store]),       // UpstreamTable: header check and every typed accessor, against string readings
    fuzzTarget("ImportFieldBytes", [store]),  // trimming and numbers read from bytes, against Foundation and the standard library
    fuzzTarget("ImportGzip", [store]),        // gunzip with its trailer checks
    fuzzTarget("ImportProvenance", [store]),  // the row counts of a PROVENANCE.md
    fuzzTarget("EvalCases", [core]),          // TitleEvaluation.parseCases, the eval TSV
    fuzzTarget("TitleNormalizer", [core]),    // validate, fold, tokenize, TypedTitle, Slug.make: invariants of the title rules
    fuzzTarget("TitleSearch", [core, store]), // TitleIndex.search over the real index (the database's snapshot)
    fuzzTarget("ComparisonSlug", [core, service]),  // titles(inSlug:), the pair's address read back, OccupationCode, SOCCode
    fuzzTarget("QueryString", [core]),        // QueryParameters against Foundation; SiteURL's addresses read back (linked sources)
]

var store: Target.Dependency { .product(name: "VersusStore", package: "versus") }
var core: Target.Dependency { .product(name: "VersusCore", package: "versus") }
var service: Target.Dependency { .product(name: "VersusService", package: "versus") }

/// An executable whose `main.swift` defines `LLVMFuzzerTestOneInput` and hands it to libFuzzer's driver.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzDriver"] + dependencies, path: "Targets/\(name)")
}

let package = Package(
    name: "versus-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "versus", path: ".."),  // named: a path dependency is otherwise identified by its folder name
    ],
    targets: [
        // libFuzzer's driver, declared for Swift: SwiftPM gives every executable a Swift `main`, which runs it.
        .target(name: "FuzzDriver"),
    ] + targets
)
