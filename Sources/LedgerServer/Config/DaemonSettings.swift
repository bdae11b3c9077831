import Foundation
internal import TOMLKit

/// The daemon's configuration file: one TOML schema with the tables `[server]`, `[storage]`,
/// `[roles]`, `[dunning]` and `[channels.NAME]`. Every key is optional and has a default; an
/// unknown key, a wrong type or a value out of range is refused with the key named.
///
/// The file holds operational settings only; what changes the ledger's results (time zone,
/// tolerances, dunning policies) is recorded as events.
package struct DaemonSettings: Sendable, Equatable {
    /// `[server]`.
    package var server = ServerSettings()
    /// `[storage]`.
    package var storage = StorageSettings()
    /// `[roles]`.
    package var roles = RoleSettings()
    /// `[dunning]`.
    package var dunning = DunningSettings()
    /// `[channels.NAME]`, by name.
    package var channels: [String: ChannelSettings] = [:]

    /// The built-in defaults (no file).
    package init() {}

    /// Parses and validates the text of a configuration file.
    ///
    /// - Throws: ``ConfigError`` naming the first bad key, or the line of a TOML syntax error.
    package init(toml text: String) throws(ConfigError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(
                key: "",
                "TOML syntax error at line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)"
            )
        } catch {
            throw ConfigError(key: "", "cannot parse the file: \(error)")
        }
        var root = TOMLSection(table, path: "")
        if var section = try root.section("server") { server = try ServerSettings(&section) }
        if var section = try root.section("storage") { storage = try StorageSettings(&section) }
        if var section = try root.section("roles") { roles = try RoleSettings(&section) }
        if var section = try root.section("dunning") { dunning = try DunningSettings(&section) }
        if var section = try root.section("channels") {
            for name in section.keys {
                guard var channel = try section.section(name) else { continue }
                channels[name] = try ChannelSettings(&channel)
            }
            try section.finish()
        }
        try root.finish()
        if let name = dunning.defaultChannel, channels[name] == nil {
            throw ConfigError(key: "dunning.default_channel", "names no [channels.\(name)] table")
        }
    }

    /// Reads and parses the file at `path`.
    ///
    /// - Throws: ``ConfigError`` when the file cannot be read or is refused.
    package init(contentsOf path: String) throws(ConfigError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(key: "", "cannot read \(path): \(error.localizedDescription)")
        }
        try self.init(toml: text)
    }

    /// Every key with its effective value, dotted as in the file: what the reload diff compares.
    package var entries: [String: String] {
        var all: [String: String] = [:]
        for (key, value) in server.entries { all["server.\(key)"] = value }
        for (key, value) in storage.entries { all["storage.\(key)"] = value }
        for (key, value) in roles.entries { all["roles.\(key)"] = value }
        for (key, value) in dunning.entries { all["dunning.\(key)"] = value }
        for (name, channel) in channels {
            for (key, value) in channel.entries { all["channels.\(name).\(key)"] = value }
        }
        return all
    }

    /// The keys whose effective values differ between `self` and `other`, sorted.
    package func changedKeys(comparedTo other: DaemonSettings) -> [String] {
        let mine = entries
        let theirs = other.entries
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }

    /// Whether a SIGHUP can apply a change to `key` without a restart: roles, channels,
    /// dunning, the metrics textfile and the log level; everything else is read once at start.
    package static func isLive(_ key: String) -> Bool {
        key == "server.log_level"
            || ["roles.", "channels.", "dunning.", "server.metrics_"].contains { key.hasPrefix($0) }
    }
}
