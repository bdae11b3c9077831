/// What a configuration reload did: the keys it applied and the keys that changed in the
/// file but only take effect at the next start.
package struct ReloadOutcome: Sendable, Equatable {
    /// Changed keys now in force (roles, channels, dunning, metrics textfile, log level).
    package var applied: [String]
    /// Changed keys that need a restart (socket, storage, limits, snapshot interval).
    package var needsRestart: [String]
}
