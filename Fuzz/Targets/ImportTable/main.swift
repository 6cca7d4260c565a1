// Fuzzes UpstreamTable: the first byte picks TSV (even) or CSV (odd), the rest is the file.
import FuzzDriver
import Foundation
@_spi(Fuzzing) import VersusStore

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    ImportFuzzing.table(Array(UnsafeBufferPointer(start: data + 1, count: size - 1)), csv: data[0] & 1 == 1)
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
