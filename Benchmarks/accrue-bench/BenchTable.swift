import Foundation

/// Benchmark rows: our figure next to the baseline measured in the same run.
struct BenchTable {
    struct Row {
        var name: String
        var unit: String
        var ours: Double
        var baseline: Double
        var count: Int
        /// Our figure in every run, when the row is the median of several.
        var runs: [Double] = []
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
        add(Row(name: name, unit: unit, ours: ours, baseline: baseline, count: count))
    }

    /// Adds the median of `runs` (each our figure and the baseline measured just before it),
    /// noting the spread: on a shared machine one run can be off by a third.
    mutating func addMedian(
        _ name: String,
        unit: String,
        runs: [(ours: Double, baseline: Double)],
        count: Int
    ) {
        let median = runs.sorted { $0.ours < $1.ours }[runs.count / 2]
        var row = Row(
            name: name,
            unit: unit,
            ours: median.ours,
            baseline: median.baseline,
            count: count
        )
        row.runs = runs.map(\.ours)
        add(row)
    }

    private mutating func add(_ row: Row) {
        rows.append(row)
        let spread =
            row.runs.isEmpty
            ? ""
            : String(
                format: "; median of %d runs, %.0f–%.0f",
                row.runs.count,
                row.runs.min() ?? 0,
                row.runs.max() ?? 0
            )
        Swift.print(
            String(
                format: "  %-32@ %12.0f %-10@ (%@ %12.0f, %5.1f%%%@)",
                row.name as NSString,
                row.ours,
                row.unit as NSString,
                baselineName as NSString,
                row.baseline,
                100 * row.ours / row.baseline,
                spread as NSString
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
                    #"{"name":"%@","unit":"%@","records":%d,"accrue":%.1f,"%@":%.1f,"ratio":%.4f,"runs":[%@]}"#,
                row.name as NSString,
                row.unit as NSString,
                row.count,
                row.ours,
                baselineName.lowercased().replacingOccurrences(of: " ", with: "_") as NSString,
                row.baseline,
                row.ours / row.baseline,
                row.runs.map { String(format: "%.1f", $0) }.joined(separator: ",") as NSString
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
