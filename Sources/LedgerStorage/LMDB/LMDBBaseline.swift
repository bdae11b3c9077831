internal import CLMDB

#if canImport(Glibc)
    import Glibc
#endif

/// Raw loops over LMDB's C API, the baseline the benchmarks compare the event log with.
///
/// They do the same puts the log does (a big-endian u64 key, `MDB_APPEND`, one durable commit
/// per batch) with nothing else: no encoding, no hashing, no idempotency index.
package enum LMDBBaseline {
    /// Appends `count` values of `valueBytes` bytes, `batch` per durable commit, into a new
    /// environment in `directory`.
    package static func append(directory: String, count: Int, batch: Int, valueBytes: Int) throws {
        mkdir(directory, 0o750)
        let environment = try LMDBEnvironment(directory: directory)
        let database = try environment.openDatabase("raw", create: true)
        let value = [UInt8](repeating: 0xA5, count: valueBytes)
        var next: UInt64 = 1
        while next <= UInt64(count) {
            let end = min(UInt64(count), next + UInt64(batch) - 1)
            try environment.write { txn in
                for key in next...end {
                    try txn.put(database, key: key, value: value, flags: .append)
                }
            }
            next = end + 1
        }
    }

    /// Makes `count` durable single-record commits of `valueBytes` bytes into a new environment
    /// in `directory` and returns how long each took, in nanoseconds.
    package static func commitLatencies(directory: String, count: Int, valueBytes: Int) throws
        -> [UInt64]
    {
        mkdir(directory, 0o750)
        let environment = try LMDBEnvironment(directory: directory)
        let database = try environment.openDatabase("raw", create: true)
        let value = [UInt8](repeating: 0xA5, count: valueBytes)
        var latencies: [UInt64] = []
        latencies.reserveCapacity(count)
        for key in 1...UInt64(max(1, count)) {
            var start = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            try environment.write { txn in
                try txn.put(database, key: key, value: value, flags: .append)
            }
            var end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &end)
            latencies.append(
                UInt64((end.tv_sec - start.tv_sec) * 1_000_000_000 + (end.tv_nsec - start.tv_nsec))
            )
        }
        return latencies
    }

    /// Walks every record of `database` with a raw cursor and returns how many there were.
    package static func scan(environment: LMDBEnvironment, database: String) throws -> Int {
        let handle = try environment.openDatabase(database, create: false)
        var count = 0
        var checksum: UInt8 = 0
        try environment.read { txn in
            try txn.scan(handle, from: nil) { _, value in
                count += 1
                checksum &+= value[value.count / 2]
                return true
            }
        }
        precondition(checksum != 1 || count > 0)
        return count
    }
}
