import Synchronization
internal import NIOCore

/// Tells every live subscription that the head advanced; each then reads the new records from
/// the log on its own event loop, so the writer never waits for a subscriber.
final class EventBroadcaster: Sendable {
    private let subscribers = Mutex<[ObjectIdentifier: Subscription]>([:])

    /// Adds a subscription until ``remove(_:)``.
    func add(_ subscription: Subscription) {
        subscribers.withLock { $0[ObjectIdentifier(subscription)] = subscription }
    }

    /// Removes a subscription.
    func remove(_ subscription: Subscription) {
        subscribers.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(subscription)) }
    }

    /// Announces a new head to every subscription.
    func headAdvanced(to sequence: UInt64) {
        let current = subscribers.withLock { Array($0.values) }
        for subscription in current { subscription.headAdvanced(to: sequence) }
    }

    /// How many subscriptions are live.
    var count: Int { subscribers.withLock { $0.count } }
}
