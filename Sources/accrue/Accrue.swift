import ArgumentParser

/// `accrue`: the ledger's command line, for credit controllers, auditors and operators.
@main
struct Accrue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accrue",
        abstract:
            "The accrue accounts-receivable ledger: writes, reports, audit, import and export.",
        discussion: """
            Commands talk to the daemon over its socket (--socket PATH, else $ACCRUE_SOCKET, \
            else \(ConnectionOptions.defaultSocketPath)); reads also work straight on a ledger \
            directory or a backup copy with --data-dir DIR, read-only, through the same \
            projection code. Output: --format table|json|csv (--json for short); colour only on \
            a terminal, never with NO_COLOR set.

            Exit codes:
              0   ok
              1   refused by the ledger (-32000: unknown customer, closed period, ...)
              3   cannot reach the daemon or open the ledger
              4   verify found a fault
              64  usage (bad option, or parameters the ledger calls malformed)

            Examples:
              accrue customer register ACME --name "Acme GmbH" --currency EUR
              accrue report aging --as-of 2026-03-31 --known-at 5
              accrue explain invoice INV-1 --data-dir /srv/backups/accrued-2026-11-22
              accrue export --format journal --data-dir /var/lib/accrued > ar.journal
            """,
        subcommands: [
            CustomerCommand.self, InvoiceCommand.self, PaymentCommand.self,
            CreditNoteCommand.self, PeriodCommand.self, LedgerCommand.self,
            ReportCommand.self, DunningCommand.self, EventsCommand.self, Head.self,
            SystemCommand.self,
            Verify.self, Backup.self, Replay.self, Explain.self, Export.self, Import.self,
        ]
    )
}

/// The exit codes the CLI documents.
enum ExitStatus {
    /// The ledger refused the command (-32000).
    static let refused = ExitCode(1)
    /// The daemon is not reachable, or the ledger directory does not open.
    static let unreachable = ExitCode(3)
    /// `verify` found a fault.
    static let verifyFault = ExitCode(4)
    /// Bad usage, including parameters the daemon calls malformed (-32602).
    static let usage = ExitCode(64)
}
