extension LedgerState {
    /// Applies a dunning event: policies, assignments, settings and reminders.
    mutating func evolveDunning(_ event: LedgerEvent, sequence: UInt64) {
        switch event {
        case .dunningConfigured(let event):
            if let change = event.defaultPolicy {
                dunning.defaultPolicy = change.applied(to: dunning.defaultPolicy)
            }
            if let creditor = event.creditor { dunning.creditor = creditor }
        case .dunningPolicyDefined(let policy):
            dunning.policies[policy.id] = policy
        case .dunningPolicyAssigned(let assignment):
            dunning.assign(assignment)
        case .reminderSent(let reminder):
            dunning.recordSent(reminder, sequence: sequence)
        case .reminderFailed(let reminder):
            let failure = ReminderFailure(date: reminder.date, error: reminder.error ?? "")
            dunning.lastFailures[reminder.customerID] = failure
        case .dunningCustomerOverridden(let event):
            if let change = event.policy {
                dunning.policyOverrides[event.customerID] = change.newValue
            }
            if let change = event.riskTier {
                dunning.tierOverrides[event.customerID] = change.newValue
            }
        default:
            preconditionFailure("\(event.typeName) is not a dunning event")
        }
    }
}
