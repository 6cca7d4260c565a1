import Foundation  // NSLock: Synchronization.Mutex needs macOS 15, the package supports macOS 14.

/// Per-search working memory sized to the index, reused across searches so that a search allocates
/// almost nothing. Generation stamps mark which slots the current search has written, so nothing
/// has to be cleared between searches.
final class SearchScratch {
    /// What one pass knows of an entry: packed so that touching an entry reads one cache line.
    struct EntryState {
        var stamp: UInt32 = 0
        /// The query position that last matched the entry, so that a position counts once.
        var lastPosition: Int16 = -1
        var queryMatch: Float = 0
        var titleMatch: Float = 0
    }

    var entries: [EntryState]
    var touchedEntries: [Int32] = []
    var similarities: [Float] = []
    var entryGeneration: UInt32 = 0

    var occupationStamp: [UInt32]
    var occupationScore: [Float]
    var occupationLink: [Int32]
    var touchedOccupations: [Int32] = []
    var occupationGeneration: UInt32 = 0

    var fuzzy = FuzzyScratch()

    init(entries: Int, occupations: Int, words: Int) {
        self.entries = Array(repeating: EntryState(), count: entries)
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
        touchedEntries.removeAll(keepingCapacity: true)
        entryGeneration &+= 1
        if entryGeneration == 0 {  // wrapped: old stamps could collide
            for index in entries.indices { entries[index].stamp = 0 }
            entryGeneration = 1
        }
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
