import Foundation
import Testing

@testable import LedgerStorage

struct LedgerDirectoryTests {
    @Test func aSecondExclusiveOpenerIsRefusedWithAClearMessage() throws {
        let directory = TemporaryDirectory()
        let first = try openLog(directory.path) { $0.exclusive = true }
        #expect(throws: StorageError.locked(directory: directory.path)) {
            _ = try openLog(directory.path) { $0.exclusive = true }
        }
        #expect(StorageError.locked(directory: directory.path).description.contains("locked by another accrued"))
        // Readers need no lock and still see the ledger.
        let reader = try openLog(directory.path) { $0.environment.readOnly = true }
        #expect(reader.ledgerID == first.ledgerID)
    }

    @Test func theLockIsReleasedWhenTheOwnerCloses() throws {
        let directory = TemporaryDirectory()
        do { _ = try openLog(directory.path) { $0.exclusive = true } }
        _ = try openLog(directory.path) { $0.exclusive = true }
    }

    @Test func aLedgerOfANewerFormatIsRefused() throws {
        let directory = TemporaryDirectory()
        do {
            let log = try openLog(directory.path)
            try log.environment.write { txn in
                try txn.put(log.meta, key: "format_version", value: [0, 0, 0, 2])
            }
        }
        #expect(throws: StorageError.unsupportedFormat(found: 2, supported: 1)) {
            _ = try openLog(directory.path)
        }
    }

    @Test func aReadOnlyOpenOfAnEmptyDirectoryCreatesNothing() throws {
        let directory = TemporaryDirectory()
        let empty = directory.child("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        #expect(throws: StorageError.self) {
            _ = try openLog(empty) { $0.environment.readOnly = true }
        }
    }

    @Test func aReadOnlyOpenerFollowsTheWritersHead() throws {
        let directory = TemporaryDirectory()
        let writer = try openLog(directory.path) { $0.exclusive = true }
        let reader = try openLog(directory.path) { $0.environment.readOnly = true }
        try appendRecords(writer, count: 4)
        #expect(try reader.refreshHead() == writer.head)
        #expect(try reader.records(from: 1, limit: 10).count == 5)
    }
}
