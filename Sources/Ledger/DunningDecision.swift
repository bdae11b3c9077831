/// Where a customer's dunning policy came from, in order of precedence.
package enum PolicySource: String, Hashable, Sendable {
    /// Set on the customer by `customer.update` (`dunning_policy`).
    case override = "customer_override"
    /// Assigned to the customer.
    case customer
    /// Assigned to the customer's segment.
    case segment
    /// Assigned to the customer's computed risk tier.
    case riskTier = "risk_tier"
    /// The ledger's default policy.
    case `default`
}

/// Why the scheduler sends nothing for an open invoice in a run.
package enum DunningSkip: Hashable, Sendable {
    /// The invoice has an open dispute, raised on this date.
    case disputed(since: LedgerDate)
    /// A promise to pay is in force until this date.
    case promised(until: LedgerDate)
    /// No policy applies to the customer.
    case noPolicy
    /// The next step falls due on a later date.
    case notDue(step: Int, on: LedgerDate)
    /// The policy's minimum gap since the last reminder has not passed.
    case minimumGap(until: LedgerDate)
    /// Every step was sent.
    case ladderComplete

    /// The stable snake_case reason.
    package var reason: String {
        switch self {
        case .disputed: "disputed"
        case .promised: "promised"
        case .noPolicy: "no_policy"
        case .notDue: "not_due"
        case .minimumGap: "minimum_gap"
        case .ladderComplete: "ladder_complete"
        }
    }

    /// A sentence for humans.
    package var explanation: String {
        switch self {
        case .disputed(let since): "disputed since \(since); dunning pauses until it is resolved"
        case .promised(let until): "promised to pay by \(until); dunning pauses until then"
        case .noPolicy: "no dunning policy applies (none assigned, no default)"
        case .notDue(let step, let on): "step \(step) falls due on \(on)"
        case .minimumGap(let until): "the last reminder was recent; the next may go on \(until)"
        case .ladderComplete: "every step of the policy that still applies was sent"
        }
    }
}

/// What the scheduler decided for one open invoice in a run, and why.
package struct DunningDecision: Hashable, Sendable {
    /// The outcome.
    package enum Outcome: Hashable, Sendable {
        /// A step is sent: the item as it will be recorded.
        case send(ReminderItem)
        /// Nothing is sent.
        case skip(DunningSkip)
    }

    /// The customer.
    package var customerID: CustomerID
    /// The invoice.
    package var invoiceID: InvoiceID
    /// The policy in force, if any, and where it came from.
    package var policy: (id: DunningPolicyID, source: PolicySource)?
    /// The due date the ladder counts from: the invoice's, or its oldest open instalment's.
    package var dueDate: LedgerDate
    /// Days from that due date to the run's date.
    package var daysOverdue: Int
    /// The open amount on the run's date.
    package var open: Money
    /// The last reminder for the invoice, if any.
    package var lastReminder: LedgerDate?
    /// For a step sent: the date it fell due, and its template.
    package var sentStep: (dueOn: LedgerDate, template: String)?
    /// The outcome.
    package var outcome: Outcome

    /// Creates a decision.
    package init(
        customerID: CustomerID,
        invoiceID: InvoiceID,
        policy: (id: DunningPolicyID, source: PolicySource)?,
        dueDate: LedgerDate,
        daysOverdue: Int,
        open: Money,
        lastReminder: LedgerDate?,
        outcome: Outcome
    ) {
        self.customerID = customerID
        self.invoiceID = invoiceID
        self.policy = policy
        self.dueDate = dueDate
        self.daysOverdue = daysOverdue
        self.open = open
        self.lastReminder = lastReminder
        self.outcome = outcome
    }

    /// Compares every member (tuples are not `Hashable`, so this is written out).
    package static func == (lhs: DunningDecision, rhs: DunningDecision) -> Bool {
        lhs.customerID == rhs.customerID && lhs.invoiceID == rhs.invoiceID
            && lhs.policy?.id == rhs.policy?.id && lhs.policy?.source == rhs.policy?.source
            && lhs.dueDate == rhs.dueDate && lhs.daysOverdue == rhs.daysOverdue
            && lhs.open == rhs.open && lhs.lastReminder == rhs.lastReminder
            && lhs.sentStep?.dueOn == rhs.sentStep?.dueOn
            && lhs.sentStep?.template == rhs.sentStep?.template
            && lhs.outcome == rhs.outcome
    }

    /// Hashes the members that identify the decision.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(invoiceID)
        hasher.combine(dueDate)
        hasher.combine(outcome)
    }
}

/// One consolidated message to a customer in a run: every step sent to it.
package struct ReminderMessage: Hashable, Sendable {
    /// The reminder as it will be recorded (without error).
    package var reminder: Reminder
    /// The customer's name.
    package var customerName: String
    /// The customer's email, if known.
    package var email: String?

    /// Creates a message.
    package init(reminder: Reminder, customerName: String, email: String?) {
        self.reminder = reminder
        self.customerName = customerName
        self.email = email
    }
}

/// The scheduler's answer for one business date: a decision per open invoice, the messages to
/// deliver, and the fee invoices to issue.
package struct DunningPlan: Hashable, Sendable {
    /// The run's date.
    package var asOf: LedgerDate
    /// One decision per open invoice, customers in registration order, invoices in issue order.
    package var decisions: [DunningDecision] = []
    /// One message per customer with at least one step sent.
    package var messages: [ReminderMessage] = []
    /// The fee and interest invoices the sent steps charge.
    package var feeInvoices: [InvoiceIssued] = []

    /// Creates an empty plan.
    package init(asOf: LedgerDate) {
        self.asOf = asOf
    }
}
