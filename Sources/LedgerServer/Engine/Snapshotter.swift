import Dispatch
internal import Ledger
internal import LedgerStorage
import Logging
import Synchronization

/// Serialises projection snapshots every `interval` events on a thread of its own,
/// `accrued-snaps`, and stores each in parts of short write transactions
/// (``EventLog/storeSnapshot(_:at:)``), so a write waits for one part at most; at most one is in
/// flight, so a slow disk never piles them up.
///
/// The thread runs at nice 10. Serialising a large state keeps a core busy for a good part of
/// a second, and under a full load of writes (a snapshot every second at 100,000 events/s) it
/// took a tenth to a sixth of a core that the writer and the event loops wanted: at a lower
/// priority it takes what they leave. Batches from 64 clients were faster in five of seven
/// alternating pairs of `accrue-bench` runs (by up to 14%), the other two even.
final class Snapshotter: Sendable {
    private struct State {
        var lastSequence: UInt64
        /// The projection the thread is to store next.
        var pending: (projection: LedgerState, sequence: UInt64)?
        /// Whether a snapshot is pending or being stored.
        var inFlight = false
        /// Whether the thread is to finish.
        var stopped = false
    }

    private let log: EventLog
    private let interval: UInt64
    private let logger: Logger
    private let state: Mutex<State>
    private let wake = DispatchSemaphore(value: 0)
    /// Held while a snapshot is serialised and stored: one storing its parts beside another
    /// would see the other's unfinished parts as left over from a stopped daemon, and prune them.
    private let storing = Mutex(())

    init(log: EventLog, interval: UInt64, lastSequence: UInt64, logger: Logger) {
        self.log = log
        self.interval = interval
        self.logger = logger
        state = Mutex(State(lastSequence: lastSequence))
        DaemonThread.start(name: "accrued-snaps", niceness: 10) { [self] in
            while let next = nextSnapshot() {
                storing.withLock { _ in write(next.projection, at: next.sequence) }
                state.withLock { $0.inFlight = false }
            }
        }
    }

    /// Hands `projection` to the snapshot thread if `interval` events passed since the last
    /// snapshot and none is in flight.
    func consider(_ projection: LedgerState, at sequence: UInt64) {
        let due = state.withLock { state -> Bool in
            guard !state.stopped, !state.inFlight, sequence >= state.lastSequence + interval
            else { return false }
            state.inFlight = true
            state.pending = (projection, sequence)
            return true
        }
        if due { wake.signal() }
    }

    /// Stops the snapshot thread, then serialises and stores a snapshot on the caller's thread
    /// once a snapshot in flight has been stored (on clean shutdown).
    func writeFinal(_ projection: LedgerState, at sequence: UInt64) {
        state.withLock { state in
            state.stopped = true
            state.pending = nil
        }
        wake.signal()
        storing.withLock { _ in write(projection, at: sequence) }
    }

    /// Waits for the next snapshot to store; nil once stopped.
    private func nextSnapshot() -> (projection: LedgerState, sequence: UInt64)? {
        while true {
            wake.wait()
            let (stopped, next) = state.withLock { state in
                defer { state.pending = nil }
                return (state.stopped, state.pending)
            }
            if stopped { return nil }
            if let next { return next }
        }
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
