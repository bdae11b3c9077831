internal import Ledger
package import LedgerStorage
package import LedgerWire

extension JSONWriter {
    /// Writes a record as stored (never upcast): `seq`, `recorded_at`, `type`, `version`,
    /// `command_id`, `actor`, `payload`, `prev_hash`, `hash`; the payload is its canonical
    /// JSON rendering, so a client can rebuild the hashed bytes.
    package mutating func record(_ record: EventRecord) {
        beginObject()
        member("seq", Int64(record.sequence))
        member("recorded_at", RFC3339.format(micros: record.recordedAtMicros))
        member("type", record.type)
        member("version", Int64(record.version))
        member("command_id", record.commandID)
        key("actor")
        beginObject()
        member("uid", Int64(record.actor.uid))
        member("role", record.actor.role)
        endObject()
        key("payload")
        if let payload = try? PayloadValue.decode(record.payload) {
            self.payload(payload)
        } else {
            null()
        }
        member("prev_hash", record.previousHash.hex)
        member("hash", record.hash.hex)
        endObject()
    }
}

extension JSONWriter {
    /// The `ledger.head` result: `seq`, `hash`, `recorded_at`, `ledger_id`.
    package mutating func ledgerHead(_ head: LogHead, ledgerID: String) {
        beginObject()
        member("seq", Int64(head.sequence))
        member("hash", head.hash.hex)
        member("recorded_at", RFC3339.format(micros: head.recordedAtMicros))
        member("ledger_id", ledgerID)
        endObject()
    }

    /// The `events.read` result for `records` read from `from`: `{events, next_seq}`.
    package mutating func eventsRead(_ records: [EventRecord], from: UInt64) {
        beginObject()
        key("events")
        beginArray()
        for record in records { self.record(record) }
        endArray()
        member("next_seq", Int64((records.last?.sequence ?? from - 1) + 1))
        endObject()
    }
}
