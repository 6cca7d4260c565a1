// Fuzzes title search over the real index: the snapshot the importer stored in the database, loaded the way the
// product loads it (the database of Data/, built on first use; VERSUS_DATABASE or VERSUS_DATA choose others).
// The first byte picks the limit (1…64) and type-ahead or search; the rest is the query. Crashes, hangs, and
// broken invariants (they trap):
//   - search throws only TitleQueryError, and exactly for text that does not validate or has no words;
//   - at most `limit` results, one per occupation, scores finite in 0…1, best first;
//   - the same query answers the same after another query ran (the scratch buffers are reused between searches).
import FuzzDriver
import Foundation
import VersusCore
import VersusStore

func check(_ holds: Bool, _ what: String, _ input: String) {
    if !holds { fatalError("\(what) fails for \(input.debugDescription)") }
}

let index: TitleIndex = {
    do {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = DataDirectory(url: URL(fileURLWithPath: environment["VERSUS_DATA"] ?? root.appendingPathComponent("Data").path))
        let location = try DatabaseLocation.resolve(explicitPath: nil, data: data)
        if !location.exists { FileHandle.standardError.write(Data("TitleSearch: building the database at \(location.url.path)\n".utf8)) }
        try location.buildIfMissing(data: data)
        guard let index = try VersusDatabase(path: location.url.path).titleIndexFromSnapshot() else {
            fatalError("the database at \(location.url.path) holds no title index snapshot")
        }
        FileHandle.standardError.write(Data("TitleSearch: \(index.entryCount) titles of \(index.occupationCount) occupations\n".utf8))
        return index
    } catch {
        fatalError("cannot load the title index: \(error)")
    }
}()

nonisolated(unsafe) var previous = "registered nurse"

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let limit = Int(data[0] >> 1 & 63) + 1
    let typing = data[0] & 1 == 1
    let query = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let refused = (try? TitleNormalizer.validate(query)) == nil || TitleNormalizer.tokenize(query).isEmpty
    let results: [TitleMatch]
    do {
        results = try index.search(query, limit: limit, typing: typing)
    } catch is TitleQueryError {
        check(refused, "a query refused though it validates and has words", query)
        return 0
    } catch {
        fatalError("search threw \(error) for \(query.debugDescription)")
    }
    check(!refused, "a query answered though it does not validate or has no words", query)
    check(results.count <= limit, "at most \(limit) results", query)
    check(Set(results.map(\.code)).count == results.count, "one result per occupation", query)
    check(results.allSatisfy { $0.score.isFinite && (0...1).contains($0.score) }, "scores in 0…1", query)
    check(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score }, "best first", query)
    _ = try? index.search(previous, limit: 64, typing: !typing)
    check((try? index.search(query, limit: limit, typing: typing)) == results, "the same answer after another search", query)
    _ = try? index.explain(query)
    previous = query
    return 0
}

_ = index.entryCount  // loaded before the first input, so its time is not counted as a slow input
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
