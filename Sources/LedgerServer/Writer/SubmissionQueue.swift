import Dispatch
import Synchronization

/// The writer's bounded inbox: connections offer, the single writer drains everything pending
/// at once so one transaction and one sync serve them all.
final class SubmissionQueue<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element] = []
        var closed = false
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    /// The most submissions that may wait; beyond it ``offer(_:)`` refuses (the `busy` answer).
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds `element` unless the queue is full or closed; never blocks.
    func offer(_ element: Element) -> Bool {
        let (accepted, wasEmpty) = state.withLock { state -> (Bool, Bool) in
            guard !state.closed, state.items.count < capacity else { return (false, false) }
            state.items.append(element)
            return (true, state.items.count == 1)
        }
        if wasEmpty { wakeUp.signal() }
        return accepted
    }

    /// Waits until something is pending and takes up to `limit` items, oldest first; returns an
    /// empty array once the queue is closed and empty.
    func drain(limit: Int) -> [Element] {
        while true {
            let (taken, finished) = state.withLock { state -> ([Element], Bool) in
                if state.items.isEmpty { return ([], state.closed) }
                let count = min(limit, state.items.count)
                let taken = Array(state.items.prefix(count))
                state.items.removeFirst(count)
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

    /// How many submissions are waiting.
    var depth: Int { state.withLock { $0.items.count } }
}
