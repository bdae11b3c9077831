import Dispatch
import Foundation
internal import Ledger
internal import LedgerStorage
import Logging
internal import NIOPosix

/// Runs dunning, for `dunning.run` and the scheduler alike: plans the run once on the head
/// state, delivers every due message through the ``DeliveryOutbox``, then submits the
/// `RunDunning` command with what became of each message to the single writer, and waits for
/// the commit.
///
/// Runs take turns on one thread of their own, never an event loop nor the writer's thread: a
/// channel command may take up to its timeout. Taking turns means a run plans only after the
/// previous one was recorded, so two runs never deliver the same message.
final class DunningRunner: Sendable {
    private let engine: LedgerEngine
    private let writer: GroupCommitWriter
    private let thread: NIOThreadPool
    /// The retry book the scheduler also reads.
    let outbox = DeliveryOutbox()
    /// The delivery and `[dunning]` settings in force, read at the start of each run.
    private let settings: @Sendable () -> (delivery: ReminderDelivery, dunning: DunningSettings)
    private let logger: Logger

    /// Starts the run thread.
    init(
        engine: LedgerEngine,
        writer: GroupCommitWriter,
        settings: @escaping @Sendable () -> (delivery: ReminderDelivery, dunning: DunningSettings),
        logger: Logger
    ) {
        self.engine = engine
        self.writer = writer
        self.settings = settings
        self.logger = logger
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    /// Takes a `dunning.run` submission: delivers, then hands it, with the outcomes, to the
    /// writer; `complete` gets the writer's reply, or `busy` for a run refused for shutdown.
    func submit(_ submission: WriteSubmission, complete: @escaping @Sendable (WriteReply) -> Void) {
        enqueue(submission, skippingWhenNothingDue: false, complete: complete)
    }

    /// Runs dunning for `asOf` as the daemon itself (the scheduler) and returns the writer's
    /// answer, or nil when nothing was due: such a run submits nothing, so the log does not
    /// gain an empty command every interval.
    func run(asOf: LedgerDate) async -> WriteReply? {
        let work = WriteSubmission.Work.single(.runDunning(RunDunning(asOf: asOf)))
        let submission = WriteSubmission(
            commandID: "dunning-scheduler-\(UUID().uuidString.lowercased())",
            work: work,
            actor: Actor(uid: currentUID(), role: "system"),
            fingerprint: Dispatcher.fingerprint(of: work)
        )
        return await withCheckedContinuation { continuation in
            enqueue(
                submission,
                skippingWhenNothingDue: true,
                complete: { continuation.resume(returning: $0) },
                skipped: { continuation.resume(returning: nil) }
            )
        }
    }

    /// Queues a run on the run thread; `skipped` is called instead of `complete` when
    /// `skippingWhenNothingDue` and the plan has no message.
    private func enqueue(
        _ submission: WriteSubmission,
        skippingWhenNothingDue: Bool,
        complete: @escaping @Sendable (WriteReply) -> Void,
        skipped: @escaping @Sendable () -> Void = {}
    ) {
        thread.submit { state in
            guard state == .active else {
                complete(.rejected(reason: "busy", message: "shutting down", index: nil))
                return
            }
            let ran = self.runNow(
                submission,
                skippingWhenNothingDue: skippingWhenNothingDue,
                complete: complete
            )
            if !ran { skipped() }
        }
    }

    /// Lets the run in progress finish and stops the thread; later submissions are refused.
    func shutdown() async {
        try? await thread.shutdownGracefully()
    }

    /// Delivers, submits with the outcomes, and waits for the commit, so the next run plans
    /// on a state that has this one's reminders. Returns false, having done nothing, when
    /// `skippingWhenNothingDue` and the plan has no message.
    private func runNow(
        _ submission: WriteSubmission,
        skippingWhenNothingDue: Bool,
        complete: @escaping @Sendable (WriteReply) -> Void
    ) -> Bool {
        guard case .single(.runDunning(let run)) = submission.work else {
            preconditionFailure("the dunning runner takes dunning.run alone")
        }
        let state = engine.current.state
        var deliveries: [CustomerID: DeliveryOutcome] = [:]
        if dunningRunRefusal(run, state, DecisionContext(today: engine.businessToday())) == nil {
            let plan = state.dunningPlan(asOf: run.asOf)
            if skippingWhenNothingDue && plan.messages.isEmpty { return false }
            deliveries = deliver(plan, creditor: state.dunning.creditor)
        }
        let committed = DispatchSemaphore(value: 0)
        let forwarded = WriteSubmission(
            commandID: submission.commandID,
            work: .single(.runDunning(RunDunning(asOf: run.asOf, deliveries: deliveries))),
            actor: submission.actor,
            fingerprint: submission.fingerprint
        )
        let batch = WriteBatch(forwarded) { reply in
            complete(reply)
            committed.signal()
        }
        guard writer.submit(batch) else {
            complete(
                .rejected(reason: "busy", message: "the write queue is full; retry", index: nil)
            )
            return true
        }
        committed.wait()
        return true
    }

    /// Attempts every planned message that is not waiting for a retry.
    private func deliver(_ plan: DunningPlan, creditor: CreditorIdentity?)
        -> [CustomerID: DeliveryOutcome]
    {
        let (delivery, dunning) = settings()
        outbox.keepOnly(Set(plan.messages.map(\.reminder.messageID)))
        var outcomes: [CustomerID: DeliveryOutcome] = [:]
        for message in plan.messages {
            let id = message.reminder.messageID
            if let waiting = outbox.waiting(id, at: .now) {
                outcomes[message.reminder.customerID] = .pending(
                    messageID: id,
                    error: waiting.error,
                    attempts: waiting.failures
                )
                continue
            }
            var failure: String?
            do {
                try delivery.attempt(message, creditor: creditor)
            } catch {
                failure = error.description
                // The reason goes to the run's result and event, not the log: a channel's
                // stderr may quote customer data.
                logger.warning(
                    "reminder delivery failed",
                    metadata: ["channel": "\(message.reminder.channel)", "message.id": "\(id)"]
                )
            }
            outcomes[message.reminder.customerID] = outbox.record(
                id,
                error: failure,
                at: .now,
                backoff: .seconds(dunning.retryBackoffSeconds),
                maxAttempts: dunning.maxAttempts
            )
        }
        return outcomes
    }
}
