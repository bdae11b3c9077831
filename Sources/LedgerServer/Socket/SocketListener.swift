import Logging
internal import NIOCore
internal import NIOPosix

/// Binds the daemon's listening socket: systemd's inherited one, or a fresh Unix socket at the
/// configured path (stale file replaced only after a failed connect, mode 0660).
enum SocketListener {
    static func bind(
        configuration: DaemonConfiguration,
        group: MultiThreadedEventLoopGroup,
        logger: Logger,
        initializer: @escaping @Sendable (any Channel) -> EventLoopFuture<Void>
    ) async throws -> any Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 1 << 20, high: 4 << 20))
            .childChannelInitializer(initializer)
        if let inherited = configuration.inheritedSocket {
            logger.info("using the socket passed by systemd", metadata: ["fd": "\(inherited)"])
            return try await bootstrap.withBoundSocket(inherited).get()
        }
        try SocketPath.prepare(configuration.socketPath)
        let channel = try await bootstrap.bind(unixDomainSocketPath: configuration.socketPath).get()
        try SocketPath.restrictPermissions(configuration.socketPath)
        return channel
    }
}
