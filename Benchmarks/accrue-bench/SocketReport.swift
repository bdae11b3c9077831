import Foundation
import LedgerStorage

/// Runs ``SocketBench`` next to raw LMDB commits and prints and saves the figures.
enum SocketReport {
    static func run(scratch: String, output: String) throws {
        print(
            "raw LMDB: 1,000 single-record durable commits, then 100,000 records in commits of 100…"
        )
        let raw = try LMDBBaseline.commitLatencies(
            directory: scratch + "/raw-latency",
            count: 1_000,
            valueBytes: 300
        ).sorted()
        let rawP50 = SocketBench.percentile(raw, 0.50)
        let rawBatch = try BenchMain.measure {
            try LMDBBaseline.append(
                directory: scratch + "/raw-socket-100",
                count: 100_000,
                batch: 100,
                valueBytes: 300
            )
        }
        let rawBatchRate = 100_000 / rawBatch
        print("socket loads against the release accrued (invoice.issue, durable)…")
        let figures = try SocketBench.run(directory: scratch + "/socket")

        print(
            "\n| load | events | events/s | p50 ms | p99 ms | report.aging p99 ms | customer.get p99 ms | writes/commit |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for figure in figures {
            print(
                String(
                    format: "| %@ | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f |",
                    figure.load.name as NSString,
                    figure.load.events,
                    figure.eventsPerSecond,
                    figure.p50,
                    figure.p99,
                    figure.agingP99,
                    figure.pointReadP99,
                    figure.meanBatch
                )
            )
        }
        print(
            String(
                format:
                    "raw LMDB single-record durable commit p50: %.2f ms; raw LMDB appends in commits of 100: %.0f records/s",
                rawP50,
                rawBatchRate
            )
        )

        let items = figures.map { figure in
            String(
                format:
                    #"{"name":"%@","clients":%d,"calls_per_line":%d,"events":%d,"events_per_s":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"report_aging_p99_ms":%.3f,"customer_get_p99_ms":%.3f,"writes_per_commit":%.1f}"#,
                figure.load.name as NSString,
                figure.load.clients,
                figure.load.callsPerLine,
                figure.load.events,
                figure.eventsPerSecond,
                figure.p50,
                figure.p99,
                figure.agingP99,
                figure.pointReadP99,
                figure.meanBatch
            )
        }
        let json =
            String(
                format:
                    #"{"raw_lmdb_commit_p50_ms":%.3f,"raw_lmdb_batch100_records_per_s":%.1f,"loads":["#,
                rawP50,
                rawBatchRate
            ) + "\n" + items.joined(separator: ",\n") + "\n]}\n"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try json.write(toFile: output + "/socket.json", atomically: true, encoding: .utf8)
        print("figures written to \(output)/socket.json")
    }
}
