internal import CJemalloc

/// The daemon's allocator: jemalloc, linked into `accrued` in place of glibc's `malloc`.
///
/// The daemon makes many small, short-lived objects (commands, events, results, replies) on
/// the event loops and the writer and frees them on other threads. glibc's allocator took a
/// tenth of the writer's time there, much of it sorting free chunks. On jemalloc 64 socket
/// clients sending one call a line got about 15% more writes through (batches of 100 showed no
/// clear change), and the daemon started on a million events in 1.8–2.0 s instead of 2.2–3.0,
/// for 8% more resident memory.
///
/// The command-line tool and the benchmark keep glibc's: the storage bench's replay, which
/// runs after the bench has generated and appended a million events in the same process, was
/// slower on jemalloc, and the tool's own replay was no faster.
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
