#if canImport(Glibc)
    import Glibc
#endif

/// Sends `sd_notify` messages (`READY=1`, `STATUS=…`, `STOPPING=1`, `WATCHDOG=1`) to the
/// datagram socket systemd names in `NOTIFY_SOCKET`; does nothing when it is unset.
package struct SystemdNotifier: Sendable {
    private let path: String?

    /// Reads `NOTIFY_SOCKET` from the environment.
    package init(environment: [String: String]) {
        path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a notify socket was given.
    package var isEnabled: Bool { path != nil }

    /// Sends one message, e.g. `READY=1\nSTATUS=serving`; returns whether it was delivered.
    @discardableResult
    package func notify(_ message: String) -> Bool {
        guard let path else { return false }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        // A leading '@' names Linux's abstract namespace, spelled with a NUL byte.
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        let sent = Array(message.utf8).withUnsafeBytes { payload in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    sendto(descriptor, payload.baseAddress, payload.count, Int32(MSG_NOSIGNAL), generic, length)
                }
            }
        }
        return sent == message.utf8.count
    }
}
