internal import CLMDB

/// What read and write transactions share: lookups and cursor scans.
///
/// Transactions are non-copyable and scoped to a closure, so they cannot escape; the bytes they
/// return point into the memory map and are valid only until the transaction ends, so callers
/// decode inside the closure.
package protocol LMDBTransaction: ~Copyable {
    /// The raw `MDB_txn`.
    var handle: OpaquePointer { get }
}

extension LMDBTransaction where Self: ~Copyable {
    /// Returns the value stored under `key`, or `nil` if there is none (wraps `mdb_get`).
    ///
    /// - Throws: ``LMDBError`` for any failure other than a missing key.
    package func get(_ database: Database, key: UnsafeRawBufferPointer) throws
        -> UnsafeRawBufferPointer?
    {
        var keyValue = MDB_val(
            mv_size: key.count,
            mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress)
        )
        var data = MDB_val()
        let code = mdb_get(handle, database.dbi, &keyValue, &data)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_get")
        return UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size)
    }

    /// Returns the value stored under the big-endian encoding of `key`.
    package func get(_ database: Database, key: UInt64) throws -> UnsafeRawBufferPointer? {
        var bigEndian = key.bigEndian
        return try withUnsafeBytes(of: &bigEndian) { bytes in
            try get(database, key: bytes)
        }
    }

    /// Returns the value stored under the UTF-8 bytes of `key`.
    package func get(_ database: Database, key: String) throws -> UnsafeRawBufferPointer? {
        var key = key
        return try key.withUTF8 { utf8 in
            try get(database, key: UnsafeRawBufferPointer(utf8))
        }
    }

    /// Calls `body` with each key and value from the first key at or after `start` (or from the
    /// first key when `start` is `nil`), in key order, until `body` returns `false`.
    ///
    /// Wraps `mdb_cursor_get` with `MDB_SET_RANGE`/`MDB_FIRST` then `MDB_NEXT`.
    package func scan(
        _ database: Database,
        from start: UInt64?,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, database.dbi, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var data = MDB_val()
        var startKey = (start ?? 0).bigEndian
        var code = withUnsafeMutableBytes(of: &startKey) { raw in
            if start == nil { return mdb_cursor_get(cursor, &key, &data, MDB_FIRST) }
            key = MDB_val(mv_size: 8, mv_data: raw.baseAddress)
            return mdb_cursor_get(cursor, &key, &data, MDB_SET_RANGE)
        }
        while code == MDB_SUCCESS {
            let keyBytes = UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size)
            let valueBytes = UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size)
            guard try body(keyBytes, valueBytes) else { return }
            code = mdb_cursor_get(cursor, &key, &data, MDB_NEXT)
        }
        if code != MDB_NOTFOUND { try check(code, "mdb_cursor_get") }
    }

    /// Returns the last key and value of `database` in key order, or `nil` if it is empty.
    package func last<T>(
        _ database: Database,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> T
    ) throws -> T? {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, database.dbi, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var data = MDB_val()
        let code = mdb_cursor_get(cursor, &key, &data, MDB_LAST)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_cursor_get")
        return try body(
            UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size),
            UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size)
        )
    }

    /// The number of entries in `database` (wraps `mdb_stat`).
    package func count(_ database: Database) throws -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(handle, database.dbi, &stat), "mdb_stat")
        return stat.ms_entries
    }
}

/// A read-only snapshot of the environment (an `MDB_txn` begun with `MDB_RDONLY`).
package struct ReadTransaction: ~Copyable, LMDBTransaction {
    /// The raw `MDB_txn`.
    package let handle: OpaquePointer
}

/// A write transaction: committed when its closure returns, aborted when it throws.
package struct WriteTransaction: ~Copyable, LMDBTransaction {
    /// The raw `MDB_txn`.
    package let handle: OpaquePointer

    /// Stores `value` under `key` (wraps `mdb_put`).
    ///
    /// - Throws: ``LMDBError``; `isKeyExist` for an existing key under `.noOverwrite` or an
    ///   out-of-order key under `.append`, `isMapFull` when the map must grow.
    package func put(
        _ database: Database,
        key: UnsafeRawBufferPointer,
        value: UnsafeRawBufferPointer,
        flags: PutFlags = []
    ) throws {
        var keyValue = MDB_val(
            mv_size: key.count,
            mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress)
        )
        var data = MDB_val(
            mv_size: value.count,
            mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress)
        )
        try check(mdb_put(handle, database.dbi, &keyValue, &data, flags.rawValue), "mdb_put")
    }

    /// Stores `value` under the big-endian encoding of `key`.
    package func put(
        _ database: Database,
        key: UInt64,
        value: UnsafeRawBufferPointer,
        flags: PutFlags = []
    ) throws {
        var bigEndian = key.bigEndian
        try withUnsafeBytes(of: &bigEndian) { bytes in
            try put(database, key: bytes, value: value, flags: flags)
        }
    }

    /// Stores `value` under the UTF-8 bytes of `key`.
    package func put(
        _ database: Database,
        key: String,
        value: UnsafeRawBufferPointer,
        flags: PutFlags = []
    ) throws {
        var key = key
        try key.withUTF8 { utf8 in
            try put(database, key: UnsafeRawBufferPointer(utf8), value: value, flags: flags)
        }
    }

    /// Stores `value` under the UTF-8 bytes of `key`.
    package func put(_ database: Database, key: String, value: [UInt8], flags: PutFlags = [])
        throws
    {
        try value.withUnsafeBytes { bytes in
            try put(database, key: key, value: bytes, flags: flags)
        }
    }

    /// Stores `value` under the big-endian encoding of `key`.
    package func put(_ database: Database, key: UInt64, value: [UInt8], flags: PutFlags = [])
        throws
    {
        try value.withUnsafeBytes { bytes in
            try put(database, key: key, value: bytes, flags: flags)
        }
    }

    /// Removes the entry under the big-endian encoding of `key`; returns whether there was one
    /// (wraps `mdb_del`).
    @discardableResult
    package func delete(_ database: Database, key: UInt64) throws -> Bool {
        var bigEndian = key.bigEndian
        return try withUnsafeBytes(of: &bigEndian) { bytes in try delete(database, key: bytes) }
    }

    /// Removes every entry of `database`, keeping the database (wraps `mdb_drop` with `del` 0).
    package func clear(_ database: Database) throws {
        try check(mdb_drop(handle, database.dbi, 0), "mdb_drop")
    }

    /// Removes the entry under `key`; returns whether there was one (wraps `mdb_del`).
    @discardableResult
    package func delete(_ database: Database, key: UnsafeRawBufferPointer) throws -> Bool {
        var keyValue = MDB_val(
            mv_size: key.count,
            mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress)
        )
        let code = mdb_del(handle, database.dbi, &keyValue, nil)
        if code == MDB_NOTFOUND { return false }
        try check(code, "mdb_del")
        return true
    }
}

@available(*, unavailable)
extension ReadTransaction: Sendable {}

@available(*, unavailable)
extension WriteTransaction: Sendable {}
