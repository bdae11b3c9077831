internal import Ledger
internal import LedgerStorage
internal import LedgerWire

extension JSONWriter {
    /// Writes a record as stored (never upcast): `seq`, `recorded_at`, `type`, `version`,
    /// `command_id`, `actor`, `payload`, `prev_hash`, `hash`; the payload is its canonical
    /// JSON rendering, so a client can rebuild the hashed bytes.
    mutating func record(_ record: EventRecord) {
        beginObject()
        member("seq", Int64(record.sequence))
        member("recorded_at", Timestamp.rfc3339(micros: record.recordedAtMicros))
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

/// UTC timestamps on the wire.
enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` for microseconds since the Unix epoch.
    static func rfc3339(micros: Int64) -> String {
        let seconds = micros.floorDiv(1_000_000)
        let fraction = micros - seconds * 1_000_000
        let days = seconds.floorDiv(86_400)
        let secondOfDay = seconds - days * 86_400
        let date = LedgerDate(days: Int32(days))
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(date)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))Z"
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
