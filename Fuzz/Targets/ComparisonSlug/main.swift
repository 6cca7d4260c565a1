// Fuzzes the reading of comparison addresses and codes: VersusService.titles(inSlug:) (what /compare/{slug} and
// /api/comparisons/{slug} read), the address written for two typed titles (the redirect of /compare?a=&b=), and
// OccupationCode and SOCCode (what /occupations/{code} reads), each against a plain reference. The input is up to
// three texts separated by NUL bytes: a slug or code, then two typed titles. Crashes and broken invariants trap.
import FuzzDriver
import Foundation
import VersusCore
@_spi(Fuzzing) import VersusService

func check(_ holds: Bool, _ what: String, _ input: String) {
    if !holds { fatalError("\(what) fails for \(input.debugDescription)") }
}

/// `NN-NNNN.NN` or `NN-NNNN`, ASCII digits: what an O*NET-SOC code looks like.
func looksLikeOccupationCode(_ text: String) -> Bool {
    let b = Array(text.utf8)
    let digit = { (i: Int) in (0x30...0x39).contains(b[i]) }
    let base = b.count >= 7 && digit(0) && digit(1) && b[2] == 0x2D && (3..<7).allSatisfy(digit)
    return base && (b.count == 7 || (b.count == 10 && b[7] == 0x2E && digit(8) && digit(9)))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    let text = parts[0]

    ServiceFuzzing.slug(text)
    if parts.count == 3 { ServiceFuzzing.pair(parts[1], parts[2]) }

    let code = OccupationCode(text)
    check((code != nil) == looksLikeOccupationCode(text), "OccupationCode accepts exactly NN-NNNN[.NN]", text)
    if let code {
        check(code.rawValue.utf8.count == 10 && code.rawValue.hasPrefix(text), "a code's raw value", text)
        check(OccupationCode(code.rawValue) == code && SOCCode(code.socPrefix.rawValue) == code.socPrefix, "a code reads back", text)
    }
    if let soc = SOCCode(text) {
        check(text.utf8.count == 7 && SOCCode(soc.rawValue) == soc, "a SOC code reads back", text)
        check(SOCCode(soc.majorGroup.rawValue) != nil && SOCCode(soc.broadGroup.rawValue) != nil, "a SOC code's groups", text)
    }
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
