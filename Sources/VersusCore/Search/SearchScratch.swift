import Foundation  // NSLock: Synchronization.Mutex needs macOS 15, the package supports macOS 14.

/// Per-search working memory sized to the index, reused across searches so that a search allocates
/// almost nothing. Generation stamps (occupations) and the touched entries' bits mark which slots the
/// current search has written, so that only those are cleared between searches.
final class SearchScratch {
    /// What one pass knows of an entry it touched.
    struct EntryState {
        /// The query position that last matched the entry, so that a position counts once.
        var lastPosition: Int16 = -1
        var queryMatch: Float = 0
        var titleMatch: Float = 0
        /// A word of the query's that is neither its job noun nor noise matched the entry.
        var matchedModifier = false
        // The entry's `TitleIndex.EntryScoring` is not copied here: `accumulate` reads it in a loop of its own,
        // where the reads overlap, rather than one at a time in the branches of a posting list's walk.
    }

    /// The states of the entries the current pass touched, in the order of `touchedEntries`: a search
    /// reads and writes the start of this array, which stays in cache, rather than one line per title
    /// scattered over an array as long as the index.
    var states: [EntryState]
    /// Per entry, where its state is in `states`; meaningful only where `touchedBits` has its bit.
    var slots: [Int32]
    /// One bit per entry, set when the current pass has touched it (is in `touchedEntries`): a few
    /// kilobytes that stay in cache, so that a long posting list is checked against it cheaply.
    var touchedBits: [UInt64]
    /// The entries the current pass touched, in order. The lists of touched entries and occupations are as long
    /// as what they list and made once: adding to one is a store, with no check for room or for a shared copy.
    var touchedEntries: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: entryList[..<entryCount]) }
    private let entryList: UnsafeMutableBufferPointer<Int32>
    private var entryCount = 0
    var similarities: [Float] = []

    var occupationStamp: [UInt32]
    var occupationScore: [Float]
    /// The entry through which each occupation got its score.
    var occupationEntry: [Int32]
    /// The occupations the current search scored, in order: each once, as `occupationStamp` marks them.
    var touchedOccupations: UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: occupationList[..<occupationCount])
    }
    let occupationList: UnsafeMutableBufferPointer<Int32>
    /// Occupations in `touchedOccupations`.
    var occupationCount = 0
    var occupationGeneration: UInt32 = 0

    var fuzzy = FuzzyScratch()

    init(entries: Int, occupations: Int, words: Int) {
        states = Array(repeating: EntryState(), count: entries)
        slots = Array(repeating: 0, count: entries)
        touchedBits = Array(repeating: 0, count: (entries + 63) / 64)
        occupationStamp = Array(repeating: 0, count: occupations)
        occupationScore = Array(repeating: 0, count: occupations)
        occupationEntry = Array(repeating: -1, count: occupations)
        fuzzy.prepare(words: words)
        entryList = .allocate(capacity: entries)
        similarities.reserveCapacity(4096)
        occupationList = .allocate(capacity: occupations)
    }

    deinit {
        entryList.deallocate()
        occupationList.deallocate()
    }

    /// One pass's view of the entries' memory as raw buffers, taken once per pass so that its loops pay
    /// neither bounds nor exclusivity checks.
    struct EntryPass {
        let bits: UnsafeMutableBufferPointer<UInt64>
        let slots: UnsafeMutableBufferPointer<Int32>
        let states: UnsafeMutableBufferPointer<EntryState>
        let entryList: UnsafeMutableBufferPointer<Int32>
        var entryCount: Int
        /// The entries the pass touched, in order.
        var touched: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: entryList[..<entryCount]) }

        /// Where the entry's state is in `states`, if the pass has touched the entry.
        @inline(__always)
        func slot(_ entry: Int) -> Int? {
            bits[entry &>> 6] & (1 &<< (entry & 63)) != 0 ? Int(slots[entry]) : nil
        }

        @inline(__always)
        mutating func touch(_ entry: Int, _ state: EntryState) {
            bits[entry &>> 6] |= 1 &<< (entry & 63)
            slots[entry] = Int32(truncatingIfNeeded: entryCount)
            states[entryCount] = state
            entryList[entryCount] = Int32(truncatingIfNeeded: entry)  // each entry once a pass: never past the end
            entryCount &+= 1
        }
    }

    /// Runs `body` on the current pass's memory.
    func withPass<T>(_ body: (inout EntryPass) -> T) -> T {
        touchedBits.withUnsafeMutableBufferPointer { bits in
            slots.withUnsafeMutableBufferPointer { slots in
                states.withUnsafeMutableBufferPointer { states in
                    var pass = EntryPass(
                        bits: bits, slots: slots, states: states, entryList: entryList, entryCount: entryCount)
                    defer { entryCount = pass.entryCount }
                    return body(&pass)
                }
            }
        }
    }

    /// Starts a new pass over the entries (one per query variant).
    func nextEntryGeneration() {
        touchedBits.withUnsafeMutableBufferPointer { bits in
            for entry in touchedEntries { bits[Int(entry) &>> 6] = 0 }
        }
        entryCount = 0
    }

    /// Starts a new search (occupation scores accumulate across the variants of one query).
    func nextOccupationGeneration() {
        occupationCount = 0
        occupationGeneration &+= 1
        if occupationGeneration == 0 {
            for index in occupationStamp.indices { occupationStamp[index] = 0 }
            occupationGeneration = 1
        }
    }
}

/// Scratches for concurrent searches: each search borrows one and gives it back.
final class ScratchPool: @unchecked Sendable {  // every access to `free` holds `lock`
    private let lock = NSLock()
    private var free: [SearchScratch] = []
    private let make: @Sendable () -> SearchScratch

    init(make: @escaping @Sendable () -> SearchScratch) { self.make = make }

    func withScratch<T>(_ body: (SearchScratch) throws -> T) rethrows -> T {
        lock.lock()
        let scratch = free.popLast()
        lock.unlock()
        let borrowed = scratch ?? make()
        defer {
            lock.lock()
            if free.count < 8 { free.append(borrowed) }  // enough for the cores there are; more would only hold memory
            lock.unlock()
        }
        return try body(borrowed)
    }
}
