// Fuzzes the web layer's addresses: a request target read as the handlers read it, with their strict query decoding
// (QueryParameters, checked against Foundation's percent-decoding and the parameter limit), and every address
// SiteURL writes from free text (typed titles, places, search queries, slugs), which must hold only URL-safe bytes
// and read back as that text. The input is a request target; split at NUL bytes it is also up to three free texts.
// Crashes and broken invariants trap. Configuration.swift and SiteURL.swift are links to Sources/VersusWeb: compiled
// here as they are, so this target needs neither Hummingbird nor NIO (minutes of build on two cores).
import FuzzDriver
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    WebChecks.requestTarget(String(decoding: bytes, as: UTF8.self))
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    WebChecks.writtenAddresses(parts[0], parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "")
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
