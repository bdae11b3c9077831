import Synchronization
import Testing

@testable import LedgerStorage

struct EventLogTests {
    @Test func newLedgerStartsWithAGenesisRecordLinkedToZero() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let records = try log.records(from: 1, limit: 10)
        #expect(records.count == 1)
        #expect(records[0].sequence == 1)
        #expect(records[0].type == "ledger.created")
        #expect(records[0].previousHash == .zero)
        #expect(records[0].payload == Array(log.ledgerID.utf8))
        #expect(log.head.sequence == 1)
        #expect(log.head.hash == records[0].hash)
    }

    @Test func appendedRecordsSurviveReopenWithTheirChain() throws {
        let directory = TemporaryDirectory()
        let ledgerID: String
        do {
            let log = try openLog(directory.path)
            ledgerID = log.ledgerID
            try appendRecords(log, count: 5)
            try appendRecords(log, count: 3)
        }
        let reopened = try openLog(directory.path)
        #expect(reopened.ledgerID == ledgerID)
        #expect(reopened.head.sequence == 9)
        let records = try reopened.records(from: 1, limit: 100)
        #expect(records.map(\.sequence) == Array(1...9))
        for (previous, record) in zip(records, records.dropFirst()) {
            #expect(record.previousHash == previous.hash)
            #expect(record.recordedAtMicros >= previous.recordedAtMicros)
        }
        #expect(reopened.head.hash == records.last?.hash)
    }

    @Test func aThrowingAppendWritesNothing() throws {
        struct Refused: Error {}
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let before = log.head
        #expect(throws: Refused.self) {
            try log.append { appender in
                try appender.append(type: "test.appended", version: 1, commandID: "c", actor: writerActor, payload: [1])
                try appender.remember(CommandOutcome(fingerprint: .zero, sequence: 2, result: []), for: "c")
                throw Refused()
            }
        }
        #expect(log.head == before)
        #expect(try log.recordCount() == 1)
        let outcome = try log.append { appender in try appender.outcome(of: "c") }
        #expect(outcome == nil)
        #expect(try openLog(directory.path).head == before)
    }

    @Test func recordedAtNeverGoesBackwardsWhenTheClockDoes() throws {
        let directory = TemporaryDirectory()
        let clock = TestClock(micros: 2_000_000)
        let log = try openLog(directory.path) { $0.clock = { clock.now() } }
        try appendRecords(log, count: 1)
        clock.set(1_000_000)
        try appendRecords(log, count: 1)
        let records = try log.records(from: 1, limit: 10)
        #expect(records.map(\.recordedAtMicros) == [2_000_000, 2_000_000, 2_000_000])
        clock.set(3_000_000)
        try appendRecords(log, count: 1)
        #expect(try log.sequence(recordedAtOrBefore: 2_999_999) == 3)
        #expect(try log.sequence(recordedAtOrBefore: 3_000_000) == 4)
        #expect(try log.sequence(recordedAtOrBefore: 1_999_999) == 0)
    }

    @Test func anOutOfOrderAppendIsRefusedByLMDB() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 3)
        #expect {
            try log.environment.write { txn in
                try txn.put(log.events, key: 2, value: [0], flags: .append)
            }
        } throws: { error in
            (error as? LMDBError)?.isKeyExist == true
        }
        #expect(try log.recordCount() == 4)
    }

    @Test func aFullMapGrowsAndTheWriteSucceeds() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path) { $0.environment.mapSizeBytes = 1 << 20 }
        let initial = log.environment.currentMapSizeBytes
        // 4 MiB of payload cannot fit a 1 MiB map: the write must grow the map and retry.
        try appendRecords(log, count: 1024, size: 4096)
        #expect(log.environment.currentMapSizeBytes > initial)
        #expect(log.head.sequence == 1025)
        let reopened = try openLog(directory.path)
        #expect(reopened.head.sequence == 1025)
    }

    @Test func aMapAtItsCeilingRefusesTheWriteAndKeepsTheLog() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path) {
            $0.environment.mapSizeBytes = 1 << 20
            $0.environment.maximumMapSizeBytes = 1 << 20
        }
        #expect {
            try appendRecords(log, count: 1024, size: 4096)
        } throws: { error in
            if case .lmdb(let lmdb) = error as? StorageError { return lmdb.isMapFull }
            return false
        }
        #expect(log.head.sequence == 1)
        try appendRecords(log, count: 2)
        #expect(log.head.sequence == 3)
    }
}

/// A settable clock for recorded-at tests.
final class TestClock: Sendable {
    private let micros: Mutex<Int64>

    init(micros: Int64) { self.micros = Mutex(micros) }

    func now() -> Int64 { micros.withLock { $0 } }
    func set(_ value: Int64) { micros.withLock { $0 = value } }
}
