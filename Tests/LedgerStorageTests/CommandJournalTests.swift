import Testing

@testable import LedgerStorage

/// The command journal: outcomes stay findable through every stage, in memory, in the journal
/// database, after a flush into `commands` and after a reopen, and a transaction that fails
/// leaves the journal as it was.
struct CommandJournalTests {
    static func outcome(_ number: UInt8) -> CommandOutcome {
        CommandOutcome(
            fingerprint: Digest.sha256([number]),
            sequence: UInt64(number),
            result: [number]
        )
    }

    static func openSmall(_ directory: String) throws -> EventLog {
        try openLog(directory) { $0.commandJournalCapacity = 3 }
    }

    /// Entries in `commands` and in `command_journal`.
    static func stored(_ log: EventLog) throws -> (commands: Int, journal: Int) {
        try log.environment.read { txn in
            (try txn.count(log.commands), try txn.count(log.commandJournal!))
        }
    }

    static func remember(_ number: UInt8, in log: EventLog) throws {
        try log.append { appender in try appender.remember(outcome(number), for: "c-\(number)") }
    }

    static func found(_ numbers: ClosedRange<UInt8>, in log: EventLog) throws -> Bool {
        try log.append { appender in
            try numbers.allSatisfy { try appender.outcome(of: "c-\($0)") == outcome($0) }
        }
    }

    @Test func outcomesAreFoundBeforeAndAfterAFlushAndAfterReopening() throws {
        let directory = TemporaryDirectory()
        do {
            let log = try Self.openSmall(directory.path)
            for number in UInt8(1)...3 { try Self.remember(number, in: log) }
            #expect(try Self.stored(log) == (commands: 0, journal: 3))
            #expect(try Self.found(1...3, in: log))
            // The journal is full: the next commit moves it into `commands` first.
            try Self.remember(4, in: log)
            #expect(try Self.stored(log) == (commands: 3, journal: 1))
            #expect(try Self.found(1...4, in: log))
            try Self.remember(5, in: log)
        }
        let reopened = try Self.openSmall(directory.path)
        #expect(try Self.found(1...5, in: reopened))
        #expect(try Self.stored(reopened) == (commands: 3, journal: 2))
        // Keys go on from the stored journal: appending after a reopen does not collide.
        try Self.remember(6, in: reopened)
        #expect(try Self.stored(reopened) == (commands: 3, journal: 3))
        try Self.remember(7, in: reopened)
        #expect(try Self.found(1...7, in: reopened))
        #expect(try Self.stored(reopened) == (commands: 6, journal: 1))
    }

    @Test func aFailedTransactionLeavesNoOutcomeAndKeepsAFullJournal() throws {
        struct Refused: Error {}
        let directory = TemporaryDirectory()
        let log = try Self.openSmall(directory.path)
        for number in UInt8(1)...3 { try Self.remember(number, in: log) }
        #expect(throws: Refused.self) {
            try log.append { appender in
                try appender.remember(Self.outcome(4), for: "c-4")
                throw Refused()
            }
        }
        // The flush went with the failed transaction: the journal still holds the three.
        #expect(try Self.stored(log) == (commands: 0, journal: 3))
        #expect(try Self.found(1...3, in: log))
        #expect(try log.append { appender in try appender.outcome(of: "c-4") } == nil)
        try Self.remember(4, in: log)
        #expect(try Self.found(1...4, in: log))
        #expect(try Self.stored(log) == (commands: 3, journal: 1))
    }

    @Test func aLargeCommitJournalsItsFirstOutcomesAndStoresTheRestInCommands() throws {
        let directory = TemporaryDirectory()
        let journaled = LogAppender.journaledPerTransaction
        do {
            let log = try openLog(directory.path)
            try log.append { appender in
                for number in UInt8(1)...UInt8(journaled + 6) {
                    try appender.remember(Self.outcome(number), for: "c-\(number)")
                }
            }
            #expect(try Self.stored(log) == (commands: 6, journal: journaled))
        }
        let reopened = try openLog(directory.path)
        #expect(try Self.found(1...UInt8(journaled + 6), in: reopened))
    }

    @Test func anIdInTheJournalOrInCommandsCannotBeRememberedAgain() throws {
        let directory = TemporaryDirectory()
        let log = try Self.openSmall(directory.path)
        for number in UInt8(1)...4 { try Self.remember(number, in: log) }
        for number: UInt8 in [1, 4] {
            #expect {
                try Self.remember(number, in: log)
            } throws: { error in
                (error as? StorageError).map {
                    if case .lmdb(let lmdb) = $0 { lmdb.isKeyExist } else { false }
                } ?? false
            }
        }
        #expect(try Self.stored(log) == (commands: 3, journal: 1))
    }
}
