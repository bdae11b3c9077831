import ArgumentParser
import LedgerStorage

/// `accrue backup`: a hot, compacted, consistent copy of a ledger.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a ledger while the daemon keeps writing, then verify the copy.",
        discussion: """
            Uses LMDB's compacting copy inside one read transaction: the copy is the ledger as \
            of one commit. Restore by starting the daemon on the copy: accrued --data-dir DIR.

            Example: accrue backup --data-dir /var/lib/accrued --to /srv/backups/accrued-2026-11-22
            """
    )

    @Option(name: .customLong("data-dir"), help: "The ledger directory to copy.")
    var dataDirectory: String

    @Option(name: .customLong("to"), help: "An empty or missing directory for the copy.")
    var destination: String

    @Flag(help: "Skip verifying the copy.")
    var noVerify = false

    func run() throws {
        let log = try LedgerDirectory.openReadOnly(dataDirectory)
        Progress.report("copying \(log.head.sequence) records to \(destination)…")
        do {
            try log.backup(to: destination)
        } catch {
            printError("backup failed: \(error)")
            throw ExitStatus.unreachable
        }
        let copy = try LedgerDirectory.openReadOnly(destination)
        guard !noVerify else {
            Progress.clear()
            print("ok: copied \(copy.head.sequence) records to \(destination)")
            return
        }
        let report = try copy.verifyLedger { sequence in
            Progress.report("verified \(sequence) of \(copy.head.sequence) records in the copy")
        }
        Progress.clear()
        if let fault = report.fault {
            print("FAULT in the copy: \(fault)")
            throw ExitStatus.verifyFault
        }
        print(
            "ok: copied and verified \(report.recordsChecked) records to \(destination), head \(report.headHash.hex)"
        )
    }
}
