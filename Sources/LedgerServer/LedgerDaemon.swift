import Foundation
internal import Ledger
internal import LedgerStorage
package import Logging
internal import NIOCore
internal import NIOPosix
import ServiceLifecycle
import Synchronization

/// The daemon as a service: opens the ledger, serves the socket until graceful shutdown, then
/// stops accepting, answers everything in flight, snapshots and closes the ledger.
///
/// While it serves it tells systemd how it is (`READY=1`, `STATUS=`, `WATCHDOG=1`), rewrites
/// the metrics textfile when one is configured, and accepts reloads of its live settings.
package final class LedgerDaemon: Service {
    let configuration: DaemonConfiguration
    let logger: Logger
    let notifier: SystemdNotifier
    /// The role policy the dispatcher consults on every request.
    let roles: LiveRoles
    /// Running figures and metrics.
    let stats: ServerStats
    /// The settings in force: the start-up ones with every reload's live part applied.
    let live: Mutex<DaemonSettings>
    /// The log level the executable's handler reads, when it offers one to change.
    let logLevel: LiveLogLevel?
    /// The channels and templates reminders go out with; a reload replaces them.
    let delivery: Mutex<ReminderDelivery>

    /// Opens nothing yet; ``run()`` does the work.
    ///
    /// - Parameters:
    ///   - configuration: what to open and serve, and how.
    ///   - notifier: systemd's notify socket (or none).
    ///   - logLevel: the level `logger`'s handler reads, which a reload may change.
    ///   - logger: where the daemon logs.
    package init(
        configuration: DaemonConfiguration,
        notifier: SystemdNotifier,
        logLevel: LiveLogLevel? = nil,
        logger: Logger
    ) {
        self.configuration = configuration
        self.logLevel = logLevel
        self.notifier = notifier
        self.logger = logger
        roles = LiveRoles(
            RolePolicy(
                daemonUID: currentUID(),
                users: configuration.users,
                groups: configuration.groups
            )
        )
        stats = ServerStats()
        live = Mutex(configuration.settings)
        delivery = Mutex(
            configuration.reminderDelivery(
                configuration.settings,
                templates: configuration.templates
            )
        )
    }

    /// Runs until the service group's graceful shutdown.
    package func run() async throws {
        var logOptions = EventLog.Options()
        logOptions.exclusive = true
        logOptions.environment.mapSizeBytes = configuration.mapSizeBytes
        let log = try EventLog(ledgerDirectory: configuration.dataDirectory, options: logOptions)
        let engine = try LedgerEngine(
            log: log,
            snapshotInterval: configuration.snapshotInterval,
            logger: logger
        )
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
        let runner = DunningRunner(
            engine: engine,
            writer: writer,
            settings: { [self] in
                (delivery.withLock { $0 }, live.withLock { $0.dunning })
            },
            logger: logger
        )
        let dispatcher = Dispatcher(
            methods: DunningMethods.all(
                runner: runner,
                delivery: { [self] in
                    delivery.withLock { $0 }
                }
            ) + ServerMethods.all,
            roles: roles,
            engine: engine,
            writer: writer,
            stats: stats,
            limits: configuration.limits,
            readPool: readPool
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let lane = LineLane()
        lane.start()
        let listener: any Channel
        do {
            listener = try await bind(
                dispatcher: dispatcher,
                lane: lane,
                broadcaster: broadcaster,
                group: group
            )
        } catch {
            lane.stop()
            await runner.shutdown()
            writer.drainAndStop()
            try? await group.shutdownGracefully()
            try? await readPool.shutdownGracefully()
            throw error
        }
        notifier.notify("READY=1\nSTATUS=\(Self.status(head: log.head.sequence))")
        logger.info(
            "serving",
            metadata: [
                "socket":
                    "\(configuration.inheritedSocket.map { "fd \($0) from systemd" } ?? configuration.socketPath)",
                "event.sequence": "\(log.head.sequence)",
            ]
        )

        await withDiscardingTaskGroup { tasks in
            tasks.addTask { await self.heartbeat(engine: engine, writer: writer) }
            tasks.addTask { await self.rewriteMetricsTextfile(engine: engine, writer: writer) }
            tasks.addTask { await self.scheduleDunning(runner: runner, engine: engine) }
            try? await gracefulShutdown()
            tasks.cancelAll()
        }

        notifier.notify("STOPPING=1\nSTATUS=stopping: answering what is in flight")
        logger.info("stopping: no new connections, answering what is in flight")
        try? await listener.close()
        // Lines already on the lane are routed; later ones are routed on their event loops.
        lane.stop()
        // A dunning run in progress finishes (and is recorded) before the writer stops.
        await runner.shutdown()
        await Self.offCooperativePool { writer.drainAndStop() }
        // Replies to the last commits are handed to the event loops; let them write.
        await Self.barrier(group)
        try? await readPool.shutdownGracefully()
        await Self.barrier(group)
        engine.snapshotNow()
        try? await group.shutdownGracefully()
        logger.info("stopped", metadata: ["event.sequence": "\(log.head.sequence)"])
    }

    /// Binds the listening socket (inherited or fresh) and applies the configured mode and group.
    private func bind(
        dispatcher: Dispatcher,
        lane: LineLane,
        broadcaster: EventBroadcaster,
        group: MultiThreadedEventLoopGroup
    ) async throws -> any Channel {
        let stats = stats
        let listener = try await SocketListener.bind(
            configuration: configuration,
            group: group,
            logger: logger
        ) { [configuration, logger] channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ConnectionHandler(
                        dispatcher: dispatcher,
                        lane: lane,
                        broadcaster: broadcaster,
                        stats: stats,
                        limits: configuration.limits,
                        logger: logger
                    )
                )
            }
        }
        if configuration.inheritedSocket == nil {
            do {
                try SocketOwnership.apply(
                    mode: configuration.socketMode,
                    groupID: configuration.socketGroupID,
                    to: configuration.socketPath
                )
            } catch {
                try? await listener.close()
                throw error
            }
        }
        return listener
    }

    /// The `STATUS=` text systemd shows in `systemctl status`.
    static func status(head: UInt64) -> String {
        "serving, head \(head)"
    }

    /// Runs blocking work on a thread of its own, keeping the cooperative pool free.
    private static func offCooperativePool(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                work()
                continuation.resume()
            }
            thread.start()
        }
    }

    /// Returns once every event loop has run the tasks queued before this call.
    private static func barrier(_ group: MultiThreadedEventLoopGroup) async {
        for loop in group.makeIterator() {
            try? await loop.submit {}.get()
        }
    }
}
