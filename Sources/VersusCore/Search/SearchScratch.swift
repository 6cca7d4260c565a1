import Foundation  // NSLock: Synchronization.Mutex needs macOS 15, the package supports macOS 14.

/// Per-search working memory sized to the index, reused across searches so that a search allocates
/// almost nothing. Generation stamps (occupations) and the touched entries' bits mark which slots the
/// current search has written, so that only those are cleared between searches.
final class SearchScratch {
    /// What one pass knows of an entry it touched: packed so that touching an entry reads one cache line.
    struct EntryState {
        /// The query position that last matched the entry, so that a position counts once.
        var lastPosition: Int16 = -1
        var queryMatch: Float = 0
        var titleMatch: Float = 0
        /// The entry's weight, copied when the pass first touches it: the pass's similarities then read
        /// nothing else of the entry.
        var weight: Float = 0
    }

    var entries: [EntryState]
    /// One bit per entry, set when the current pass has touched it (is in `touchedEntries`): a few
    /// kilobytes that stay in cache, where asking `entries` whether a title of a long posting list was
    /// touched would miss the cache for most of them.
    var touchedBits: [UInt64]
    var touchedEntries: [Int32] = []
    var similarities: [Float] = []

    var occupationStamp: [UInt32]
    var occupationScore: [Float]
    var occupationLink: [Int32]
    var touchedOccupations: [Int32] = []
    var occupationGeneration: UInt32 = 0

    var fuzzy = FuzzyScratch()

    init(entries: Int, occupations: Int, words: Int) {
        self.entries = Array(repeating: EntryState(), count: entries)
        touchedBits = Array(repeating: 0, count: (entries + 63) / 64)
        occupationStamp = Array(repeating: 0, count: occupations)
        occupationScore = Array(repeating: 0, count: occupations)
        occupationLink = Array(repeating: -1, count: occupations)
        fuzzy.counts = Array(repeating: 0, count: words)
        touchedEntries.reserveCapacity(4096)
        similarities.reserveCapacity(4096)
        touchedOccupations.reserveCapacity(256)
    }

    /// Starts a new pass over the entries (one per query variant).
    func nextEntryGeneration() {
        touchedBits.withUnsafeMutableBufferPointer { bits in
            for entry in touchedEntries { bits[Int(entry) &>> 6] = 0 }
        }
        touchedEntries.removeAll(keepingCapacity: true)
    }

    /// Starts a new search (occupation scores accumulate across the variants of one query).
    func nextOccupationGeneration() {
        touchedOccupations.removeAll(keepingCapacity: true)
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
