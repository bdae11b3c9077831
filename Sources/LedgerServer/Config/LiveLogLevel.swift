package import Logging
import Synchronization

/// The daemon's log level, changeable while it runs: the executable's log handler reads it
/// on every message, and a configuration reload sets it from `server.log_level`.
package final class LiveLogLevel: Sendable {
    private let rank: Atomic<Int>

    /// Starts at `level`.
    package init(_ level: Logger.Level) {
        rank = Atomic(Self.levels.firstIndex(of: level) ?? 2)
    }

    private static let levels = Logger.Level.allCases

    /// The level in force.
    package var current: Logger.Level {
        Self.levels[rank.load(ordering: .relaxed)]
    }

    /// Puts `level` in force.
    package func set(_ level: Logger.Level) {
        rank.store(Self.levels.firstIndex(of: level) ?? 2, ordering: .relaxed)
    }
}
