import ArgumentParser
import LedgerStorage

/// `accrue verify`: recomputes the hash chain and rebuilds the projection.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Verify a ledger: hash chain, every record decodes, projection equals the snapshot.",
        discussion: """
            Opens the ledger read-only, so it works beside a running daemon and on a backup copy. \
            Names the first bad record by sequence number and exits 4 on any fault.

            Example: accrue verify --data-dir /var/lib/accrued
            """
    )

    @Option(name: .customLong("data-dir"), help: "The ledger directory (or a backup of it).")
    var dataDirectory: String

    func run() throws {
        let log = try LedgerDirectory.openReadOnly(dataDirectory)
        let report = try log.verifyLedger { sequence in
            Progress.report("verified \(sequence) records")
        }
        Progress.clear()
        if let fault = report.fault {
            print("FAULT \(fault)")
            throw ExitStatus.verifyFault
        }
        let snapshot =
            report.snapshotSequence.map { "projection matches the snapshot at \($0)" }
            ?? "no snapshot stored; projection rebuilt"
        print(
            "ok: \(report.recordsChecked) records, chain intact, head \(report.headHash.hex); \(snapshot)"
        )
    }
}
