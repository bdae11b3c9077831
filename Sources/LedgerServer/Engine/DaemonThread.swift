import Foundation

/// Starts the daemon's own long-lived threads under names `top -H`, `ps -L` and `perf` show.
///
/// A new thread takes its creator's name on Linux (a dispatch worker's, `oot.default-qos`), and
/// `Thread.name` set before `start()` never reaches the kernel. Swift's Glibc does not show
/// `pthread_setname_np`; the kernel takes the name at `/proc/thread-self/comm` too.
enum DaemonThread {
    /// Starts `body` on a new thread named `name` (at most 15 bytes), at `niceness` (0 for the
    /// daemon's own priority; higher yields the processors to the other threads when they
    /// want them, which an unprivileged process may do but never undo).
    static func start(name: String, niceness: Int32 = 0, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            try? name.write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
            if niceness != 0 {
                // Linux keeps a nice value per thread: `who` 0 is the calling thread.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            }
            body()
        }
        thread.start()
    }
}
