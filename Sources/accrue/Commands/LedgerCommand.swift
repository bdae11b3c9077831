import ArgumentParser
import LedgerWire

/// `accrue period close`.
struct PeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract: "Close accounting periods.",
        subcommands: [Close.self]
    )

    /// `period.close`.
    struct Close: WriteCommand {
        static let method = "period.close"
        static let configuration = CommandConfiguration(
            abstract:
                "Close the books through a date: nothing may take effect on or before it afterwards.",
            discussion: "Example: accrue period close --through 2026-01-31"
        )

        @Option(help: "The last date of the closed period, YYYY-MM-DD.") var through: String
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("through", through)
            return params
        }
    }
}

/// `accrue ledger configure`.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Settings that change results, recorded as events (admin).",
        subcommands: [Configure.self]
    )

    /// `ledger.configure`.
    struct Configure: WriteCommand {
        static let method = "ledger.configure"
        static let configuration = CommandConfiguration(
            abstract: "Set the business time zone or write-off tolerances.",
            discussion: """
                Examples:
                  accrue ledger configure --time-zone Europe/Berlin
                  accrue ledger configure --write-off-tolerance EUR=0.50 --write-off-tolerance USD=0.50
                """
        )

        @Option(name: .customLong("time-zone"), help: "IANA time zone for business dates.")
        var timeZone: String?
        @Option(
            name: .customLong("write-off-tolerance"),
            help: "CURRENCY=AMOUNT left over that closes an invoice automatically; repeatable."
        )
        var tolerances: [String] = []
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("time_zone", timeZone)
            params["write_off_tolerance"] = try ValueParsing.object(
                tolerances,
                what: "--write-off-tolerance"
            )
            return params
        }
    }
}
