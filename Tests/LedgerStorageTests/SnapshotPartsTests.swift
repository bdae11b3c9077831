import Foundation
import Testing

@testable import LedgerStorage

/// Snapshots larger than a part are stored in parts, one write transaction each, and only a
/// snapshot with its manifest and every part is ever read back.
struct SnapshotPartsTests {
    @Test func aSnapshotLargerThanAPartRoundTripsThroughItsParts() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let bytes = randomBytes(EventLog.snapshotPartBytes * 5 / 2)
        try log.storeSnapshot(bytes, at: 7)
        let stored = try log.latestSnapshot { Array($0) }
        #expect(stored?.sequence == 7)
        #expect(stored?.value == bytes)
        #expect(try keys(of: log) == [.init(7, nil), .init(7, 0), .init(7, 1), .init(7, 2)])
    }

    @Test func aSnapshotStoredAgainAtItsSequenceReplacesTheOldPartsWhole() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try log.storeSnapshot(randomBytes(EventLog.snapshotPartBytes * 2 + 5), at: 9)
        let smaller = randomBytes(EventLog.snapshotPartBytes + 5)
        try log.storeSnapshot(smaller, at: 9)
        #expect(try log.latestSnapshot { Array($0) }?.value == smaller)
        #expect(try keys(of: log) == [.init(9, nil), .init(9, 0), .init(9, 1)])
    }

    @Test func aSnapshotWithAMissingPartIsPassedOverForAnOlderOne() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let older = randomBytes(EventLog.snapshotPartBytes + 10)
        try log.storeSnapshot(older, at: 10)
        try log.storeSnapshot(randomBytes(EventLog.snapshotPartBytes + 20), at: 20)
        try deletePart(1, of: 20, in: log)
        let found = try log.latestSnapshot { Array($0) }
        #expect(found?.sequence == 10)
        #expect(found?.value == older)
        try deletePart(0, of: 10, in: log)
        #expect(try log.latestSnapshot { Array($0) } == nil)
    }

    @Test func aSnapshotStoredWholeUnderItsSequenceIsStillRead() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let whole = randomBytes(3_000)
        try log.environment.write { txn in try txn.put(log.snapshots, key: 5, value: whole) }
        let found = try log.latestSnapshot { Array($0) }
        #expect(found?.sequence == 5)
        #expect(found?.value == whole)
    }

    @Test func pruningDropsOldSnapshotsWithTheirPartsAndOrphanedPartsButNotANewerOne() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        // Parts of a snapshot that never got its manifest, before and after the ones below.
        try putPart(0, of: 15, in: log)
        try putPart(0, of: 99, in: log)
        for sequence: UInt64 in [10, 20, 30, 40] {
            try log.storeSnapshot(randomBytes(EventLog.snapshotPartBytes + 1), at: sequence)
        }
        let expected: [StoredKey] = [20, 30, 40].flatMap { sequence -> [StoredKey] in
            [.init(sequence, nil), .init(sequence, 0), .init(sequence, 1)]
        }
        #expect(try keys(of: log) == expected + [.init(99, 0)])
    }

    /// A stored key: a sequence and a part number, nil for a manifest.
    struct StoredKey: Equatable, CustomStringConvertible {
        let sequence: UInt64
        let part: Int?

        init(_ sequence: UInt64, _ part: Int?) {
            self.sequence = sequence
            self.part = part
        }

        var description: String { "\(sequence)/\(part.map(String.init) ?? "manifest")" }
    }

    private func keys(of log: EventLog) throws -> [StoredKey] {
        try log.environment.read { txn in
            var keys: [StoredKey] = []
            try txn.scan(log.snapshots, from: nil) { key, _ in
                let parsed = try #require(SnapshotKey(key))
                keys.append(StoredKey(parsed.sequence, parsed.part))
                return true
            }
            return keys
        }
    }

    private func deletePart(_ part: Int, of sequence: UInt64, in log: EventLog) throws {
        try log.environment.write { txn in
            let deleted = try SnapshotKey.part(part, of: sequence).withBytes { key in
                try txn.delete(log.snapshots, key: key)
            }
            #expect(deleted)
        }
    }

    private func putPart(_ part: Int, of sequence: UInt64, in log: EventLog) throws {
        try log.environment.write { txn in
            try SnapshotKey.part(part, of: sequence).withBytes { key in
                try [UInt8](repeating: 1, count: 16).withUnsafeBytes { value in
                    try txn.put(log.snapshots, key: key, value: value)
                }
            }
        }
    }

    private func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
