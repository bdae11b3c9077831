import ArgumentParser

extension ReportCommand {
    /// `report.worklist`.
    struct Worklist: ReadCommand {
        static let method = "report.worklist"
        static let configuration = CommandConfiguration(
            abstract: "Who to chase next and why: amount, days late, last reminder, tier, promise.",
            discussion: """
                Examples:
                  accrue report worklist --limit 20
                  accrue report worklist --as-of 2026-03-31 --format csv > chase.csv
                """
        )

        @Option(help: "At most this many rows, 1…10000 (default all).") var limit: Int?
        @OptionGroup var time: TimeOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            time.apply(to: &params)
            params.set("limit", limit)
            return params
        }
    }

    /// `report.forecast`.
    struct Forecast: ReadCommand {
        static let method = "report.forecast"
        static let configuration = CommandConfiguration(
            abstract: "Expected collections per ISO week, from due dates and each customer's "
                + "own payment history.",
            discussion: "Example: accrue report forecast --from 2026-04-01 --weeks 12"
        )

        @Option(help: "First day, YYYY-MM-DD (default today).") var from: String?
        @Option(help: "How many ISO weeks, 1…52 (default 8).") var weeks: Int?
        @OptionGroup var knownAt: KnownAtOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("from", from)
            params.set("weeks", weeks)
            knownAt.apply(to: &params)
            return params
        }
    }

    /// `report.risk`.
    struct Risk: ReadCommand {
        static let method = "report.risk"
        static let configuration = CommandConfiguration(
            abstract: "Each customer's risk tier with the figures it comes from.",
            discussion: """
                Examples:
                  accrue report risk
                  accrue report risk --customer ACME --as-of 2025-12-31
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
}
