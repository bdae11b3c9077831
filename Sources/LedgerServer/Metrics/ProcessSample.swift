import Foundation

/// The daemon process's own resource use, read from `/proc/self` and `getrusage` when metrics
/// are rendered: the figures an operator watches for a leak or a descriptor exhaustion.
struct ProcessSample {
    /// Resident memory, in bytes.
    var residentMemoryBytes: Double
    /// Open file descriptors.
    var openDescriptors: Double
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double

    /// Samples the current process; a figure that cannot be read is 0.
    static func now() -> ProcessSample {
        ProcessSample(
            residentMemoryBytes: residentMemory(),
            openDescriptors: Double(
                (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
            ),
            cpuSeconds: cpuTime()
        )
    }

    /// The second field of `/proc/self/statm` (resident pages) times the page size.
    private static func residentMemory() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
            return 0
        }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func cpuTime() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
