#if canImport(Glibc)
    import Glibc
#endif

/// Plain joinable threads for CPU-bound work that must run beside the calling thread (a
/// cooperative task pool would be the wrong tool: the workers block on each other).
enum WorkerThreads {
    /// Starts up to `count` threads running `body(index)`, runs `coordinator` on the calling
    /// thread, then joins every thread before returning what `coordinator` returned or threw.
    ///
    /// A thread the system refuses to start (no resources) is skipped, so `coordinator` must not
    /// rely on any one worker: it must be able to do the work itself. It must also make the
    /// workers finish, also when it throws (they cannot be interrupted from outside).
    static func run<T>(
        count: Int,
        _ body: @escaping @Sendable (Int) -> Void,
        coordinator: () throws -> T
    ) rethrows -> T {
        var threads: [pthread_t] = []
        threads.reserveCapacity(count)
        for index in 0..<count {
            let box = Unmanaged.passRetained(Job { body(index) })
            var thread = pthread_t()
            let started = pthread_create(
                &thread,
                nil,
                { pointer in
                    guard let pointer else { return nil }
                    let job = Unmanaged<Job>.fromOpaque(pointer).takeRetainedValue()
                    job.body()
                    return nil
                },
                box.toOpaque()
            )
            if started == 0 {
                threads.append(thread)
            } else {
                box.release()
            }
        }
        defer { for thread in threads { pthread_join(thread, nil) } }
        return try coordinator()
    }

    /// The number of processors online (at least 1).
    static var processorCount: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    private final class Job: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
