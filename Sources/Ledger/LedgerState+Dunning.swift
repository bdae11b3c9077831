// The dunning scheduler: a pure function of the projection and a business date.

extension LedgerState {
    /// The metadata key that marks a fee invoice and names the invoice it charges for.
    package static let feeForKey = "dunning_fee_for"

    /// Decides, for every invoice open on `asOf`, which dunning step is due, and why not.
    ///
    /// The rules: an open dispute or a promise to pay (until its date) pauses; a paid invoice
    /// is not open; an invoice gets at most one step per run, the lowest step of its policy not
    /// yet sent for the part its ladder counts from (the invoice, or its oldest open instalment),
    /// so no level is skipped (a courtesy step, with a negative offset, applies only up to the
    /// due date); and only after the policy's minimum gap (at least a day) since the
    /// last reminder for the invoice, so running again on the same date sends nothing new. Fees
    /// and interest of a step become an invoice of their own; fee invoices are reminded of (from
    /// the day after the run that charged them) but never charged for. Sent steps are consolidated into one message per customer.
    ///
    /// - Parameters:
    ///   - asOf: The business date of the run. Every reminder recorded counts, even one dated
    ///     after `asOf`: a backdated run must not send a step again (its gap check then waits
    ///     for the later reminder).
    ///   - customerIDs: Plan only these customers (the writer re-checks what the daemon
    ///     delivered without planning the whole ledger again); nil plans every customer.
    /// - Returns: The plan; deterministic for a state and date.
    package func dunningPlan(asOf: LedgerDate, customerIDs: Set<CustomerID>? = nil) -> DunningPlan {
        var plan = DunningPlan(asOf: asOf)
        let time = ReportTime(asOf: asOf, knownAt: head)
        customers.forEach { customer in
            guard !customer.pointee.openInvoices.isEmpty else { return }
            if let customerIDs, !customerIDs.contains(customer.pointee.id) { return }
            let policy = dunningPolicy(for: customer.pointee, at: time)
            var items: [ReminderItem] = []
            for index in customer.pointee.openInvoices {
                let invoice = invoices[Int(index)]
                guard invoice.counts(at: time) else { continue }
                let open = invoice.openAmount(at: time)
                guard open > 0 else { continue }
                var decision = dunningDecision(invoice, open: open, policy: policy, at: time)
                if case .send(var item) = decision.outcome, let policy {
                    let step = policy.policy.steps[item.step - 1]
                    if let fees = feeInvoice(
                        for: &item,
                        step: step,
                        invoice: invoice,
                        customer: customer.pointee.id,
                        asOf: asOf
                    ) {
                        plan.feeInvoices.append(fees)
                    }
                    decision.outcome = .send(item)
                    items.append(item)
                }
                plan.decisions.append(decision)
            }
            guard let policy, !items.isEmpty else { return }
            plan.messages.append(
                message(to: customer.pointee, items: items, policy: policy.policy, asOf: asOf)
            )
        }
        return plan
    }

    /// The reminders sent for an invoice and recorded by `knownAt`, whatever their dates.
    func reminderMarks(_ invoice: InvoiceID, knownAt: UInt64) -> [ReminderMark] {
        (dunning.marks[invoice] ?? []).filter { $0.time.sequence <= knownAt }
    }

    /// The policy for a customer by precedence: its override (`customer.update`), its own
    /// assignment, its segment's, its risk tier's (the override or the computed tier), the
    /// ledger's default.
    package func dunningPolicy(for customer: CustomerRecord, at time: ReportTime)
        -> (policy: DunningPolicy, source: PolicySource)?
    {
        let book = dunning
        if let id = book.policyOverrides[customer.id], let policy = book.policies[id] {
            return (policy, .override)
        }
        if let id = book.customerPolicies[customer.id], let policy = book.policies[id] {
            return (policy, .customer)
        }
        if let segment = customer.segment, let id = book.segmentPolicies[segment],
            let policy = book.policies[id]
        {
            return (policy, .segment)
        }
        if !book.tierPolicies.isEmpty, let index = customerIndex(customer.id) {
            let tier = riskAssessment(customer: index, at: time).tier
            if let id = book.tierPolicies[tier], let policy = book.policies[id] {
                return (policy, .riskTier)
            }
        }
        if let id = book.defaultPolicy, let policy = book.policies[id] { return (policy, .default) }
        return nil
    }

    func dunningDecision(
        _ invoice: InvoiceRecord,
        open: Int64,
        policy: (policy: DunningPolicy, source: PolicySource)?,
        at time: ReportTime
    ) -> DunningDecision {
        let asOf = time.asOf
        let part = invoice.schedule(openAmount: open).first { $0.open > 0 }
        let dueDate = part?.dueDate ?? invoice.dueDate
        let marks = reminderMarks(invoice.id, knownAt: time.knownAt)
        let openMoney = Money(minorUnits: open, currency: invoice.currency)
        var decision = DunningDecision(
            customerID: customers[Int(invoice.customer)].id,
            invoiceID: invoice.id,
            policy: policy.map { ($0.policy.id, $0.source) },
            dueDate: dueDate,
            daysOverdue: asOf.days(since: dueDate),
            open: openMoney,
            lastReminder: marks.last?.time.date,
            outcome: .skip(.noPolicy)
        )
        decision.outcome = dunningOutcome(
            invoice,
            dueDate: dueDate,
            marks: marks,
            policy: policy?.policy,
            at: time
        )
        if case .send(var item) = decision.outcome, let policy = policy?.policy {
            item.daysOverdue = decision.daysOverdue
            item.open = openMoney
            decision.outcome = .send(item)
            let step = policy.steps[item.step - 1]
            decision.sentStep = (
                stepDate(invoice, dueDate: dueDate, offset: step.offsetDays), step.template
            )
        }
        return decision
    }

    /// The date a step falls due: `offset` days from the due date, and for a fee invoice not
    /// before the day after the run that charged it (a run on that date, the same or another,
    /// must not remind of it, or running twice would differ from running once).
    private func stepDate(_ invoice: InvoiceRecord, dueDate: LedgerDate, offset: Int) -> LedgerDate
    {
        let date = dueDate.adding(days: offset)
        guard invoice.metadata[LedgerState.feeForKey] != nil else { return date }
        return max(date, invoice.issueDate.adding(days: 1))
    }

    /// The skip reason, or `.send` with the step; the caller fills in the item's figures.
    private func dunningOutcome(
        _ invoice: InvoiceRecord,
        dueDate: LedgerDate,
        marks: [ReminderMark],
        policy: DunningPolicy?,
        at time: ReportTime
    ) -> DunningDecision.Outcome {
        if let dispute = invoice.dispute(at: time) {
            return .skip(.disputed(since: dispute.opened.date))
        }
        if let promise = invoice.promise(at: time), promise.promisedDate >= time.asOf {
            return .skip(.promised(until: promise.promisedDate))
        }
        guard let policy else { return .skip(.noPolicy) }
        let sent = Set(marks.lazy.filter { $0.dueDate == dueDate }.map(\.step))
        // A courtesy step (negative offset) announces a due date: once it has passed, the step
        // no longer applies, and the ladder goes on with the first reminder.
        let applicable = { (step: Int) in
            !sent.contains(step) && (policy.steps[step - 1].offsetDays >= 0 || time.asOf <= dueDate)
        }
        guard let next = (1...policy.steps.count).first(where: applicable) else {
            return .skip(.ladderComplete)
        }
        let stepDate = stepDate(
            invoice,
            dueDate: dueDate,
            offset: policy.steps[next - 1].offsetDays
        )
        guard stepDate <= time.asOf else { return .skip(.notDue(step: next, on: stepDate)) }
        if let last = marks.last?.time.date {
            let earliest = last.adding(days: max(policy.minimumGapDays, 1))
            guard earliest <= time.asOf else { return .skip(.minimumGap(until: earliest)) }
        }
        return .send(
            ReminderItem(
                invoiceID: invoice.id,
                dueDate: dueDate,
                step: next,
                policyID: policy.id,
                daysOverdue: 0,
                open: Money(minorUnits: 0, currency: invoice.currency)
            )
        )
    }
}
