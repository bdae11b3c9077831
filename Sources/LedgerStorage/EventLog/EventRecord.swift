/// One record of the event log, exactly as stored and hashed.
///
/// `hash = SHA-256(previousHash ‖ canonicalBytes)`, where the canonical bytes are the layout in
/// `schemas/record-encoding.md`; the payload stays in its stored encoding so any client can
/// recompute the hash.
package struct EventRecord: Hashable, Sendable {
    /// The record's position in the log, from 1 (the genesis record), without gaps.
    package var sequence: UInt64
    /// When the record was appended, in microseconds since the Unix epoch (UTC); never earlier
    /// than the previous record's.
    package var recordedAtMicros: Int64
    /// The event type, e.g. `invoice.issued`.
    package var type: String
    /// The schema version of the payload.
    package var version: UInt16
    /// The client's command id (empty for events the ledger records on its own).
    package var commandID: String
    /// Who caused the event.
    package var actor: Actor
    /// The payload in the encoding of `schemas/payload-encoding.md`.
    package var payload: [UInt8]
    /// The previous record's hash (32 zero bytes for the genesis record).
    package var previousHash: Digest
    /// SHA-256 of the previous hash and this record's canonical bytes.
    package var hash: Digest

    /// Creates a record from its stored fields.
    package init(
        sequence: UInt64,
        recordedAtMicros: Int64,
        type: String,
        version: UInt16,
        commandID: String,
        actor: Actor,
        payload: [UInt8],
        previousHash: Digest,
        hash: Digest
    ) {
        self.sequence = sequence
        self.recordedAtMicros = recordedAtMicros
        self.type = type
        self.version = version
        self.commandID = commandID
        self.actor = actor
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }
}
