package import Ledger

extension EventLog {
    /// Opens (or creates) the ledger in `directory` with the domain's genesis event.
    package convenience init(ledgerDirectory directory: String, options: Options = Options())
        throws(StorageError)
    {
        try self.init(directory: directory, options: options) { ledgerID in
            let encoded = EventCodec.encode(.ledgerCreated(ledgerID: ledgerID))
            return GenesisEvent(
                type: encoded.type,
                version: encoded.version,
                payload: encoded.payload
            )
        }
    }

    /// Replays records `start...through` (to the head when `through` is `nil`) into `state`,
    /// calling `progress` every 65,536 records with the sequence reached.
    ///
    /// - Throws: ``StorageError/corrupt(_:)`` naming the first record that does not decode.
    package func replay(
        into state: inout LedgerState,
        from start: UInt64,
        through end: UInt64? = nil,
        progress: (UInt64) -> Void = { _ in }
    ) throws {
        let last = min(end ?? .max, try lastStoredSequence())
        let fault = try state.evolveDeferringCustomerLists { state in
            try orderedScan(first: start, last: last, transform: Self.decodeEvent) { record in
                state.evolve(record.value, record.meta)
                if record.sequence & 0xFFFF == 0 { progress(record.sequence) }
                return true
            }
        }
        if let fault { throw StorageError.corrupt(fault.description) }
    }

    /// The projection at the head: the newest snapshot plus the records after it, or a full
    /// replay when there is no snapshot (or it does not decode).
    package func loadProjection() throws -> LedgerState {
        try projection(through: nil)
    }

    /// The projection as it stood at sequence `end` (the head when `nil`): the nearest snapshot
    /// at or before it plus the records up to it. Used for historical reads and verify.
    package func projection(through end: UInt64?) throws -> LedgerState {
        let snapshot = try? latestSnapshot(atOrBefore: end) { try LedgerState(snapshot: $0) }
        var state = snapshot?.value ?? LedgerState()
        let start = (snapshot?.sequence ?? 0) + 1
        try replay(into: &state, from: start, through: end)
        return state
    }

    /// Decodes one record's payload, naming its type and version when it does not decode.
    @Sendable package static func decodeEvent(_ fields: RecordFields) throws -> LedgerEvent {
        do {
            return try EventCodec.decode(
                type: fields.typeBytes,
                version: fields.version,
                payload: fields.payload
            )
        } catch {
            throw StorageError.corrupt("\(fields.type) v\(fields.version): \(error)")
        }
    }
}

extension ScannedRecord {
    /// The sequence and recorded-at time the projection keeps with each fact.
    package var meta: EventMeta {
        EventMeta(sequence: sequence, recordedAtMicros: recordedAtMicros)
    }
}
