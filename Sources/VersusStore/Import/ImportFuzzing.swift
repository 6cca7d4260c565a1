import Foundation

/// The importer's parsers over bytes instead of files, for the libFuzzer targets in `Fuzz/`.
///
/// A thrown `ImportError` is the right answer to a bad file and is returned or swallowed; what the fuzzer looks
/// for is a crash, a hang, or a fast path that reads a field differently from the plain string reading it
/// replaced (those trap, with both readings in the message).
@_spi(Fuzzing) public enum ImportFuzzing {
    /// Every record of `bytes` as strings, and the error that stopped the reading, if one did.
    public static func records(_ bytes: [UInt8], csv: Bool) -> (records: [[String]], error: ImportError?) {
        var reader = DelimitedReader(bytes: bytes, file: "fuzz", format: csv ? .csv : .tsv)
        var records: [[String]] = []
        var fields: [String] = []
        do {
            while try reader.next(into: &fields) { records.append(fields) }
            return (records, nil)
        } catch {
            return (records, error as? ImportError)
        }
    }

    /// Opens `bytes` as an upstream table requiring no column, then reads every field of every row with every
    /// typed accessor, each checked against the same reading of the field as a string.
    public static func table(_ bytes: [UInt8], csv: Bool) {
        guard var table = try? UpstreamTable(bytes: bytes, name: "fuzz", format: csv ? .csv : .tsv, required: []) else { return }
        let markers: Set<String> = ["#", "*", "**", "-"]
        while (try? table.next()) == true {
            for (index, column) in table.header.enumerated() {
                // A repeated column name reads the first column of that name, as the loader does.
                guard (try? table.index(of: column)) == index else { continue }
                let raw = table[column]
                fieldReadings(Array(raw.utf8))
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                check((try? table.text(column)) == (trimmed.isEmpty ? nil : trimmed), "text", raw)
                check(table.optionalText(column, blanks: ["n/a"]) == (trimmed.isEmpty || trimmed == "n/a" ? nil : trimmed), "optionalText", raw)
                let plainNumber = Double(trimmed.replacingOccurrences(of: ",", with: "")).flatMap { $0.isFinite ? $0 : nil }
                check(
                    (try? table.optionalDouble(column)).map { $0?.bitPattern }
                        == (["", "n/a"].contains(trimmed) ? .some(nil) : plainNumber.map { $0.bitPattern }),
                    "optionalDouble", raw)
                check((try? table.double(column))?.bitPattern == Double(trimmed).flatMap { $0.isFinite ? $0.bitPattern : nil }, "double", raw)
                check((try? table.int(column)) == Int(trimmed), "int", raw)
                _ = try? table.numberOrMarker(column, markers: markers)
                _ = try? table.flag(column)
                _ = try? table.flag(column, yes: "TRUE", no: "FALSE")
                _ = try? table.occupationCode(column)
                _ = try? table.socCode(column)
            }
        }
    }

    /// Trimming, numbers and whole numbers read from the bytes, each against the reading of them as a string.
    public static func fieldReadings(_ bytes: [UInt8]) {
        let string = String(decoding: bytes, as: UTF8.self)
        bytes.withUnsafeBufferPointer { buffer in
            let trimmed = String(decoding: FieldBytes.trimmed(buffer), as: UTF8.self)
            check(trimmed == string.trimmingCharacters(in: .whitespaces), "trimmed", string)
            check(FieldBytes.double(buffer)?.bitPattern == Double(string)?.bitPattern, "double", string)
            check(FieldBytes.int(buffer) == Int(string), "int", string)
        }
    }

    public static func gunzip(_ bytes: [UInt8]) {
        _ = try? FileBytes.gunzip(Data(bytes), displayName: "fuzz.gz")
    }

    public static func provenance(_ text: String) -> [String: Int] {
        DataDirectory.rowCounts(provenance: text)
    }

    private static func check(_ same: Bool, _ reading: String, _ field: String) {
        if !same { fatalError("\(reading) reads \(field.debugDescription) differently from the string reading") }
    }
}
