import LedgerServer
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration file on SIGHUP: reads it again, applies the command line's
/// overrides, and hands it to the daemon, which puts the live part in force. A file that no
/// longer validates is logged and ignored; the running configuration stays.
struct ConfigReloader: Service {
    /// SIGHUP, trapped before the daemon reports ready so an early signal cannot kill it.
    let signals: UnixSignalsSequence
    let configPath: String?
    let overrides: CommandLineOverrides
    let daemon: LedgerDaemon
    let logger: Logger

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            guard let configPath else {
                logger.notice("SIGHUP without --config: nothing to reload")
                continue
            }
            do {
                try daemon.reload(try overrides.settings(configPath: configPath))
            } catch {
                logger.error(
                    "configuration not reloaded; the running one stays",
                    metadata: ["config.file": "\(configPath)", "error": "\(error)"]
                )
            }
        }
    }
}
