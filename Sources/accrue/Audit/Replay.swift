import ArgumentParser
import Foundation
import Ledger
import LedgerStorage
import LedgerWire

/// `accrue replay`: rebuilds the projection from sequence 1 and prints the balances then.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Replay a ledger from its first record (no snapshot) and print the balances at a point.",
        discussion: """
            Replays every record through the same projection the daemon runs, from sequence 1 \
            (snapshots are not used), up to --through SEQ (default the head), then prints \
            report.balances as of --as-of (default: every date). The time taken is printed on \
            standard error.

            Examples:
              accrue replay --data-dir /srv/backups/accrued-2026-11-22
              accrue replay --data-dir /var/lib/accrued --through 1200 --as-of 2025-12-31 --json
            """
    )

    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp("The ledger directory (or a backup of it).", valueName: "dir"),
        completion: .directory
    )
    var dataDirectory: String

    @Option(
        help: ArgumentHelp(
            "Replay through this sequence number (default the head).",
            valueName: "seq"
        )
    )
    var through: UInt64?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Business date of the balances (default: every date).",
            valueName: "date"
        )
    )
    var asOf: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let asOf, LedgerDate(parsing: asOf) == nil {
            throw ValidationError("--as-of must be a date such as 2026-03-31")
        }
    }

    func run() throws {
        let log = try LedgerDirectory.openReadOnly(dataDirectory)
        let end = min(through ?? log.head.sequence, log.head.sequence)
        let started = Date()
        var state = LedgerState()
        try log.replay(into: &state, from: 1, through: end) { sequence in
            Progress.report("replayed \(sequence) of \(end) records")
        }
        Progress.clear()
        let seconds = Date().timeIntervalSince(started)
        let time = ReportTime(
            asOf: asOf.flatMap(LedgerDate.init(parsing:)) ?? .latest,
            knownAt: state.head
        )
        var writer = JSONWriter(reservingCapacity: 4096)
        writer.balancesReport(state.balances(at: time), requested: .head)
        output.renderer.print(try JSONParser.parse(writer.bytes))
        let rate = seconds > 0 ? Int(Double(end) / seconds) : 0
        printError(
            "replayed \(end) records in \(String(format: "%.3f", seconds)) s (\(rate) records/s): "
                + "\(state.customers.count) customers, \(state.invoices.count) invoices, "
                + "\(state.payments.count) payments"
        )
        ExitTeardown.keep(state)
    }
}
