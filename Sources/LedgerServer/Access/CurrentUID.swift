#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's own uid, which is always an admin.
func currentUID() -> UInt32 {
    getuid()
}
