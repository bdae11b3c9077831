package import Ledger

extension EventLog {
    /// Opens (or creates) the ledger in `directory` with the domain's genesis event.
    package convenience init(ledgerDirectory directory: String, options: Options = Options()) throws(StorageError) {
        try self.init(directory: directory, options: options) { ledgerID in
            let encoded = EventCodec.encode(.ledgerCreated(ledgerID: ledgerID))
            return GenesisEvent(type: encoded.type, version: encoded.version, payload: encoded.payload)
        }
    }

    /// Replays records `start...through` (to the head when `through` is `nil`) into `state`.
    ///
    /// - Throws: ``StorageError/corrupt(_:)`` naming the first record that does not decode.
    package func replay(into state: inout LedgerState, from start: UInt64, through end: UInt64? = nil) throws {
        guard end.map({ $0 >= start }) ?? true else { return }
        try scanStored(from: start) { stored in
            let fields = try Self.fields(of: stored)
            if let end, fields.sequence > end { return false }
            try Self.evolve(&state, with: fields)
            return true
        }
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

    /// Decodes one record's payload and evolves `state` with it.
    static func evolve(_ state: inout LedgerState, with fields: RecordFields) throws {
        let event: LedgerEvent
        do {
            event = try EventCodec.decode(type: fields.type, version: fields.version, payload: fields.payload)
        } catch {
            throw StorageError.corrupt("record \(fields.sequence) (\(fields.type) v\(fields.version)): \(error)")
        }
        state.evolve(event, EventMeta(sequence: fields.sequence, recordedAtMicros: fields.recordedAtMicros))
    }

    static func fields(of stored: UnsafeRawBufferPointer) throws -> RecordFields {
        do {
            return try RecordFields(canonical: try StoredRecordView(stored).canonical)
        } catch {
            throw StorageError.corrupt("\(error)")
        }
    }
}
