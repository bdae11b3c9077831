#if canImport(Glibc)
    import Glibc
#endif

/// Appends records and remembers command outcomes inside one ``EventLog/append(_:)``
/// transaction.
package struct LogAppender: ~Copyable {
    private let log: EventLog
    private let transaction: WriteTransaction
    /// The newest record appended so far in this transaction (or the log's head).
    package private(set) var head: LogHead
    /// The recorded-at time of every record in this transaction; never before the head's.
    package let recordedAtMicros: Int64
    /// Outcomes this transaction journaled, for the log to take in once it commits.
    private(set) var remembered: [String: CommandOutcome] = [:]
    /// The key of this transaction's next journal entry.
    private(set) var journalKey: UInt64

    init(
        log: EventLog,
        transaction: consuming WriteTransaction,
        head: LogHead,
        recordedAtMicros: Int64,
        journalKey: UInt64
    ) {
        self.log = log
        self.transaction = transaction
        self.head = head
        self.recordedAtMicros = recordedAtMicros
        self.journalKey = journalKey
    }

    /// Appends one record after the current head and returns its sequence number.
    ///
    /// - Throws: ``StorageError/invalidRecord(_:)`` for an over-long field, or an LMDB error
    ///   (`isKeyExist` if the sequence were ever out of order).
    @discardableResult
    package mutating func append(
        type: String,
        version: UInt16,
        commandID: String,
        actor: Actor,
        payload: [UInt8]
    ) throws -> UInt64 {
        guard (1...255).contains(type.utf8.count), commandID.utf8.count <= 128,
            actor.role.utf8.count <= 255, payload.count <= Int(UInt32.max)
        else { throw StorageError.invalidRecord("field too long in \(type)") }
        let sequence = head.sequence + 1
        let (stored, hash) = RecordCodec.storedRecord(
            sequence: sequence,
            recordedAtMicros: recordedAtMicros,
            type: type,
            version: version,
            commandID: commandID,
            actor: actor,
            payload: payload,
            previousHash: head.hash
        )
        try transaction.put(log.events, key: sequence, value: stored, flags: .append)
        head = LogHead(sequence: sequence, hash: hash, recordedAtMicros: recordedAtMicros)
        return sequence
    }

    /// The outcome remembered for `commandID`, including ones remembered earlier in this
    /// transaction, or `nil`.
    package func outcome(of commandID: String) throws -> CommandOutcome? {
        if let outcome = remembered[commandID] ?? log.journaledOutcome(of: commandID) {
            return outcome
        }
        return try transaction.get(log.commands, key: commandID).map(CommandOutcome.init(stored:))
    }

    /// Remembers the outcome of an accepted command, forever.
    ///
    /// The first ``journaledPerTransaction`` outcomes of a transaction go to the command
    /// journal and reach `commands` with its next flush (see ``CommandJournal``); the rest go
    /// to `commands` at once, since a large commit shares B-tree leaves among its own ids
    /// already, and journaling them would only write them twice.
    ///
    /// - Throws: an LMDB error with `isKeyExist` if the id was already remembered.
    package mutating func remember(_ outcome: CommandOutcome, for commandID: String) throws {
        // Made only when thrown: building its message for every outcome (appending the id to a
        // string, with a malloc and a free) was over a tenth of remembering's samples.
        func known() -> LMDBError {
            LMDBError(code: LMDBError.keyExistCode, operation: "remember \(commandID)")
        }
        guard remembered[commandID] == nil, log.journaledOutcome(of: commandID) == nil else {
            throw known()
        }
        guard remembered.count < Self.journaledPerTransaction else {
            try transaction.put(
                log.commands,
                key: commandID,
                value: outcome.storedBytes,
                flags: .noOverwrite
            )
            return
        }
        guard try transaction.get(log.commands, key: commandID) == nil else { throw known() }
        guard let commandJournal = log.commandJournal else {
            throw LMDBError(code: EACCES, operation: "remember \(commandID) in a read-only log")
        }
        try transaction.put(
            commandJournal,
            key: journalKey,
            value: CommandJournal.encode(outcome, for: commandID),
            flags: .append
        )
        journalKey += 1
        remembered[commandID] = outcome
    }

    /// How many outcomes of one transaction go to the command journal.
    static let journaledPerTransaction = 64

    func storeHead() throws {
        try transaction.put(log.meta, key: EventLog.MetaKey.head, value: head.storedBytes)
    }
}

/// The current process's uid, for records the ledger writes on its own.
func getuidValue() -> UInt32 {
    getuid()
}
