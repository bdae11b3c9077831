internal import Ledger
import Logging
import Synchronization

/// The dunning scheduler: dunning runs on its own while `[dunning] enabled`.
extension LedgerDaemon {
    /// How often the scheduler looks at the clock and the live settings: a reload that
    /// enables it or shortens the interval applies within this.
    static let schedulerTick: Duration = .seconds(1)

    /// While `[dunning] enabled`, runs dunning for today's business date at start and then
    /// every `interval_seconds`, and sooner when a failed delivery's retry falls due; both
    /// settings are read afresh every tick, so a reload applies. Returns when cancelled.
    ///
    /// A run records each (invoice, step) once however often it runs, so an extra run (a
    /// retry wake, a restart) changes nothing that was recorded; a run with nothing due is not
    /// submitted at all.
    func scheduleDunning(runner: DunningRunner, engine: LedgerEngine) async {
        var lastRun: ContinuousClock.Instant?
        while !Task.isCancelled {
            let dunning = live.withLock { $0.dunning }
            let now = ContinuousClock.now
            let intervalDue = lastRun.map { now >= $0 + .seconds(dunning.intervalSeconds) } ?? true
            let retryDue = runner.outbox.earliestRetry.map { now >= $0 } ?? false
            if dunning.enabled && (intervalDue || retryDue) {
                if intervalDue { lastRun = now }
                if let reply = await runner.run(asOf: engine.businessToday()) {
                    log(reply)
                } else {
                    logger.info("scheduled dunning run: nothing due")
                }
            }
            do { try await Task.sleep(for: Self.schedulerTick) } catch { return }
        }
    }

    /// Logs a scheduled run: how many messages were sent, failed and pending, or the refusal.
    private func log(_ reply: WriteReply) {
        switch reply {
        case .accepted(let sequence, let result, _):
            func count(_ key: String) -> String {
                guard case .object(let members) = result,
                    case .array(let elements) = members.first(where: { $0.key == key })?.value
                else { return "0" }
                return "\(elements.count)"
            }
            logger.info(
                "scheduled dunning run",
                metadata: [
                    "event.sequence": "\(sequence)", "reminders.sent": "\(count("sent"))",
                    "reminders.failed": "\(count("failed"))",
                    "reminders.pending": "\(count("pending"))",
                ]
            )
        case .rejected(let reason, let message, _):
            logger.warning(
                "scheduled dunning run refused",
                metadata: ["reason": "\(reason)", "error": "\(message)"]
            )
        }
    }
}
