internal import CoreMetrics
import Dispatch
internal import Prometheus
import Synchronization

/// The daemon's Prometheus metrics, recorded through swift-metrics handles backed by a
/// private swift-prometheus registry, so each daemon (and each test) has its own figures and
/// `system.metrics` can render them as the text exposition format.
///
/// Metric names, all prefixed `accrued_`: `commits_total`, `writes_total`,
/// `commit_batch_size` (histogram), `commit_duration_seconds` and `write_latency_seconds`
/// (histograms), `connections`, `connections_total`, `write_queue_depth`, `head_sequence`,
/// `uptime_seconds`, `config_reloads_total`; and the customary `process_resident_memory_bytes`,
/// `process_open_fds` and `process_cpu_seconds_total`.
package final class DaemonMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let commits: CoreMetrics.Counter
    private let writes: CoreMetrics.Counter
    private let batchSize: Recorder
    private let commitDuration: CoreMetrics.Timer
    private let writeLatency: CoreMetrics.Timer
    private let connections: Meter
    private let connectionsTotal: CoreMetrics.Counter
    private let queueDepth: Meter
    private let head: Meter
    private let uptime: Meter
    private let reloads: CoreMetrics.Counter
    private let residentMemory: CoreMetrics.Meter
    private let openDescriptors: CoreMetrics.Meter
    private let cpuSeconds: CoreMetrics.FloatingPointCounter
    /// The CPU time already counted, so each sample adds only what was used since.
    private let cpuCounted = Mutex(0.0)
    private let startedNanos = DispatchTime.now().uptimeNanoseconds

    /// The media type of ``exposition(headSequence:writeQueueDepth:)``.
    package static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Batch-size buckets: powers of two up to the largest default batch.
    static let batchBuckets: [Double] = (0...12).map { Double(1 << $0) }
    /// Latency buckets from 100 µs (a cached commit) to 2.5 s (a stalled disk).
    static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .milliseconds(2500),
    ]

    /// Creates the metrics with a fresh registry.
    package init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultValueHistogramBuckets = Self.batchBuckets
        factory.defaultDurationHistogramBuckets = Self.durationBuckets
        commits = CoreMetrics.Counter(label: "accrued_commits_total", factory: factory)
        writes = CoreMetrics.Counter(label: "accrued_writes_total", factory: factory)
        batchSize = CoreMetrics.Recorder(label: "accrued_commit_batch_size", factory: factory)
        commitDuration = CoreMetrics.Timer(
            label: "accrued_commit_duration_seconds",
            factory: factory
        )
        writeLatency = CoreMetrics.Timer(label: "accrued_write_latency_seconds", factory: factory)
        connections = CoreMetrics.Meter(label: "accrued_connections", factory: factory)
        connectionsTotal = CoreMetrics.Counter(label: "accrued_connections_total", factory: factory)
        queueDepth = CoreMetrics.Meter(label: "accrued_write_queue_depth", factory: factory)
        head = CoreMetrics.Meter(label: "accrued_head_sequence", factory: factory)
        uptime = CoreMetrics.Meter(label: "accrued_uptime_seconds", factory: factory)
        reloads = CoreMetrics.Counter(label: "accrued_config_reloads_total", factory: factory)
        residentMemory = CoreMetrics.Meter(label: "process_resident_memory_bytes", factory: factory)
        openDescriptors = CoreMetrics.Meter(label: "process_open_fds", factory: factory)
        cpuSeconds = CoreMetrics.FloatingPointCounter(
            label: "process_cpu_seconds_total",
            factory: factory
        )
    }

    /// Counts one durable commit of `batchSize` writes that took `durationNanos`.
    func recordCommit(batchSize size: Int, durationNanos: UInt64) {
        commits.increment()
        writes.increment(by: size)
        batchSize.record(size)
        commitDuration.recordNanoseconds(durationNanos)
    }

    /// Records one write's latency from queueing to durable commit.
    func recordWriteLatency(nanos: UInt64) {
        writeLatency.recordNanoseconds(nanos)
    }

    /// Counts a connection opening (`+1`) or closing (`-1`).
    func connectionChanged(by delta: Int) {
        if delta > 0 {
            connections.increment(by: Double(delta))
            connectionsTotal.increment(by: delta)
        } else {
            connections.decrement(by: Double(-delta))
        }
    }

    /// Counts an applied configuration reload.
    package func recordReload() {
        reloads.increment()
    }

    /// The text exposition format, with the gauges sampled now.
    ///
    /// - Parameters:
    ///   - headSequence: the newest committed sequence.
    ///   - writeQueueDepth: writes waiting for the writer.
    /// - Returns: the Prometheus text exposition, format 0.0.4.
    package func exposition(headSequence: UInt64, writeQueueDepth: Int) -> String {
        head.set(Double(headSequence))
        queueDepth.set(Double(writeQueueDepth))
        uptime.set(Double(DispatchTime.now().uptimeNanoseconds - startedNanos) / 1e9)
        let process = ProcessSample.now()
        residentMemory.set(process.residentMemoryBytes)
        openDescriptors.set(process.openDescriptors)
        let cpuDelta = cpuCounted.withLock { counted in
            defer { counted = max(counted, process.cpuSeconds) }
            return max(0, process.cpuSeconds - counted)
        }
        if cpuDelta > 0 { cpuSeconds.increment(by: cpuDelta) }
        return registry.emitToString()
    }
}
