import Ledger
import LedgerServer
import LedgerStorage
import LedgerWire

extension DirectoryReader {
    /// `ledger.head` as the daemon answers it.
    func head(_ params: inout ParamReader, _ output: inout JSONWriter) {
        output.beginObject()
        output.member("seq", Int64(log.head.sequence))
        output.member("hash", log.head.hash.hex)
        output.member("recorded_at", RFC3339.format(micros: log.head.recordedAtMicros))
        output.member("ledger_id", log.ledgerID)
        output.endObject()
    }

    /// `events.read` as the daemon answers it.
    func readEvents(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let from = try params.optionalInt("from_seq", in: 1...Int64.max) ?? 1
        let limit = try params.optionalInt("limit", in: 1...10_000) ?? 1000
        let records = try log.records(from: UInt64(from), limit: Int(limit))
        output.beginObject()
        output.key("events")
        output.beginArray()
        for record in records { output.record(record) }
        output.endArray()
        output.member("next_seq", Int64((records.last?.sequence ?? UInt64(from) - 1) + 1))
        output.endObject()
    }
}
