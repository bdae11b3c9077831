import Synchronization

/// The role policy in force, replaceable while the daemon runs: a SIGHUP reload swaps in new
/// grants, and the next request on every connection, old or new, is judged by them.
package final class LiveRoles: Sendable {
    private let policy: Mutex<RolePolicy>

    /// Starts with `policy`.
    package init(_ policy: RolePolicy) {
        self.policy = Mutex(policy)
    }

    /// The policy in force now.
    package var current: RolePolicy {
        policy.withLock { $0 }
    }

    /// Puts `newPolicy` in force; returns whether it differs from the old one.
    @discardableResult
    package func replace(with newPolicy: RolePolicy) -> Bool {
        policy.withLock { current in
            defer { current = newPolicy }
            return current != newPolicy
        }
    }
}
