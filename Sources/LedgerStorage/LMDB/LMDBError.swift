internal import CLMDB
#if canImport(Glibc)
    import Glibc
#endif

/// An error returned by an LMDB call, or by the operating system underneath it.
///
/// The C code space is open (LMDB passes `errno` values through), so this is a struct over the
/// raw code with named constants rather than an enum.
package struct LMDBError: Error, Equatable, CustomStringConvertible {
    /// The raw return code of the failed call.
    package let code: Int32
    /// The name of the C function that failed, for messages and logs.
    package let operation: String

    /// Creates an error for `code` returned by `operation`.
    package init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// `MDB_NOTFOUND`: no matching key.
    package static let notFoundCode: Int32 = MDB_NOTFOUND
    /// `MDB_KEYEXIST`: the key exists, or an append was out of order.
    package static let keyExistCode: Int32 = MDB_KEYEXIST
    /// `MDB_MAP_FULL`: the memory map is full; the environment must grow.
    package static let mapFullCode: Int32 = MDB_MAP_FULL
    /// `MDB_MAP_RESIZED`: another process grew the map; adopt the new size and retry.
    package static let mapResizedCode: Int32 = MDB_MAP_RESIZED
    /// `MDB_VERSION_MISMATCH`: the library and the environment disagree.
    package static let versionMismatchCode: Int32 = MDB_VERSION_MISMATCH
    /// `MDB_INVALID`: the file is not an LMDB environment.
    package static let invalidCode: Int32 = MDB_INVALID

    /// Whether the disk (not the map) has no room: the write was refused and nothing changed.
    package var isStorageFull: Bool { code == ENOSPC || code == EDQUOT }
    /// Whether the map is full and must grow before the write can succeed.
    package var isMapFull: Bool { code == MDB_MAP_FULL }
    /// Whether another process grew the map since this one last looked.
    package var isMapResized: Bool { code == MDB_MAP_RESIZED }
    /// Whether a key was missing.
    package var isNotFound: Bool { code == MDB_NOTFOUND }
    /// Whether a key existed already, or an `MDB_APPEND` put was out of order.
    package var isKeyExist: Bool { code == MDB_KEYEXIST }

    /// The operation and LMDB's own text for the code (wraps `mdb_strerror`).
    package var description: String {
        "\(operation): \(String(cString: mdb_strerror(code))) (\(code))"
    }
}

/// Throws an ``LMDBError`` unless `code` is `MDB_SUCCESS`.
@inline(__always)
func check(_ code: Int32, _ operation: StaticString) throws(LMDBError) {
    guard code == MDB_SUCCESS else {
        throw LMDBError(code: code, operation: operation.description)
    }
}
