import Dispatch
import Synchronization

/// Running figures for `system.stats`: commits, batch sizes, write latencies, connections.
/// Every figure is also forwarded to ``DaemonMetrics`` for `system.metrics`.
package final class ServerStats: Sendable {
    private struct State {
        var commits: UInt64 = 0
        var submissions: UInt64 = 0
        var largestBatch = 0
        var commitNanosTotal: UInt64 = 0
        /// The most recent write latencies, a ring of `latencyWindow` entries.
        var latencies: [UInt64] = []
        var latencyCursor = 0
        var connections = 0
        var connectionsTotal: UInt64 = 0
    }

    private static let latencyWindow = 4096
    private let state = Mutex(State())
    /// When the daemon started, in uptime nanoseconds.
    let startedNanos = DispatchTime.now().uptimeNanoseconds
    /// The Prometheus view of the same figures.
    package let metrics: DaemonMetrics

    /// Starts counting from zero, forwarding to `metrics`.
    package init(metrics: DaemonMetrics = DaemonMetrics()) {
        self.metrics = metrics
    }

    /// Counts one commit of `batchSize` submissions that took `durationNanos`.
    func recordCommit(batchSize: Int, durationNanos: UInt64) {
        metrics.recordCommit(batchSize: batchSize, durationNanos: durationNanos)
        state.withLock { state in
            state.commits += 1
            state.submissions += UInt64(batchSize)
            state.largestBatch = max(state.largestBatch, batchSize)
            state.commitNanosTotal += durationNanos
        }
    }

    /// Remembers the latency, from queueing to durable commit, of `count` writes queued and
    /// committed together.
    func recordWriteLatency(nanos: UInt64, count: Int) {
        for _ in 0..<count { metrics.recordWriteLatency(nanos: nanos) }
        state.withLock { state in
            for _ in 0..<count {
                if state.latencies.count < Self.latencyWindow {
                    state.latencies.append(nanos)
                } else {
                    state.latencies[state.latencyCursor] = nanos
                    state.latencyCursor = (state.latencyCursor + 1) % Self.latencyWindow
                }
            }
        }
    }

    /// Counts a connection opening (`+1`) or closing (`-1`).
    func connectionChanged(by delta: Int) {
        metrics.connectionChanged(by: delta)
        state.withLock { state in
            state.connections += delta
            if delta > 0 { state.connectionsTotal += 1 }
        }
    }

    /// A consistent copy of the figures.
    func snapshot() -> Snapshot {
        state.withLock { state in
            let sorted = state.latencies.sorted()
            func percentile(_ fraction: Double) -> UInt64 {
                guard !sorted.isEmpty else { return 0 }
                return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
            }
            return Snapshot(
                commits: state.commits,
                submissions: state.submissions,
                largestBatch: state.largestBatch,
                meanBatch: state.commits == 0
                    ? 0 : Double(state.submissions) / Double(state.commits),
                meanCommitMicros: state.commits == 0
                    ? 0 : Double(state.commitNanosTotal) / Double(state.commits) / 1000,
                latencyP50Micros: percentile(0.50) / 1000,
                latencyP99Micros: percentile(0.99) / 1000,
                connections: state.connections,
                connectionsTotal: state.connectionsTotal,
                uptimeSeconds: Double(DispatchTime.now().uptimeNanoseconds - startedNanos) / 1e9
            )
        }
    }

    /// The figures at one moment.
    struct Snapshot {
        var commits: UInt64
        var submissions: UInt64
        var largestBatch: Int
        var meanBatch: Double
        var meanCommitMicros: Double
        var latencyP50Micros: UInt64
        var latencyP99Micros: UInt64
        var connections: Int
        var connectionsTotal: UInt64
        var uptimeSeconds: Double
    }
}
