internal import CPeerCredentials
internal import NIOCore

/// The process on the other end of a Unix socket connection, from `SO_PEERCRED`.
package struct PeerCredentials: Sendable, Equatable {
    /// The peer's process id.
    package var pid: Int32
    /// The peer's effective user id.
    package var uid: UInt32
    /// The peer's effective group id.
    package var gid: UInt32

    /// Reads the credentials of `channel`'s peer through the C shim's `struct ucred` layout.
    static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(PeerCredentialsUnavailable())
        }
        let future: EventLoopFuture<accrue_peer_credentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(accrue_sol_socket()),
            name: SocketOptionName(accrue_so_peercred())
        )
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
    }
}

/// The channel offers no socket options, so its peer is unknown and gets no access.
struct PeerCredentialsUnavailable: Error {}
