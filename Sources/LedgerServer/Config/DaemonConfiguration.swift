/// What the daemon needs to start: the settings file's values with the command line's
/// overrides applied, names resolved to ids, and what systemd passed in the environment.
package struct DaemonConfiguration: Sendable {
    /// The ledger directory (LMDB environment and lock file).
    package var dataDirectory: String
    /// The Unix socket to listen on (ignored when systemd passes a socket).
    package var socketPath: String
    /// Permission bits of the socket file this daemon binds.
    package var socketMode: UInt32 = 0o660
    /// The group to own the socket file; nil keeps the daemon's group.
    package var socketGroupID: UInt32?
    /// A listening socket inherited from systemd (`LISTEN_FDS`), if any.
    package var inheritedSocket: Int32?
    /// Role grants beyond root and the daemon's own uid.
    package var users: [UInt32: Role] = [:]
    /// Role grants by group.
    package var groups: [UInt32: Role] = [:]
    /// Snapshot the projection every this many events.
    package var snapshotInterval: UInt64 = 100_000
    /// Protocol and queue limits.
    package var limits = ServerLimits()
    /// The initial LMDB map size.
    package var mapSizeBytes = 1 << 34
    /// How often to send `WATCHDOG=1` (half of systemd's `WATCHDOG_USEC`); nil sends none.
    package var watchdogInterval: Duration?
    /// Where the `spool` channel writes reminders (`accrued --spool-dir`); nil: the first
    /// `[channels.*]` spool directory, else `spool` beside the data directory.
    package var spoolDirectory: String?
    /// The settings the daemon started with: the baseline a reload is compared against.
    package var settings = DaemonSettings()
    /// The reminder templates: the built-in ones and `[dunning] templates_directory`'s.
    var templates = ReminderTemplateLibrary()

    /// Creates a configuration with defaults for everything but the paths.
    package init(dataDirectory: String, socketPath: String) {
        self.dataDirectory = dataDirectory
        self.socketPath = socketPath
    }

    /// Creates the configuration `settings` describe (after the command line's overrides).
    ///
    /// - Parameters:
    ///   - settings: the file's settings with the command line's overrides applied.
    ///   - daemonUID: the uid the daemon runs as, always an admin.
    /// - Throws: ``ConfigError`` naming a user or group that does not exist, or a reminder
    ///   template that cannot be read or parsed.
    package init(settings: DaemonSettings, daemonUID: UInt32) throws(ConfigError) {
        self.init(
            dataDirectory: settings.storage.dataDirectory,
            socketPath: settings.server.socketPath
        )
        self.settings = settings
        let server = settings.server
        socketMode = server.socketMode
        if let group = server.socketGroup {
            guard let gid = AccountLookup.groupID(group) else {
                throw ConfigError(key: "server.socket_group", "no such group \"\(group)\"")
            }
            socketGroupID = gid
        }
        let policy = try settings.roles.resolve(daemonUID: daemonUID)
        users = policy.users
        groups = policy.groups
        snapshotInterval = UInt64(server.snapshotInterval)
        limits.writeQueueCapacity = server.writeQueueCapacity
        limits.maxCommitBatch = server.maxCommitBatch
        limits.maxLineBytes = server.maxLineBytes
        limits.maxEventsPerRead = server.maxEventsPerRead
        limits.subscriberLagLimit = UInt64(server.subscriberLagLimit)
        mapSizeBytes = settings.storage.mapSizeBytes
        templates = try ReminderTemplateLibrary(directory: settings.dunning.templatesDirectory)
    }
}
