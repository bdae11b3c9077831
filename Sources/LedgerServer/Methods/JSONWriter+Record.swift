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
