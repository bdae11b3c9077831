internal import CJemalloc

/// The daemon's allocator: jemalloc, linked into `accrued` in place of glibc's `malloc`.
///
/// The daemon makes many small, short-lived objects (commands, events, results, replies) on
/// the event loops and the writer and frees them on other threads. glibc's allocator took a
/// tenth of the writer's time there, much of it sorting free chunks; on jemalloc 64 socket
/// clients sending lines of 100 writes got 15–40% more events through and the daemon started
/// on a million events in 1.8–2.0 s instead of 3.0, for 8% more resident memory.
///
/// The command-line tool and the benchmark keep glibc's: a replay in a process that already
/// holds and has freed a lot of memory (the storage bench replays after generating and
/// appending a million events) ran slower on jemalloc, its allocations spread over more memory.
///
/// Linking this module (any use of it) is what makes a program's `malloc` jemalloc's.
package enum MemoryAllocator {
    /// jemalloc's version, or nil when the process does not run on jemalloc.
    package static var version: String? {
        var text: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &text, &size, nil, 0) == 0, let text else { return nil }
        return String(cString: text)
    }

    /// The allocator and its release, for logs and reports: `jemalloc 5.3.0`.
    package static var description: String {
        version.map { "jemalloc \($0.prefix { $0 != "-" })" } ?? "the C library's malloc"
    }

    /// The bytes the program has allocated and not yet freed, by jemalloc's count (refreshed
    /// first); nil when the count is unavailable.
    package static var allocatedBytes: Int? {
        // Writing any value to `epoch` refreshes the statistics.
        var epoch: UInt64 = 1
        guard mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size) == 0 else {
            return nil
        }
        var allocated = 0
        var size = MemoryLayout<Int>.size
        guard mallctl("stats.allocated", &allocated, &size, nil, 0) == 0 else { return nil }
        return allocated
    }
}
