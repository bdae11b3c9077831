#if canImport(Glibc)
    import Glibc
#endif

/// A writer-preferring readers–writer lock over `pthread_rwlock_t`.
///
/// Every LMDB transaction of this process holds it shared; growing the map holds it
/// exclusively, because `mdb_env_set_mapsize` may only run while no transaction is active.
final class ReadWriteLock: @unchecked Sendable {
    // Invariant: `lock` is initialised once in `init`, destroyed once in `deinit`, and touched
    // only through pthread calls, which are themselves thread-safe.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        // Without writer preference a steady stream of readers could starve a map resize.
        pthread_rwlockattr_setkind_np(
            &attributes,
            Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP)
        )
        let result = pthread_rwlock_init(lock, &attributes)
        precondition(result == 0, "pthread_rwlock_init failed: \(result)")
        pthread_rwlockattr_destroy(&attributes)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` holding the lock shared.
    func withReadLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// Runs `body` holding the lock exclusively.
    func withWriteLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
