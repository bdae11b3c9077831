import Testing

@testable import LedgerStorage

struct IdempotencyTests {
    @Test func aRememberedOutcomeIsFoundForeverAfterReopen() throws {
        let directory = TemporaryDirectory()
        let fingerprint = Digest.sha256(Array("invoice.issue INV-1".utf8))
        do {
            let log = try openLog(directory.path)
            try log.append { appender in
                let sequence = try appender.append(type: "test.appended", version: 1, commandID: "c-1", actor: writerActor, payload: [7])
                try appender.remember(CommandOutcome(fingerprint: fingerprint, sequence: sequence, result: [4, 2, 0x6f, 0x6b]), for: "c-1")
            }
        }
        let log = try openLog(directory.path)
        let outcome = try log.append { appender in try appender.outcome(of: "c-1") }
        #expect(outcome == CommandOutcome(fingerprint: fingerprint, sequence: 2, result: [4, 2, 0x6f, 0x6b]))
        #expect(log.head.sequence == 2)
    }

    @Test func rememberingAnIdTwiceIsRefused() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let outcome = CommandOutcome(fingerprint: .zero, sequence: 1, result: [])
        try log.append { appender in try appender.remember(outcome, for: "c-1") }
        #expect {
            try log.append { appender in try appender.remember(outcome, for: "c-1") }
        } throws: { error in
            (error as? StorageError).map { if case .lmdb(let e) = $0 { e.isKeyExist } else { false } } ?? false
        }
    }

    @Test func anIdRememberedEarlierInTheSameTransactionIsSeen() throws {
        let directory = TemporaryDirectory()
        let log = try openLog(directory.path)
        let seen = try log.append { appender in
            try appender.remember(CommandOutcome(fingerprint: .zero, sequence: 1, result: [1]), for: "c-9")
            return try appender.outcome(of: "c-9")
        }
        #expect(seen?.result == [1])
    }
}
