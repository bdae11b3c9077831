@testable import LedgerStorage

/// A genesis event with a recognisable payload; the log itself treats payloads as opaque.
func testGenesis(_ ledgerID: String) -> GenesisEvent {
    GenesisEvent(type: "ledger.created", version: 1, payload: Array(ledgerID.utf8))
}

func openLog(_ directory: String, configure: (inout EventLog.Options) -> Void = { _ in }) throws -> EventLog {
    var options = EventLog.Options()
    options.environment.mapSizeBytes = 1 << 26
    configure(&options)
    return try EventLog(directory: directory, options: options, genesis: testGenesis)
}

let writerActor = Actor(uid: 1000, role: "writer")

/// Appends `count` records of `size` payload bytes in one transaction; returns the last sequence.
@discardableResult
func appendRecords(_ log: EventLog, count: Int, size: Int = 16, commandID: String = "") throws -> UInt64 {
    try log.append { appender in
        var last: UInt64 = 0
        for index in 0..<count {
            let payload = (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ index) }
            last = try appender.append(
                type: "test.appended",
                version: 1,
                commandID: commandID,
                actor: writerActor,
                payload: payload
            )
        }
        return last
    }
}
