import LedgerServer

/// The settings given on the command line, which win over the configuration file's.
struct CommandLineOverrides: Sendable {
    var dataDirectory: String?
    var socketPath: String?
    var snapshotInterval: Int?
    var logLevel: String?

    /// `settings` with every given flag applied.
    func apply(to settings: DaemonSettings) -> DaemonSettings {
        var settings = settings
        if let dataDirectory { settings.storage.dataDirectory = dataDirectory }
        if let socketPath { settings.server.socketPath = socketPath }
        if let snapshotInterval { settings.server.snapshotInterval = snapshotInterval }
        if let logLevel { settings.server.logLevel = logLevel }
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
