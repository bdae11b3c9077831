internal import CLMDB

/// An open LMDB environment: one memory-mapped file holding named databases.
///
/// Transactions are closure-scoped: ``read(_:)`` and ``write(_:)`` begin one, hand it to the
/// closure, and end it when the closure returns (commit) or throws (abort). The environment is
/// opened with `MDB_NOTLS`, so read transactions may run on any thread; writes are serialised
/// by LMDB itself. The map starts large (it is sparse on disk) and doubles when full.
package final class LMDBEnvironment: @unchecked Sendable {
    // Invariant: `handle` is only used through LMDB calls, which are thread-safe on an
    // environment opened with MDB_NOTLS; `mapSizeBytes` and map resizing are guarded by
    // `resizeLock` (held exclusively), while every transaction holds it shared.
    let handle: OpaquePointer
    let resizeLock = ReadWriteLock()
    private var mapSizeBytes: Int

    /// The directory holding `data.mdb` and `lock.mdb`.
    package let directory: String
    /// Whether the environment was opened with `MDB_RDONLY`.
    package let isReadOnly: Bool
    /// The largest size the map may grow to.
    package let maximumMapSizeBytes: Int

    /// How to open an environment.
    package struct Options: Sendable {
        /// The initial map size; the file is sparse, so a large value costs no disk.
        package var mapSizeBytes: Int = 1 << 34
        /// The ceiling for automatic growth on `MDB_MAP_FULL`.
        package var maximumMapSizeBytes: Int = 1 << 40
        /// How many named databases may be opened.
        package var maxDatabases: UInt32 = 16
        /// How many concurrent readers (threads and processes) the lock table holds.
        package var maxReaders: UInt32 = 254
        /// Open read-only: for audits, backups and the CLI beside a running daemon.
        package var readOnly = false

        /// Creates the default options.
        package init() {}
    }

    /// Opens (creating if needed) the environment in `directory` and clears stale readers.
    ///
    /// Wraps `mdb_env_create`, `mdb_env_set_mapsize`, `mdb_env_set_maxdbs`,
    /// `mdb_env_set_maxreaders`, `mdb_env_open` and `mdb_reader_check`.
    /// - Throws: ``LMDBError`` if the directory cannot be opened as an environment.
    package init(directory: String, options: Options = Options()) throws(LMDBError) {
        var environment: OpaquePointer?
        try check(mdb_env_create(&environment), "mdb_env_create")
        guard let environment else { throw LMDBError(code: MDB_PANIC, operation: "mdb_env_create") }
        do {
            try check(mdb_env_set_maxdbs(environment, options.maxDatabases), "mdb_env_set_maxdbs")
            try check(mdb_env_set_maxreaders(environment, options.maxReaders), "mdb_env_set_maxreaders")
            if !options.readOnly {
                try check(mdb_env_set_mapsize(environment, options.mapSizeBytes), "mdb_env_set_mapsize")
            }
            var flags = UInt32(MDB_NOTLS)
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            try check(mdb_env_open(environment, directory, flags, 0o640), "mdb_env_open")
            // A reader slot left by a killed process would pin old pages forever.
            var cleared: Int32 = 0
            try check(mdb_reader_check(environment, &cleared), "mdb_reader_check")
        } catch {
            mdb_env_close(environment)
            throw error
        }
        handle = environment
        var info = MDB_envinfo()
        mdb_env_info(environment, &info)
        mapSizeBytes = info.me_mapsize
        self.directory = directory
        isReadOnly = options.readOnly
        maximumMapSizeBytes = max(options.maximumMapSizeBytes, info.me_mapsize)
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Opens a named database once at start-up (wraps `mdb_dbi_open`).
    ///
    /// - Parameter create: create the database if it does not exist (not in read-only mode).
    /// - Throws: ``LMDBError``; `isNotFound` when it does not exist and `create` is false.
    package func openDatabase(_ name: String, create: Bool) throws -> Database {
        let flags = create && !isReadOnly ? UInt32(MDB_CREATE) : 0
        if !isReadOnly {
            return try write { txn in try Self.open(name, flags: flags, in: txn.handle) }
        }
        // A handle opened in an aborted transaction is closed with it, so even the read-only
        // transaction that opens it must commit.
        return try resizeLock.withReadLock { () throws(LMDBError) -> Database in
            var txn: OpaquePointer?
            try check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin")
            guard let txn else { throw LMDBError(code: MDB_PANIC, operation: "mdb_txn_begin") }
            let database: Database
            do throws(LMDBError) {
                database = try Self.open(name, flags: flags, in: txn)
            } catch {
                mdb_txn_abort(txn)
                throw error
            }
            try check(mdb_txn_commit(txn), "mdb_txn_commit")
            return database
        }
    }

    private static func open(_ name: String, flags: UInt32, in txn: OpaquePointer) throws(LMDBError)
        -> Database
    {
        var dbi: MDB_dbi = 0
        try check(mdb_dbi_open(txn, name, flags, &dbi), "mdb_dbi_open")
        return Database(dbi: dbi, name: name)
    }

    /// Runs `body` in a read-only transaction, adopting a map grown by another process.
    ///
    /// - Throws: ``LMDBError``, or whatever `body` throws.
    package func read<T>(_ body: (borrowing ReadTransaction) throws -> T) throws -> T {
        while true {
            let outcome: T? = try resizeLock.withReadLock {
                var txn: OpaquePointer?
                let code = mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn)
                if code == MDB_MAP_RESIZED { return nil }
                try check(code, "mdb_txn_begin")
                guard let txn else { throw LMDBError(code: MDB_PANIC, operation: "mdb_txn_begin") }
                defer { mdb_txn_abort(txn) }
                return try body(ReadTransaction(handle: txn))
            }
            if let outcome { return outcome }
            try adoptGrownMap()
        }
    }

    /// Runs `body` in a write transaction: commits (with its fsync) when `body` returns, aborts
    /// when it throws. If the map is full, the transaction is aborted, the map doubles, and
    /// `body` runs again from the start: it must not have effects outside the transaction.
    ///
    /// - Throws: ``LMDBError`` (`isStorageFull` when the disk has no room: nothing was written),
    ///   or whatever `body` throws.
    package func write<T>(_ body: (borrowing WriteTransaction) throws -> T) throws -> T {
        while true {
            do {
                return try resizeLock.withReadLock {
                    var txn: OpaquePointer?
                    try check(mdb_txn_begin(handle, nil, 0, &txn), "mdb_txn_begin")
                    guard let txn else { throw LMDBError(code: MDB_PANIC, operation: "mdb_txn_begin") }
                    let result: T
                    do {
                        result = try body(WriteTransaction(handle: txn))
                    } catch {
                        mdb_txn_abort(txn)
                        throw error
                    }
                    // mdb_txn_commit frees the transaction whether or not it succeeds.
                    try check(mdb_txn_commit(txn), "mdb_txn_commit")
                    return result
                }
            } catch let error as LMDBError where error.isMapFull {
                try growMap()
            } catch let error as LMDBError where error.isMapResized {
                try adoptGrownMap()
            }
        }
    }

    /// The current size of the memory map.
    package var currentMapSizeBytes: Int {
        resizeLock.withReadLock { mapSizeBytes }
    }

    /// Doubles the map (wraps `mdb_env_set_mapsize`); waits until no transaction is active.
    private func growMap() throws(LMDBError) {
        try resizeLock.withWriteLock { () throws(LMDBError) in
            guard mapSizeBytes < maximumMapSizeBytes else {
                throw LMDBError(code: MDB_MAP_FULL, operation: "mdb_env_set_mapsize")
            }
            let grown = min(mapSizeBytes * 2, maximumMapSizeBytes)
            try check(mdb_env_set_mapsize(handle, grown), "mdb_env_set_mapsize")
            mapSizeBytes = grown
        }
    }

    /// Adopts the map size another process set (wraps `mdb_env_set_mapsize` with 0).
    func adoptGrownMap() throws(LMDBError) {
        try resizeLock.withWriteLock { () throws(LMDBError) in
            try check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize")
            var info = MDB_envinfo()
            mdb_env_info(handle, &info)
            mapSizeBytes = info.me_mapsize
        }
    }

    /// Writes a consistent copy of the environment into the empty directory `destination`
    /// while writers go on (wraps `mdb_env_copy2`).
    ///
    /// - Parameter compact: omit free pages and renumber them (`MDB_CP_COMPACT`).
    package func copy(to destination: String, compact: Bool) throws(LMDBError) {
        try resizeLock.withReadLock { () throws(LMDBError) in
            try check(
                mdb_env_copy2(handle, destination, compact ? UInt32(MDB_CP_COMPACT) : 0),
                "mdb_env_copy2"
            )
        }
    }
}
