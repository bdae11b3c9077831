import Dispatch
import Synchronization

/// The writer's bounded inbox: connections offer, the single writer drains everything pending
/// at once so one transaction and one sync serve them all.
///
/// Each element has a weight (the writes it carries); capacity and drain limits count weight,
/// so a line of a hundred calls takes as much room as a hundred lines of one.
final class SubmissionQueue<Element: Sendable>: Sendable {
    private struct State {
        var items: [(element: Element, weight: Int)] = []
        var depth = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    /// The most weight that may wait; beyond it ``offer(_:weight:)`` refuses (the `busy`
    /// answer).
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds `element` unless it would take the queue over capacity or the queue is closed;
    /// never blocks. An empty queue takes any one element, so a line heavier than the whole
    /// capacity is not refused forever.
    func offer(_ element: Element, weight: Int) -> Bool {
        let (accepted, wasEmpty) = state.withLock { state -> (Bool, Bool) in
            guard !state.closed, state.depth == 0 || state.depth + weight <= capacity else {
                return (false, false)
            }
            state.items.append((element, weight))
            state.depth += weight
            return (true, state.items.count == 1)
        }
        if wasEmpty { wakeUp.signal() }
        return accepted
    }

    /// Waits until something is pending and takes elements, oldest first, up to `limit` weight
    /// (at least one element); returns an empty array once the queue is closed and empty.
    func drain(limit: Int) -> [Element] {
        while true {
            let (taken, finished) = state.withLock { state -> ([Element], Bool) in
                if state.items.isEmpty { return ([], state.closed) }
                var count = 0
                var weight = 0
                while count < state.items.count,
                    count == 0 || weight + state.items[count].weight <= limit
                {
                    weight += state.items[count].weight
                    count += 1
                }
                let taken = state.items.prefix(count).map(\.element)
                state.items.removeFirst(count)
                state.depth -= weight
                return (taken, false)
            }
            if !taken.isEmpty || finished { return taken }
            wakeUp.wait()
        }
    }

    /// Refuses further offers; the writer drains what is pending and then stops.
    func close() {
        state.withLock { $0.closed = true }
        wakeUp.signal()
    }

    /// How much weight is waiting.
    var depth: Int { state.withLock { $0.depth } }
}
