import Logging
import Synchronization

/// Reloading the live part of the configuration (SIGHUP) without dropping a connection.
extension LedgerDaemon {
    /// Puts the live part of `settings` in force — roles, channels, dunning, the metrics
    /// textfile, the log level — and logs what changed; changes to anything else are logged as waiting for a
    /// restart and not applied.
    ///
    /// - Parameter settings: the file as read now, with the command line's overrides applied.
    /// - Returns: the keys applied and the keys waiting for a restart.
    /// - Throws: ``ConfigError`` when a role names an unknown user or group or a reminder
    ///   template is refused; nothing changes.
    @discardableResult
    package func reload(_ settings: DaemonSettings) throws(ConfigError) -> ReloadOutcome {
        notifier.notify("RELOADING=1")
        defer { notifier.notify("READY=1") }
        let policy = try settings.roles.resolve(daemonUID: currentUID())
        let templates = try ReminderTemplateLibrary(directory: settings.dunning.templatesDirectory)
        delivery.withLock { $0 = configuration.reminderDelivery(settings, templates: templates) }
        let outcome = live.withLock { current in
            let changed = settings.changedKeys(comparedTo: current)
            current.roles = settings.roles
            current.channels = settings.channels
            current.dunning = settings.dunning
            current.server.metricsTextfile = settings.server.metricsTextfile
            current.server.metricsIntervalSeconds = settings.server.metricsIntervalSeconds
            current.server.logLevel = settings.server.logLevel
            return ReloadOutcome(
                applied: changed.filter(DaemonSettings.isLive),
                needsRestart: changed.filter { !DaemonSettings.isLive($0) }
            )
        }
        roles.replace(with: policy)
        if let level = Logger.Level(rawValue: settings.server.logLevel) { logLevel?.set(level) }
        stats.metrics.recordReload()
        logger.notice(
            "configuration reloaded",
            metadata: [
                "config.changed":
                    "\(outcome.applied.isEmpty ? "nothing" : outcome.applied.joined(separator: ", "))"
            ]
        )
        if !outcome.needsRestart.isEmpty {
            logger.warning(
                "configuration changes that take effect only after a restart",
                metadata: ["config.pending": "\(outcome.needsRestart.joined(separator: ", "))"]
            )
        }
        return outcome
    }
}
