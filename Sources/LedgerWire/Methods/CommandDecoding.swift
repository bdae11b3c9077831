package import Ledger

/// Turns a write method's JSON params into a ``Command``, for the daemon and the CLI alike, so
/// both refuse malformed input with the same -32602 `data.reason` and `data.field`.
///
/// The params reach these functions without `command_id` (the caller reads it) and the caller
/// calls ``ParamReader/finish()`` afterwards, so an unknown member is refused. Amounts are
/// parsed with their currency's exponent; rules that need the ledger's state are the decider's.
package enum CommandDecoding {
    /// `ledger.transact`'s method name.
    package static let transactMethod = "ledger.transact"

    /// The most commands one `ledger.transact` may carry.
    package static let maximumTransactionCommands = 1000

    /// Every write method with whether only admins may call it, `ledger.transact` last.
    package static let writeMethods: [(name: String, adminOnly: Bool)] =
        Command.methods.map { ($0, Command.adminMethods.contains($0)) } + [(transactMethod, false)]

    /// Decodes the params of one write method (not `ledger.transact`).
    ///
    /// - Parameters:
    ///   - method: The method name, such as `invoice.issue`.
    ///   - params: The params without `command_id`; the caller finishes the reader.
    ///   - currencies: Where amounts without a `currency` find theirs (`invoice.write_off`,
    ///     `payment.allocate`, `payment.refund`, `invoice.promise`).
    /// - Returns: The command.
    /// - Throws: -32601 for a method that is not a write method, -32602 for malformed params.
    package static func decode(
        method: String,
        _ params: inout ParamReader,
        currencies: CurrencyLookup = .none
    ) throws(RPCError) -> Command {
        switch method {
        case "customer.register": try registerCustomer(&params)
        case "customer.update": try updateCustomer(&params)
        case "invoice.issue": try issueInvoice(&params)
        case "invoice.void": try voidInvoice(&params)
        case "invoice.write_off": try writeOffInvoice(&params, currencies: currencies)
        case "credit_note.issue": try issueCreditNote(&params)
        case "payment.record": try recordPayment(&params)
        case "payment.allocate": try allocatePayment(&params, currencies: currencies)
        case "payment.reverse": try reversePayment(&params)
        case "period.close": try closePeriod(&params)
        case "ledger.configure": try configureLedger(&params)
        case "payment.refund": try refundPayment(&params, currencies: currencies)
        case "invoice.dispute": try disputeInvoice(&params)
        case "invoice.resolve_dispute": try resolveDispute(&params)
        case "invoice.promise": try promisePayment(&params, currencies: currencies)
        case "dunning.define_policy": try defineDunningPolicy(&params)
        case "dunning.assign_policy": try assignDunningPolicy(&params)
        case "dunning.run": try runDunning(&params)
        default: throw RPCError.methodNotFound(method)
        }
    }

    /// Decodes `ledger.transact`'s params (without `command_id`): `commands`, a list of
    /// `{method, params}` whose errors name the element, such as `commands[2].amount`.
    ///
    /// Admin methods and nested transactions are refused inside, since the caller's role was
    /// checked for `ledger.transact` only. An amount without `currency` also finds the currency
    /// of an invoice or payment created earlier in the same list.
    ///
    /// - Parameters:
    ///   - params: The params without `command_id`; the caller finishes the reader.
    ///   - currencies: Where amounts without a `currency` find theirs.
    /// - Returns: The commands, in order; not empty.
    /// - Throws: -32602 naming the failing element.
    package static func decodeTransaction(
        _ params: inout ParamReader,
        currencies: CurrencyLookup = .none
    ) throws(RPCError) -> [Command] {
        let elements = try params.objects("commands")
        guard !elements.isEmpty else {
            throw params.invalid(
                "commands",
                reason: "invalid_value",
                message: "commands must not be empty"
            )
        }
        guard elements.count <= maximumTransactionCommands else {
            throw params.invalid(
                "commands",
                reason: "out_of_range",
                message: "commands may hold at most \(maximumTransactionCommands) commands"
            )
        }
        var lookup = TransactionCurrencies(base: currencies)
        var commands: [Command] = []
        commands.reserveCapacity(elements.count)
        for var element in elements {
            let method = try element.string("method")
            guard let entry = writeMethods.first(where: { $0.name == method }), !entry.adminOnly,
                method != transactMethod
            else {
                throw element.invalid(
                    "method",
                    reason: "invalid_value",
                    message: "\(method) cannot be part of ledger.transact"
                )
            }
            var inner = try element.inlinedObject("params")
            try element.finish()
            let command = try decode(method: method, &inner, currencies: lookup.lookup)
            try inner.finish()
            lookup.record(command)
            commands.append(command)
        }
        return commands
    }
}
