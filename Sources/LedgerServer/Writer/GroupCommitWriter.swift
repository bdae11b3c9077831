import Foundation
internal import Ledger
internal import LedgerStorage
import Logging
internal import NIOCore

/// The ledger's single writer: drains every pending submission into one LMDB transaction and
/// one sync (group commit), decides each command against the live projection, and answers each
/// submission only after the commit returned.
final class GroupCommitWriter: Sendable {
    private let engine: LedgerEngine
    private let queue: SubmissionQueue<WriteBatch>
    private let stats: ServerStats
    private let logger: Logger
    private let maxBatch: Int
    private let finished = DispatchSemaphore(value: 0)
    private let onCommit: @Sendable (UInt64) -> Void

    /// - Parameter onCommit: called on the writer's thread with the new head after each commit.
    init(
        engine: LedgerEngine,
        stats: ServerStats,
        queueCapacity: Int,
        maxBatch: Int,
        logger: Logger,
        onCommit: @escaping @Sendable (UInt64) -> Void
    ) {
        self.engine = engine
        self.onCommit = onCommit
        self.stats = stats
        self.logger = logger
        self.maxBatch = maxBatch
        queue = SubmissionQueue(capacity: queueCapacity)
    }

    /// Starts the writer's dedicated thread, `accrued-writer` (LMDB binds a write transaction
    /// to its thread).
    func start() {
        DaemonThread.start(name: "accrued-writer") { [self] in
            while true {
                let batch = queue.drain(limit: maxBatch)
                if batch.isEmpty { break }
                commit(batch)
            }
            finished.signal()
        }
    }

    /// Queues a batch; `false` when the queue is full (answer `busy`) or closed.
    func submit(_ batch: WriteBatch) -> Bool {
        queue.offer(batch, weight: batch.submissions.count)
    }

    /// How many submissions are waiting.
    var queueDepth: Int { queue.depth }

    /// Stops taking submissions, commits and answers everything already queued, then returns.
    func drainAndStop() {
        queue.close()
        finished.wait()
    }

    private func commit(_ batches: consuming [WriteBatch]) {
        let started = DispatchTime.now().uptimeNanoseconds
        let count = batches.reduce(0) { $0 + $1.submissions.count }
        let (replies, replaced) = decideAndStore(batches, count: count)
        let committed = DispatchTime.now().uptimeNanoseconds
        stats.recordCommit(batchSize: count, durationNanos: committed - started)
        var byLoop: [(loop: any EventLoop, completions: [Completion])] = []
        for (batch, batchReplies) in zip(batches, replies) {
            stats.recordWriteLatency(
                nanos: committed - batch.queuedAtNanos,
                count: batch.submissions.count
            )
            guard let loop = batch.eventLoop else {
                batch.complete(batchReplies)
                continue
            }
            let completion = Completion(batch: batch, replies: batchReplies)
            if let index = byLoop.firstIndex(where: { $0.loop === loop }) {
                byLoop[index].completions.append(completion)
            } else {
                byLoop.append((loop, [completion]))
            }
        }
        _ = consume batches
        // One task per event loop: waking a loop costs more than the work of a small batch.
        for (loop, completions) in byLoop {
            loop.execute {
                for completion in completions { completion.batch.complete(completion.replies) }
            }
        }
        if let replaced { engine.release(replaced) }
    }

    /// Applies every batch in one transaction, commits it and publishes the new state; the
    /// replies per batch (a storage failure for all of them when the commit fails) and the
    /// projection the new one replaced.
    private func decideAndStore(_ batches: [WriteBatch], count: Int)
        -> (replies: [[WriteReply]], replaced: LedgerEngine.Published?)
    {
        do {
            let outcome = try engine.log.append { appender in
                var working = engine.current.state
                let context = engine.decisionContext(recordedAtMicros: appender.recordedAtMicros)
                var replies: [[WriteReply]] = []
                replies.reserveCapacity(batches.count)
                for batch in batches {
                    var batchReplies: [WriteReply] = []
                    batchReplies.reserveCapacity(batch.submissions.count)
                    for submission in batch.submissions {
                        batchReplies.append(
                            try apply(
                                submission,
                                to: &working,
                                appender: &appender,
                                context: context
                            )
                        )
                    }
                    replies.append(batchReplies)
                }
                return (working, replies, appender.head)
            }
            let replaced = engine.publish(outcome.0, head: outcome.2)
            onCommit(outcome.2.sequence)
            return (outcome.1, replaced)
        } catch {
            logger.error(
                "commit failed",
                metadata: ["error": "\(error)", "batch.size": "\(count)"]
            )
            let reason =
                (error as? StorageError)?.isStorageFull == true ? "storage_full" : "storage_error"
            let failure = WriteReply.rejected(
                reason: reason,
                message: "the ledger could not store the write: \(error)",
                index: nil
            )
            return (batches.map { Array(repeating: failure, count: $0.submissions.count) }, nil)
        }
    }

    /// A batch with its replies, waiting to be completed on the batch's event loop. It holds
    /// the whole batch so that the commands are freed there too, not on the writer's thread.
    private struct Completion: Sendable {
        let batch: WriteBatch
        let replies: [WriteReply]
    }

    /// Applies one submission inside the open transaction; a refusal appends nothing.
    private func apply(
        _ submission: WriteSubmission,
        to working: inout LedgerState,
        appender: inout LogAppender,
        context: DecisionContext
    ) throws -> WriteReply {
        if let prior = try appender.outcome(of: submission.commandID) {
            guard prior.fingerprint == submission.fingerprint else {
                return .rejected(
                    reason: "idempotency_conflict",
                    message: "command id \(submission.commandID) was used for a different command",
                    index: nil
                )
            }
            let result = (try? PayloadValue.decode(prior.result)) ?? .null
            return .accepted(sequence: prior.sequence, result: result, duplicate: true)
        }
        let decided: (records: [EncodedEvent], results: [PayloadValue])
        do {
            switch submission.work {
            case .single(let command):
                // A single command is refused before it changes anything, so it evolves the
                // working state in place: a copy here would duplicate shared structure per write.
                decided = try Self.decideAndEvolve(
                    CollectionOfOne(command),
                    into: &working,
                    appender: appender,
                    context: context
                )
            case .transaction(let commands):
                var scratch = working
                decided = try Self.decideAndEvolve(
                    commands,
                    into: &scratch,
                    appender: appender,
                    context: context
                )
                working = scratch
            }
        } catch {
            return .rejected(
                reason: error.rejection.reason,
                message: error.rejection.message,
                index: error.index
            )
        }
        let (records, results) = decided
        for encoded in records {
            try appender.append(
                type: encoded.type,
                version: encoded.version,
                commandID: submission.commandID,
                actor: submission.actor,
                payload: encoded.payload
            )
        }
        let result: PayloadValue
        if case .single = submission.work { result = results[0] } else { result = .array(results) }
        let last = appender.head.sequence
        try appender.remember(
            CommandOutcome(
                fingerprint: submission.fingerprint,
                sequence: last,
                result: result.encoded()
            ),
            for: submission.commandID
        )
        return .accepted(sequence: last, result: result, duplicate: false)
    }

    /// A refusal of the command at `index` of a submission (nil for a single command).
    private struct IndexedRejection: Error {
        let rejection: Rejection
        let index: Int?
    }

    /// An event as the log stores it: its type name, schema version and payload bytes.
    private typealias EncodedEvent = (type: String, version: UInt16, payload: [UInt8])

    /// Decides each command against `state`, evolves it with the events, in order, and encodes
    /// them; the encoded events and each command's result. On a refusal `state` may hold the
    /// earlier commands.
    ///
    /// Each event is encoded as it is evolved: gathering the events into one array and
    /// encoding them after copied every event (about 250 bytes) twice more. (Batches from 64
    /// clients: faster in 5 of 8 alternating pairs, within the noise.)
    private static func decideAndEvolve(
        _ commands: some Collection<Command>,
        into state: inout LedgerState,
        appender: borrowing LogAppender,
        context: DecisionContext
    ) throws(IndexedRejection) -> (records: [EncodedEvent], results: [PayloadValue]) {
        var records: [EncodedEvent] = []
        var results: [PayloadValue] = []
        var sequence = appender.head.sequence
        for (index, command) in commands.enumerated() {
            let decided: [LedgerEvent]
            do {
                decided = try decide(command, state, context)
            } catch {
                throw IndexedRejection(rejection: error, index: commands.count > 1 ? index : nil)
            }
            for event in decided {
                sequence += 1
                state.evolve(
                    event,
                    EventMeta(sequence: sequence, recordedAtMicros: appender.recordedAtMicros)
                )
                records.append(EventCodec.encode(event))
            }
            results.append(commandResult(command, events: decided, state: state))
        }
        return (records, results)
    }
}
