/// Command outcomes remembered since the last flush into `commands`, kept in their own database
/// (`command_journal`, keyed by a counter and appended in order) and in memory.
///
/// `commands` is keyed by the client's command id, so the outcomes of one commit land on as
/// many scattered B-tree leaves as the commit has commands: 64 clients writing one call a line
/// dirtied about 37 pages a commit (`strace` of the writer), most of them in `commands`.
/// Appended to the journal instead, a commit's outcomes fill one or two pages. Once the journal
/// holds ``capacity`` outcomes, the next commit moves them into `commands` in id order and
/// empties the journal, so ids that share leaves are written together once.
///
/// The journal is as durable as the records it travels with (same transaction); a lookup
/// checks it before `commands`, and opening the log loads it back into memory.
struct CommandJournal {
    /// Outcomes in the journal, by command id.
    private(set) var outcomes: [String: CommandOutcome] = [:]
    /// The key the next journal entry takes.
    private(set) var nextKey: UInt64 = 0
    /// How many outcomes the journal holds before a commit flushes it.
    let capacity: Int

    /// An empty journal that flushes at `capacity` outcomes.
    init(capacity: Int) {
        precondition(capacity > 0, "a journal needs room for an outcome")
        self.capacity = capacity
    }

    /// Whether the next commit moves the journal into `commands`.
    var isFull: Bool { outcomes.count >= capacity }

    /// Loads the stored journal.
    /// - Throws: ``StorageError/corrupt(_:)`` for an entry that does not decode.
    mutating func load(
        from transaction: borrowing some LMDBTransaction & ~Copyable,
        _ database: Database
    ) throws {
        try transaction.scan(database, from: nil) { key, value in
            guard key.count == 8 else { throw StorageError.corrupt("command journal key") }
            let entry = try Self.decode(value)
            outcomes[entry.commandID] = entry.outcome
            nextKey = UInt64(bigEndian: key.loadUnaligned(as: UInt64.self)) + 1
            return true
        }
    }

    /// Moves every journaled outcome into `commands` in id order and empties the journal
    /// database; the in-memory outcomes stay until ``committed(_:flushed:nextKey:)``.
    func flush(
        into commands: Database,
        journal: Database,
        in transaction: borrowing WriteTransaction
    ) throws {
        // String order equals the byte order LMDB keeps for ASCII ids; for others it only costs
        // some locality.
        let ordered = outcomes.sorted { $0.key < $1.key }
        for (commandID, outcome) in ordered {
            try transaction.put(commands, key: commandID, value: outcome.storedBytes)
        }
        try transaction.clear(journal)
    }

    /// Takes in what a committed transaction journaled: after a flush, only that.
    mutating func committed(_ remembered: [String: CommandOutcome], flushed: Bool, nextKey: UInt64)
    {
        if flushed { outcomes.removeAll(keepingCapacity: true) }
        outcomes.merge(remembered) { _, new in new }
        self.nextKey = nextKey
    }

    /// The stored form of one entry: the id's length in a byte, the id, then the outcome.
    static func encode(_ outcome: CommandOutcome, for commandID: String) -> [UInt8] {
        let id = Array(commandID.utf8)
        precondition(id.count <= Int(UInt8.max), "command ids are at most 128 bytes")
        return [UInt8(id.count)] + id + outcome.storedBytes
    }

    private static func decode(_ stored: UnsafeRawBufferPointer) throws -> (
        commandID: String, outcome: CommandOutcome
    ) {
        guard let length = stored.first, stored.count > 1 + Int(length) else {
            throw StorageError.corrupt("command journal entry too short")
        }
        let id = String(decoding: stored[1..<(1 + Int(length))], as: UTF8.self)
        let outcome = try CommandOutcome(
            stored: UnsafeRawBufferPointer(rebasing: stored[(1 + Int(length))...])
        )
        return (id, outcome)
    }
}
