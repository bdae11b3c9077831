/// `dunning.run`: decides the reminders due on a business date and records them, with the fee
/// invoices they charge, in one command.
///
/// The daemon delivers the messages before it submits the command (delivery is at least once);
/// deliveries that failed come with it, so the decider records `reminder.failed` for them.
package struct RunDunning: Hashable, Sendable {
    /// The business date of the run.
    package let asOf: LedgerDate
    /// Customers whose message could not be delivered, with the channel's error. Not part of
    /// ``parameters``: a retry under the same `command_id` is the same run.
    package let failures: [CustomerID: String]

    /// Creates the command.
    package init(asOf: LedgerDate, failures: [CustomerID: String] = [:]) {
        self.asOf = asOf
        self.failures = failures.mapValues { TextRules.isValid($0) ? $0 : "delivery failed" }
    }

    /// The typed parameters in canonical form: `{as_of}`.
    package var parameters: PayloadValue {
        .object([PayloadMember("as_of", .string(asOf.description))])
    }
}
