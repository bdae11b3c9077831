#if canImport(Glibc)
    import Glibc
#endif

/// Resolves user and group names (or numeric ids written as text) through NSS, for the role
/// grants and the socket's group.
package enum AccountLookup {
    /// The uid of a user name or of a decimal uid; `nil` when no such user exists by name.
    package static func userID(_ nameOrID: String) -> UInt32? {
        if let uid = UInt32(nameOrID) { return uid }
        return withLookupBuffer { buffer, size in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let code = getpwnam_r(nameOrID, &entry, buffer, size, &result)
            return (code, result == nil ? nil : entry.pw_uid)
        }
    }

    /// The gid of a group name or of a decimal gid; `nil` when no such group exists by name.
    package static func groupID(_ nameOrID: String) -> UInt32? {
        if let gid = UInt32(nameOrID) { return gid }
        return withLookupBuffer { buffer, size in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            let code = getgrnam_r(nameOrID, &entry, buffer, size, &result)
            return (code, result == nil ? nil : entry.gr_gid)
        }
    }

    /// Runs a `get*_r` call with a buffer that grows while it answers `ERANGE`.
    private static func withLookupBuffer(
        _ body: (UnsafeMutablePointer<CChar>, Int) -> (Int32, UInt32?)
    ) -> UInt32? {
        var size = 1024
        while size <= 1 << 20 {
            let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            guard let start = buffer.baseAddress else { return nil }
            let (code, id) = body(start, buffer.count)
            if code == ERANGE {
                size *= 2
                continue
            }
            return id
        }
        return nil
    }
}
