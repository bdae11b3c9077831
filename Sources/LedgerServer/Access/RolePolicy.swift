/// Maps a peer's uid and gid to a ``Role``: root and the daemon's own uid are admins, the
/// configured uids and gids get their roles, everyone else is refused.
package struct RolePolicy: Sendable, Equatable {
    /// The daemon's own uid, always an admin.
    package var daemonUID: UInt32
    /// Configured roles by user id.
    package var users: [UInt32: Role]
    /// Configured roles by group id; a user's own entry wins over its group's.
    package var groups: [UInt32: Role]

    /// Creates a policy.
    package init(daemonUID: UInt32, users: [UInt32: Role] = [:], groups: [UInt32: Role] = [:]) {
        self.daemonUID = daemonUID
        self.users = users
        self.groups = groups
    }

    /// The role of a peer, or `nil` when it may not use the daemon at all.
    package func role(uid: UInt32, gid: UInt32) -> Role? {
        if uid == 0 || uid == daemonUID { return .admin }
        if let role = users[uid] { return role }
        return groups[gid]
    }
}
