import Testing

@testable import LedgerStorage

/// The ordered scan that replay and verify run on: worker threads read ahead in chunks, the
/// caller sees every record once, in sequence order, whatever the threads and chunk sizes.
struct OrderedScanTests {
    static let shapes: [(workers: Int, chunkSize: Int)] = [
        (0, 1), (0, 1_024), (1, 1), (1, 7), (2, 7), (3, 16), (8, 3), (2, 1_024),
    ]

    /// Scan options with `workers` read-ahead threads and chunks of `chunkSize` records.
    static func options(workers: Int, chunkSize: Int) -> EventLog.ScanOptions {
        var options = EventLog.ScanOptions()
        options.workers = workers
        options.chunkSize = chunkSize
        return options
    }

    @Test(arguments: shapes)
    func everyRecordArrivesOnceInOrder(workers: Int, chunkSize: Int) throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 300)
        var options = Self.options(workers: workers, chunkSize: chunkSize)
        options.checksHashes = true
        var seen: [UInt64] = []
        var previous = Digest.zero
        let fault = try log.orderedScan(first: 1, last: 301, options: options) { fields in
            fields.payload.count
        } body: { record in
            #expect(record.previousHash == previous)
            previous = record.hash
            seen.append(record.sequence)
            #expect(record.value == (record.sequence == 1 ? record.value : 16))
            return true
        }
        #expect(fault == nil)
        #expect(seen == Array(1...301))
        #expect(previous == log.head.hash)
    }

    @Test(arguments: shapes)
    func aRangeInTheMiddleStartsAndEndsWhereAsked(workers: Int, chunkSize: Int) throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 100)
        let options = Self.options(workers: workers, chunkSize: chunkSize)
        var seen: [UInt64] = []
        _ = try log.orderedScan(first: 17, last: 60, options: options) { _ in
            ()
        } body: {
            seen.append($0.sequence)
            return true
        }
        #expect(seen == Array(17...60))
    }

    @Test(arguments: shapes)
    func stoppingEarlyReleasesTheWorkers(workers: Int, chunkSize: Int) throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 500)
        let options = Self.options(workers: workers, chunkSize: chunkSize)
        var seen = 0
        let fault = try log.orderedScan(first: 1, last: 501, options: options) { _ in
            ()
        } body: {
            _ in
            seen += 1
            return seen < 42
        }
        #expect(fault == nil)
        #expect(seen == 42)
    }

    @Test(arguments: shapes)
    func aThrowingBodyStopsTheScanAndPropagates(workers: Int, chunkSize: Int) throws {
        struct Refused: Error {}
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 200)
        let options = Self.options(workers: workers, chunkSize: chunkSize)
        // Values that own heap storage: the consumer moves each record out of its chunk for the
        // call and back after it, on the throwing path too, so each is freed exactly once.
        var seen = 0
        #expect(throws: Refused.self) {
            _ = try log.orderedScan(first: 1, last: 201, options: options) { fields in
                "record \(fields.sequence), a text long enough to live on the heap"
            } body: {
                #expect($0.value == "record \($0.sequence), a text long enough to live on the heap")
                seen += 1
                if $0.sequence == 150 { throw Refused() }
                return true
            }
        }
        #expect(seen == 150)
    }

    @Test(arguments: shapes)
    func aMissingRecordIsAGapAfterEveryRecordBeforeIt(workers: Int, chunkSize: Int) throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 120)
        try log.environment.write { txn in _ = try txn.delete(log.events, key: 64) }
        let options = Self.options(workers: workers, chunkSize: chunkSize)
        var seen: [UInt64] = []
        let fault = try log.orderedScan(first: 1, last: 121, options: options) { _ in
            ()
        } body: {
            seen.append($0.sequence)
            return true
        }
        #expect(fault?.sequence == 64)
        #expect(fault?.kind == .gap)
        #expect(seen == Array(1...63))
    }

    @Test func aTransformThatThrowsNamesItsRecord() throws {
        struct Undecodable: Error {}
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 50)
        let options = Self.options(workers: 2, chunkSize: 4)
        let fault = try log.orderedScan(first: 1, last: 51, options: options) { fields in
            if fields.sequence == 30 { throw Undecodable() }
        } body: { _ in
            true
        }
        #expect(fault?.sequence == 30)
        #expect(fault?.kind == .undecodable)
    }

    @Test func replayAndVerifyOfAnEmptyRangeSeeNothing() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        var calls = 0
        let fault = try log.orderedScan(first: 5, last: 4) { _ in
            ()
        } body: { _ in
            calls += 1
            return true
        }
        #expect(fault == nil)
        #expect(calls == 0)
        #expect(try log.verifyChain().recordsChecked == 1)
    }
}
