/// `[server]`: the socket, the protocol's limits, logging and metrics.
package struct ServerSettings: Sendable, Equatable {
    /// `socket`: the Unix socket to listen on (ignored under socket activation).
    package var socketPath = "/run/accrued/accrued.sock"
    /// `socket_mode`: permission bits of the socket file, written in octal (`"0660"`).
    package var socketMode: UInt32 = 0o660
    /// `socket_group`: group name or gid to own the socket file; nil keeps the daemon's group.
    package var socketGroup: String?
    /// `write_queue_capacity`: writes that may wait for the writer before `busy`.
    package var writeQueueCapacity = 65_536
    /// `max_commit_batch`: the most writes one transaction (one fsync) takes.
    package var maxCommitBatch = 4096
    /// `max_line_bytes`: the longest request line.
    package var maxLineBytes = 1 << 20
    /// `max_events_per_read`: the most records one `events.read` returns.
    package var maxEventsPerRead = 10_000
    /// `subscriber_lag_limit`: how far a subscriber with a full socket may fall behind.
    package var subscriberLagLimit = 10_000
    /// `snapshot_interval`: snapshot the projection every this many events.
    package var snapshotInterval = 100_000
    /// `log_level`: trace, debug, info, notice, warning, error or critical.
    package var logLevel = "info"
    /// `metrics_textfile`: a `.prom` file rewritten for node_exporter; nil writes none.
    package var metricsTextfile: String?
    /// `metrics_interval_seconds`: how often the textfile is rewritten.
    package var metricsIntervalSeconds = 15
    /// `shutdown_timeout_seconds`: how long SIGTERM waits for in-flight work before giving up.
    package var shutdownTimeoutSeconds = 8

    /// The log levels `log_level` accepts, lowest first.
    package static let logLevels = [
        "trace", "debug", "info", "notice", "warning", "error", "critical",
    ]

    /// The defaults.
    package init() {}

    /// Reads `[server]`, keeping the default for every absent key.
    init(_ section: inout TOMLSection) throws(ConfigError) {
        socketPath = try section.absolutePath("socket") ?? socketPath
        guard socketPath.utf8.count < 108 else {
            throw ConfigError(key: section.keyPath("socket"), "is longer than 107 bytes")
        }
        if let mode = try section.string("socket_mode") {
            guard mode.count >= 3, mode.count <= 4, let bits = UInt32(mode, radix: 8), bits <= 0o777
            else {
                throw ConfigError(
                    key: section.keyPath("socket_mode"),
                    "must be octal permission bits such as \"0660\""
                )
            }
            guard bits & 0o600 == 0o600 else {
                throw ConfigError(
                    key: section.keyPath("socket_mode"),
                    "must let the owner read and write"
                )
            }
            socketMode = bits
        }
        socketGroup = try section.nonEmptyString("socket_group")
        writeQueueCapacity =
            try section.integer("write_queue_capacity", in: 1...16_777_216) ?? writeQueueCapacity
        maxCommitBatch =
            try section.integer("max_commit_batch", in: 1...1_000_000) ?? maxCommitBatch
        maxLineBytes = try section.integer("max_line_bytes", in: 1024...(64 << 20)) ?? maxLineBytes
        maxEventsPerRead =
            try section.integer("max_events_per_read", in: 1...1_000_000) ?? maxEventsPerRead
        subscriberLagLimit =
            try section.integer("subscriber_lag_limit", in: 1...100_000_000) ?? subscriberLagLimit
        snapshotInterval =
            try section.integer("snapshot_interval", in: 1...1_000_000_000) ?? snapshotInterval
        if let level = try section.string("log_level") {
            guard Self.logLevels.contains(level) else {
                throw ConfigError(
                    key: section.keyPath("log_level"),
                    "must be one of \(Self.logLevels.joined(separator: ", ")), got \"\(level)\""
                )
            }
            logLevel = level
        }
        metricsTextfile = try section.absolutePath("metrics_textfile")
        metricsIntervalSeconds =
            try section.integer("metrics_interval_seconds", in: 1...86_400)
            ?? metricsIntervalSeconds
        shutdownTimeoutSeconds =
            try section.integer("shutdown_timeout_seconds", in: 1...300) ?? shutdownTimeoutSeconds
        try section.finish()
    }

    /// Every key with its effective value, for the reload diff.
    var entries: [(String, String)] {
        [
            ("socket", socketPath),
            ("socket_mode", String(socketMode, radix: 8)),
            ("socket_group", socketGroup ?? ""),
            ("write_queue_capacity", "\(writeQueueCapacity)"),
            ("max_commit_batch", "\(maxCommitBatch)"),
            ("max_line_bytes", "\(maxLineBytes)"),
            ("max_events_per_read", "\(maxEventsPerRead)"),
            ("subscriber_lag_limit", "\(subscriberLagLimit)"),
            ("snapshot_interval", "\(snapshotInterval)"),
            ("log_level", logLevel),
            ("metrics_textfile", metricsTextfile ?? ""),
            ("metrics_interval_seconds", "\(metricsIntervalSeconds)"),
            ("shutdown_timeout_seconds", "\(shutdownTimeoutSeconds)"),
        ]
    }
}
