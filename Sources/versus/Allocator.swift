import Foundation
#if os(Linux)
    import Glibc
#endif

/// glibc gives each thread that allocates an arena of its own and grows it a few pages at a time, one `mprotect`
/// call each: thousands of system calls while a one-shot command reads the title index on a worker thread (about a
/// quarter of a cold `versus compare`). One arena grown in large steps suits a command that ends in a moment.
///
/// A server keeps glibc's growth but at most one arena per core. With an arena per thread its memory depended on
/// chance: libdispatch starts another worker thread when one blocks for a moment, the new thread got an arena of its
/// own, and the response cache's churn then spread over one more heap, each holding its freed pages: in a soak run
/// whose extra thread read nothing from the database (`Scripts/soak.sh`), that thread's heap held 23 MB and the
/// server 256–274 MB against 230–250 MB in runs without it. Threads that share an arena take turns on its lock: one
/// per core, requests/s under the soak and `Scripts/load.sh` stayed within their run-to-run noise.
///
/// The memory a command fills (some 60 MB: the title index, the catalog, two profiles) also cost one page fault per
/// 4 KB page, about a third of a cold compare's CPU time on this virtual machine. So the heap is grown once, large
/// blocks included, and the kernel is asked to back it with 2 MB pages (transparent huge pages, `madvise` mode):
/// about 2,000 faults instead of 11,700, and a cold compare about a quarter faster. Memory is still committed only
/// as it is touched, 2 MB at a time.
enum Allocator {
    /// `mallopt` parameters of <malloc.h>, which Swift's Glibc module does not include.
    private static let (trimThreshold, topPad, mmapThreshold, arenaMax): (Int32, Int32, Int32, Int32) = (-1, -2, -3, -8)

    static func tuneForServer() {
        #if os(Linux)
            _ = mallopt(arenaMax, Int32(clamping: ProcessInfo.processInfo.activeProcessorCount))
        #endif
    }

    static func tuneForOneShotCommand() {
        #if os(Linux)
            _ = mallopt(arenaMax, 1)
            _ = mallopt(topPad, 32 << 20)
            _ = mallopt(mmapThreshold, 32 << 20)  // glibc's largest
            _ = mallopt(trimThreshold, 256 << 20)
            let hugePage = 2 << 20, hugePageAdvice: Int32 = 14  // MADV_HUGEPAGE
            // Allocated only to grow the heap, and freed at once (asking its size keeps the compiler from dropping both).
            guard let before = sbrk(0), let block = malloc(31 << 20), mallocUsableSize(block) > 0 else { return }
            free(block)
            guard let after = sbrk(0) else { return }
            let start = (Int(bitPattern: before) + hugePage - 1) & ~(hugePage - 1), end = Int(bitPattern: after)
            guard end - start >= hugePage, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(base, end - start, hugePageAdvice)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("mallopt")
    private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

    @_silgen_name("malloc_usable_size")
    private func mallocUsableSize(_ pointer: UnsafeMutableRawPointer) -> Int
#endif
