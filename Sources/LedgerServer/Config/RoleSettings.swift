/// `[roles]`: who may use the socket beyond root and the daemon's own uid, by user
/// (`[roles.users]`) and by group (`[roles.groups]`). Keys are names or numeric ids; values
/// are `reader`, `writer` or `admin`. A user's own entry wins over its group's.
package struct RoleSettings: Sendable, Equatable {
    /// Grants by user name or uid, as written.
    package var users: [String: Role] = [:]
    /// Grants by group name or gid, as written.
    package var groups: [String: Role] = [:]

    /// No grants.
    package init() {}

    /// Reads `[roles]`; names are resolved by ``resolve(daemonUID:)``.
    init(_ section: inout TOMLSection) throws(ConfigError) {
        if var table = try section.section("users") { users = try Self.grants(&table) }
        if var table = try section.section("groups") { groups = try Self.grants(&table) }
        try section.finish()
    }

    private static func grants(_ table: inout TOMLSection) throws(ConfigError) -> [String: Role] {
        var grants: [String: Role] = [:]
        for key in table.keys {
            let value = try table.string(key) ?? ""
            guard let role = Role(rawValue: value) else {
                throw ConfigError(
                    key: table.keyPath(key),
                    "must be one of reader, writer, admin, got \"\(value)\""
                )
            }
            grants[key] = role
        }
        return grants
    }

    /// Looks every name up in the user and group databases and builds the policy.
    ///
    /// - Throws: ``ConfigError`` naming a user or group that does not exist.
    package func resolve(daemonUID: UInt32) throws(ConfigError) -> RolePolicy {
        var byUID: [UInt32: Role] = [:]
        for (name, role) in users {
            guard let uid = AccountLookup.userID(name) else {
                throw ConfigError(key: "roles.users.\(name)", "no such user")
            }
            byUID[uid] = role
        }
        var byGID: [UInt32: Role] = [:]
        for (name, role) in groups {
            guard let gid = AccountLookup.groupID(name) else {
                throw ConfigError(key: "roles.groups.\(name)", "no such group")
            }
            byGID[gid] = role
        }
        return RolePolicy(daemonUID: daemonUID, users: byUID, groups: byGID)
    }

    /// Every grant with its role, for the reload diff.
    var entries: [(String, String)] {
        users.map { ("users.\($0.key)", $0.value.rawValue) }
            + groups.map { ("groups.\($0.key)", $0.value.rawValue) }
    }
}
