/// `dunning.run`: decides the reminders due on a business date and records them, with the fee
/// invoices they charge, in one command.
///
/// The daemon plans the run on its head state and delivers the messages before it submits the
/// command (delivery is at least once), with what became of each delivery; the decider records
/// `reminder.sent` or `reminder.failed` for those and leaves the rest for a later run.
package struct RunDunning: Hashable, Sendable {
    /// The business date of the run.
    package let asOf: LedgerDate
    /// What became of each customer's message, by customer; nil when the caller delivers
    /// nothing itself and every planned message counts as delivered (domain tests, the scenario
    /// generator). Not part of ``parameters``: a retry under the same `command_id` is the same
    /// run.
    package let deliveries: [CustomerID: DeliveryOutcome]?

    /// Creates the command.
    package init(asOf: LedgerDate, deliveries: [CustomerID: DeliveryOutcome]? = nil) {
        self.asOf = asOf
        self.deliveries = deliveries
    }

    /// The typed parameters in canonical form: `{as_of}`.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("as_of", date: asOf)
        return object
    }
}

/// What became of one message in a run. Each names the Message-ID delivered (or tried): the
/// decider records the outcome only if its own plan has the same message for the customer, so
/// a state that changed during delivery records nothing the daemon did not deliver.
package enum DeliveryOutcome: Hashable, Sendable {
    /// The channel accepted the message.
    case delivered(messageID: String)
    /// Every attempt failed: recorded as `reminder.failed` with the last error.
    case failed(messageID: String, error: String, attempts: Int)
    /// An attempt failed and another is due later: nothing is recorded; the run's result lists it.
    case pending(messageID: String, error: String, attempts: Int)

    /// The Message-ID delivered or tried.
    package var messageID: String {
        switch self {
        case .delivered(let id), .failed(let id, _, _), .pending(let id, _, _): id
        }
    }

    /// `error` as event text: one line of at most 1000 bytes, since a channel's output may hold
    /// line breaks, control characters or pages of text.
    package static func cleanError(_ error: String) -> String {
        let bytes = ReminderMail.oneLine(error).utf8.prefix(1000)
        let line = String(decoding: Array(bytes), as: UTF8.self)
        return TextRules.isValid(line) ? line : "delivery failed"
    }
}
