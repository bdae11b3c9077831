// The rules of the dunning commands and of `ledger.configure`.

/// Why `dunning.run` would be refused, checked without planning, so the daemon delivers nothing
/// for a run the writer will refuse.
/// - Returns: The rejection, or nil if the run may go ahead.
package func dunningRunRefusal(
    _ command: RunDunning,
    _ state: LedgerState,
    _ context: DecisionContext
)
    -> Rejection?
{
    do {
        try Decider(state: state, context: context).checkRun(command)
        return nil
    } catch {
        return error
    }
}

extension Decider {
    func configureLedger(_ command: ConfigureLedger) throws(Rejection) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        if command.timeZone != nil || !command.writeOffTolerances.isEmpty {
            let event = LedgerConfigured(
                timeZone: command.timeZone,
                writeOffTolerances: command.writeOffTolerances
            )
            events.append(.ledgerConfigured(event))
        }
        if case .set(let id) = command.defaultPolicy, state.dunning.policies[id] == nil {
            throw .unknownPolicy(id)
        }
        let dunning = DunningConfigured(
            defaultPolicy: command.defaultPolicy,
            creditor: command.creditor
        )
        if !dunning.isEmpty { events.append(.dunningConfigured(dunning)) }
        return events
    }

    /// `customer.updated` for the attributes, `dunning.customer_overridden` for the overrides.
    func updateCustomer(_ command: UpdateCustomer) throws(Rejection) -> [LedgerEvent] {
        _ = try requireCustomer(command.customerID)
        if case .set(let id) = command.dunningPolicy, state.dunning.policies[id] == nil {
            throw .unknownPolicy(id)
        }
        var events: [LedgerEvent] = []
        if command.changesAttributes { events.append(.customerUpdated(CustomerUpdated(command))) }
        if command.dunningPolicy != nil || command.riskTier != nil {
            let override = DunningOverride(
                customerID: command.customerID,
                policy: command.dunningPolicy,
                riskTier: command.riskTier
            )
            events.append(.dunningCustomerOverridden(override))
        }
        return events
    }

    /// A run may not be dated after today, nor in the closed period (its fee invoices are
    /// dated on it).
    func checkRun(_ command: RunDunning) throws(Rejection) {
        guard command.asOf <= context.today else {
            throw .asOfInFuture(asOf: command.asOf, today: context.today)
        }
        try checkPeriodOpen(command.asOf)
    }

    func assignDunningPolicy(_ assignment: DunningAssignment) throws(Rejection) -> [LedgerEvent] {
        if let id = assignment.policyID, state.dunning.policies[id] == nil {
            throw .unknownPolicy(id)
        }
        if case .customer(let id) = assignment.target { _ = try requireCustomer(id) }
        return [.dunningPolicyAssigned(assignment)]
    }

    /// Records the run for `as_of`: for each customer whose message was delivered, the fee
    /// invoices, then one `reminder.sent`; for one whose attempts are exhausted, a
    /// `reminder.failed` without fees. A delivery the current plan does not have (the state
    /// changed while the daemon delivered) and a pending one record nothing: a later run plans
    /// them again. Refuses a date after today (a reminder cannot be sent in the future) or in
    /// the closed period.
    func runDunning(_ command: RunDunning) throws(Rejection) -> [LedgerEvent] {
        try checkRun(command)
        let plan = state.dunningPlan(
            asOf: command.asOf,
            customerIDs: command.deliveries.map { Set($0.keys) }
        )
        var events: [LedgerEvent] = []
        var reminders: [LedgerEvent] = []
        for message in plan.messages {
            var reminder = message.reminder
            let outcome =
                command.deliveries?[reminder.customerID]
                ?? .delivered(messageID: reminder.messageID)
            guard outcome.messageID == reminder.messageID else { continue }
            switch outcome {
            case .delivered:
                let charged = Set(reminder.items.compactMap(\.feeInvoiceID))
                events += plan.feeInvoices.filter { charged.contains($0.invoiceID) }.map(
                    LedgerEvent.invoiceIssued
                )
                reminders.append(.reminderSent(reminder))
            case .failed(_, let error, _):
                reminder.error = DeliveryOutcome.cleanError(error)
                for index in reminder.items.indices {
                    reminder.items[index].fee = nil
                    reminder.items[index].interest = nil
                    reminder.items[index].feeInvoiceID = nil
                }
                reminders.append(.reminderFailed(reminder))
            case .pending:
                continue
            }
        }
        return events + reminders
    }
}
