import ArgumentParser
import Foundation
import LedgerWire

/// `accrue report aging|balances|open-items|statement|kpis|worklist|forecast|risk`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports, each per currency and bitemporal: --as-of DATE --known-at SEQ|TIME.",
        discussion: """
            --as-of is the business date (events effective on or before it; default today in \
            the ledger's time zone); --known-at counts only events recorded by then (a sequence \
            number or an RFC 3339 UTC time; default the head). "The aging on 31 December as we \
            knew it on 5 January" is --as-of 2025-12-31 --known-at 2026-01-05T23:59:59Z.
            """,
        subcommands: [
            Aging.self, Balances.self, OpenItems.self, Statement.self, KPIs.self, Worklist.self,
            Forecast.self, Risk.self,
        ]
    )

    /// `report.aging`.
    struct Aging: ReadCommand {
        static let method = "report.aging"
        static let configuration = CommandConfiguration(
            abstract: "Open amounts by days past due, by customer, currency or segment.",
            discussion: """
                Examples:
                  accrue report aging
                  accrue report aging --as-of 2026-03-31 --known-at 5 --buckets 30,60,90,180
                  accrue report aging --group-by segment --basis invoice_date --format csv
                """
        )

        @Option(help: "Bucket upper bounds in days, comma-separated (default 30,60,90).")
        var buckets: String?
        @Option(help: "due_date (default) or invoice_date.") var basis: String?
        @Option(name: .customLong("group-by"), help: "customer (default), currency or segment.")
        var groupBy: String?
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            time.apply(to: &params)
            if let buckets {
                let days = try buckets.split(separator: ",").map { text in
                    guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError("--buckets must be whole days such as 30,60,90")
                    }
                    return JSONValue.int(value)
                }
                params["buckets"] = .array(days)
            }
            params.set("basis", basis)
            params.set("group_by", groupBy)
            return params
        }
    }

    /// `report.balances`.
    struct Balances: ReadCommand {
        static let method = "report.balances"
        static let configuration = CommandConfiguration(
            abstract:
                "Invoiced, paid, credited, written off, open, unapplied and net per customer and currency.",
            discussion: """
                Examples:
                  accrue report balances
                  accrue report balances --customer ACME --as-of 2025-12-31 --data-dir /srv/backup
                """
        )

        @Option(help: "Only this customer.") var customer: String?
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            time.apply(to: &params)
            params.set("customer_id", customer)
            return params
        }
    }

    /// `report.open_items`.
    struct OpenItems: ReadCommand {
        static let method = "report.open_items"
        static let configuration = CommandConfiguration(
            commandName: "open-items",
            abstract: "Open invoices and unapplied cash, item by item.",
            discussion:
                "Example: accrue report open-items --customer ACME --currency EUR --as-of 2026-03-31"
        )

        @Option(help: "Only this customer.") var customer: String?
        @Option(help: "Only this currency.") var currency: String?
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("customer_id", customer)
            params.set("currency", currency)
            time.apply(to: &params)
            return params
        }
    }

    /// `report.statement`.
    struct Statement: ReadCommand {
        static let method = "report.statement"
        static let configuration = CommandConfiguration(
            abstract: "A customer's statement: opening balance, movements, closing balance.",
            discussion: "Example: accrue report statement ACME --from 2026-01-01 --to 2026-03-31"
        )

        @Argument(help: "The customer's id.") var customerID: String
        @OptionGroup var range: DateRange
        @Option(help: "Only this currency.") var currency: String?
        @OptionGroup var knownAt: KnownAtOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("customer_id", customerID)
            range.apply(to: &params)
            params.set("currency", currency)
            knownAt.apply(to: &params)
            return params
        }
    }

    /// `report.kpis`.
    struct KPIs: ReadCommand {
        static let method = "report.kpis"
        static let configuration = CommandConfiguration(
            commandName: "kpis",
            abstract: "DSO, CEI, average days delinquent and best possible DSO over a period.",
            discussion:
                "Example: accrue report kpis --from 2026-01-01 --to 2026-03-31 --currency EUR"
        )

        @OptionGroup var range: DateRange
        @Option(help: "Only this currency.") var currency: String?
        @OptionGroup var knownAt: KnownAtOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            range.apply(to: &params)
            params.set("currency", currency)
            knownAt.apply(to: &params)
            return params
        }
    }
}

/// `--from DATE --to DATE` for period reports.
struct DateRange: ParsableArguments {
    @Option(help: "First day, YYYY-MM-DD.") var from: String
    @Option(help: "Last day, YYYY-MM-DD.") var to: String

    /// Adds `from` and `to`.
    func apply(to params: inout Params) {
        params.set("from", from)
        params.set("to", to)
    }
}
