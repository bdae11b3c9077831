import ArgumentParser
import LedgerWire

/// `accrue credit-note issue`.
struct CreditNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit-note",
        abstract: "Issue credit notes.",
        subcommands: [Issue.self]
    )

    /// `credit_note.issue`.
    struct Issue: WriteCommand {
        static let method = "credit_note.issue"
        static let configuration = CommandConfiguration(
            abstract: "Issue a credit note against an invoice (--invoice) or on account.",
            discussion: """
                Examples:
                  accrue credit-note issue CN-1 --customer ACME --currency EUR --amount 100.00 \\
                      --date 2026-01-20 --invoice INV-1 --reason "damaged goods"
                  accrue credit-note issue CN-2 --customer ACME --currency EUR --amount 25.00 \\
                      --date 2026-01-20 --reason goodwill
                """
        )

        @Argument(help: "The credit note's id.") var creditNoteID: String
        @Option(help: "The customer's id.") var customer: String
        @Option(help: "Currency (ISO 4217).") var currency: String
        @Option(help: "Amount, such as 100.00.") var amount: String
        @Option(help: "The invoice it credits; none: on account.") var invoice: String?
        @OptionGroup var dated: DatedReason
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("credit_note_id", creditNoteID)
            params.set("customer_id", customer)
            params.set("currency", currency)
            params.set("amount", amount)
            params.set("invoice_id", invoice)
            dated.apply(to: &params)
            return params
        }
    }
}
