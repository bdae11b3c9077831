import LedgerServer

/// The settings given on the command line, which win over the configuration file's.
struct CommandLineOverrides: Sendable {
    var dataDirectory: String?
    var socketPath: String?
    var snapshotInterval: Int?
    var logLevel: String?
    /// `--dunning-interval`: run the scheduler every this many seconds, enabled whatever the
    /// file says; below the file's 60-second minimum for tests and demonstrations.
    var dunningIntervalSeconds: Int?

    /// `settings` with every given flag applied.
    func apply(to settings: DaemonSettings) -> DaemonSettings {
        var settings = settings
        if let dataDirectory { settings.storage.dataDirectory = dataDirectory }
        if let socketPath { settings.server.socketPath = socketPath }
        if let snapshotInterval { settings.server.snapshotInterval = snapshotInterval }
        if let logLevel { settings.server.logLevel = logLevel }
        if let dunningIntervalSeconds {
            settings.dunning.enabled = true
            settings.dunning.intervalSeconds = dunningIntervalSeconds
        }
        return settings
    }

    /// Reads the configuration file (or takes the defaults without one) and applies the flags.
    ///
    /// - Throws: ``ConfigError`` naming the bad key.
    func settings(configPath: String?) throws(ConfigError) -> DaemonSettings {
        guard let configPath else { return apply(to: DaemonSettings()) }
        return apply(to: try DaemonSettings(contentsOf: configPath))
    }
}
