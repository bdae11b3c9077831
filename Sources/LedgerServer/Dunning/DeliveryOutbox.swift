internal import Ledger
import Synchronization

/// The attempts at reminders planned but not yet recorded, by Message-ID: how the daemon paces
/// retries across runs.
///
/// The messages themselves need no store: the plan is a pure function of the ledger and the
/// date, so every run finds the unrecorded ones again, with the same Message-ID. What this
/// keeps is how often each was tried and when it may be tried next:
///
/// - A run attempts every planned message that is not waiting. Delivered: `reminder.sent`.
/// - A failed attempt with attempts left records nothing; the message waits
///   `retry_backoff_seconds`, doubled after each further failure, and the scheduler wakes for it.
///   Runs in between (and `dunning.run`) list it as pending.
/// - The failure that uses up `max_attempts` is recorded as `reminder.failed` with the reason,
///   and the count starts again, so the next scheduled run begins a new round.
///
/// The counts live in memory: a restart begins a new round for every message, which at worst
/// delivers a message again (receivers drop duplicates by Message-ID).
final class DeliveryOutbox: Sendable {
    /// One message's failed attempts.
    struct Attempts: Sendable, Equatable {
        /// Failed attempts so far.
        var failures: Int
        /// The last failure's reason.
        var error: String
        /// When the next attempt may start.
        var nextAttempt: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Attempts]>([:])

    /// Creates an empty outbox.
    init() {}

    /// The failed attempts of a message that must still wait at `now`; nil when it may be tried.
    func waiting(_ messageID: String, at now: ContinuousClock.Instant) -> Attempts? {
        entries.withLock { entries in
            entries[messageID].flatMap { $0.nextAttempt > now ? $0 : nil }
        }
    }

    /// Records the outcome of an attempt at `messageID` and says what the run records.
    ///
    /// - Parameters:
    ///   - messageID: The message tried.
    ///   - error: nil when the attempt delivered the message, else the reason it failed.
    ///   - now: When the attempt ended.
    ///   - backoff: `retry_backoff_seconds`: the wait after the first failure, doubled after
    ///     each further one.
    ///   - maxAttempts: `max_attempts`: the failures after which the message counts as failed.
    /// - Returns: `.delivered`, `.pending` (attempts left: wait and retry) or `.failed`
    ///   (attempts used up: record it, and start over).
    func record(
        _ messageID: String,
        error: String?,
        at now: ContinuousClock.Instant,
        backoff: Duration,
        maxAttempts: Int
    ) -> DeliveryOutcome {
        entries.withLock { entries in
            guard let error else {
                entries[messageID] = nil
                return .delivered(messageID: messageID)
            }
            let failures = (entries[messageID]?.failures ?? 0) + 1
            guard failures < maxAttempts else {
                entries[messageID] = nil
                return .failed(messageID: messageID, error: error, attempts: failures)
            }
            let wait = backoff * (1 << min(failures - 1, 20))
            entries[messageID] = Attempts(failures: failures, error: error, nextAttempt: now + wait)
            return .pending(messageID: messageID, error: error, attempts: failures)
        }
    }

    /// Forgets every message but `planned`: one that was paid, disputed or recorded since needs
    /// no retry.
    func keepOnly(_ planned: Set<String>) {
        entries.withLock { entries in entries = entries.filter { planned.contains($0.key) } }
    }

    /// When the earliest waiting message may be tried again, if any waits.
    var earliestRetry: ContinuousClock.Instant? {
        entries.withLock { entries in entries.values.map(\.nextAttempt).min() }
    }
}
