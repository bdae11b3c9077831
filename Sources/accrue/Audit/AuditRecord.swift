import ArgumentParser
import Ledger
import LedgerServer
import LedgerStorage
import LedgerWire

/// One record of the log with its decoded event, read from a ledger directory or through the
/// daemon's `events.read`: what explain, export and journal work from.
struct AuditRecord {
    /// The sequence number.
    var sequence: UInt64
    /// `recorded_at` as the wire writes it.
    var recordedAt: String
    /// The event type, such as `invoice.issued`.
    var type: String
    /// The record's hash, hex.
    var hash: String
    /// The decoded event.
    var event: LedgerEvent
    /// Where it came from, to render it as stored.
    private var origin: Origin

    private enum Origin {
        case stored(EventRecord)
        case wire(JSONValue)
    }

    /// A record read from a ledger directory.
    init(stored record: EventRecord) throws {
        sequence = record.sequence
        recordedAt = RFC3339.format(micros: record.recordedAtMicros)
        type = record.type
        hash = record.hash.hex
        event = try EventCodec.decode(
            type: record.type,
            version: record.version,
            payload: record.payload
        )
        origin = .stored(record)
    }

    /// A record as `events.read` returned it; its payload is re-encoded canonically and
    /// decoded with the same codec the log uses.
    init(wire json: JSONValue) throws {
        guard let sequence = json["seq"]?.int64Value, let type = json["type"]?.stringValue,
            let version = json["version"]?.int64Value, let payload = json["payload"]
        else {
            throw UnexpectedReply(reply: json)
        }
        self.sequence = UInt64(sequence)
        recordedAt = json["recorded_at"]?.stringValue ?? ""
        self.type = type
        hash = json["hash"]?.stringValue ?? ""
        event = try EventCodec.decode(
            type: type,
            version: UInt16(clamping: version),
            payload: try PayloadValue(json: payload).encoded()
        )
        origin = .wire(json)
    }

    /// The record as one compact JSON line, in the `events.read` shape.
    var jsonLine: [UInt8] {
        switch origin {
        case .wire(let json): return JSONWriter.encode(json)
        case .stored(let record):
            var writer = JSONWriter(reservingCapacity: 512)
            writer.record(record)
            return writer.bytes
        }
    }
}

extension LedgerSession {
    /// Calls `body` with each record from sequence `start` through `end` (the head when nil)
    /// in order, until it returns `false`; reports progress on a terminal.
    func forEachRecord(
        from start: UInt64 = 1,
        through end: UInt64? = nil,
        _ body: (AuditRecord) throws -> Bool
    ) throws {
        defer { Progress.clear() }
        if let reader = directory {
            try reader.log.scanStored(from: start) { stored in
                let record = try AuditRecord(stored: try RecordCodec.decode(stored))
                if let end, record.sequence > end { return false }
                if record.sequence % 10_000 == 0 {
                    Progress.report("read \(record.sequence) records")
                }
                return try body(record)
            }
            return
        }
        var next = Int64(start)
        while true {
            let params = JSONValue.object([
                JSONMember("from_seq", .int(next)), JSONMember("limit", .int(10_000)),
            ])
            let page = try call("events.read", params)
            let records = page["events"]?.objectElements ?? []
            if records.isEmpty { return }
            for json in records {
                let record = try AuditRecord(wire: json)
                if let end, record.sequence > end { return }
                guard try body(record) else { return }
            }
            Progress.report("read \(next + Int64(records.count) - 1) records")
            next = page["next_seq"]?.int64Value ?? next + Int64(records.count)
        }
    }
}
