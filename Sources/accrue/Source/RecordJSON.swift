import Ledger
import LedgerStorage
import LedgerWire

extension JSONWriter {
    /// Writes a record as stored, in the shape of `events.read` and
    /// `schemas/protocol/event-record.json`: `seq`, `recorded_at`, `type`, `version`,
    /// `command_id`, `actor`, `payload` (its canonical JSON rendering), `prev_hash`, `hash`.
    ///
    /// The daemon's equivalent lives in `LedgerServer`, which the CLI does not link; the export
    /// test validates this one against the same schema and compares it with `events.read`.
    mutating func storedRecord(_ record: EventRecord) {
        beginObject()
        member("seq", Int64(record.sequence))
        member("recorded_at", UTCTimestamp.rfc3339(micros: record.recordedAtMicros))
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

/// UTC timestamps as the socket writes them.
enum UTCTimestamp {
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` for microseconds since the Unix epoch.
    static func rfc3339(micros: Int64) -> String {
        let (seconds, fraction) = floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let date = LedgerDate(days: Int32(days))
        return "\(date)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):"
            + "\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))Z"
    }

    /// Quotient rounded toward negative infinity, and the non-negative remainder.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
