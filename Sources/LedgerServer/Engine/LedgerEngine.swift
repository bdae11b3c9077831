import Dispatch
import Foundation
internal import Ledger
internal import LedgerStorage
internal import LedgerWire
import Logging
import Synchronization

/// The live ledger: its event log and the projection kept in memory, published anew after
/// every commit so that reads never wait for the writer.
///
/// The projection is a persistent value: publishing is O(1) and readers keep whatever version
/// they took while the writer moves on.
final class LedgerEngine: Sendable {
    /// A consistent pair of projection and head.
    struct Published: Sendable {
        var state: LedgerState
        var head: LogHead
    }

    let log: EventLog
    private let published: Mutex<Published>
    private let snapshots: Snapshotter
    /// Where replaced projections are released, off the writer's thread.
    private let releases = DispatchQueue(label: "accrued.releases", qos: .utility)

    /// Opens the projection: newest snapshot plus the tail of the log.
    init(log: EventLog, snapshotInterval: UInt64, logger: Logger) throws {
        self.log = log
        let head = log.head
        let state = try log.projection(through: head.sequence)
        // Replay touched the whole log; reads from here on touch only what they need.
        log.environment.releaseMappedPages()
        published = Mutex(Published(state: state, head: head))
        snapshots = Snapshotter(
            log: log,
            interval: snapshotInterval,
            lastSequence: head.sequence,
            logger: logger
        )
        logger.info(
            "ledger open",
            metadata: ["event.sequence": "\(head.sequence)", "ledger.id": "\(log.ledgerID)"]
        )
    }

    /// The newest committed projection and head.
    var current: Published {
        published.withLock { $0 }
    }

    /// Makes a committed state visible to readers and snapshots it when due.
    ///
    /// - Returns: The replaced projection. Its last reference frees every node the commit
    ///   copied, so the writer hands it to ``release(_:)`` once the commit is answered.
    func publish(_ state: LedgerState, head: LogHead) -> Published {
        let replaced = published.withLock { current in
            defer { current = Published(state: state, head: head) }
            return current
        }
        snapshots.consider(state, at: head.sequence)
        return replaced
    }

    /// Drops a replaced projection on another thread: freeing it is work the single writer
    /// need not wait for.
    func release(_ replaced: consuming Published) {
        releases.async { [replaced] in withExtendedLifetime(replaced) {} }
    }

    /// What the decider may know about "now" for a batch recorded at `recordedAtMicros`.
    func decisionContext(recordedAtMicros: Int64) -> DecisionContext {
        DecisionContext(today: businessDate(atMicros: recordedAtMicros, in: current.state))
    }

    /// Today's date in the ledger's business time zone: the default `as_of` of reports.
    func businessToday() -> LedgerDate {
        businessDate(atMicros: EventLog.systemClockMicros(), in: current.state)
    }

    private func businessDate(atMicros micros: Int64, in state: LedgerState) -> LedgerDate {
        BusinessCalendar.date(atMicros: micros, timeZone: state.settings.timeZone)
    }

    /// Writes a last snapshot at the head (on clean shutdown) so the next start replays nothing.
    func snapshotNow() {
        let now = current
        snapshots.writeFinal(now.state, at: now.head.sequence)
    }
}
