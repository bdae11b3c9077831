import ArgumentParser
import LedgerWire

/// `accrue dunning define-policy|assign-policy|preview|run`.
struct DunningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dunning",
        abstract: "Reminder policies, and the reminder run with its dry run (admin).",
        discussion: """
            A policy is a list of steps, each an offset in days from the due date (negative for a \
            courtesy notice before it), a channel, a template and optionally a fixed fee or an \
            annual interest rate. Policy precedence: the customer's override (customer update \
            --dunning-policy), an assignment to the customer, to its segment, to its risk tier, \
            then the ledger's default (ledger configure --default-policy).
            """,
        subcommands: [DefinePolicy.self, AssignPolicy.self, Preview.self, Run.self]
    )

    /// `dunning.define_policy`.
    struct DefinePolicy: WriteCommand {
        static let method = "dunning.define_policy"
        static let configuration = CommandConfiguration(
            commandName: "define-policy",
            abstract: "Define (or redefine) a reminder policy.",
            discussion: """
                Each --step is comma-separated KEY=VALUE: offset (days from the due date, \
                required), template (courtesy, reminder, final or a file template; default \
                reminder), channel (a [channels.NAME] of the daemon's config; default spool), \
                fee=CURRENCY:AMOUNT (repeatable) and interest (annual percent).
                Examples:
                  accrue dunning define-policy standard --step offset=-3,template=courtesy \\
                      --step offset=7 --step offset=21,template=final,fee=EUR:5.00,interest=8
                  accrue dunning define-policy gentle --step offset=14 --minimum-gap-days 14
                """
        )

        @Argument(help: "The policy's id.") var policyID: String
        @Option(help: "A step: offset=DAYS[,template=T][,channel=C][,fee=CUR:AMT][,interest=PCT].")
        var step: [String] = []
        @Option(
            name: .customLong("minimum-gap-days"),
            help: "Days between two reminders for one invoice (default 7)."
        )
        var minimumGapDays: Int?
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard !step.isEmpty else { throw ValidationError("give at least one --step") }
        }

        func params() throws -> Params {
            var params = Params()
            params.set("policy_id", policyID)
            params["steps"] = .array(try step.map(PolicyStepText.value))
            params.set("minimum_gap_days", minimumGapDays)
            return params
        }
    }

    /// `dunning.assign_policy`.
    struct AssignPolicy: WriteCommand {
        static let method = "dunning.assign_policy"
        static let configuration = CommandConfiguration(
            commandName: "assign-policy",
            abstract: "Assign a policy to a customer, a segment or a risk tier, or remove one.",
            discussion: """
                Examples:
                  accrue dunning assign-policy strict --risk-tier high
                  accrue dunning assign-policy gentle --segment retail
                  accrue dunning assign-policy --remove --customer ACME
                """
        )

        @Argument(help: "The policy's id (leave out with --remove).") var policyID: String?
        @Flag(help: "Remove the target's assignment instead.") var remove = false
        @Option(help: "Target: this customer.") var customer: String?
        @Option(help: "Target: this segment.") var segment: String?
        @Option(name: .customLong("risk-tier"), help: "Target: low, medium or high.")
        var riskTier: String?
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard [customer, segment, riskTier].compactMap({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --customer, --segment, --risk-tier")
            }
            guard remove == (policyID == nil) else {
                throw ValidationError("give a policy id, or --remove without one")
            }
        }

        func params() throws -> Params {
            var params = Params()
            params["policy_id"] = policyID.map(JSONValue.string) ?? .null
            params.set("customer_id", customer)
            params.set("segment", segment)
            params.set("risk_tier", riskTier)
            return params
        }
    }

    /// `dunning.preview`.
    struct Preview: ReadCommand {
        static let method = "dunning.preview"
        static let configuration = CommandConfiguration(
            abstract: "Dry run: what a reminder run would send on a date, and why each invoice "
                + "gets a step or not.",
            discussion: "Example: accrue dunning preview --as-of 2026-03-31 --format json"
        )

        @Option(name: .customLong("as-of"), help: "The run's business date (default today).")
        var asOf: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("as_of", asOf)
            return params
        }
    }

    /// `dunning.run`.
    struct Run: WriteCommand {
        static let method = "dunning.run"
        static let configuration = CommandConfiguration(
            abstract: "Send the reminders due on a date and record each as an event.",
            discussion: """
                Running again on the same date sends nothing new: each (invoice, step) is \
                recorded once.
                Example: accrue dunning run --as-of 2026-03-31
                """
        )

        @Option(name: .customLong("as-of"), help: "The run's business date, YYYY-MM-DD.")
        var asOf: String
        @OptionGroup var write: WriteOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params {
            var params = Params()
            params.set("as_of", asOf)
            return params
        }
    }
}

/// `offset=7,template=reminder,channel=spool,fee=EUR:5.00,interest=8` as a policy step.
enum PolicyStepText {
    /// The step object `dunning.define_policy` takes; template and channel default to
    /// `reminder` and `spool`.
    static func value(_ text: String) throws -> JSONValue {
        var offset: Int64?
        var template = "reminder"
        var channel = "spool"
        var fees: [JSONMember] = []
        var interest: String?
        for part in text.split(separator: ",") {
            let (key, value) = try ValueParsing.pair(String(part), what: "--step")
            switch key {
            case "offset":
                guard let days = Int64(value) else {
                    throw ValidationError("--step offset must be whole days, not '\(value)'")
                }
                offset = days
            case "template": template = value
            case "channel": channel = value
            case "interest": interest = value
            case "fee":
                let pieces = value.split(separator: ":", maxSplits: 1).map(String.init)
                guard pieces.count == 2 else {
                    throw ValidationError("--step fee must look like EUR:5.00, not '\(value)'")
                }
                fees.append(JSONMember(pieces[0], .string(pieces[1])))
            default:
                throw ValidationError(
                    "--step knows offset, template, channel, fee and interest, not '\(key)'"
                )
            }
        }
        guard let offset else { throw ValidationError("--step needs offset=DAYS: '\(text)'") }
        var members = [
            JSONMember("offset_days", .int(offset)),
            JSONMember("channel", .string(channel)),
            JSONMember("template", .string(template)),
        ]
        if !fees.isEmpty { members.append(JSONMember("fee", .object(fees))) }
        if let interest { members.append(JSONMember("interest_rate", .string(interest))) }
        return .object(members)
    }
}
