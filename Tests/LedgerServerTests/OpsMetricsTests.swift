import Foundation
import LedgerWire
import Testing

/// `system.metrics` and the node_exporter textfile: Prometheus text with real figures.
@Suite(.serialized)
struct OpsMetricsTests {
    /// The value of an unlabelled sample `name` in a text exposition.
    static func sample(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    /// An operator's `top -H` or `perf` tells the writer from the event loops by name.
    /// `top -H` and `perf` name the writer, the line lane and the snapshot thread, and the snapshot thread
    /// runs at nice 10, yielding the processors to the writer and the event loops.
    @Test func theDaemonsOwnThreadsAreNamedAndSnapshotsYield() throws {
        let daemon = try DaemonProcess()
        defer { daemon.removeFiles() }
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(daemon.pid)/task")
        var niceness: [String: Int] = [:]
        for task in tasks {
            guard
                let stat = try? String(
                    contentsOfFile: "/proc/\(daemon.pid)/task/\(task)/stat",
                    encoding: .utf8
                ),
                let open = stat.firstIndex(of: "("),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // `pid (comm) state ppid …`: the 19th field, the 17th after the name, is the nice value.
            let name = String(stat[stat.index(after: open)..<close])
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            niceness[name] = Int(fields[16])
        }
        #expect(niceness["accrued-writer"] == 0)
        #expect(niceness["accrued-snaps"] == 10)
        #expect(niceness["accrued-lines"] == 0)
        #expect(niceness.keys.filter { $0.hasPrefix("NIO-ELT") }.count >= 1)
        #expect(daemon.stop() == 0)
    }

    @Test func systemMetricsExposesCommitsBatchesLatenciesConnectionsAndHead() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        for index in 0..<5 {
            let params =
                #"{"command_id":"m-\#(index)","customer_id":"C\#(index)","name":"N","currency":"EUR"}"#
            _ = try client.call("customer.register", try json(params))
        }
        let reply = try client.call("system.metrics")
        #expect(
            try SchemaValidator.validate(
                [reply["result"]?.text ?? "null"],
                against: "protocol/results.json#/$defs/system.metrics"
            ) == nil
        )
        #expect(
            reply["result"]?["content_type"]?.stringValue?.hasPrefix("text/plain; version=0.0.4")
                == true
        )
        let text = try #require(reply["result"]?["text"]?.stringValue)
        #expect(Self.sample("accrued_commits_total", in: text).map { $0 >= 1 && $0 <= 5 } == true)
        #expect(Self.sample("accrued_writes_total", in: text) == 5)
        #expect(Self.sample("accrued_head_sequence", in: text) == 6)
        #expect(Self.sample("accrued_connections", in: text) == 1)
        #expect(Self.sample("accrued_write_queue_depth", in: text) == 0)
        #expect(Self.sample("accrued_write_latency_seconds_count", in: text) == 5)
        #expect(Self.sample("accrued_commit_batch_size_sum", in: text) == 5)
        #expect(text.contains("# TYPE accrued_commit_duration_seconds histogram"))
        #expect(
            Self.sample("process_resident_memory_bytes", in: text).map { $0 > 1_000_000 } == true
        )
        #expect(Self.sample("process_open_fds", in: text).map { $0 >= 3 } == true)
        #expect(Self.sample("process_cpu_seconds_total", in: text).map { $0 > 0 } == true)
        #expect(
            text.contains(#"accrued_commit_batch_size_bucket{le="1.0"}"#)
                || text.contains(#"accrued_commit_batch_size_bucket{le="1"}"#)
        )
    }

    @Test func theTextfileIsRewrittenAndFollowsAReload() throws {
        let directory = try makeTemporaryDirectory("accrued-textfile")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = directory + "/first.prom"
        let file = try ConfigFile(
            "[server]\nmetrics_textfile = \"\(first)\"\nmetrics_interval_seconds = 1\n",
            in: directory
        )
        let daemon = try DaemonProcess(
            directory: directory + "/daemon",
            arguments: ["--config", file.path]
        )
        defer { daemon.stop() }
        let client = try daemon.client()
        _ = try client.call(
            "customer.register",
            try json(#"{"command_id":"t-1","customer_id":"C1","name":"N","currency":"EUR"}"#)
        )
        var text = ""
        for _ in 0..<60 where Self.sample("accrued_head_sequence", in: text) != 2 {
            usleep(100_000)
            text = (try? String(contentsOfFile: first, encoding: .utf8)) ?? ""
        }
        #expect(Self.sample("accrued_head_sequence", in: text) == 2)
        let attributes = try FileManager.default.attributesOfItem(atPath: first)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
        // No temporary file is left behind by the atomic rename.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).filter {
                $0.hasSuffix(".tmp")
            }.isEmpty
        )

        let second = directory + "/second.prom"
        try file.rewrite(
            "[server]\nmetrics_textfile = \"\(second)\"\nmetrics_interval_seconds = 1\n"
        )
        kill(daemon.pid, SIGHUP)
        for _ in 0..<60 where !FileManager.default.fileExists(atPath: second) { usleep(100_000) }
        let reloaded = (try? String(contentsOfFile: second, encoding: .utf8)) ?? ""
        #expect(Self.sample("accrued_config_reloads_total", in: reloaded) == 1)
    }
}
