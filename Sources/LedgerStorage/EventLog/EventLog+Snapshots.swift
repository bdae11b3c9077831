extension EventLog {
    /// How many snapshots to keep; older ones are deleted when a new one is stored.
    static let retainedSnapshots = 3

    /// Stores a projection snapshot taken at `sequence`, in its own short write transaction,
    /// and drops all but the newest few. Snapshots are a cache: the log stays the truth.
    package func storeSnapshot(_ bytes: [UInt8], at sequence: UInt64) throws {
        try translatingStorageErrors {
            try environment.write { txn in
                try txn.put(snapshots, key: sequence, value: bytes)
                var stored: [UInt64] = []
                try txn.scan(snapshots, from: nil) { key, _ in
                    stored.append(key.loadUnaligned(as: UInt64.self).bigEndian)
                    return true
                }
                for old in stored.dropLast(Self.retainedSnapshots) {
                    try txn.delete(snapshots, key: old)
                }
            }
        }
    }

    /// The newest snapshot taken at or before `sequence` (any, when `nil`): its sequence and
    /// the result of `decode` on its bytes.
    package func latestSnapshot<T>(
        atOrBefore sequence: UInt64? = nil,
        _ decode: (UnsafeRawBufferPointer) throws -> T
    ) throws -> (sequence: UInt64, value: T)? {
        try translatingStorageErrors {
            try environment.read { txn -> (sequence: UInt64, value: T)? in
                var best: (UInt64, T)?
                var keys: [UInt64] = []
                try txn.scan(snapshots, from: nil) { key, _ in
                    keys.append(key.loadUnaligned(as: UInt64.self).bigEndian)
                    return true
                }
                guard let chosen = keys.last(where: { sequence == nil || $0 <= sequence ?? 0 }),
                    let bytes = try txn.get(snapshots, key: chosen)
                else { return nil }
                best = (chosen, try decode(bytes))
                return best.map { (sequence: $0.0, value: $0.1) }
            }
        }
    }
}
