import Dispatch
import Foundation
import LedgerWire

/// Durable writes through the real daemon's socket: 1, 8 and 64 concurrent clients, one call
/// a line or 100 calls a line, with a reader timing reports while the writes run.
enum SocketBench {
    /// One load: how many clients, calls per line, and lines each client sends.
    struct Load {
        let clients: Int
        let callsPerLine: Int
        let linesPerClient: Int

        var name: String {
            "\(clients) client\(clients == 1 ? "" : "s"), \(callsPerLine == 1 ? "1 call" : "\(callsPerLine) calls")/line"
        }
        var events: Int { clients * callsPerLine * linesPerClient }
    }

    /// What one load measured.
    struct Figures {
        let load: Load
        let eventsPerSecond: Double
        /// Latency of one line (one call, or a batch) from send to reply, in milliseconds.
        let p50: Double
        let p99: Double
        /// `report.aging` and `customer.get` latencies measured while the load ran.
        let agingP99: Double
        let pointReadP99: Double
        /// Writes per commit during the load, from `system.stats`.
        let meanBatch: Double
    }

    static let loads = [
        Load(clients: 1, callsPerLine: 1, linesPerClient: 3_000),
        Load(clients: 8, callsPerLine: 1, linesPerClient: 1_500),
        Load(clients: 64, callsPerLine: 1, linesPerClient: 400),
        Load(clients: 1, callsPerLine: 100, linesPerClient: 300),
        Load(clients: 8, callsPerLine: 100, linesPerClient: 150),
        Load(clients: 64, callsPerLine: 100, linesPerClient: 40),
    ]

    /// Runs every load against one daemon started on `directory` and returns the figures.
    static func run(directory: String) throws -> [Figures] {
        let daemon = try BenchDaemon(directory: directory)
        defer { daemon.stop() }
        let setup = try RPCClient(socketPath: daemon.socketPath)
        for client in 0..<64 {
            _ = try setup.call(
                "customer.register",
                .object([
                    JSONMember("command_id", .string("setup-\(client)")),
                    JSONMember("customer_id", .string("B-\(client)")),
                    JSONMember("name", .string("Bench \(client)")),
                ])
            )
        }
        return try loads.enumerated().map { index, load in
            try measure(load, tag: "L\(index)", socketPath: daemon.socketPath)
        }
    }

    static func measure(_ load: Load, tag: String, socketPath: String) throws -> Figures {
        let readers = ReportTimer(socketPath: socketPath)
        let statsClient = try RPCClient(socketPath: socketPath)
        let before = try commitCounts(statsClient)
        var driver = try LoadDriver(load, tag: tag, socketPath: socketPath)
        let start = DispatchTime.now().uptimeNanoseconds
        readers.start()
        let driven = Result { try driver.run() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let reads = readers.stop()
        let after = try commitCounts(statsClient)
        let sorted = try driven.get().sorted()
        return Figures(
            load: load,
            eventsPerSecond: Double(load.events) / seconds,
            p50: percentile(sorted, 0.50),
            p99: percentile(sorted, 0.99),
            agingP99: percentile(reads.aging.sorted(), 0.99),
            pointReadP99: percentile(reads.point.sorted(), 0.99),
            meanBatch: Double(after.writes - before.writes)
                / Double(max(1, after.commits - before.commits))
        )
    }

    /// Commits and writes so far, from `system.stats`.
    static func commitCounts(_ client: RPCClient) throws -> (commits: Int64, writes: Int64) {
        let stats = try client.call("system.stats")
        guard case .number(let commits)? = stats["result"]?["commits"],
            case .number(let writes)? = stats["result"]?["writes"],
            let commitCount = commits.int64, let writeCount = writes.int64
        else { throw BenchFailure(message: "system.stats without commits and writes") }
        return (commitCount, writeCount)
    }

    /// The value at `fraction` of sorted nanosecond latencies, in milliseconds.
    static func percentile(_ sorted: [UInt64], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1e6
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes.
    func contains(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in
            self[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
