#if canImport(Glibc)
    import Glibc
#endif

/// Socket activation: the listening socket systemd passes as file descriptor 3
/// (`sd_listen_fds`), checked to be what accrued can serve on.
package enum SystemdActivation {
    /// The first descriptor systemd passes.
    static let firstDescriptor: Int32 = 3

    /// Why an inherited socket cannot be used.
    package struct Problem: Error, CustomStringConvertible {
        /// A message for the operator.
        package let description: String
    }

    /// The inherited listening socket when `LISTEN_PID` is this process and `LISTEN_FDS` ≥ 1,
    /// else nil. Like `sd_listen_fds(1)`, it removes the variables so that programs the daemon
    /// starts later do not take the socket for theirs, and marks the descriptor close-on-exec.
    ///
    /// - Parameter environment: the process environment, as read at start.
    /// - Returns: the descriptor to serve on, or nil without socket activation.
    /// - Throws: ``Problem`` when the descriptor is not a listening Unix stream socket, or
    ///   when systemd passes more than one (the units pass exactly one).
    package static func inheritedSocket(environment: [String: String]) throws(Problem) -> Int32? {
        guard let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1
        else { return nil }
        for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(name) }
        guard count == 1 else {
            throw Problem(
                description:
                    "systemd passed \(count) sockets (LISTEN_FDS); accrued serves exactly one"
            )
        }
        let descriptor = firstDescriptor
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        guard option(SO_DOMAIN, of: descriptor) == AF_UNIX,
            option(SO_TYPE, of: descriptor) == Int32(SOCK_STREAM.rawValue),
            option(SO_ACCEPTCONN, of: descriptor) == 1
        else {
            throw Problem(
                description:
                    "the socket passed by systemd (fd 3) is not a listening Unix stream socket"
            )
        }
        return descriptor
    }

    /// An integer socket option, or nil when it cannot be read.
    private static func option(_ name: Int32, of descriptor: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, SOL_SOCKET, name, &value, &length) == 0 ? value : nil
    }
}
