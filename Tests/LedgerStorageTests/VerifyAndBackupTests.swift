import Foundation
import Testing

@testable import LedgerStorage

struct VerifyAndBackupTests {
    @Test func aWholeLogVerifies() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 50)
        var seen: [UInt64] = []
        let report = try log.verifyChain(decode: { $0.sequence }, check: { seen.append($0.value) })
        #expect(report.fault == nil)
        #expect(report.recordsChecked == 51)
        #expect(report.headHash == log.head.hash)
        #expect(seen == Array(1...51))
    }

    @Test func aFlippedPayloadByteIsNamedAsAHashMismatch() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 10)
        try tamper(log, sequence: 7) { bytes in bytes[bytes.count - 70] ^= 0x01 }
        let report = try log.verifyChain()
        #expect(report.fault?.sequence == 7)
        #expect(report.fault?.kind == .hashMismatch)
    }

    @Test func aRecordRewrittenWithAFreshHashBreaksTheNextLink() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 10)
        try tamper(log, sequence: 4) { bytes in
            let split = bytes.count - 64
            bytes[split - 1] ^= 0x01
            let previous = Digest(bytes[split..<(split + 32)]) ?? .zero
            let rehash = Array(bytes[..<split]).withUnsafeBytes { Digest.chain(previous: previous, canonical: $0) }
            bytes.replaceSubrange((split + 32)..., with: rehash.bytes)
        }
        let report = try log.verifyChain()
        #expect(report.fault?.sequence == 5)
        #expect(report.fault?.kind == .brokenLink)
    }

    @Test func aDeletedRecordIsNamedAsAGap() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 10)
        try log.environment.write { txn in _ = try txn.delete(log.events, key: 6) }
        let report = try log.verifyChain()
        #expect(report.fault?.sequence == 6)
        #expect(report.fault?.kind == .gap)
    }

    @Test func aPayloadTheDomainCannotDecodeIsNamed() throws {
        struct BadPayload: Error {}
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 3)
        let report = try log.verifyChain(
            decode: { fields in if fields.sequence == 3 { throw BadPayload() } },
            check: { _ in }
        )
        #expect(report.fault?.sequence == 3)
        #expect(report.fault?.kind == .undecodable)
    }

    @Test func aBackupTakenWhileWritingIsConsistentAndVerifies() async throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        try appendRecords(log, count: 100)
        let writer = Task.detached {
            for _ in 0..<50 { try appendRecords(log, count: 20, size: 64) }
        }
        let backup = directory.child("backup")
        try log.backup(to: backup)
        try await writer.value
        let copy = try openLog(backup) { $0.environment.readOnly = true }
        #expect(copy.ledgerID == log.ledgerID)
        let report = try copy.verifyChain()
        #expect(report.fault == nil)
        #expect(report.recordsChecked == copy.head.sequence)
        #expect(copy.head.sequence >= 101)
        #expect(log.head.sequence == 1101)
    }

    @Test func aBackupRefusesANonEmptyDestination() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let destination = directory.child("taken")
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
        #expect(FileManager.default.createFile(atPath: destination + "/data.mdb", contents: Data([1])))
        #expect(throws: StorageError.self) { try log.backup(to: destination) }
    }

    @Test func snapshotsKeepTheNewestFewAndAreFoundBySequence() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        for sequence: UInt64 in [10, 20, 30, 40, 50] {
            try log.storeSnapshot([UInt8(sequence)], at: sequence)
        }
        let newest = try log.latestSnapshot { Array($0) }
        #expect(newest?.sequence == 50)
        #expect(newest?.value == [50])
        let older = try log.latestSnapshot(atOrBefore: 45) { Array($0) }
        #expect(older?.sequence == 40)
        #expect(try log.latestSnapshot(atOrBefore: 25) { Array($0) } == nil)
    }

    private func tamper(_ log: EventLog, sequence: UInt64, _ edit: (inout [UInt8]) -> Void) throws {
        try log.environment.write { txn in
            guard let stored = try txn.get(log.events, key: sequence) else { return }
            var bytes = Array(stored)
            edit(&bytes)
            try txn.put(log.events, key: sequence, value: bytes)
        }
    }
}
