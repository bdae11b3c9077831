import ArgumentParser
import LedgerStorage

/// `accrue head`: the newest record of a ledger directory.
struct Head: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a ledger's id, head sequence and head hash.",
        discussion: "Example: accrue head --data-dir ./var/data"
    )

    @Option(name: .customLong("data-dir"), help: "The ledger directory.")
    var dataDirectory: String

    func run() throws {
        let log = try LedgerDirectory.openReadOnly(dataDirectory)
        print("ledger \(log.ledgerID)\nseq    \(log.head.sequence)\nhash   \(log.head.hash.hex)")
    }
}
