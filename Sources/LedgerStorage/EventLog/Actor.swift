/// Who caused an event: the peer's uid and the role it acted in.
package struct Actor: Hashable, Sendable {
    /// The Unix uid of the process that sent the command (from `SO_PEERCRED`).
    package var uid: UInt32
    /// The role the command was accepted under: `admin`, `writer`, or `system` for the daemon.
    package var role: String

    /// Creates an actor.
    package init(uid: UInt32, role: String) {
        self.uid = uid
        self.role = role
    }
}
