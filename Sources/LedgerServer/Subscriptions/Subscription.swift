import Logging
import Synchronization
internal import LedgerStorage
internal import LedgerWire
internal import NIOCore

/// One `events.subscribe` stream: sends the catch-up records from `from_seq`, then every new
/// record, as `event` notifications, pacing itself by the socket's writability. A subscriber
/// whose socket stays full while it falls more than the lag limit behind the head gets a
/// `closing` notice (`slow_consumer`) and is disconnected.
final class Subscription: Sendable {
    private struct State {
        var nextSequence: UInt64
        var knownHead: UInt64
        var started = false
        var cancelled = false
    }

    private let channel: any Channel
    private let log: EventLog
    private let broadcaster: EventBroadcaster
    private let lagLimit: UInt64
    private let logger: Logger
    private let state: Mutex<State>
    private static let chunk = 512

    init(channel: any Channel, log: EventLog, broadcaster: EventBroadcaster, nextSequence: UInt64, lagLimit: UInt64, logger: Logger) {
        self.channel = channel
        self.log = log
        self.broadcaster = broadcaster
        self.lagLimit = lagLimit
        self.logger = logger
        state = Mutex(State(nextSequence: nextSequence, knownHead: log.head.sequence))
    }

    /// Starts streaming once the subscribe reply is out; later calls do nothing.
    func startIfNeeded() {
        let start = state.withLock { state -> Bool in
            guard !state.started else { return false }
            state.started = true
            return true
        }
        guard start else { return }
        broadcaster.add(self)
        pump()
    }

    /// Notes a new head (from the writer's thread) and sends what is new.
    func headAdvanced(to sequence: UInt64) {
        state.withLock { $0.knownHead = max($0.knownHead, sequence) }
        channel.eventLoop.execute { self.pump() }
    }

    /// The socket drained (or filled): go on sending.
    func writabilityChanged() {
        pump()
    }

    /// Stops the stream (the connection closed).
    func cancel() {
        state.withLock { $0.cancelled = true }
        broadcaster.remove(self)
    }

    /// Sends one chunk of pending records if the socket can take them, then schedules the next.
    private func pump() {
        let (next, head, active) = state.withLock { ($0.nextSequence, $0.knownHead, $0.started && !$0.cancelled) }
        guard active, next <= head else { return }
        guard channel.isWritable else {
            if head - next > lagLimit { closeSlowConsumer() }
            return
        }
        let records: [EventRecord]
        do {
            records = try log.records(from: next, limit: Self.chunk)
        } catch {
            logger.error("subscription read failed", metadata: ["error": "\(error)"])
            channel.close(promise: nil)
            return
        }
        guard let last = records.last else { return }
        var writer = JSONWriter(reservingCapacity: records.count * 400)
        for record in records {
            writer.notification(method: "event") { output in output.record(record) }
            writer.newline()
        }
        state.withLock { $0.nextSequence = last.sequence + 1 }
        channel.writeAndFlush(channel.allocator.buffer(bytes: writer.bytes), promise: nil)
        channel.eventLoop.execute { self.pump() }
    }

    private func closeSlowConsumer() {
        cancel()
        var writer = JSONWriter(reservingCapacity: 96)
        writer.notification(method: "closing") { output in
            output.beginObject()
            output.member("reason", "slow_consumer")
            output.endObject()
        }
        writer.newline()
        logger.info("subscriber disconnected", metadata: ["reason": "slow_consumer"])
        let channel = self.channel
        channel.writeAndFlush(channel.allocator.buffer(bytes: writer.bytes)).whenComplete { _ in
            channel.close(promise: nil)
        }
        // A peer that reads nothing would hold the notice forever: close regardless, soon.
        channel.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
    }
}
