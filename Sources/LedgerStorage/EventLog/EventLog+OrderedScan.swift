/// A record that an ordered scan read, checked and transformed.
package struct ScannedRecord<Value: Sendable>: Sendable {
    /// The record's sequence number.
    package var sequence: UInt64
    /// Microseconds since the Unix epoch, UTC.
    package var recordedAtMicros: Int64
    /// The previous record's hash as this record stores it.
    package var previousHash: Digest
    /// This record's stored hash (recomputed and compared when the scan checks hashes).
    package var hash: Digest
    /// What the scan's transform made of the record.
    package var value: Value
}

extension EventLog {
    /// How an ordered scan divides its work.
    package struct ScanOptions: Sendable {
        /// Threads that read and transform ahead of the caller: by default one fewer than the
        /// processors, which leaves one for the caller's own work (evolving the projection); a
        /// caller with little to do per record (a hash-and-decode check) does better with one per
        /// processor.
        package var workers = max(1, WorkerThreads.processorCount - 1)
        /// Records per unit of work handed between threads.
        package var chunkSize = 1_024
        /// Whether each record's hash is recomputed and compared (verify), or trusted (replay).
        package var checksHashes = false

        /// The defaults.
        package init() {}

        /// One worker per processor, for callers with little to do per record.
        package static var allProcessors: ScanOptions {
            var options = ScanOptions()
            options.workers = WorkerThreads.processorCount
            return options
        }
    }

    /// Reads records `first...last` in sequence order, with worker threads parsing, checking
    /// and transforming chunks of records ahead of `body`, which runs on the calling thread.
    ///
    /// Replay and verify spend most of their time decoding payloads and hashing, which need no
    /// order; only evolving the projection does. So workers decode while the caller evolves, and
    /// the caller decodes a chunk itself when no worker has taken it yet (so the scan finishes
    /// even if no thread could be started). All read one consistent state of the log. Every
    /// 65,536 records the pages read so far are dropped from the resident set. `body` gets each
    /// record in place (`inout`), so passing its value on need not copy it.
    ///
    /// - Returns: the first fault a worker found (a missing or misplaced record, one that does not
    ///   decode or whose `transform` threw, a stored hash that differs from the recomputed one):
    ///   every record before it went to `body`. `nil` when `body` saw every record or stopped
    ///   the scan by returning `false`.
    /// - Throws: storage errors, or what `body` throws.
    package func orderedScan<Value: Sendable>(
        first: UInt64,
        last: UInt64,
        options: ScanOptions = ScanOptions(),
        transform: @escaping @Sendable (RecordFields) throws -> Value,
        body: (inout ScannedRecord<Value>) throws -> Bool
    ) throws -> VerificationFault? {
        guard first >= 1, last >= first else { return nil }
        let reader = ChunkReader(
            events: events,
            first: first,
            last: last,
            chunkSize: UInt64(max(1, options.chunkSize)),
            checksHashes: options.checksHashes,
            transform: transform
        )
        let workers = max(0, options.workers)
        let pipeline = ChunkPipeline<Value>(
            chunkCount: reader.chunkCount,
            slotCount: max(2, 2 * workers)
        )
        return try translatingStorageErrors {
            try environment.readConcurrently(transactions: workers + 1) { transactions in
                try WorkerThreads.run(
                    count: workers,
                    { index in
                        transactions[index + 1].use { txn in
                            pipeline.work { chunk in reader.read(chunk, in: txn) }
                        }
                    },
                    coordinator: {
                        try transactions[0].use { txn in
                            try pipeline.consume(
                                produce: { chunk in reader.read(chunk, in: txn) },
                                body: { record in
                                    // Pages already read need not stay resident: a scan of a
                                    // large log would otherwise keep all of it mapped in.
                                    if record.sequence & 0xFFFF == 0 {
                                        environment.releaseMappedPages()
                                    }
                                    return try body(&record)
                                }
                            )
                        }
                    }
                )
            }
        }
    }

    /// The sequence of the newest stored record (the last key of `events`), 0 when empty.
    package func lastStoredSequence() throws -> UInt64 {
        try translatingStorageErrors {
            try environment.read { txn in
                try txn.last(events) { key, _ in
                    key.count == 8 ? UInt64(bigEndian: key.loadUnaligned(as: UInt64.self)) : 0
                } ?? 0
            }
        }
    }
}

/// The records of one chunk, or the fault that ended it early.
struct ScannedChunk<Value: Sendable>: Sendable {
    var records: [ScannedRecord<Value>] = []
    var fault: VerificationFault?
}

/// Reads one chunk of an ordered scan: parses each record, checks its place in the sequence and
/// (optionally) its hash, and transforms it.
struct ChunkReader<Value: Sendable>: Sendable {
    let events: Database
    let first: UInt64
    let last: UInt64
    let chunkSize: UInt64
    let checksHashes: Bool
    let transform: @Sendable (RecordFields) throws -> Value

    /// How many chunks cover `first...last`.
    var chunkCount: Int { Int((last - first) / chunkSize) + 1 }

    /// Reads chunk `index`; storage errors end the chunk as an undecodable-record fault, since
    /// a worker thread has nowhere to throw them.
    func read(_ index: Int, in txn: borrowing ReadTransaction) -> ScannedChunk<Value> {
        let start = first + UInt64(index) * chunkSize
        let end = min(last, start + chunkSize - 1)
        var chunk = ScannedChunk<Value>()
        var expected = start
        // Each record is built in its place in the chunk: appending one built elsewhere copied
        // the event (about 250 bytes) into the array on top of the copies on the way there.
        chunk.records = Array(unsafeUninitializedCapacity: Int(end - start + 1)) {
            slots,
            initialized in
            do {
                try txn.scan(events, from: start) { _, stored in
                    chunk.fault = record(
                        stored,
                        expected: expected,
                        into: slots.baseAddress.unsafelyUnwrapped + initialized
                    )
                    guard chunk.fault == nil else { return false }
                    initialized += 1
                    expected += 1
                    return expected <= end
                }
            } catch {
                chunk.fault = VerificationFault(
                    sequence: expected,
                    kind: .undecodable,
                    detail: "cannot read: \(error)"
                )
            }
        }
        if chunk.fault == nil, expected <= end {
            chunk.fault = VerificationFault(
                sequence: expected,
                kind: .gap,
                detail: "record \(expected) is missing"
            )
        }
        return chunk
    }

    private func record(
        _ stored: UnsafeRawBufferPointer,
        expected: UInt64,
        into slot: UnsafeMutablePointer<ScannedRecord<Value>>
    ) -> VerificationFault? {
        let view: StoredRecordView
        let fields: RecordFields
        do {
            view = try StoredRecordView(stored)
            fields = try RecordFields(canonical: view.canonical)
        } catch {
            return VerificationFault(
                sequence: expected,
                kind: .undecodable,
                detail: error.description
            )
        }
        guard fields.sequence == expected else {
            return VerificationFault(
                sequence: expected,
                kind: .gap,
                detail: "found sequence \(fields.sequence) where \(expected) was expected"
            )
        }
        if checksHashes,
            Digest.chain(previous: view.previousHash, canonical: view.canonical) != view.hash
        {
            return VerificationFault(
                sequence: expected,
                kind: .hashMismatch,
                detail: "stored hash differs from the recomputed hash"
            )
        }
        do {
            slot.initialize(
                to: ScannedRecord(
                    sequence: expected,
                    recordedAtMicros: fields.recordedAtMicros,
                    previousHash: view.previousHash,
                    hash: view.hash,
                    value: try transform(fields)
                )
            )
        } catch {
            return VerificationFault(sequence: expected, kind: .undecodable, detail: "\(error)")
        }
        return nil
    }
}
