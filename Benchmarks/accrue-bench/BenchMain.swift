import Foundation
import Ledger
import LedgerStorage

/// `accrue-bench`: the event log's figures next to raw LMDB, in one run on one machine.
///
/// Usage: accrue-bench [--output DIR] [--events N]
///     [--only storage|parser|socket|dunning|publish|cli]
@main
enum BenchMain {
    static func main() throws {
        let arguments = CommandLine.arguments
        let output = value(after: "--output", in: arguments) ?? "bench-results"
        let eventCount = Int(value(after: "--events", in: arguments) ?? "") ?? 1_000_000
        let only = value(after: "--only", in: arguments)
        let scratch = NSTemporaryDirectory() + "accrue-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        if only == nil || only == "storage" {
            try storage(eventCount: eventCount, scratch: scratch, output: output)
        }
        if only == nil || only == "parser" { try ParserBench.run(output: output) }
        if only == nil || only == "socket" {
            try SocketReport.run(scratch: scratch, output: output)
        }
        if only == nil || only == "dunning" { DunningBench.run() }
        if only == nil || only == "publish" { PublishBench.run() }
        if only == nil || only == "cli" {
            try cli(eventCount: eventCount, scratch: scratch, output: output)
        }
    }

    /// `accrue` replay and balances next to hledger and ledger-cli on the exported journal, on
    /// a ledger of the first 400,000 events (about 390,000 journal transactions): hledger needs
    /// about 11 GB on the full million.
    static func cli(eventCount: Int, scratch: String, output: String) throws {
        let count = min(eventCount, 400_000)
        var generator = LedgerScenarioGenerator(seed: 42)
        let payloads = generator.run(events: count).events.map { EventCodec.encode($0.0) }
        try AppendBench.run(
            directory: scratch + "/cli",
            payloads: payloads,
            count: count,
            batch: 1_000
        )
        try CLIBench.run(ledger: scratch + "/cli", scratch: scratch, output: output)
    }

    /// Appends, scan and replay of the event log next to raw LMDB.
    static func storage(eventCount: Int, scratch: String, output: String) throws {
        var table = BenchTable()
        print("generating \(eventCount) events of a realistic ledger (seed 42)…")
        var generator = LedgerScenarioGenerator(seed: 42)
        let generated = generator.run(events: eventCount)
        let payloads = generated.events.map { EventCodec.encode($0.0) }
        let meanPayload = payloads.reduce(0) { $0 + $1.payload.count } / max(1, payloads.count)
        let recordBytes = meanPayload + 120

        for (batch, count) in [(1, 2_000), (100, 100_000), (1_000, min(eventCount, 1_000_000))] {
            // Each run appends to a fresh directory; the last run's log-1000 is scanned below.
            let runs = try (0..<3).map { run in
                let suffix = run == 2 ? "" : "-\(run)"
                let raw = try measure {
                    try LMDBBaseline.append(
                        directory: "\(scratch)/raw-\(batch)\(suffix)",
                        count: count,
                        batch: batch,
                        valueBytes: recordBytes
                    )
                }
                let log = try measure {
                    try AppendBench.run(
                        directory: "\(scratch)/log-\(batch)\(suffix)",
                        payloads: payloads,
                        count: count,
                        batch: batch
                    )
                }
                return (ours: Double(count) / log, baseline: Double(count) / raw)
            }
            table.addMedian("append batch \(batch)", unit: "records/s", runs: runs, count: count)
        }

        let full = "\(scratch)/log-1000"
        var options = EventLog.Options()
        options.environment.readOnly = true
        let log = try EventLog(ledgerDirectory: full, options: options)
        let records = Double(log.head.sequence)
        let rawScan = {
            try measure {
                _ = try LMDBBaseline.scan(environment: log.environment, database: "events")
            }
        }
        let scans = try (0..<3).map { _ in
            let baseline = records / (try rawScan())
            let scan = try measure {
                let report = try log.verifyEvents(options: .allProcessors) { _ in }
                precondition(report.fault == nil, "bench ledger failed verify")
            }
            return (ours: records / scan, baseline: baseline)
        }
        table.addMedian(
            "scan + decode + hash check",
            unit: "records/s",
            runs: scans,
            count: Int(records)
        )
        let replays = try (0..<3).map { _ in
            let baseline = records / (try rawScan())
            var replayed = LedgerState()
            let replay = try measure { try log.replay(into: &replayed, from: 1) }
            precondition(replayed.head == log.head.sequence, "replay stopped short of the head")
            return (ours: records / replay, baseline: baseline)
        }
        table.addMedian(
            "full replay (decode + evolve)",
            unit: "events/s",
            runs: replays,
            count: Int(records)
        )

        print("starting the release accrued on that ledger…")
        table.daemon = try DaemonMemoryBench.run(
            ledger: full,
            scratch: scratch + "/daemon",
            events: Int(records)
        )
        table.daemon?.lines.forEach { print("  " + $0) }

        print("report latencies on the projection of \(eventCount) events:")
        table.reports = ReportBench.run(generated.state)

        table.print()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try table.json().write(toFile: output + "/storage.json", atomically: true, encoding: .utf8)
        print("figures written to \(output)/storage.json")
    }

    static func value(after flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else {
            return nil
        }
        return arguments[index + 1]
    }

    /// Seconds taken by `body`.
    static func measure(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// Appends pre-encoded domain events through the event log, `batch` per durable commit.
enum AppendBench {
    static func run(
        directory: String,
        payloads: [(type: String, version: UInt16, payload: [UInt8])],
        count: Int,
        batch: Int
    ) throws {
        let log = try EventLog(ledgerDirectory: directory)
        let actor = Actor(uid: 1000, role: "writer")
        var index = 0
        while index < count {
            let end = min(count, index + batch)
            try log.append { appender in
                for position in index..<end {
                    let event = payloads[position % payloads.count]
                    try appender.append(
                        type: event.type,
                        version: event.version,
                        commandID: "bench-\(position)",
                        actor: actor,
                        payload: event.payload
                    )
                }
            }
            index = end
        }
    }
}
