/// Strings kept as one block of UTF-8 and their offsets, as the title index snapshot stores them: reading 147,000
/// titles back is two copies rather than 147,000 allocations, and each string is made only when it is shown.
struct PackedStrings: RandomAccessCollection, Equatable, Sendable {
    let utf8: [UInt8]
    /// `offsets[i]..<offsets[i + 1]` are string i's bytes: one more offset than strings, the first 0.
    let offsets: [UInt32]

    init(_ strings: some Sequence<String>) {
        var utf8: [UInt8] = []
        var offsets: [UInt32] = [0]
        for string in strings {
            utf8.append(contentsOf: string.utf8)
            offsets.append(UInt32(utf8.count))
        }
        self.utf8 = utf8
        self.offsets = offsets
    }

    /// Nil unless the offsets start at 0, never decrease and end at `utf8.count`: read from a file, they are checked
    /// before any string is sliced by them.
    init?(utf8: [UInt8], offsets: [UInt32]) {
        guard offsets.first == 0, offsets.last.map({ Int($0) == utf8.count }) == true,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        self.utf8 = utf8
        self.offsets = offsets
    }

    var startIndex: Int { 0 }
    var endIndex: Int { offsets.count - 1 }

    /// Whether string `position` has `byte`, without making the string.
    func contains(_ byte: UInt8, at position: Int) -> Bool {
        utf8[Int(offsets[position])..<Int(offsets[position + 1])].contains(byte)
    }

    subscript(position: Int) -> String {
        // Decoding repairs invalid UTF-8 rather than trapping: a damaged title reads as damaged, no worse.
        utf8.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(offsets[position])..<Int(offsets[position + 1])]), as: UTF8.self)
        }
    }
}
