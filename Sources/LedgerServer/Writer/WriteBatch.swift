import Dispatch
internal import NIOCore

/// Writes queued together for the single writer: the write calls of one connection line, or
/// one write on its own.
///
/// The writer applies them in order within one transaction and answers them all with one call
/// after the commit, so a line of a hundred calls costs one queue entry and one hop back to
/// its event loop instead of a hundred.
struct WriteBatch: Sendable {
    /// The writes, in the order they are applied and answered.
    let submissions: [WriteSubmission]
    /// When the batch was queued, for latency figures.
    let queuedAtNanos: UInt64
    /// Where ``complete`` runs: an event loop, which gets all of a commit's completions for it
    /// in one task, or nil for the writer's thread.
    let eventLoop: (any EventLoop)?
    /// Called once after the commit (or the failure), with one reply per submission in order.
    let complete: @Sendable ([WriteReply]) -> Void

    /// A batch completed on `eventLoop`.
    init(
        _ submissions: [WriteSubmission],
        on eventLoop: any EventLoop,
        complete: @escaping @Sendable ([WriteReply]) -> Void
    ) {
        self.submissions = submissions
        queuedAtNanos = DispatchTime.now().uptimeNanoseconds
        self.eventLoop = eventLoop
        self.complete = complete
    }

    /// A batch of one write, answered with its single reply on the writer's thread.
    init(
        _ submission: WriteSubmission,
        complete: @escaping @Sendable (WriteReply) -> Void
    ) {
        submissions = [submission]
        queuedAtNanos = DispatchTime.now().uptimeNanoseconds
        eventLoop = nil
        self.complete = { complete($0[0]) }
    }
}
