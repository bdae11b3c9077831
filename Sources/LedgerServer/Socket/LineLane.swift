/// The thread that parses and routes the long lines (batches) of every connection, so that an
/// event loop stays free for short calls and for the replies of its other connections.
///
/// Under batches from many clients an event loop otherwise spent most of its time parsing and
/// decoding lines of a hundred calls, and a dashboard's `customer.get` waited behind every
/// batch that had arrived on its loop, twice (once for the call, once for its reply). A
/// connection has at most one line on the lane, so its lines stay in order.
final class LineLane: Sendable {
    private let queue = SubmissionQueue<@Sendable () -> Void>(capacity: .max)

    /// Starts the lane's thread, `accrued-lines`.
    func start() {
        DaemonThread.start(name: "accrued-lines") { [queue] in
            while case let work = queue.drain(limit: 64), !work.isEmpty {
                for item in work { item() }
            }
        }
    }

    /// Queues `work` for the lane's thread; false once the lane has stopped, when the caller
    /// does the work itself.
    func run(_ work: @escaping @Sendable () -> Void) -> Bool {
        queue.offer(work, weight: 1)
    }

    /// Runs what is queued and then ends the thread; later ``run(_:)`` calls return false.
    func stop() {
        queue.close()
    }
}
