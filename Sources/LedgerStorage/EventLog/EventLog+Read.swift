extension EventLog {
    /// Up to `limit` records from sequence `start` on, decoded, in order.
    ///
    /// - Throws: ``StorageError/corrupt(_:)`` if a stored record does not decode.
    package func records(from start: UInt64, limit: Int) throws -> [EventRecord] {
        var records: [EventRecord] = []
        records.reserveCapacity(min(limit, 4096))
        try scanStored(from: start) { stored in
            do {
                records.append(try RecordCodec.decode(stored))
            } catch {
                throw StorageError.corrupt("record at \(records.count + Int(start)): \(error)")
            }
            return records.count < limit
        }
        return records
    }

    /// Calls `body` with each stored record from sequence `start` on, in one read transaction,
    /// until it returns `false`. The bytes are valid only during the call.
    package func scanStored(
        from start: UInt64,
        _ body: (UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try translatingStorageErrors {
            try environment.read { txn in
                try txn.scan(events, from: max(start, 1)) { _, value in try body(value) }
            }
        }
    }

    /// The number of records in the log.
    package func recordCount() throws -> Int {
        try translatingStorageErrors {
            try environment.read { txn in try txn.count(events) }
        }
    }

    /// The newest sequence recorded at or before `micros` (0 if none): resolves
    /// `known_at: {"time": …}`, which is well defined because recorded-at never goes backwards.
    package func sequence(recordedAtOrBefore micros: Int64) throws -> UInt64 {
        try translatingStorageErrors {
            try environment.read { txn in
                var low: UInt64 = 1
                var high = try txn.last(events) { _, value in try StoredRecordView(value).sequence } ?? 0
                var found: UInt64 = 0
                while low <= high {
                    let middle = low + (high - low) / 2
                    guard let stored = try txn.get(events, key: middle) else {
                        throw StorageError.corrupt("gap at sequence \(middle)")
                    }
                    if try Self.recordedAt(of: stored) <= micros {
                        found = middle
                        low = middle + 1
                    } else {
                        high = middle - 1
                    }
                }
                return found
            }
        }
    }

    private static func recordedAt(of stored: UnsafeRawBufferPointer) throws -> Int64 {
        let view = try StoredRecordView(stored)
        return Int64(bitPattern: view.canonical.loadUnaligned(fromByteOffset: 9, as: UInt64.self).bigEndian)
    }
}
