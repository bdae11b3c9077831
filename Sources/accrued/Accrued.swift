import ArgumentParser
import Foundation
import LedgerServer
import Logging
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
            JSON-RPC 2.0 on a Unix socket, one message per line. Stop it with SIGTERM: it \
            answers what is in flight, snapshots and closes the ledger.
            """
    )

    @Option(name: .customLong("data-dir"), help: "The ledger directory.")
    var dataDirectory = "/var/lib/accrued"

    @Option(name: .customLong("socket"), help: "The Unix socket to listen on.")
    var socketPath = "/run/accrued/accrued.sock"

    @Option(help: "Snapshot the projection every this many events.")
    var snapshotInterval: UInt64 = 100_000

    @Option(
        name: .customLong("spool-dir"),
        help: "Where the spool channel writes reminders (default: spool beside the data directory)."
    )
    var spoolDirectory: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "accrued")
        let environment = ProcessInfo.processInfo.environment
        var configuration = DaemonConfiguration(dataDirectory: dataDirectory, socketPath: socketPath)
        configuration.snapshotInterval = snapshotInterval
        configuration.spoolDirectory = spoolDirectory
        configuration.inheritedSocket = SystemdActivation.inheritedSocket(environment: environment)
        let daemon = LedgerDaemon(
            configuration: configuration,
            notifier: SystemdNotifier(environment: environment),
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(
                services: [daemon],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            logger.critical("accrued stopped: \(error)")
            throw ExitCode(1)
        }
    }
}
