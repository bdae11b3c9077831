/// What an accepted command left behind, remembered under its command id so that a retry with
/// the same body gets the same answer and writes nothing.
package struct CommandOutcome: Hashable, Sendable {
    /// SHA-256 of the command's normalised body (method and typed parameters).
    package var fingerprint: Digest
    /// The sequence of the last event the command appended.
    package var sequence: UInt64
    /// The command's result in the payload encoding, without `seq`.
    package var result: [UInt8]

    /// Creates an outcome.
    package init(fingerprint: Digest, sequence: UInt64, result: [UInt8]) {
        self.fingerprint = fingerprint
        self.sequence = sequence
        self.result = result
    }

    /// Stored form: fingerprint (32 bytes), sequence (u64 big-endian), result bytes.
    var storedBytes: [UInt8] {
        var bytes: [UInt8] = []
        // Sized once: grown from the digest's 32 bytes, it was reallocated twice per write.
        bytes.reserveCapacity(40 + result.count)
        withUnsafeBytes(of: fingerprint) { bytes.append(contentsOf: $0) }
        bytes.appendBigEndian(sequence)
        bytes.append(contentsOf: result)
        return bytes
    }

    init(stored: UnsafeRawBufferPointer) throws {
        guard stored.count >= 40, let fingerprint = Digest(stored[0..<32]) else {
            throw StorageError.corrupt("stored command outcome too short")
        }
        self.fingerprint = fingerprint
        sequence = stored.loadUnaligned(fromByteOffset: 32, as: UInt64.self).bigEndian
        result = Array(stored[40...])
    }
}
