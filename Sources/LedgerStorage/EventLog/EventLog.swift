import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The append-only, hash-chained event log of one ledger directory.
///
/// Records are opaque to the log: it stores each event's type, version and payload bytes,
/// links them with SHA-256, remembers command outcomes for idempotency and keeps projection
/// snapshots as a cache. The domain (`Ledger`) gives the payloads their meaning.
package final class EventLog: @unchecked Sendable {
    // Invariant: every stored property is immutable except `currentHead` and `journal`, which
    // are guarded by their Mutexes and only change after a successful commit.
    /// The LMDB environment holding the log.
    package let environment: LMDBEnvironment
    let events: Database
    let commands: Database
    /// The command journal (see ``CommandJournal``); nil in a read-only open, which never
    /// remembers an outcome.
    let commandJournal: Database?
    let meta: Database
    let snapshots: Database
    private let currentHead: Mutex<LogHead>
    private let journal: Mutex<CommandJournal>
    private let clock: @Sendable () -> Int64
    private let lock: DirectoryLock?

    /// The format this build reads and writes; a ledger with a newer one is refused.
    package static let formatVersion: UInt32 = 1

    /// The id chosen when the ledger was created.
    package let ledgerID: String

    /// How to open a log.
    package struct Options: Sendable {
        /// LMDB environment settings (map size, read-only, ...).
        package var environment = LMDBEnvironment.Options()
        /// Take the directory's exclusive lock: the daemon does, readers do not.
        package var exclusive = false
        /// The wall clock in microseconds since the Unix epoch; injectable for tests.
        package var clock: @Sendable () -> Int64 = EventLog.systemClockMicros
        /// How many command outcomes the journal holds before a commit moves them into
        /// `commands` (see ``CommandJournal``).
        package var commandJournalCapacity = 4_096

        /// Creates the default options.
        package init() {}
    }

    /// Opens the log in `directory`, creating the directory, the databases and the genesis
    /// record (from `genesis`, called with a fresh ledger id) when the ledger is new.
    ///
    /// - Throws: ``StorageError``: `locked` when another daemon holds the directory,
    ///   `unsupportedFormat` for a newer ledger, `noLedger` for an empty read-only open.
    package init(
        directory: String,
        options: Options = Options(),
        genesis: (_ ledgerID: String) -> GenesisEvent
    ) throws(StorageError) {
        if !options.environment.readOnly { mkdir(directory, 0o750) }
        lock = options.exclusive ? try DirectoryLock(directory: directory) : nil
        do {
            environment = try LMDBEnvironment(directory: directory, options: options.environment)
            let create = !options.environment.readOnly
            if !create, try !Self.hasDatabase("meta", in: environment) {
                throw StorageError.noLedger(directory: directory)
            }
            meta = try environment.openDatabase("meta", create: create)
            events = try environment.openDatabase("events", create: create)
            commands = try environment.openDatabase("commands", create: create)
            commandJournal =
                create ? try environment.openDatabase("command_journal", create: true) : nil
            snapshots = try environment.openDatabase("snapshots", create: create)
            var loaded = CommandJournal(capacity: options.commandJournalCapacity)
            if let commandJournal {
                try environment.read { txn in try loaded.load(from: txn, commandJournal) }
            }
            journal = Mutex(loaded)
        } catch let error as StorageError {
            throw error
        } catch let error as LMDBError {
            throw .lmdb(error)
        } catch {
            throw .corrupt("\(error)")
        }
        clock = options.clock
        let opened = try Self.loadOrCreate(
            environment: environment,
            meta: meta,
            events: events,
            readOnly: options.environment.readOnly,
            clock: options.clock,
            genesis: genesis
        )
        ledgerID = opened.ledgerID
        currentHead = Mutex(opened.head)
    }

    /// The outcome the command journal holds for `commandID`, if any.
    func journaledOutcome(of commandID: String) -> CommandOutcome? {
        journal.withLock { $0.outcomes[commandID] }
    }

    /// The newest committed record.
    package var head: LogHead {
        currentHead.withLock { $0 }
    }

    /// Re-reads the head from disk: for read-only openers following a live daemon.
    package func refreshHead() throws(StorageError) -> LogHead {
        let stored = try Self.storedHead(environment: environment, meta: meta)
        guard let stored else { throw .noLedger(directory: environment.directory) }
        currentHead.withLock { $0 = stored }
        return stored
    }

    /// The system's real-time clock in microseconds since the Unix epoch.
    package static let systemClockMicros: @Sendable () -> Int64 = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    /// Appends in one write transaction: `body` gets an ``LogAppender`` to check command ids,
    /// append records and remember outcomes; when it returns, the transaction commits with its
    /// fsync, and only then does the head advance. If it throws, nothing is written.
    ///
    /// `body` may run more than once (when the map grows), so it must not have effects outside
    /// the appender before it returns.
    /// - Throws: ``StorageError`` for storage failures, or whatever `body` throws.
    package func append<T>(_ body: (inout LogAppender) throws -> T) throws -> T {
        let now = clock()
        let (result, newHead, journaled) = try translatingStorageErrors {
            try environment.write { txn in
                let flushed = try flushJournalIfFull(in: txn)
                var appender = LogAppender(
                    log: self,
                    transaction: WriteTransaction(handle: txn.handle),
                    head: head,
                    recordedAtMicros: max(now, head.recordedAtMicros),
                    journalKey: flushed ? 0 : journal.withLock { $0.nextKey }
                )
                let result = try body(&appender)
                if appender.head != head {
                    try appender.storeHead()
                }
                return (
                    result, appender.head,
                    (
                        remembered: appender.remembered, flushed: flushed,
                        nextKey: appender.journalKey
                    )
                )
            }
        }
        currentHead.withLock { $0 = newHead }
        journal.withLock { journal in
            journal.committed(
                journaled.remembered,
                flushed: journaled.flushed,
                nextKey: journaled.nextKey
            )
        }
        return result
    }
}

extension EventLog {
    /// Moves a full command journal into `commands` inside `txn`; returns whether it did.
    private func flushJournalIfFull(in txn: borrowing WriteTransaction) throws -> Bool {
        guard let commandJournal else { return false }
        return try journal.withLock { journal in
            guard journal.isFull else { return false }
            try journal.flush(into: commands, journal: commandJournal, in: txn)
            return true
        }
    }
}

/// The first record of a new ledger, supplied by the domain layer.
package struct GenesisEvent: Sendable {
    /// The event type, e.g. `ledger.created`.
    package var type: String
    /// The payload's schema version.
    package var version: UInt16
    /// The payload bytes.
    package var payload: [UInt8]

    /// Creates a genesis event.
    package init(type: String, version: UInt16, payload: [UInt8]) {
        self.type = type
        self.version = version
        self.payload = payload
    }
}

/// Runs `body`, turning LMDB errors into ``StorageError/lmdb(_:)``.
func translatingStorageErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LMDBError {
        throw StorageError.lmdb(error)
    }
}
