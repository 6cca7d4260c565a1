import Foundation
import VersusCore
import VersusStore

// Title search, result for result: a change made for speed must not change one result. Two modes:
//
//   SearchEquality dump <folder>   every query's results (codes, matched titles, sources, exact scores)
//                                  and explanation, from the index built from the tables and from the one
//                                  read from the stored snapshot, one file each; compare two dumps with diff.
//   SearchEquality drive <count>   reads the snapshot and searches <count> mixed queries at limit 5 (round after round),
//                                  as the batch benchmark does: a fixed workload for cachegrind or perf
//                                  (run it with 0 as well, to subtract what loading costs).

let data = DataDirectory(
    url: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data"))
let arguments = CommandLine.arguments
guard arguments.count == 3, let mode = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: SearchEquality dump <folder> | drive <count>\n".utf8))
    exit(2)
}
let location = try DatabaseLocation.resolve(explicitPath: nil, data: data)
try location.buildIfMissing(data: data)
let database = try VersusDatabase(path: location.url.path)

switch mode {
case "drive":
    guard let count = Int(arguments[2]), count >= 0 else { fatalError("drive takes a count") }
    guard let index = try database.titleIndexFromSnapshot() else { fatalError("the database holds no title index snapshot") }
    let queries = try DriveQueries.mixed(database)  // made even for 0: the same work to subtract
    var found = 0
    var fastestRound = Duration.seconds(1_000)
    var roundStart = ContinuousClock.now
    for number in 0..<count {  // round after round
        found += (try? index.search(queries[number % queries.count], limit: 5).count) ?? 0
        if (number + 1) % queries.count == 0 {
            fastestRound = min(fastestRound, ContinuousClock.now - roundStart)
            roundStart = ContinuousClock.now
        }
    }
    print("\(count) queries, \(found) results" + (count >= queries.count ? ", fastest round of \(queries.count): \(fastestRound)" : ""))
case "dump":
    let folder = URL(fileURLWithPath: arguments[2])
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let input = try database.titleIndexInput()
    let queries = EqualityQueries.make(titles: input.titles)
    let built = TitleIndex(occupations: input.occupations, titles: input.titles)
    guard let loaded = try database.titleIndexFromSnapshot() else { fatalError("the database holds no title index snapshot") }
    let reloaded = try TitleIndex(snapshot: built.snapshot())
    for (name, index) in [("built", built), ("loaded", loaded), ("reloaded", reloaded)] {
        let url = folder.appendingPathComponent("\(name).txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let file = try FileHandle(forWritingTo: url)
        var buffer = ""
        for query in queries {
            buffer += Dump.results(index, query)
            if buffer.utf8.count > 1 << 20 {
                file.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        file.write(Data(buffer.utf8))
        try file.close()
        print("\(name): \(queries.count) queries")
    }
default:
    fatalError("unknown mode \(mode)")
}

/// The benchmark's mixed queries, kept in a file beside the executable after the first run: making them reads
/// every title from the database, which would otherwise be most of what a run under cachegrind measures.
enum DriveQueries {
    static func mixed(_ database: VersusDatabase) throws -> [String] {
        let file = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mixed-queries.txt")
        if let text = try? String(contentsOf: file, encoding: .utf8) { return text.split(separator: "\n").map(String.init) }
        let queries = MixedQueries.make(from: try database.titleIndexInput().titles)
        precondition(!queries.contains { $0.contains("\n") || $0.isEmpty }, "a query of one line each")
        try Data(queries.joined(separator: "\n").utf8).write(to: file)
        return queries
    }
}

/// One query's results in every mode, as text: exact scores as bit patterns, so that a difference in the
/// last bit shows.
enum Dump {
    static func results(_ index: TitleIndex, _ query: String) -> String {
        var text = "Q \(escaped(query))\n"
        for (label, limit, typing) in [("10", 10, false), ("5", 5, false), ("t10", 10, true)] {
            text += "  \(label): "
            do {
                let matches = try index.search(query, limit: limit, typing: typing)
                text += matches.map { "\($0.code)|\($0.matched)|\($0.source.name)|\(String($0.score.bitPattern, radix: 16))" }
                    .joined(separator: " ; ")
            } catch {
                text += "error \(error)"
            }
            text += "\n"
        }
        do {
            text += "  explain: " + escaped(try index.explain(query)) + "\n"
        } catch {
            text += "  explain: error \(error)\n"
        }
        return text
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// The queries compared: every title of the data, the benchmark's mixed queries, the evaluation sets, and
/// titles bent as people type them (typos, unfinished words, lower case, run together), in a fixed order.
enum EqualityQueries {
    static func make(titles: [TitleRecord]) -> [String] {
        var queries: [String] = []
        var seen = Set<String>()
        func add(_ query: String) { if seen.insert(query).inserted { queries.append(query) } }
        for title in titles { add(title.text) }
        for query in MixedQueries.make(from: titles) { add(query) }
        for file in evaluationFiles() { for query in tsvQueries(file) { add(query) } }
        var random = SplitMix64(seed: 0xE0A1)
        let texts = titles.map(\.text)
        for _ in 0..<8_000 {
            let title = texts[random.next(below: texts.count)]
            var letters = Array(title)
            switch random.next(below: 6) {
            case 0 where letters.count > 4:
                letters.remove(at: 1 + random.next(below: letters.count - 2))
            case 1 where letters.count > 4:
                letters.swapAt(1 + random.next(below: letters.count - 3), 2 + random.next(below: letters.count - 3))
            case 2 where letters.count > 3:
                letters = Array(letters.prefix(1 + random.next(below: letters.count - 1)))
            case 3:
                letters = Array(title.lowercased().replacingOccurrences(of: " ", with: ""))
            case 4:
                letters = Array(title.split(separator: " ").suffix(2).joined(separator: " ") + " ")
            default:
                letters = Array(title.lowercased() + " (" + texts[random.next(below: texts.count)] + ")")
            }
            let query = String(letters)
            if query.contains(where: \.isLetter) { add(query) }
        }
        return queries
    }

    static func evaluationFiles() -> [URL] {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [
            URL(fileURLWithPath: "/work/shared/data/eval/title-queries.tsv"),
            repository.appendingPathComponent("Tests/VersusStoreTests/Fixtures/title-queries.tsv"),
            repository.appendingPathComponent("Tests/VersusStoreTests/Fixtures/posting-titles.tsv"),
        ]
    }

    /// The first column of each row after the header.
    static func tsvQueries(_ url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
    }
}
