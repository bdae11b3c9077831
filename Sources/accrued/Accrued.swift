import ArgumentParser
import Foundation
import LedgerServer
import Logging
import MemoryAllocator
import ServiceLifecycle
import UnixSignals

/// `accrued`: the accrue ledger daemon.
@main
struct Accrued: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accrued",
        abstract: "The accrue accounts-receivable ledger daemon.",
        discussion: """
            Keeps the append-only, hash-chained event log of one ledger directory and serves \
            JSON-RPC 2.0 on a Unix socket, one message per line. Flags override the \
            configuration file. SIGHUP reloads roles, channels, dunning (with its templates), the metrics \
            textfile and the log level; SIGTERM stops it cleanly: it answers what is in \
            flight, snapshots and closes the ledger.
            """
    )

    /// `EX_CONFIG` from sysexits.h: the configuration is refused.
    static let configurationExitCode: Int32 = 78

    @Option(name: .customLong("config"), help: "The configuration file (TOML).")
    var configPath: String?

    @Flag(
        name: .customLong("check-config"),
        help: "Validate the configuration, print the result and exit."
    )
    var checkConfig = false

    @Option(name: .customLong("data-dir"), help: "The ledger directory (default /var/lib/accrued).")
    var dataDirectory: String?

    @Option(
        name: .customLong("socket"),
        help: "The Unix socket to listen on (default /run/accrued/accrued.sock)."
    )
    var socketPath: String?

    @Option(help: "Snapshot the projection every this many events (default 100000).")
    var snapshotInterval: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (default info).")
    var logLevel: String?

    @Option(
        name: .customLong("dunning-interval"),
        help:
            "Run the dunning scheduler every this many seconds (at least 1), whatever [dunning] enabled and interval_seconds say."
    )
    var dunningIntervalSeconds: Int?

    func validate() throws {
        if let logLevel, !ServerSettings.logLevels.contains(logLevel) {
            throw ValidationError(
                "--log-level must be one of \(ServerSettings.logLevels.joined(separator: ", "))"
            )
        }
        if let snapshotInterval, snapshotInterval < 1 {
            throw ValidationError("--snapshot-interval must be at least 1")
        }
        if let dunningIntervalSeconds, !(1...604_800).contains(dunningIntervalSeconds) {
            throw ValidationError("--dunning-interval must be 1 to 604800 seconds")
        }
    }

    private var overrides: CommandLineOverrides {
        CommandLineOverrides(
            dataDirectory: dataDirectory,
            socketPath: socketPath,
            snapshotInterval: snapshotInterval,
            logLevel: logLevel,
            dunningIntervalSeconds: dunningIntervalSeconds
        )
    }

    @Option(
        name: .customLong("spool-dir"),
        help:
            "Where the spool channel writes reminders (default: the first [channels.*] spool directory, else spool beside the data directory)."
    )
    var spoolDirectory: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration: DaemonConfiguration
        do {
            let settings = try overrides.settings(configPath: configPath)
            configuration = try DaemonConfiguration(settings: settings, daemonUID: getuid())
        } catch {
            FileHandle.standardError.write(
                Data("accrued: \(configPath.map { "\($0): " } ?? "")\(error)\n".utf8)
            )
            throw ExitCode(Self.configurationExitCode)
        }
        if checkConfig {
            for (name, channel) in configuration.settings.channels.sorted(by: { $0.key < $1.key }) {
                for warning in channel.hostWarnings(name: name) { print("warning: \(warning)") }
            }
            print(
                "ok: \(configPath ?? "built-in defaults"): data_dir \(configuration.dataDirectory), socket \(configuration.socketPath)"
            )
            return
        }
        let logLevel = LiveLogLevel(
            Logger.Level(rawValue: configuration.settings.server.logLevel) ?? .info
        )
        LoggingSystem.bootstrap { label in LiveLevelLogHandler(label: label, level: logLevel) }
        let logger = Logger(label: "accrued")
        logger.info("starting", metadata: ["allocator": "\(MemoryAllocator.description)"])
        do {
            configuration.inheritedSocket = try SystemdActivation.inheritedSocket(
                environment: environment
            )
        } catch {
            logger.critical("\(error)")
            throw ExitCode(1)
        }
        configuration.watchdogInterval = SystemdWatchdog.pingInterval(environment: environment)
        configuration.spoolDirectory = spoolDirectory
        let daemon = LedgerDaemon(
            configuration: configuration,
            notifier: SystemdNotifier(environment: environment),
            logLevel: logLevel,
            logger: logger
        )
        let reloader = ConfigReloader(
            signals: await UnixSignalsSequence(trapping: .sighup),
            configPath: configPath,
            overrides: overrides,
            daemon: daemon,
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(
            services: [daemon, reloader],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(
            configuration.settings.server.shutdownTimeoutSeconds
        )
        let group = ServiceGroup(configuration: groupConfiguration)
        do {
            try await group.run()
        } catch {
            logger.critical("accrued stopped: \(error)")
            throw ExitCode(1)
        }
    }
}
