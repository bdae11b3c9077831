/// The dunning part of the projection: policies, assignments, the default policy, the creditor,
/// and every (invoice, step) already reminded.
///
/// Only ``marks`` grows with the ledger (an entry per reminded invoice), so it is the one
/// ``ShardedMap``: a reminder recorded after a publish copies a path, not every mark. The other
/// maps hold a few entries per policy or per customer and are written rarely.
package struct DunningBook: Equatable, Sendable {
    /// Policies by id; a redefinition replaces the steps from then on.
    package var policies: [DunningPolicyID: DunningPolicy] = [:]
    /// Policies assigned to single customers.
    package var customerPolicies: [CustomerID: DunningPolicyID] = [:]
    /// Policies assigned to segments.
    package var segmentPolicies: [String: DunningPolicyID] = [:]
    /// Policies assigned to risk tiers.
    package var tierPolicies: [RiskTier: DunningPolicyID] = [:]
    /// Policies set on customers by `customer.update`, beating every assignment.
    package var policyOverrides: [CustomerID: DunningPolicyID] = [:]
    /// Risk tiers set on customers by `customer.update`, replacing the computed tier.
    package var tierOverrides: [CustomerID: RiskTier] = [:]
    /// The ledger's default policy.
    package var defaultPolicy: DunningPolicyID?
    /// Who reminders come from.
    package var creditor: CreditorIdentity?
    /// Reminders sent, per invoice, in log order.
    package var marks = ShardedMap<InvoiceID, [ReminderMark]>()
    /// The latest failed delivery per customer: date and error.
    package var lastFailures: [CustomerID: ReminderFailure] = [:]

    /// Creates an empty book.
    package init() {}

    /// Records a sent reminder's items.
    mutating func recordSent(_ reminder: Reminder, sequence: UInt64) {
        for item in reminder.items {
            let mark = ReminderMark(
                dueDate: item.dueDate,
                step: item.step,
                time: FactTime(date: reminder.date, sequence: sequence),
                messageID: reminder.messageID,
                chargedInterest: item.interest != nil
            )
            marks.update(item.invoiceID, default: []) { $0.append(mark) }
        }
        lastFailures[reminder.customerID] = nil
    }

    /// Applies an assignment.
    mutating func assign(_ assignment: DunningAssignment) {
        switch assignment.target {
        case .customer(let id): customerPolicies[id] = assignment.policyID
        case .segment(let segment): segmentPolicies[segment] = assignment.policyID
        case .riskTier(let tier): tierPolicies[tier] = assignment.policyID
        }
    }
}

/// One (invoice part, step) reminded: the fact that keeps it from being sent again.
package struct ReminderMark: Hashable, Sendable {
    /// The due date of the part the step counted from.
    package var dueDate: LedgerDate
    /// The step number, from 1.
    package var step: Int
    /// The run's date and the event's sequence.
    package var time: FactTime
    /// The message it went out in.
    package var messageID: String
    /// Whether interest was charged up to this date.
    package var chargedInterest: Bool

    /// Creates a mark.
    package init(
        dueDate: LedgerDate,
        step: Int,
        time: FactTime,
        messageID: String,
        chargedInterest: Bool
    ) {
        self.dueDate = dueDate
        self.step = step
        self.time = time
        self.messageID = messageID
        self.chargedInterest = chargedInterest
    }
}

/// The latest failed delivery to a customer.
package struct ReminderFailure: Hashable, Sendable {
    /// The run's date.
    package var date: LedgerDate
    /// The channel's error.
    package var error: String

    /// Creates a failure record.
    package init(date: LedgerDate, error: String) {
        self.date = date
        self.error = error
    }
}
