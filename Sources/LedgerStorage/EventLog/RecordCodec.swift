/// The binary layout of stored records (`schemas/record-encoding.md`).
///
/// A stored value is the canonical bytes, then the previous hash (32 bytes), then the hash
/// (32 bytes). The canonical bytes are:
///
/// | field | encoding |
/// |---|---|
/// | record format | u8, currently 1 |
/// | sequence | u64 big-endian |
/// | recorded at | i64 big-endian, microseconds since the Unix epoch, UTC |
/// | type | u8 length, UTF-8 |
/// | version | u16 big-endian |
/// | command id | u8 length, UTF-8 (at most 128 bytes) |
/// | actor uid | u32 big-endian |
/// | actor role | u8 length, UTF-8 |
/// | payload | u32 big-endian length, payload bytes |
package enum RecordCodec {
    /// The record format this build writes and reads.
    package static let recordFormat: UInt8 = 1
    /// Bytes after the canonical part: previous hash and hash.
    static let trailerCount = 64

    /// The stored value of a record (canonical bytes, previous hash, hash) and its hash, built
    /// in one buffer: the hash is taken over the canonical part before the trailer goes on.
    package static func storedRecord(
        sequence: UInt64,
        recordedAtMicros: Int64,
        type: String,
        version: UInt16,
        commandID: String,
        actor: Actor,
        payload: [UInt8],
        previousHash: Digest
    ) -> (stored: [UInt8], hash: Digest) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(
            40 + type.utf8.count + commandID.utf8.count + actor.role.utf8.count + payload.count
                + trailerCount
        )
        bytes.append(recordFormat)
        bytes.appendBigEndian(sequence)
        bytes.appendBigEndian(UInt64(bitPattern: recordedAtMicros))
        bytes.appendShortString(type)
        bytes.appendBigEndian(version)
        bytes.appendShortString(commandID)
        bytes.appendBigEndian(actor.uid)
        bytes.appendShortString(actor.role)
        bytes.appendBigEndian(UInt32(payload.count))
        bytes.append(contentsOf: payload)
        let hash = bytes.withUnsafeBytes { Digest.chain(previous: previousHash, canonical: $0) }
        withUnsafeBytes(of: previousHash) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: hash) { bytes.append(contentsOf: $0) }
        return (bytes, hash)
    }

    /// Decodes a stored value into a record.
    ///
    /// - Throws: ``RecordDecodingError`` when the bytes do not follow the layout.
    package static func decode(_ stored: UnsafeRawBufferPointer) throws(RecordDecodingError)
        -> EventRecord
    {
        let view = try StoredRecordView(stored)
        let fields = try RecordFields(canonical: view.canonical)
        return EventRecord(
            sequence: fields.sequence,
            recordedAtMicros: fields.recordedAtMicros,
            type: fields.type,
            version: fields.version,
            commandID: fields.commandID,
            actor: fields.actor,
            payload: Array(fields.payload),
            previousHash: view.previousHash,
            hash: view.hash
        )
    }
}

/// The fields of a record's canonical bytes, with the payload left in place (no copy).
package struct RecordFields {
    /// The record's sequence number.
    package let sequence: UInt64
    /// Microseconds since the Unix epoch, UTC.
    package let recordedAtMicros: Int64
    /// The event type's bytes (valid UTF-8); decoders dispatch on them without a String.
    package let typeBytes: UnsafeRawBufferPointer
    /// The payload's schema version.
    package let version: UInt16
    /// The command id's bytes, decoded only when asked for (replay and verify never ask).
    private let commandIDBytes: UnsafeRawBufferPointer
    private let actorUID: UInt32
    private let actorRoleBytes: UnsafeRawBufferPointer
    /// The payload bytes, valid as long as the canonical bytes are.
    package let payload: UnsafeRawBufferPointer

    /// Parses canonical bytes.
    ///
    /// - Throws: ``RecordDecodingError`` when they do not follow the layout.
    package init(canonical: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        var reader = ByteReader(canonical)
        guard try reader.readByte() == RecordCodec.recordFormat else {
            throw RecordDecodingError("unknown record format")
        }
        sequence = try reader.readBigEndian(UInt64.self)
        recordedAtMicros = Int64(bitPattern: try reader.readBigEndian(UInt64.self))
        typeBytes = try reader.readShortBytes()
        version = try reader.readBigEndian(UInt16.self)
        commandIDBytes = try reader.readShortBytes()
        actorUID = try reader.readBigEndian(UInt32.self)
        actorRoleBytes = try reader.readShortBytes()
        payload = try reader.readBytes(count: Int(try reader.readBigEndian(UInt32.self)))
        guard reader.isAtEnd else { throw RecordDecodingError("trailing bytes after the payload") }
    }

    /// The event type.
    package var type: String { String(decoding: typeBytes, as: UTF8.self) }

    /// The client's command id, empty for the ledger's own events.
    package var commandID: String { String(decoding: commandIDBytes, as: UTF8.self) }

    /// Who caused the event.
    package var actor: Actor {
        Actor(uid: actorUID, role: String(decoding: actorRoleBytes, as: UTF8.self))
    }
}

/// A stored record split into its canonical bytes and its two hashes, without copying.
package struct StoredRecordView {
    /// The canonical bytes (what is hashed after the previous hash).
    package let canonical: UnsafeRawBufferPointer
    /// The previous record's hash as stored in this record.
    package let previousHash: Digest
    /// This record's stored hash.
    package let hash: Digest

    /// Splits `stored`; checks the length and the record format byte.
    package init(_ stored: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        guard stored.count > RecordCodec.trailerCount + 1 else {
            throw RecordDecodingError("record too short (\(stored.count) bytes)")
        }
        guard stored[0] == RecordCodec.recordFormat else {
            throw RecordDecodingError("unknown record format \(stored[0])")
        }
        let split = stored.count - RecordCodec.trailerCount
        canonical = UnsafeRawBufferPointer(rebasing: stored[..<split])
        guard
            let previous = Digest(
                raw: UnsafeRawBufferPointer(rebasing: stored[split..<(split + 32)])
            ),
            let own = Digest(raw: UnsafeRawBufferPointer(rebasing: stored[(split + 32)...]))
        else { throw RecordDecodingError("record hashes truncated") }
        previousHash = previous
        hash = own
    }

    /// The sequence number in the canonical bytes.
    package var sequence: UInt64 {
        var value: UInt64 = 0
        for index in 1...8 { value = value << 8 | UInt64(canonical[index]) }
        return value
    }
}

/// A stored record that does not follow `schemas/record-encoding.md`.
package struct RecordDecodingError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, for the verify report.
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
