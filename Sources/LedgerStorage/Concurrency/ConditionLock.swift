#if canImport(Glibc)
    import Glibc
#endif

/// A mutex with one condition variable (`pthread_mutex_t` and `pthread_cond_t`), for the few
/// hand-offs between threads that wait on a state change rather than on a value.
final class ConditionLock: @unchecked Sendable {
    // Invariant: both are initialised once in `init`, destroyed once in `deinit`, and touched
    // only through pthread calls, which are themselves thread-safe.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
        precondition(pthread_cond_init(condition, nil) == 0, "pthread_cond_init failed")
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the mutex; `body` may call ``wait()`` and ``broadcast()``.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the mutex until another thread broadcasts, then holds it again. Only inside
    /// ``locked(_:)``; callers re-check their condition in a loop.
    func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// Wakes every waiting thread.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}
