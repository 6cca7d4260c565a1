/// glibc gives each thread that allocates an arena of its own and grows it a few pages at a time, one `mprotect`
/// call each: thousands of system calls while a one-shot command reads the title index on a worker thread (about a
/// quarter of a cold `versus compare`). One arena grown in large steps suits a command that ends in a moment; the
/// server keeps glibc's default, an arena per thread, for requests on both cores.
enum Allocator {
    static func preferOneArena() {
        #if os(Linux)
            // <malloc.h>, which Swift's Glibc module does not include.
            let (topPad, arenaMax): (Int32, Int32) = (-2, -8)
            _ = mallopt(arenaMax, 1)
            _ = mallopt(topPad, 32 << 20)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("mallopt")
    private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
