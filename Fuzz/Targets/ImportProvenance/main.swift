// Fuzzes the PROVENANCE.md row-count parser.
import FuzzDriver
import Foundation
@_spi(Fuzzing) import VersusStore

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    _ = ImportFuzzing.provenance(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
