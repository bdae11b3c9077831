import ArgumentParser
import LedgerWire

/// `accrue invoice issue|void|write-off|dispute|resolve-dispute|promise|get|list`.
struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "Issue, correct and look up invoices.",
        subcommands: [
            Issue.self, Void.self, WriteOff.self, Dispute.self, ResolveDispute.self,
            Promise.self, Get.self, List.self,
        ]
    )

    /// `invoice.issue`.
    struct Issue: WriteCommand {
        static let method = "invoice.issue"
        static let configuration = CommandConfiguration(
            abstract: "Issue an invoice.",
            discussion: """
                Give --due-date or --terms. Amounts are decimal strings in the currency's \
                exponent ("1190.00"; more decimals is an error, never rounded).

                Examples:
                  accrue invoice issue INV-1 --customer ACME --currency EUR --amount 1190.00 \\
                      --issue-date 2026-01-05 --due-date 2026-02-04
                  accrue invoice issue INV-2 --customer ACME --currency EUR --amount 80.00 \\
                      --issue-date 2026-01-31 --terms end_of_month:30 --po-number PO-77 --metadata project=x
                """
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @Option(help: "The customer's id.") var customer: String
        @Option(help: "Currency (ISO 4217).") var currency: String
        @Option(help: "Total amount, such as 1190.00.") var amount: String
        @Option(name: .customLong("issue-date"), help: "Issue date, YYYY-MM-DD.") var issueDate:
            String
        @Option(name: .customLong("due-date"), help: "Due date, YYYY-MM-DD.") var dueDate: String?
        @Option(help: "Payment terms instead of a due date: net:DAYS or end_of_month:DAYS.")
        var terms: String?
        @Option(name: .customLong("po-number"), help: "The customer's purchase order number.")
        var poNumber: String?
        @Option(help: "Metadata KEY=VALUE; repeatable.") var metadata: [String] = []
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            params.set("customer_id", customer)
            params.set("currency", currency)
            params.set("amount", amount)
            params.set("issue_date", issueDate)
            params.set("due_date", dueDate)
            params["terms"] = try terms.map(ValueParsing.terms)
            params.set("po_number", poNumber)
            params["metadata"] = try ValueParsing.object(metadata, what: "--metadata")
            return params
        }
    }

    /// `invoice.void`.
    struct Void: WriteCommand {
        static let method = "invoice.void"
        static let configuration = CommandConfiguration(
            abstract: "Void an invoice nothing was ever applied to.",
            discussion:
                "Example: accrue invoice void INV-1 --date 2026-01-06 --reason \"issued twice\""
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @OptionGroup var dated: DatedReason
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            dated.apply(to: &params)
            return params
        }
    }

    /// `invoice.write_off`.
    struct WriteOff: WriteCommand {
        static let method = "invoice.write_off"
        static let configuration = CommandConfiguration(
            commandName: "write-off",
            abstract: "Write off an invoice, all that is open or --amount of it.",
            discussion: """
                Examples:
                  accrue invoice write-off INV-1 --date 2026-06-30 --reason insolvency
                  accrue invoice write-off INV-1 --amount 0.40 --date 2026-02-10 --reason "bank charges"
                """
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @Option(help: "The amount; default all that is open at the head.") var amount: String?
        @OptionGroup var dated: DatedReason
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            params.set("amount", amount)
            dated.apply(to: &params)
            return params
        }
    }

    /// `invoice.dispute {invoice_id, date, reason}`.
    struct Dispute: WriteCommand {
        static let method = "invoice.dispute"
        static let configuration = CommandConfiguration(
            abstract: "Record that the customer disputes an invoice (pauses dunning).",
            discussion:
                "Example: accrue invoice dispute INV-1 --date 2026-02-12 --reason \"wrong quantity\""
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @OptionGroup var dated: DatedReason
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            dated.apply(to: &params)
            return params
        }
    }

    /// `invoice.resolve_dispute {invoice_id, date, resolution}`.
    struct ResolveDispute: WriteCommand {
        static let method = "invoice.resolve_dispute"
        static let configuration = CommandConfiguration(
            commandName: "resolve-dispute",
            abstract: "Record that an invoice's dispute is resolved.",
            discussion: """
                Example: accrue invoice resolve-dispute INV-1 --date 2026-02-20 --resolution "credit note CN-3"
                """
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @Option(help: "Effective date, YYYY-MM-DD.") var date: String
        @Option(help: "How it was resolved, for the audit trail.") var resolution: String
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            params.set("date", date)
            params.set("resolution", resolution)
            return params
        }
    }

    /// `invoice.promise {invoice_id, date, amount, currency?}`.
    struct Promise: WriteCommand {
        static let method = "invoice.promise"
        static let configuration = CommandConfiguration(
            abstract: "Record the customer's promise to pay an amount by a date (pauses dunning).",
            discussion: "Example: accrue invoice promise INV-1 --date 2026-03-15 --amount 500.00"
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @Option(help: "The date payment is promised by, YYYY-MM-DD.") var date: String
        @Option(help: "The amount promised.") var amount: String
        @Option(help: "Its currency; default the invoice's.") var currency: String?
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            params.set("date", date)
            params.set("amount", amount)
            params.set("currency", currency)
            return params
        }
    }

    /// `invoice.get`.
    struct Get: ReadCommand {
        static let method = "invoice.get"
        static let configuration = CommandConfiguration(
            abstract: "Show an invoice: amounts, status and history at a report time.",
            discussion: """
                Examples:
                  accrue invoice get INV-1
                  accrue invoice get INV-1 --as-of 2026-01-31 --known-at 12 --data-dir /srv/backup
                """
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("invoice_id", invoiceID)
            time.apply(to: &params)
            return params
        }
    }

    /// `invoice.list`.
    struct List: ReadCommand {
        static let method = "invoice.list"
        static let configuration = CommandConfiguration(
            abstract: "List invoices with filters, a page at a time.",
            discussion: """
                Examples:
                  accrue invoice list --customer ACME --status open
                  accrue invoice list --due-before 2026-03-01 --currency EUR --format csv
                """
        )

        @Option(help: "Only this customer's.") var customer: String?
        @Option(help: "open, paid or voided.") var status: String?
        @Option(help: "Only this currency.") var currency: String?
        @Option(name: .customLong("due-before"), help: "Due before this date.") var dueBefore:
            String?
        @Option(name: .customLong("due-after"), help: "Due after this date.") var dueAfter: String?
        @OptionGroup var page: PageOptions
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("customer_id", customer)
            params.set("status", status)
            params.set("currency", currency)
            params.set("due_before", dueBefore)
            params.set("due_after", dueAfter)
            page.apply(to: &params)
            time.apply(to: &params)
            return params
        }
    }
}

/// `--date DATE --reason TEXT`, which the corrections take.
struct DatedReason: ParsableArguments {
    @Option(help: "Effective date, YYYY-MM-DD.") var date: String
    @Option(help: "Why, for the audit trail.") var reason: String

    /// Adds `date` and `reason`.
    func apply(to params: inout Params) {
        params.set("date", date)
        params.set("reason", reason)
    }
}
