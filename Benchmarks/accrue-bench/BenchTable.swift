import Foundation

/// Benchmark rows: our figure next to the baseline measured in the same run.
struct BenchTable {
    struct Row {
        var name: String
        var unit: String
        var ours: Double
        var baseline: Double
        var count: Int
    }

    private(set) var rows: [Row] = []
    /// What the baseline is: raw LMDB loops, or Foundation for the parser.
    let baselineName: String
    /// Report latencies, printed and written after the throughput rows.
    var reports: [ReportBench.Latency] = []
    /// The daemon started on the benchmark ledger, if measured.
    var daemon: DaemonMemoryBench?

    init(baselineName: String = "raw LMDB") {
        self.baselineName = baselineName
    }

    mutating func add(_ name: String, unit: String, ours: Double, baseline: Double, count: Int) {
        rows.append(Row(name: name, unit: unit, ours: ours, baseline: baseline, count: count))
        Swift.print(
            String(
                format: "  %-32@ %12.0f %-10@ (%@ %12.0f, %5.1f%%)",
                name as NSString,
                ours,
                unit as NSString,
                baselineName as NSString,
                baseline,
                100 * ours / baseline
            )
        )
    }

    func print() {
        Swift.print("\n| benchmark | records | accrue | \(baselineName) | ratio |")
        Swift.print("|---|---:|---:|---:|---:|")
        for row in rows {
            Swift.print(
                String(
                    format: "| %@ | %d | %.0f %@ | %.0f | %.0f%% |",
                    row.name as NSString,
                    row.count,
                    row.ours,
                    row.unit as NSString,
                    row.baseline,
                    100 * row.ours / row.baseline
                )
            )
        }
        if let daemon { Swift.print("\n" + daemon.lines.joined(separator: "\n")) }
        guard !reports.isEmpty else { return }
        Swift.print("\n| report (query + JSON) | events | median | max | target |")
        Swift.print("|---|---:|---:|---:|---|")
        for report in reports {
            let verdict = report.medianMilliseconds <= report.targetMilliseconds ? "met" : "not met"
            Swift.print(
                String(
                    format: "| %@ | %d | %.1f ms | %.1f ms | ≤ %.0f ms (%@) |",
                    report.name as NSString,
                    report.events,
                    report.medianMilliseconds,
                    report.maxMilliseconds,
                    report.targetMilliseconds,
                    verdict as NSString
                )
            )
        }
    }

    func json() -> String {
        let items = rows.map { row in
            String(
                format:
                    #"{"name":"%@","unit":"%@","records":%d,"accrue":%.1f,"%@":%.1f,"ratio":%.4f}"#,
                row.name as NSString,
                row.unit as NSString,
                row.count,
                row.ours,
                baselineName.lowercased().replacingOccurrences(of: " ", with: "_") as NSString,
                row.baseline,
                row.ours / row.baseline
            )
        }
        let latencies = reports.map { report in
            String(
                format:
                    #"{"name":"%@","events":%d,"median_ms":%.3f,"max_ms":%.3f,"target_ms":%.0f}"#,
                report.name as NSString,
                report.events,
                report.medianMilliseconds,
                report.maxMilliseconds,
                report.targetMilliseconds
            )
        }
        return "{\"benchmarks\":[\n" + items.joined(separator: ",\n") + "\n],\"reports\":[\n"
            + latencies.joined(separator: ",\n") + "\n],\"daemon\":" + (daemon?.json ?? "null")
            + "}\n"
    }
}
