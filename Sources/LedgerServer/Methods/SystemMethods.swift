internal import Ledger
internal import LedgerStorage
internal import LedgerWire

/// `ledger.head`, `system.health`, `system.describe`, `system.stats`, `system.metrics`,
/// `events.read` and `events.subscribe`: the methods that need no domain knowledge.
enum SystemMethods {
    /// The protocol version announced by `system.describe`.
    static let protocolVersion = "1.0"

    static let all: [MethodSpec] = [
        MethodSpec(name: "ledger.head", role: .reader, kind: .read(head)),
        MethodSpec(name: "system.health", role: .reader, kind: .read(health)),
        MethodSpec(name: "system.describe", role: .reader, kind: .read(describe)),
        MethodSpec(name: "system.stats", role: .reader, kind: .read(stats)),
        // Readers may scrape metrics: they carry counts and timings, never ledger content.
        MethodSpec(name: "system.metrics", role: .reader, kind: .read(metrics)),
        MethodSpec(name: "events.read", role: .reader, kind: .read(readEvents)),
        MethodSpec(name: "events.subscribe", role: .reader, kind: .subscribe),
    ]

    static func head(_ params: inout ParamReader, _ context: ReadContext, _ output: inout JSONWriter) {
        output.ledgerHead(context.head, ledgerID: context.engine.log.ledgerID)
    }

    static func health(_ params: inout ParamReader, _ context: ReadContext, _ output: inout JSONWriter) {
        output.beginObject()
        output.member("status", "ok")
        output.member("head", Int64(context.head.sequence))
        output.member("queue_depth", Int64(context.writer.queueDepth))
        output.endObject()
    }

    static func describe(_ params: inout ParamReader, _ context: ReadContext, _ output: inout JSONWriter) {
        output.beginObject()
        output.member("protocol_version", protocolVersion)
        output.member("ledger_id", context.engine.log.ledgerID)
        output.key("methods")
        output.beginArray()
        for method in context.methods {
            output.beginObject()
            output.member("name", method.name)
            output.member("role", method.role.rawValue)
            output.member("write", method.isWrite)
            output.endObject()
        }
        output.endArray()
        output.key("limits")
        output.beginObject()
        output.member("max_line_bytes", Int64(context.limits.maxLineBytes))
        output.member("max_depth", Int64(context.limits.maxDepth))
        output.member("write_queue_capacity", Int64(context.limits.writeQueueCapacity))
        output.member("max_events_per_read", Int64(context.limits.maxEventsPerRead))
        output.member("max_command_id_bytes", Int64(context.limits.maxCommandIDBytes))
        output.endObject()
        output.endObject()
    }

    static func stats(_ params: inout ParamReader, _ context: ReadContext, _ output: inout JSONWriter) {
        let figures = context.stats.snapshot()
        output.beginObject()
        output.member("head", Int64(context.head.sequence))
        output.key("uptime_seconds")
        output.raw(Array(String(format3(figures.uptimeSeconds)).utf8))
        output.member("events_per_second", Int64(figures.uptimeSeconds > 0 ? Double(context.head.sequence) / figures.uptimeSeconds : 0))
        output.member("commits", Int64(figures.commits))
        output.member("writes", Int64(figures.submissions))
        output.member("largest_batch", Int64(figures.largestBatch))
        output.key("mean_batch")
        output.raw(Array(format3(figures.meanBatch).utf8))
        output.member("write_latency_p50_us", Int64(figures.latencyP50Micros))
        output.member("write_latency_p99_us", Int64(figures.latencyP99Micros))
        output.member("connections", Int64(figures.connections))
        output.member("connections_total", Int64(figures.connectionsTotal))
        output.member("queue_depth", Int64(context.writer.queueDepth))
        output.endObject()
    }

    /// The Prometheus text exposition (format 0.0.4) of the daemon's metrics.
    static func metrics(_ params: inout ParamReader, _ context: ReadContext, _ output: inout JSONWriter) {
        let text = context.stats.metrics.exposition(
            headSequence: context.head.sequence,
            writeQueueDepth: context.writer.queueDepth
        )
        output.beginObject()
        output.member("content_type", DaemonMetrics.contentType)
        output.member("text", text)
        output.endObject()
    }

    static func readEvents(_ params: inout ParamReader, _ context: ReadContext, _ output: inout JSONWriter) throws {
        let from = try params.optionalInt("from_seq", in: 1...Int64.max) ?? 1
        let limit = try params.optionalInt("limit", in: 1...Int64(context.limits.maxEventsPerRead)) ?? 1000
        let records = try context.engine.log.records(from: UInt64(from), limit: Int(limit))
            .filter { $0.sequence <= context.head.sequence }
        output.eventsRead(records, from: UInt64(from))
    }

    /// A non-negative number with three decimals, as JSON.
    private static func format3(_ value: Double) -> String {
        let thousandths = Int64((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
