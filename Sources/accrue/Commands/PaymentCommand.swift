import ArgumentParser
import LedgerWire

/// `accrue payment record|allocate|reverse|refund`.
struct PaymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment",
        abstract: "Record, allocate, reverse and refund payments.",
        subcommands: [Record.self, Allocate.self, Reverse.self, Refund.self]
    )

    /// `payment.record`.
    struct Record: WriteCommand {
        static let method = "payment.record"
        static let configuration = CommandConfiguration(
            abstract: "Record a payment received.",
            discussion: """
                Without --allocate the ledger allocates automatically, oldest due first; with \
                --unapplied the whole payment stays unapplied cash.

                Examples:
                  accrue payment record PAY-1 --customer ACME --currency EUR --amount 500.00 \\
                      --date 2026-02-10 --allocate INV-1=500.00
                  accrue payment record PAY-2 --customer ACME --currency EUR --amount 90.00 \\
                      --date 2026-02-11 --method card --reference "stripe ch_123"
                """
        )

        @Argument(help: "The payment's id.") var paymentID: String
        @Option(help: "The customer's id.") var customer: String
        @Option(help: "Currency (ISO 4217).") var currency: String
        @Option(help: "Amount received, such as 500.00.") var amount: String
        @Option(help: "Date received, YYYY-MM-DD.") var date: String
        @Option(help: "How it was paid.") var method = "bank_transfer"
        @Option(help: "The bank's or processor's reference.") var reference: String?
        @Option(help: "Allocate INVOICE=AMOUNT; repeatable.") var allocate: [String] = []
        @Flag(help: "Allocate nothing: keep the whole payment as unapplied cash.") var unapplied =
            false
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if unapplied, !allocate.isEmpty {
                throw ValidationError("give --allocate or --unapplied, not both")
            }
        }

        func params() throws -> Params {
            var params = Params()
            params.set("payment_id", paymentID)
            params.set("customer_id", customer)
            params.set("currency", currency)
            params.set("amount", amount)
            params.set("date", date)
            params.set("method", method)
            params.set("reference", reference)
            if unapplied {
                params["allocations"] = .array([])
            } else if !allocate.isEmpty {
                params["allocations"] = try ValueParsing.allocations(allocate)
            }
            return params
        }
    }

    /// `payment.allocate`.
    struct Allocate: WriteCommand {
        static let method = "payment.allocate"
        static let configuration = CommandConfiguration(
            abstract: "Allocate a payment's unapplied cash to invoices.",
            discussion:
                "Example: accrue payment allocate PAY-2 --allocate INV-2=60.00 --allocate INV-3=30.00"
        )

        @Argument(help: "The payment's id.") var paymentID: String
        @Option(help: "Allocate INVOICE=AMOUNT; repeatable, at least one.") var allocate: [String]
        @Option(help: "Effective date; default the payment's date.") var date: String?
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("payment_id", paymentID)
            params.set("date", date)
            params["allocations"] = try ValueParsing.allocations(allocate)
            return params
        }
    }

    /// `payment.reverse`.
    struct Reverse: WriteCommand {
        static let method = "payment.reverse"
        static let configuration = CommandConfiguration(
            abstract: "Reverse a payment (bounced, charged back): its allocations are taken back.",
            discussion:
                "Example: accrue payment reverse PAY-1 --date 2026-02-15 --reason \"returned by bank\""
        )

        @Argument(help: "The payment's id.") var paymentID: String
        @OptionGroup var dated: DatedReason
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("payment_id", paymentID)
            dated.apply(to: &params)
            return params
        }
    }

    /// `payment.refund {payment_id, amount, currency?, date, reason}`.
    struct Refund: WriteCommand {
        static let method = "payment.refund"
        static let configuration = CommandConfiguration(
            abstract: "Refund unapplied cash of a payment to the customer.",
            discussion:
                "Example: accrue payment refund PAY-2 --amount 10.00 --date 2026-03-01 --reason overpaid"
        )

        @Argument(help: "The payment's id.") var paymentID: String
        @Option(help: "The amount refunded.") var amount: String
        @Option(help: "Its currency; default the payment's.") var currency: String?
        @OptionGroup var dated: DatedReason
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("payment_id", paymentID)
            params.set("amount", amount)
            params.set("currency", currency)
            dated.apply(to: &params)
            return params
        }
    }
}
