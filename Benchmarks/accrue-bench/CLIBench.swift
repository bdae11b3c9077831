import Foundation
import Ledger
import LedgerStorage

#if canImport(Glibc)
    import Glibc
#endif

/// `accrue` replay plus balances against `hledger balance` and `ledger balance` on the journal
/// `accrue export --format journal` writes for the same ledger, each a child process measured
/// for wall time and peak resident memory (the child's `VmHWM`), in one run: the accrue reads
/// and ledger-cli three times each, taking turns, and hledger (a minute) once.
///
/// The `accrue` binary must sit next to `accrue-bench`; when it does not, the bench builds it
/// (`swift build -c release --product accrue`, run from the package root as `make bench` does).
/// hledger and ledger come from the Debian packages `make deps` installs.
enum CLIBench {
    /// One measured child process.
    struct Measurement {
        var tool: String
        var seconds: Double
        var maxRSSKiB: Int
        var status: Int32
    }

    /// Runs of the accrue replay, the snapshot read and ledger-cli, each.
    static let rounds = 3

    /// The run with the median time.
    static func median(_ runs: [Measurement]) -> Measurement {
        runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
    }

    /// Runs the comparison on the ledger in `ledger`, writing `cli.json` into `output`.
    static func run(ledger: String, scratch: String, output: String) throws {
        let accrue = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("accrue").path
        if !FileManager.default.isExecutableFile(atPath: accrue) {
            // `make bench` builds only this product; build the CLI next to it.
            print("building accrue (swift build -c release --product accrue)…")
            _ = try measure(
                "swift build accrue",
                ["swift", "build", "-c", "release", "--product", "accrue"]
            )
        }
        guard FileManager.default.isExecutableFile(atPath: accrue) else {
            print("skipping the CLI comparison: no accrue binary at \(accrue)")
            return
        }
        let journal = scratch + "/ar.journal"
        let export = try measure(
            "accrue export journal",
            [accrue, "export", "--format", "journal", "--data-dir", ledger, "--output", journal]
        )
        let transactions = try countTransactions(journal)
        print("journal: \(transactions) transactions (\(export.seconds) s to export)")
        let accounts = ["assets:receivable", "liabilities:unapplied"]
        let ledgerBalance = ["ledger", "-f", journal, "balance", "--flat"] + accounts
        // accrue's full replay and ledger-cli take turns, so a slow moment of the shared
        // machine falls on both; the table shows each one's median run.
        var replays: [Measurement] = []
        var ledgers: [Measurement] = []
        for _ in 0..<rounds {
            replays.append(
                try measure(
                    "accrue replay + balances",
                    [accrue, "replay", "--data-dir", ledger, "--format", "csv"]
                )
            )
            ledgers.append(try measure("ledger balance", ledgerBalance))
        }
        try storeSnapshot(ledger: ledger)
        let snapshots = try (0..<rounds).map { _ in
            try measure(
                "accrue report balances (snapshot at head)",
                [
                    accrue, "report", "balances", "--data-dir", ledger, "--as-of", "9999-12-31",
                    "--format", "csv",
                ]
            )
        }
        let hledger = try measure(
            "hledger balance",
            ["hledger", "-f", journal, "balance", "--flat"] + accounts
        )
        let results = [export, median(replays), median(snapshots), median(ledgers), hledger]
        let everyRun = [export] + replays + snapshots + ledgers + [hledger]
        printTable(results, transactions: transactions)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try json(results, everyRun: everyRun, transactions: transactions).write(
            toFile: output + "/cli.json",
            atomically: true,
            encoding: .utf8
        )
        print("figures written to \(output)/cli.json")
    }

    /// Stores a projection snapshot at the head, as the daemon does every N events and on a
    /// clean shutdown, so the next measurement is what reading a live ledger directory costs.
    static func storeSnapshot(ledger: String) throws {
        let log = try EventLog(ledgerDirectory: ledger)
        var state = LedgerState()
        try log.replay(into: &state, from: 1)
        try log.storeSnapshot(state.snapshotBytes(), at: state.head)
    }

    /// Transactions in a journal: lines that start with a date.
    static func countTransactions(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var count = 0
        var atLineStart = true
        for byte in data {
            if atLineStart, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { count += 1 }
            atLineStart = byte == 0x0A
        }
        return count
    }

    /// Spawns `arguments` (looked up on `PATH`) with output to /dev/null and measures it.
    static func measure(_ tool: String, _ arguments: [String]) throws -> Measurement {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = DispatchTime.now().uptimeNanoseconds
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            print("  \(tool): cannot start \(arguments[0]) (\(String(cString: strerror(spawned))))")
            return Measurement(tool: tool, seconds: 0, maxRSSKiB: 0, status: -1)
        }
        // wait4's ru_maxrss would count this (large) process's memory, which the child borrows
        // until its exec; the child's own high-water mark (VmHWM) is sampled instead.
        var status: Int32 = 0
        var peakKiB = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            peakKiB = max(peakKiB, DaemonMemoryBench.statusKiB("VmHWM:", of: pid))
            usleep(5_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let result = Measurement(tool: tool, seconds: seconds, maxRSSKiB: peakKiB, status: status)
        let label = tool.padding(toLength: 44, withPad: " ", startingAt: 0)
        let failure = status == 0 ? "" : " (exit status \(status))"
        print(
            label + String(format: "%8.2f s %8.0f MiB", seconds, Double(peakKiB) / 1024) + failure
        )
        return result
    }

    static func printTable(_ results: [Measurement], transactions: Int) {
        let reference = results.first { $0.tool == "ledger balance" }
        print(
            "\n| tool (\(transactions) transactions) | time | max RSS | vs ledger-cli time | vs ledger-cli memory |"
        )
        print("|---|---:|---:|---:|---:|")
        for result in results {
            let speed =
                reference.map { String(format: "%.1f×", $0.seconds / max(result.seconds, 1e-6)) }
                ?? "—"
            let memory =
                reference.map {
                    String(format: "%.2f×", Double(result.maxRSSKiB) / Double(max($0.maxRSSKiB, 1)))
                } ?? "—"
            print(
                String(
                    format: "| %@ | %.2f s | %.0f MiB | %@ | %@ |",
                    result.tool as NSString,
                    result.seconds,
                    Double(result.maxRSSKiB) / 1024,
                    speed as NSString,
                    memory as NSString
                )
            )
        }
    }

    /// `runs` holds the table's rows (medians where a tool ran more than once), `every_run`
    /// each measured process, by tool.
    static func json(_ results: [Measurement], everyRun: [Measurement], transactions: Int)
        -> String
    {
        func items(_ measurements: [Measurement]) -> String {
            measurements.map { result in
                String(
                    format: #"{"tool":"%@","seconds":%.3f,"max_rss_kib":%d,"exit_status":%d}"#,
                    result.tool as NSString,
                    result.seconds,
                    result.maxRSSKiB,
                    result.status
                )
            }.joined(separator: ",\n")
        }
        return "{\"transactions\":\(transactions),\"runs\":[\n" + items(results)
            + "\n],\"every_run\":[\n" + items(everyRun) + "\n]}\n"
    }
}
