import ArgumentParser
import LedgerWire

/// `accrue head`: the newest record of a ledger.
struct Head: ReadCommand {
    static let method = "ledger.head"
    static let configuration = CommandConfiguration(
        abstract: "Print a ledger's head: sequence, hash, recorded-at and ledger id.",
        discussion: """
            Note the head hash somewhere else: the chain proves nothing was changed relative \
            to a head you trust.

            Examples:
              accrue head
              accrue head --data-dir /var/lib/accrued
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func params() throws -> Params { Params() }
}
