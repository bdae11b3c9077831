import Foundation

extension EventLog {
    /// How many snapshots to keep; older ones are deleted when a new one is stored.
    static let retainedSnapshots = 3

    /// The most bytes of a snapshot stored in one write transaction.
    ///
    /// The writer waits for any other write transaction, with its pages and its sync: a
    /// million-event snapshot (55 MB) stored whole held every write up for half a second. In
    /// parts of this size a write waits for one part at most.
    static let snapshotPartBytes = 1 << 20

    /// How long the snapshot waits between parts, so that a writer waiting on the lock takes it
    /// before the next part does (LMDB's lock is not fair).
    static let pauseBetweenSnapshotParts: TimeInterval = 0.001

    /// Stores a projection snapshot taken at `sequence` in parts, each in its own short write
    /// transaction, then its manifest, which makes it visible, and drops all but the newest
    /// few. Snapshots are a cache: the log stays the truth.
    ///
    /// A snapshot already stored at `sequence` (a restart with no write before the next stop)
    /// loses its manifest with the first part, so no reader puts old and new parts together.
    package func storeSnapshot(_ bytes: [UInt8], at sequence: UInt64) throws {
        try translatingStorageErrors {
            let manifest = SnapshotManifest(
                partCount: (bytes.count + Self.snapshotPartBytes - 1) / Self.snapshotPartBytes,
                byteCount: bytes.count
            )
            try bytes.withUnsafeBytes { all in
                for part in 0..<manifest.partCount {
                    if part > 0 { Thread.sleep(forTimeInterval: Self.pauseBetweenSnapshotParts) }
                    let start = part * Self.snapshotPartBytes
                    let end = min(all.count, start + Self.snapshotPartBytes)
                    try environment.write { txn in
                        if part == 0 { try txn.delete(snapshots, key: sequence) }
                        try SnapshotKey.part(part, of: sequence).withBytes { key in
                            try txn.put(
                                snapshots,
                                key: key,
                                value: UnsafeRawBufferPointer(rebasing: all[start..<end])
                            )
                        }
                    }
                }
            }
            try environment.write { txn in
                try txn.put(snapshots, key: sequence, value: manifest.bytes)
                try pruneSnapshots(in: txn, keepingParts: manifest.partCount, of: sequence)
            }
        }
    }

    /// Deletes every snapshot but the newest few; the parts of snapshots that never got a
    /// manifest (a daemon stopped while storing one), except those of a snapshot newer than
    /// the newest manifest, which may still be on its way; and parts of the snapshot just
    /// stored at `sequence` beyond its `partCount` (left by a larger one stored there before).
    private func pruneSnapshots(
        in txn: borrowing WriteTransaction,
        keepingParts partCount: Int,
        of sequence: UInt64
    ) throws {
        let (manifests, parts) = try storedSnapshotKeys(in: txn)
        let kept = Set(manifests.suffix(Self.retainedSnapshots))
        let newest = manifests.last ?? 0
        for sequence in manifests where !kept.contains(sequence) {
            try txn.delete(snapshots, key: sequence)
        }
        let stale = { (part: SnapshotKey) -> Bool in
            kept.contains(part.sequence)
                ? part.sequence == sequence && (part.part ?? 0) >= partCount
                : part.sequence <= newest
        }
        for part in parts where stale(part) {
            try part.withBytes { key in _ = try txn.delete(snapshots, key: key) }
        }
    }

    /// The newest whole snapshot taken at or before `sequence` (any, when `nil`): its sequence
    /// and the result of `decode` on its bytes. A snapshot whose parts are not all there is
    /// passed over for an older one.
    package func latestSnapshot<T>(
        atOrBefore sequence: UInt64? = nil,
        _ decode: (UnsafeRawBufferPointer) throws -> T
    ) throws -> (sequence: UInt64, value: T)? {
        try translatingStorageErrors {
            try environment.read { txn -> (sequence: UInt64, value: T)? in
                let candidates = try storedSnapshotKeys(in: txn).manifests.filter { stored in
                    sequence.map { stored <= $0 } ?? true
                }
                for candidate in candidates.reversed() {
                    guard let stored = try txn.get(snapshots, key: candidate) else { continue }
                    guard let manifest = SnapshotManifest(stored) else {
                        // Stored whole, before snapshots were stored in parts.
                        return (candidate, try decode(stored))
                    }
                    if let bytes = try assemble(manifest, of: candidate, in: txn) {
                        return (candidate, try bytes.withUnsafeBytes(decode))
                    }
                }
                return nil
            }
        }
    }

    /// The sequences of the stored manifests and the keys of the stored parts, in key order.
    private func storedSnapshotKeys<Transaction: LMDBTransaction & ~Copyable>(
        in txn: borrowing Transaction
    ) throws -> (manifests: [UInt64], parts: [SnapshotKey]) {
        var manifests: [UInt64] = []
        var parts: [SnapshotKey] = []
        try txn.scan(snapshots, from: nil) { key, _ in
            if let parsed = SnapshotKey(key) {
                if parsed.part == nil {
                    manifests.append(parsed.sequence)
                } else {
                    parts.append(parsed)
                }
            }
            return true
        }
        return (manifests, parts)
    }

    /// The bytes of a snapshot stored in parts, or nil when a part is missing or the sizes
    /// do not add up.
    private func assemble(
        _ manifest: SnapshotManifest,
        of sequence: UInt64,
        in txn: borrowing ReadTransaction
    ) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(manifest.byteCount)
        for part in 0..<manifest.partCount {
            let stored = try SnapshotKey.part(part, of: sequence).withBytes { key in
                try txn.get(snapshots, key: key)
            }
            guard let stored else { return nil }
            bytes.append(contentsOf: stored)
        }
        return bytes.count == manifest.byteCount ? bytes : nil
    }
}

/// A key of the `snapshots` database: a snapshot's manifest under its sequence (8 bytes,
/// big-endian), each part under the sequence and the part's number (4 more bytes), so a
/// snapshot's parts follow its manifest in key order.
struct SnapshotKey {
    let sequence: UInt64
    /// The part's number; nil for the manifest.
    let part: Int?

    /// Part `part` of the snapshot at `sequence`.
    static func part(_ part: Int, of sequence: UInt64) -> SnapshotKey {
        SnapshotKey(sequence: sequence, part: part)
    }

    private init(sequence: UInt64, part: Int?) {
        self.sequence = sequence
        self.part = part
    }

    /// Parses a stored key; nil for a key of another shape.
    init?(_ key: UnsafeRawBufferPointer) {
        guard key.count == 8 || key.count == 12 else { return nil }
        sequence = key.loadUnaligned(as: UInt64.self).bigEndian
        part =
            key.count == 12
            ? Int(key.loadUnaligned(fromByteOffset: 8, as: UInt32.self).bigEndian) : nil
    }

    /// Calls `body` with the key's bytes.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var bytes = withUnsafeBytes(of: sequence.bigEndian, Array.init)
        if let part { bytes += withUnsafeBytes(of: UInt32(part).bigEndian, Array.init) }
        return try bytes.withUnsafeBytes(body)
    }
}

/// The value under a snapshot's manifest key: a magic, then how many parts and bytes the
/// snapshot has (big-endian). A snapshot stored whole starts with the projection's own magic
/// instead.
struct SnapshotManifest {
    private static let magic = Array("ACRPARTS".utf8)

    let partCount: Int
    let byteCount: Int

    init(partCount: Int, byteCount: Int) {
        self.partCount = partCount
        self.byteCount = byteCount
    }

    /// Parses a stored value; nil when it is not a manifest.
    init?(_ value: UnsafeRawBufferPointer) {
        guard value.count == 20, value.prefix(8).elementsEqual(Self.magic) else { return nil }
        partCount = Int(value.loadUnaligned(fromByteOffset: 8, as: UInt32.self).bigEndian)
        byteCount = Int(value.loadUnaligned(fromByteOffset: 12, as: UInt64.self).bigEndian)
    }

    /// The stored form.
    var bytes: [UInt8] {
        Self.magic + withUnsafeBytes(of: UInt32(partCount).bigEndian, Array.init)
            + withUnsafeBytes(of: UInt64(byteCount).bigEndian, Array.init)
    }
}
