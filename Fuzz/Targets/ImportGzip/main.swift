// Fuzzes FileBytes.gunzip: header, stream and trailer checks on arbitrary bytes.
import FuzzDriver
import Foundation
@_spi(Fuzzing) import VersusStore

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    ImportFuzzing.gunzip(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
