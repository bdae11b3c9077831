/// What the log knows about an event besides its payload.
package struct EventMeta: Hashable, Sendable {
    /// The event's sequence number, from 1, gapless.
    package var sequence: UInt64
    /// When it was recorded, microseconds since the Unix epoch (UTC); never decreasing.
    package var recordedAtMicros: Int64

    /// Creates event metadata.
    package init(sequence: UInt64, recordedAtMicros: Int64) {
        self.sequence = sequence
        self.recordedAtMicros = recordedAtMicros
    }
}
