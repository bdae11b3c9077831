#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a ledger directory's `accrued.lock` file, held for
/// the life of this value, so a second daemon on the same directory refuses to start.
///
/// Readers (the CLI, verify, backup) do not take it: LMDB lets them read beside the writer.
package final class DirectoryLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock without waiting.
    ///
    /// - Throws: ``StorageError/locked(directory:)`` if another process holds it, or
    ///   ``StorageError/lmdb(_:)`` wrapping `errno` if the lock file cannot be opened.
    package init(directory: String) throws(StorageError) {
        let path = directory + "/accrued.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw .lmdb(LMDBError(code: errno, operation: "open \(path)"))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw .locked(directory: directory) }
            throw .lmdb(LMDBError(code: code, operation: "flock \(path)"))
        }
        self.descriptor = descriptor
    }

    deinit {
        // Closing the descriptor releases the flock.
        close(descriptor)
    }
}
