/// The newest record of the log: what the next append links to.
package struct LogHead: Hashable, Sendable {
    /// The newest record's sequence number.
    package var sequence: UInt64
    /// The newest record's hash.
    package var hash: Digest
    /// The newest record's recorded-at time, in microseconds since the Unix epoch.
    package var recordedAtMicros: Int64

    /// Creates a head.
    package init(sequence: UInt64, hash: Digest, recordedAtMicros: Int64) {
        self.sequence = sequence
        self.hash = hash
        self.recordedAtMicros = recordedAtMicros
    }

    /// The stored form in `meta`: sequence (u64 big-endian), hash (32 bytes), recorded at.
    var storedBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(sequence)
        bytes.append(contentsOf: hash.bytes)
        bytes.appendBigEndian(UInt64(bitPattern: recordedAtMicros))
        return bytes
    }
}
