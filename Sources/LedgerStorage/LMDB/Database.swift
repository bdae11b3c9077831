/// A named database inside an ``LMDBEnvironment`` (an `MDB_dbi`).
///
/// Handles are opened once at start-up and stay valid for the environment's lifetime.
package struct Database: Sendable, Hashable {
    /// The raw `MDB_dbi`.
    let dbi: UInt32
    /// The database's name, for messages.
    package let name: String
}

/// Flags for ``WriteTransaction/put(_:key:value:flags:)``.
package struct PutFlags: OptionSet, Sendable {
    /// The raw flag bits passed to `mdb_put`.
    package let rawValue: UInt32

    /// Creates flags from raw `mdb_put` bits.
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MDB_NOOVERWRITE`: refuse (with `MDB_KEYEXIST`) if the key exists.
    package static let noOverwrite = PutFlags(rawValue: 0x10)
    /// `MDB_APPEND`: the key must sort after every existing key, or the put fails with
    /// `MDB_KEYEXIST`; appending in order is also much faster.
    package static let append = PutFlags(rawValue: 0x20000)
}
