#if canImport(Glibc)
    import Glibc
#endif

/// Socket activation: the listening socket systemd passes as file descriptor 3.
package enum SystemdActivation {
    /// The first inherited descriptor when `LISTEN_PID` is this process and `LISTEN_FDS` ≥ 1.
    package static func inheritedSocket(environment: [String: String]) -> Int32? {
        guard let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1
        else { return nil }
        return 3
    }
}
