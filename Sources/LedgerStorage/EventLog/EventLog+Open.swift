internal import CLMDB

extension EventLog {
    /// The meta keys.
    enum MetaKey {
        static let formatVersion = "format_version"
        static let ledgerID = "ledger_id"
        static let head = "head"
    }

    struct OpenedLedger {
        var ledgerID: String
        var head: LogHead
    }

    /// Whether the environment has a named database (read-only openers must not create one).
    static func hasDatabase(_ name: String, in environment: LMDBEnvironment) throws -> Bool {
        do {
            _ = try environment.openDatabase(name, create: false)
            return true
        } catch let error as LMDBError where error.isNotFound {
            return false
        }
    }

    /// Checks the format of an existing ledger, or writes meta and the genesis record of a new one.
    static func loadOrCreate(
        environment: LMDBEnvironment,
        meta: Database,
        events: Database,
        readOnly: Bool,
        clock: () -> Int64,
        genesis: (String) -> GenesisEvent
    ) throws(StorageError) -> OpenedLedger {
        do {
            if let existing = try readMeta(environment: environment, meta: meta) {
                return existing
            }
            guard !readOnly else { throw StorageError.noLedger(directory: environment.directory) }
            let ledgerID = randomLedgerID()
            let event = genesis(ledgerID)
            let recordedAt = clock()
            let (stored, hash) = RecordCodec.storedRecord(
                sequence: 1,
                recordedAtMicros: recordedAt,
                type: event.type,
                version: event.version,
                commandID: "",
                actor: Actor(uid: getuidValue(), role: "system"),
                payload: event.payload,
                previousHash: .zero
            )
            let head = LogHead(sequence: 1, hash: hash, recordedAtMicros: recordedAt)
            try environment.write { txn in
                var version: [UInt8] = []
                version.appendBigEndian(formatVersion)
                try txn.put(meta, key: MetaKey.formatVersion, value: version)
                try txn.put(meta, key: MetaKey.ledgerID, value: Array(ledgerID.utf8))
                try txn.put(meta, key: MetaKey.head, value: head.storedBytes)
                try txn.put(events, key: 1, value: stored, flags: .append)
            }
            return OpenedLedger(ledgerID: ledgerID, head: head)
        } catch let error as StorageError {
            throw error
        } catch let error as LMDBError {
            throw .lmdb(error)
        } catch {
            throw .corrupt("\(error)")
        }
    }

    private static func readMeta(environment: LMDBEnvironment, meta: Database) throws
        -> OpenedLedger?
    {
        try environment.read { txn -> OpenedLedger? in
            guard let versionBytes = try txn.get(meta, key: MetaKey.formatVersion) else {
                return nil
            }
            guard versionBytes.count == 4 else { throw StorageError.corrupt("meta format_version") }
            let found = versionBytes.loadUnaligned(as: UInt32.self).bigEndian
            guard found <= formatVersion else {
                throw StorageError.unsupportedFormat(found: found, supported: formatVersion)
            }
            guard let idBytes = try txn.get(meta, key: MetaKey.ledgerID),
                let ledgerID = String(validating: idBytes, as: UTF8.self),
                let headBytes = try txn.get(meta, key: MetaKey.head),
                let head = decodeHead(headBytes)
            else { throw StorageError.corrupt("meta is incomplete") }
            return OpenedLedger(ledgerID: ledgerID, head: head)
        }
    }

    static func storedHead(environment: LMDBEnvironment, meta: Database) throws(StorageError)
        -> LogHead?
    {
        do {
            return try environment.read { txn in
                try txn.get(meta, key: MetaKey.head).flatMap(decodeHead)
            }
        } catch let error as LMDBError {
            throw .lmdb(error)
        } catch {
            throw .corrupt("\(error)")
        }
    }

    private static func decodeHead(_ bytes: UnsafeRawBufferPointer) -> LogHead? {
        guard bytes.count == 48, let hash = Digest(bytes[8..<40]) else { return nil }
        let sequence = bytes.loadUnaligned(as: UInt64.self).bigEndian
        let recordedAt = Int64(
            bitPattern: bytes.loadUnaligned(fromByteOffset: 40, as: UInt64.self).bigEndian
        )
        return LogHead(sequence: sequence, hash: hash, recordedAtMicros: recordedAt)
    }

    /// A random 128-bit id in the 8-4-4-4-12 hexadecimal form.
    private static func randomLedgerID() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<32).map { _ in
            String(Int.random(in: 0..<16, using: &generator), radix: 16)
        }
        let text = digits.joined()
        let cuts = [8, 12, 16, 20]
        var parts: [Substring] = []
        var start = text.startIndex
        for cut in cuts {
            let end = text.index(text.startIndex, offsetBy: cut)
            parts.append(text[start..<end])
            start = end
        }
        parts.append(text[start...])
        return parts.joined(separator: "-")
    }
}
