internal import CLMDB

#if canImport(Glibc)
    import Glibc
#endif

extension LMDBEnvironment {
    /// Begins `count` read transactions on one consistent state, runs `body` with them, then
    /// ends them all.
    ///
    /// The environment is opened with `MDB_NOTLS`, so each transaction may be handed to another
    /// thread, as long as one thread at a time uses it. The map-resize lock is taken once for all
    /// of them: taking it once per thread could deadlock against a resize waiting in between.
    ///
    /// - Throws: ``LMDBError``, or whatever `body` throws.
    package func readConcurrently<T>(
        transactions count: Int,
        _ body: ([SharedReadTransaction]) throws -> T
    ) throws -> T {
        while true {
            let outcome: T? = try resizeLock.withReadLock { () throws -> T? in
                var handles: [OpaquePointer] = []
                defer { for handle in handles { mdb_txn_abort(handle) } }
                for _ in 0..<count {
                    var txn: OpaquePointer?
                    let code = mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn)
                    if code == MDB_MAP_RESIZED { return nil }
                    try check(code, "mdb_txn_begin")
                    guard let txn else {
                        throw LMDBError(code: MDB_PANIC, operation: "mdb_txn_begin")
                    }
                    handles.append(txn)
                }
                return try body(handles.map(SharedReadTransaction.init))
            }
            if let outcome { return outcome }
            try adoptGrownMap()
        }
    }
}

/// A read transaction that ``LMDBEnvironment/readConcurrently(transactions:_:)`` hands to a
/// worker thread. Valid until that call returns; one thread at a time may use it.
package struct SharedReadTransaction: @unchecked Sendable {
    // Invariant: the transaction outlives every use, since readConcurrently ends it only after
    // its body returned, and the body joins the threads it gave this to.
    private let handle: OpaquePointer

    fileprivate init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    /// Runs `body` with the transaction.
    package func use<T>(_ body: (borrowing ReadTransaction) throws -> T) rethrows -> T {
        try body(ReadTransaction(handle: handle))
    }
}

extension LMDBEnvironment {
    /// Drops the pages of the memory map from this process's resident set, after a scan that
    /// touched the whole log (the start-up replay), so they stop counting against the daemon.
    ///
    /// Safe because the map is read-only (no `MDB_WRITEMAP`: LMDB writes through the file
    /// descriptor), so every mapped page is clean: a later read faults it back in from the page
    /// cache. LMDB does not tell where its map is (`me_mapaddr` is set only for fixed maps), so
    /// the mapping of `data.mdb` is looked up in `/proc/self/maps`; then `madvise(MADV_DONTNEED)`.
    package func releaseMappedPages() {
        guard let resolved = realpath(directory, nil) else { return }
        let dataFile = String(cString: resolved) + "/data.mdb"
        free(resolved)
        for range in Self.mappings(of: dataFile) {
            _ = madvise(
                UnsafeMutableRawPointer(bitPattern: range.lowerBound),
                range.count,
                MADV_DONTNEED
            )
        }
    }

    /// The address ranges mapping `path`, from `/proc/self/maps`.
    private static func mappings(of path: String) -> [Range<UInt>] {
        guard let file = fopen("/proc/self/maps", "r") else { return [] }
        defer { fclose(file) }
        var ranges: [Range<UInt>] = []
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            // "start-end perms offset dev inode path"
            let fields = String(cString: line).split(
                separator: " ",
                omittingEmptySubsequences: true
            )
            guard fields.count >= 6, fields[5].trimmingSuffixNewline == path else { continue }
            let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            if bounds.count == 2, bounds[0] < bounds[1] { ranges.append(bounds[0]..<bounds[1]) }
        }
        return ranges
    }
}

extension Substring {
    /// The text without a final line feed.
    fileprivate var trimmingSuffixNewline: Substring {
        last == "\n" ? dropLast() : self
    }
}
