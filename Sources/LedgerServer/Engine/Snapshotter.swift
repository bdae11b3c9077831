import Dispatch
internal import Ledger
internal import LedgerStorage
import Logging
import Synchronization

/// Serialises projection snapshots off the writer's thread, every `interval` events, and stores
/// each in parts of short write transactions (``EventLog/storeSnapshot(_:at:)``), so a write
/// waits for one part at most; at most one is in flight, so a slow disk never piles them up.
final class Snapshotter: Sendable {
    private struct State {
        var lastSequence: UInt64
        var inFlight = false
    }

    private let log: EventLog
    private let interval: UInt64
    private let logger: Logger
    private let state: Mutex<State>
    private let queue = DispatchQueue(label: "accrued.snapshots", qos: .utility)

    init(log: EventLog, interval: UInt64, lastSequence: UInt64, logger: Logger) {
        self.log = log
        self.interval = interval
        self.logger = logger
        state = Mutex(State(lastSequence: lastSequence))
    }

    /// Schedules a snapshot of `projection` if `interval` events passed since the last one.
    func consider(_ projection: LedgerState, at sequence: UInt64) {
        let due = state.withLock { state -> Bool in
            guard !state.inFlight, sequence >= state.lastSequence + interval else { return false }
            state.inFlight = true
            return true
        }
        guard due else { return }
        queue.async { [self] in
            write(projection, at: sequence)
            state.withLock { $0.inFlight = false }
        }
    }

    /// Serialises and stores a snapshot now, on the caller's thread, once a snapshot in flight
    /// has been stored: one storing its parts beside another would see the other's unfinished
    /// parts as left over from a stopped daemon, and prune them.
    func writeNow(_ projection: LedgerState, at sequence: UInt64) {
        queue.sync { write(projection, at: sequence) }
    }

    private func write(_ projection: LedgerState, at sequence: UInt64) {
        do {
            try log.storeSnapshot(projection.snapshotBytes(), at: sequence)
            state.withLock { $0.lastSequence = max($0.lastSequence, sequence) }
            logger.debug("snapshot stored", metadata: ["event.sequence": "\(sequence)"])
        } catch {
            // A snapshot is only a cache: the log stays complete, so the daemon goes on.
            logger.warning(
                "snapshot failed",
                metadata: ["event.sequence": "\(sequence)", "error": "\(error)"]
            )
        }
    }
}
