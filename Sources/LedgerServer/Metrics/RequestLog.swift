import Dispatch
import Logging
import Synchronization

/// The per-connection request log: gives every request an id unique for the daemon's life
/// (`connection-request`, e.g. `17-3`) and logs it at debug level with its method, the peer's
/// uid and its duration. Never the parameters: they carry amounts and customer data.
struct RequestLog {
    /// Numbers the connections of this process.
    private static let connections = Atomic<UInt64>(0)

    private let logger: Logger
    /// This connection's number, the first half of its request ids.
    let connectionID: UInt64
    private var requests: UInt64 = 0

    /// Starts the log of a new connection.
    init(logger: Logger) {
        self.logger = logger
        connectionID = Self.connections.add(1, ordering: .relaxed).newValue
    }

    /// Logs who connected; a peer without any role is worth a notice to the operator.
    func opened(peer: PeerCredentials?, role: Role?) {
        let metadata: Logger.Metadata = [
            "connection.id": "\(connectionID)",
            "peer.uid": "\(peer.map { "\($0.uid)" } ?? "unknown")",
            "peer.pid": "\(peer.map { "\($0.pid)" } ?? "unknown")",
        ]
        if role == nil {
            logger.notice(
                "connection from a peer without a role; its requests are refused",
                metadata: metadata
            )
        } else {
            logger.debug(
                "connection opened",
                metadata: metadata.merging(["peer.role": "\(role?.rawValue ?? "")"]) { $1 }
            )
        }
    }

    /// Starts timing the next request, which arrived at `started` (`DispatchTime` nanoseconds);
    /// call the returned closure when its reply is ready.
    mutating func begin(method: String, uid: UInt32, since started: UInt64) -> @Sendable () -> Void
    {
        requests += 1
        guard logger.logLevel <= .debug else { return {} }
        let requestID = "\(connectionID)-\(requests)"
        return { [logger] in
            let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1000
            logger.debug(
                "request",
                metadata: [
                    "request.id": "\(requestID)", "rpc.method": "\(method)", "peer.uid": "\(uid)",
                    "duration_us": "\(micros)",
                ]
            )
        }
    }
}
