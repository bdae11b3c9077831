import ArgumentParser
import LedgerWire

/// `accrue customer register|update|get|list`.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Register, update and look up customers.",
        subcommands: [Register.self, Update.self, Get.self, List.self]
    )

    /// `customer.register`.
    struct Register: WriteCommand {
        static let method = "customer.register"
        static let configuration = CommandConfiguration(
            abstract: "Register a customer.",
            discussion: """
                Examples:
                  accrue customer register ACME --name "Acme GmbH" --email ap@acme.example --currency EUR
                  accrue customer register ACME --name "Acme GmbH" --terms net:30 --command-id crm-acme-1
                """
        )

        @Argument(help: "The customer's id.") var customerID: String
        @Option(help: "The customer's name.") var name: String
        @Option(help: "Accounts-payable email.") var email: String?
        @Option(help: "Segment, for aging by segment.") var segment: String?
        @Option(help: "Default currency (ISO 4217).") var currency: String?
        @Option(help: "Payment terms: net:DAYS or end_of_month:DAYS.") var terms: String?
        @Option(help: "Locale for reminders, such as de-DE.") var locale: String?
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("customer_id", customerID)
            params.set("name", name)
            params.set("email", email)
            params.set("segment", segment)
            params.set("currency", currency)
            params["terms"] = try terms.map(ValueParsing.terms)
            params.set("locale", locale)
            return params
        }
    }

    /// `customer.update`.
    struct Update: WriteCommand {
        static let method = "customer.update"
        static let configuration = CommandConfiguration(
            abstract: "Change a customer's attributes; --clear FIELD removes one.",
            discussion: """
                Examples:
                  accrue customer update ACME --email billing@acme.example
                  accrue customer update ACME --clear segment
                """
        )

        @Argument(help: "The customer's id.") var customerID: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New email.") var email: String?
        @Option(help: "New segment.") var segment: String?
        @Option(help: "New default currency.") var currency: String?
        @Option(help: "New terms: net:DAYS or end_of_month:DAYS.") var terms: String?
        @Option(help: "New locale.") var locale: String?
        @Option(
            name: .customLong("dunning-policy"),
            help: "Override: this dunning policy whatever the assignments say."
        )
        var dunningPolicy: String?
        @Option(
            name: .customLong("risk-tier"),
            help: "Override the computed risk tier: low, medium or high."
        )
        var riskTier: String?
        @Option(
            help: """
                Clear an attribute (email, segment, currency, terms, locale, dunning_policy, \
                risk_tier); repeatable.
                """
        )
        var clear: [String] = []
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("customer_id", customerID)
            params.set("name", name)
            params.set("email", email)
            params.set("segment", segment)
            params.set("currency", currency)
            params["terms"] = try terms.map(ValueParsing.terms)
            params.set("locale", locale)
            params.set("dunning_policy", dunningPolicy)
            params.set("risk_tier", riskTier)
            for field in clear { params[field] = .null }
            return params
        }
    }

    /// `customer.get`.
    struct Get: ReadCommand {
        static let method = "customer.get"
        static let configuration = CommandConfiguration(
            abstract: "Show a customer and its balances per currency.",
            discussion: """
                Examples:
                  accrue customer get ACME
                  accrue customer get ACME --as-of 2025-12-31 --known-at 2026-01-05T00:00:00Z --data-dir /srv/backup
                """
        )

        @Argument(help: "The customer's id.") var customerID: String
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("customer_id", customerID)
            time.apply(to: &params)
            return params
        }
    }

    /// `customer.list`.
    struct List: ReadCommand {
        static let method = "customer.list"
        static let configuration = CommandConfiguration(
            abstract: "List customers, a page at a time.",
            discussion: """
                Examples:
                  accrue customer list --segment retail
                  accrue customer list --limit 1000 --format csv > customers.csv
                """
        )

        @Option(help: "Only this segment.") var segment: String?
        @OptionGroup var page: PageOptions
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("segment", segment)
            page.apply(to: &params)
            time.apply(to: &params)
            return params
        }
    }
}

/// `--after CURSOR --limit N` for the list methods.
struct PageOptions: ParsableArguments {
    @Option(help: "Continue after this cursor (the previous page's next_cursor).") var after:
        String?
    @Option(help: "Page size, 1…1000 (default 100).") var limit: Int?

    /// Adds `after` and `limit`.
    func apply(to params: inout Params) {
        params.set("after", after)
        params.set("limit", limit)
    }
}
