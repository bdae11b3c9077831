internal import Ledger
internal import LedgerStorage

/// What a read method sees: one consistent published projection and the services around it.
struct ReadContext: Sendable {
    /// The projection and head at the moment the read started.
    let published: LedgerEngine.Published
    /// The engine, for the log and the business date.
    let engine: LedgerEngine
    /// The running figures.
    let stats: ServerStats
    /// The writer, for its queue depth.
    let writer: GroupCommitWriter
    /// The daemon's limits and protocol facts.
    let limits: ServerLimits
    /// Every method, for `system.describe`.
    let methods: [MethodSpec]

    /// The projection.
    var state: LedgerState { published.state }
    /// The newest committed record.
    var head: LogHead { published.head }
}

/// Limits the daemon enforces and announces in `system.describe`.
package struct ServerLimits: Sendable {
    /// The longest request line, in bytes.
    package var maxLineBytes = 1 << 20
    /// The deepest JSON nesting accepted.
    package var maxDepth = 64
    /// Submissions that may wait for the writer before `busy`.
    package var writeQueueCapacity = 65_536
    /// The most submissions one transaction takes.
    package var maxCommitBatch = 4096
    /// The most records one `events.read` returns.
    package var maxEventsPerRead = 10_000
    /// How far behind the head a subscriber may fall while its socket is full.
    package var subscriberLagLimit: UInt64 = 10_000
    /// The longest command id, in bytes.
    package var maxCommandIDBytes = 128

    /// Creates the default limits.
    package init() {}
}
