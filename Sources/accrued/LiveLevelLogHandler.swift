import LedgerServer
import Logging

/// swift-log's stderr handler, with its level read from a ``LiveLogLevel`` on every message,
/// so that a SIGHUP can change `server.log_level` without a restart.
struct LiveLevelLogHandler: LogHandler {
    private var inner: StreamLogHandler
    private let level: LiveLogLevel

    /// Writes to stderr under `label`, at the level `level` holds.
    init(label: String, level: LiveLogLevel) {
        inner = StreamLogHandler.standardError(label: label)
        // The Logger filters by ``logLevel`` before calling; the inner handler takes all.
        inner.logLevel = .trace
        self.level = level
    }

    var logLevel: Logger.Level {
        get { level.current }
        set { level.set(newValue) }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { inner.metadataProvider }
        set { inner.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        inner.log(event: event)
    }
}
