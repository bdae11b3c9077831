#if canImport(Glibc)
    import Glibc
#endif

extension EventLog {
    /// Writes a hot, compacted, consistent copy of the ledger into `destination` while writes
    /// go on (`mdb_env_copy2` with `MDB_CP_COMPACT`, inside one read transaction).
    ///
    /// - Throws: ``StorageError/invalidRecord(_:)`` if the destination exists and is not an
    ///   empty directory; ``StorageError/lmdb(_:)`` if the copy fails.
    package func backup(to destination: String) throws(StorageError) {
        if mkdir(destination, 0o750) != 0 && errno != EEXIST {
            throw .lmdb(LMDBError(code: errno, operation: "mkdir \(destination)"))
        }
        guard Self.isEmptyDirectory(destination) else {
            throw .invalidRecord("backup destination \(destination) is not an empty directory")
        }
        do {
            try environment.copy(to: destination, compact: true)
        } catch {
            throw .lmdb(error)
        }
    }

    private static func isEmptyDirectory(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { return false }
        }
        return true
    }
}
