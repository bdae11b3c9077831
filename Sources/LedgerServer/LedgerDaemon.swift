package import Logging
import ServiceLifecycle
internal import Ledger
internal import LedgerStorage
internal import NIOCore
internal import NIOPosix

/// What the daemon needs to start.
package struct DaemonConfiguration: Sendable {
    /// The ledger directory (LMDB environment and lock file).
    package var dataDirectory: String
    /// The Unix socket to listen on (ignored when systemd passes a socket).
    package var socketPath: String
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
    /// Where the `spool` channel writes reminders; nil: `spool` next to the data directory.
    package var spoolDirectory: String?

    /// Creates a configuration with defaults for everything but the paths.
    package init(dataDirectory: String, socketPath: String) {
        self.dataDirectory = dataDirectory
        self.socketPath = socketPath
    }
}

/// The daemon as a service: opens the ledger, serves the socket until graceful shutdown, then
/// stops accepting, answers everything in flight, snapshots and closes the ledger.
package final class LedgerDaemon: Service {
    private let configuration: DaemonConfiguration
    private let logger: Logger
    private let notifier: SystemdNotifier

    /// Opens nothing yet; ``run()`` does the work.
    package init(configuration: DaemonConfiguration, notifier: SystemdNotifier, logger: Logger) {
        self.configuration = configuration
        self.notifier = notifier
        self.logger = logger
    }

    /// Runs until the service group's graceful shutdown.
    package func run() async throws {
        var logOptions = EventLog.Options()
        logOptions.exclusive = true
        logOptions.environment.mapSizeBytes = configuration.mapSizeBytes
        let log = try EventLog(ledgerDirectory: configuration.dataDirectory, options: logOptions)
        let engine = try LedgerEngine(log: log, snapshotInterval: configuration.snapshotInterval, logger: logger)
        let stats = ServerStats()
        let broadcaster = EventBroadcaster()
        let writer = GroupCommitWriter(
            engine: engine,
            stats: stats,
            queueCapacity: configuration.limits.writeQueueCapacity,
            maxBatch: configuration.limits.maxCommitBatch,
            logger: logger,
            onCommit: { broadcaster.headAdvanced(to: $0) }
        )
        writer.start()
        let readPool = NIOThreadPool(numberOfThreads: 2)
        readPool.start()
        let dispatcher = Dispatcher(
            methods: DunningMethods.all(
                delivery: ReminderDelivery(spoolDirectory: configuration.resolvedSpoolDirectory),
                today: { engine.businessToday() }
            ) + ServerMethods.all,
            policy: RolePolicy(daemonUID: currentUID(), users: configuration.users, groups: configuration.groups),
            engine: engine,
            writer: writer,
            stats: stats,
            limits: configuration.limits,
            readPool: readPool
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let listener = try await SocketListener.bind(
            configuration: configuration,
            group: group,
            logger: logger
        ) { [configuration, logger] channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ConnectionHandler(
                        dispatcher: dispatcher,
                        broadcaster: broadcaster,
                        stats: stats,
                        limits: configuration.limits,
                        logger: logger
                    )
                )
            }
        }
        notifier.notify("READY=1\nSTATUS=serving, head \(log.head.sequence)")
        logger.info("serving", metadata: ["socket": "\(configuration.socketPath)", "event.sequence": "\(log.head.sequence)"])

        try? await gracefulShutdown()

        notifier.notify("STOPPING=1")
        logger.info("stopping: no new connections, answering what is in flight")
        try? await listener.close()
        writer.drainAndStop()
        engine.snapshotNow()
        try? await Task.sleep(for: .milliseconds(50))
        try? await group.shutdownGracefully()
        try? await readPool.shutdownGracefully()
        logger.info("stopped", metadata: ["event.sequence": "\(log.head.sequence)"])
    }
}
