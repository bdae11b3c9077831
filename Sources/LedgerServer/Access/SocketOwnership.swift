#if canImport(Glibc)
    import Glibc
#endif

/// Applies the configured mode and group to the socket file the daemon bound, so that a
/// group of clients can connect (the roles decide what each may do).
enum SocketOwnership {
    /// Why the socket's mode or group cannot be set.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sets `mode` on `path` and, when given, its group to `groupID`.
    ///
    /// - Throws: ``Failure`` naming the call that failed and why.
    static func apply(mode: UInt32, groupID: UInt32?, to path: String) throws(Failure) {
        if let groupID, chown(path, uid_t.max, groupID) != 0 {
            throw Failure(
                description:
                    "cannot give \(path) to group \(groupID): \(String(cString: strerror(errno)))"
            )
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw Failure(description: "cannot chmod \(path): \(String(cString: strerror(errno)))")
        }
    }
}
