import ArgumentParser
import Foundation
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
        subcommands: [Configure.self, Transact.self]
    )

    /// `ledger.configure`.
    struct Configure: WriteCommand {
        static let method = "ledger.configure"
        static let configuration = CommandConfiguration(
            abstract:
                "Set the business time zone, write-off tolerances, the default dunning policy or the creditor.",
            discussion: """
                Examples:
                  accrue ledger configure --time-zone Europe/Berlin
                  accrue ledger configure --write-off-tolerance EUR=0.50 --write-off-tolerance USD=0.50
                  accrue ledger configure --default-policy standard --creditor-name "Example GmbH" \\
                      --creditor-address ar@example.com --payment-instructions "IBAN DE00 1234"
                """
        )

        func validate() throws {
            let creditor = [creditorName, creditorAddress, paymentInstructions].compactMap { $0 }
            guard creditor.isEmpty || creditor.count == 3 else {
                throw ValidationError(
                    "--creditor-name, --creditor-address and --payment-instructions go together"
                )
            }
            guard !(clearDefaultPolicy && defaultPolicy != nil) else {
                throw ValidationError("give --default-policy or --clear-default-policy, not both")
            }
        }

        @Option(name: .customLong("time-zone"), help: "IANA time zone for business dates.")
        var timeZone: String?
        @Option(
            name: .customLong("write-off-tolerance"),
            help: "CURRENCY=AMOUNT left over that closes an invoice automatically; repeatable."
        )
        var tolerances: [String] = []
        @Option(
            name: .customLong("default-policy"),
            help: "The dunning policy for customers no assignment covers."
        )
        var defaultPolicy: String?
        @Flag(name: .customLong("clear-default-policy"), help: "Remove the default policy.")
        var clearDefaultPolicy = false
        @Option(name: .customLong("creditor-name"), help: "Who reminders come from.")
        var creditorName: String?
        @Option(name: .customLong("creditor-address"), help: "Their sender mail address.")
        var creditorAddress: String?
        @Option(
            name: .customLong("payment-instructions"),
            help: "How to pay, quoted in every reminder."
        )
        var paymentInstructions: String?
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
            params.set("default_policy", defaultPolicy)
            if clearDefaultPolicy { params["default_policy"] = .null }
            if let creditorName, let creditorAddress, let paymentInstructions {
                params["creditor"] = .object([
                    JSONMember("name", .string(creditorName)),
                    JSONMember("address", .string(creditorAddress)),
                    JSONMember("payment_instructions", .string(paymentInstructions)),
                ])
            }
            return params
        }
    }

    /// `ledger.transact`.
    struct Transact: WriteCommand {
        static let method = "ledger.transact"
        static let configuration = CommandConfiguration(
            abstract: "Apply a list of commands all-or-nothing, from a JSON file.",
            discussion: """
                The file holds a JSON array of {"method": …, "params": {…}} (params without \
                command_id); either every command is applied, in one commit, or none, and the \
                error names the failing command's index.

                Example:
                  echo '[{"method":"customer.register","params":{"customer_id":"C9","name":"C9"}}]' > tx.json
                  accrue ledger transact tx.json
                """
        )

        @Argument(help: "The JSON file ('-' for standard input).", completion: .file())
        var file: String
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            let data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : FileManager.default.contents(atPath: file)
            guard let data else { throw Failure.usage("cannot read \(file)") }
            let commands: JSONValue
            do {
                commands = try JSONParser.parse(Array(data))
            } catch {
                throw Failure.usage("\(file) is not JSON: \(error)")
            }
            guard case .array = commands else {
                throw Failure.usage("\(file) must hold a JSON array of {method, params}")
            }
            var params = Params()
            params["commands"] = commands
            return params
        }
    }
}
