internal import LedgerStorage
import Logging
import Synchronization

/// The daemon's periodic duties while it serves: systemd's watchdog and status line, and the
/// metrics textfile for node_exporter.
extension LedgerDaemon {
    /// Sends `WATCHDOG=1` every half watchdog period while the writer makes progress, and a
    /// fresh `STATUS=` whenever the head moved; returns when cancelled.
    func heartbeat(engine: LedgerEngine, writer: GroupCommitWriter) async {
        guard notifier.isEnabled else { return }
        let interval = configuration.watchdogInterval ?? .seconds(10)
        var lastHead = engine.current.head.sequence
        var lastCommits = stats.snapshot().commits
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let head = engine.current.head.sequence
            let commits = stats.snapshot().commits
            var lines: [String] = []
            // A writer with work queued and no commit for a whole period is stuck: stop
            // pinging and let systemd restart the service.
            let writerStuck = writer.queueDepth > 0 && commits == lastCommits
            if configuration.watchdogInterval != nil {
                if writerStuck {
                    logger.error(
                        "writer made no progress; withholding the watchdog ping",
                        metadata: ["queue.depth": "\(writer.queueDepth)"]
                    )
                } else {
                    lines.append("WATCHDOG=1")
                }
            }
            if head != lastHead { lines.append("STATUS=\(Self.status(head: head))") }
            if !lines.isEmpty { notifier.notify(lines.joined(separator: "\n")) }
            lastHead = head
            lastCommits = commits
        }
    }

    /// Rewrites the configured metrics textfile every `server.metrics_interval_seconds`, both
    /// read afresh each round so a reload applies; returns when cancelled.
    func rewriteMetricsTextfile(engine: LedgerEngine, writer: GroupCommitWriter) async {
        var lastFailure: String?
        while !Task.isCancelled {
            let server = live.withLock { $0.server }
            if let path = server.metricsTextfile {
                let text = stats.metrics.exposition(
                    headSequence: engine.current.head.sequence,
                    writeQueueDepth: writer.queueDepth
                )
                do {
                    try MetricsTextfile.write(text, to: path)
                    lastFailure = nil
                } catch {
                    // Log a failure once, not every round, until it clears.
                    let failure = "\(error)"
                    if failure != lastFailure {
                        logger.warning(
                            "cannot write the metrics textfile",
                            metadata: ["path": "\(path)", "error": "\(failure)"]
                        )
                    }
                    lastFailure = failure
                }
            }
            do { try await Task.sleep(for: .seconds(server.metricsIntervalSeconds)) } catch {
                return
            }
        }
    }
}
