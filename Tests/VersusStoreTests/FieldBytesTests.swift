import Foundation
import Testing
@testable import VersusStore

/// The importer reads fields from their bytes; each reading must give what the string reading it replaced gave
/// (Fuzz/ImportFieldBytes checks the same on generated input). These are the cases worth keeping in view.
@Suite struct FieldBytesTests {
    static let fields = [
        "", " ", "\t", "  105770 ", "\u{00A0}4.12\u{3000}", "\u{200B}x\u{200B}", "\u{2000}\u{200A}\u{202F}\u{205F}\u{1680}a",
        "a\u{FEFF}", "\u{E2}\u{80}", "-0", "+5", "5.", ".5", "-.5", ".", "-", "+", "1e5", "0x1p3", "nan", "inf", "1,234.5",
        "123456789012345", "1234567890123456", "0.000000000000000000000001", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "0012", "4.45 ", "n/a", "#", "**",
    ]

    @Test(arguments: fields) func readingsMatchTheStringReadings(_ field: String) {
        let bytes = Array(field.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(String(decoding: FieldBytes.trimmed(buffer), as: UTF8.self) == field.trimmingCharacters(in: .whitespaces))
            #expect(FieldBytes.double(buffer)?.bitPattern == Double(field)?.bitPattern)
            #expect(FieldBytes.int(buffer) == Int(field))
        }
    }

    @Test func invalidUTF8NextToSpacesTrimsAsTheRepairedString() {
        for bytes: [UInt8] in [[0xE2, 0x80, 0x20], [0x20, 0xE2, 0xE2, 0x80, 0x80], [0xF0, 0xE2, 0x80, 0x80], [0xC2, 0xC2, 0xA0]] {
            let string = String(decoding: bytes, as: UTF8.self)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(String(decoding: FieldBytes.trimmed(buffer), as: UTF8.self) == string.trimmingCharacters(in: .whitespaces), "\(bytes)")
            }
        }
    }
}
