#if canImport(Glibc)
    import Glibc
#endif

/// Prepares the filesystem for the daemon's Unix socket: a directory with safe permissions,
/// and a stale socket file replaced only after a connect to it fails.
package enum SocketPath {
    /// Why the socket path cannot be used.
    package struct Problem: Error, CustomStringConvertible {
        /// A message for the operator.
        package let description: String
    }

    /// Makes `path` ready to bind: creates its directory (0750) if missing, refuses a
    /// world-writable directory without the sticky bit, refuses a path held by a live daemon or
    /// by something other than a socket, and removes a stale socket.
    ///
    /// - Throws: ``Problem`` naming the path and what is wrong.
    package static func prepare(_ path: String) throws(Problem) {
        guard path.utf8.count < 108 else {
            throw Problem(description: "socket path \(path) is longer than 107 bytes")
        }
        let directory = parentDirectory(of: path)
        var status = stat()
        if stat(directory, &status) != 0 {
            guard mkdir(directory, 0o750) == 0 else {
                throw Problem(description: "cannot create socket directory \(directory): \(errnoText())")
            }
        } else if status.st_mode & S_IWOTH != 0 && status.st_mode & S_ISVTX == 0 {
            throw Problem(description: "socket directory \(directory) is world-writable without the sticky bit")
        }
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw Problem(description: "\(path) exists and is not a socket; refusing to replace it")
        }
        if canConnect(to: path) {
            throw Problem(description: "another daemon is listening on \(path)")
        }
        guard unlink(path) == 0 else {
            throw Problem(description: "cannot remove stale socket \(path): \(errnoText())")
        }
    }

    /// Restricts the bound socket to owner and group (0660): the roles decide the rest.
    package static func restrictPermissions(_ path: String) throws(Problem) {
        guard chmod(path, 0o660) == 0 else {
            throw Problem(description: "cannot chmod \(path): \(errnoText())")
        }
    }

    /// Whether something accepts connections on the Unix socket at `path`.
    package static func canConnect(to path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                connect(descriptor, generic, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return connected == 0
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
