/// Why the storage layer could not do what was asked.
package enum StorageError: Error, Equatable, CustomStringConvertible {
    /// LMDB or the operating system refused.
    case lmdb(LMDBError)
    /// The ledger was written by a newer accrue; this build must not touch it.
    case unsupportedFormat(found: UInt32, supported: UInt32)
    /// Another process holds the ledger directory's exclusive lock.
    case locked(directory: String)
    /// The directory holds no ledger (and was opened read-only, so none can be created).
    case noLedger(directory: String)
    /// A stored record or snapshot does not decode.
    case corrupt(String)
    /// An append would break the log's rules (e.g. a field too long).
    case invalidRecord(String)

    /// A message for operators.
    package var description: String {
        switch self {
        case .lmdb(let error) where error.isStorageFull:
            "storage full: the disk has no room for the write, nothing was written (\(error))"
        case .lmdb(let error):
            "storage error: \(error)"
        case .unsupportedFormat(let found, let supported):
            "ledger format \(found) is newer than this build supports (\(supported)); upgrade accrue"
        case .locked(let directory):
            "ledger directory \(directory) is locked by another accrued process"
        case .noLedger(let directory):
            "no ledger in \(directory)"
        case .corrupt(let detail):
            "corrupt ledger: \(detail)"
        case .invalidRecord(let detail):
            "invalid record: \(detail)"
        }
    }

    /// Whether the disk was full: the stable reason `storage_full` on the wire.
    package var isStorageFull: Bool {
        if case .lmdb(let error) = self { return error.isStorageFull }
        return false
    }
}
