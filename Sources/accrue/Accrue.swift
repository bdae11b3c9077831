import ArgumentParser

/// `accrue`: the ledger's command line, for credit controllers, auditors and operators.
@main
struct Accrue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accrue",
        abstract: "The accrue accounts-receivable ledger: audit, backup and reports.",
        discussion: """
            Exit codes: 0 ok, 1 refused by the ledger, 3 cannot reach the daemon or open the \
            ledger, 4 verify found a fault, 64 usage.
            """,
        subcommands: [Verify.self, Backup.self, Head.self]
    )
}

/// The exit codes the CLI documents.
enum ExitStatus {
    static let refused = ExitCode(1)
    static let unreachable = ExitCode(3)
    static let verifyFault = ExitCode(4)
}
