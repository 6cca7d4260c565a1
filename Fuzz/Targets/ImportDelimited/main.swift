// Fuzzes DelimitedReader against ReferenceReader (the string-based reader it replaced): the first byte picks
// TSV (even) or CSV (odd), the rest is the file. Same records and same error, or the target traps.
import FuzzDriver
import Foundation
@_spi(Fuzzing) import VersusStore

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let csv = data[0] & 1 == 1
    let found = ImportFuzzing.records(bytes, csv: csv)
    var reference = ReferenceReader(bytes: bytes, file: "fuzz", csv: csv)
    var expected: [[String]] = []
    var fields: [String] = []
    var expectedError: ImportError? = nil
    do {
        while try reference.next(into: &fields) { expected.append(fields) }
    } catch {
        expectedError = error as? ImportError
    }
    if found.records != expected || found.error != expectedError {
        fatalError("records \(found.records) error \(String(describing: found.error)); reference \(expected) error \(String(describing: expectedError))")
    }
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
