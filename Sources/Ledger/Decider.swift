/// Decides a command against the state at the head of the log: the events to append, or why not.
///
/// Pure: the same command, state and context always give the same answer. Limits (open and
/// unapplied amounts) are checked against the head state regardless of the dates involved.
/// - Parameters:
///   - command: A command whose parameters are valid on their own.
///   - state: The projection at the head of the log.
///   - context: What the caller knows, such as today's business date.
/// - Returns: The events to append, in order; empty only for a `dunning.run` with nothing due.
/// - Throws: ``Rejection`` when a rule of the ledger refuses the command.
package func decide(
    _ command: Command,
    _ state: LedgerState,
    _ context: DecisionContext
) throws(Rejection) -> [LedgerEvent] {
    try Decider(state: state, context: context).decide(command)
}

/// The rules behind ``decide(_:_:_:)``, one method per command.
struct Decider {
    let state: LedgerState
    let context: DecisionContext

    func decide(_ command: Command) throws(Rejection) -> [LedgerEvent] {
        switch command {
        case .registerCustomer(let command):
            guard state.customerIndex(command.customerID) == nil else {
                throw .duplicateCustomer(command.customerID)
            }
            return [.customerRegistered(CustomerRegistered(command))]
        case .updateCustomer(let command): return try updateCustomer(command)
        case .issueInvoice(let command): return try issueInvoice(command)
        case .voidInvoice(let command): return try voidInvoice(command)
        case .writeOffInvoice(let command): return try writeOff(command)
        case .issueCreditNote(let command): return try issueCreditNote(command)
        case .recordPayment(let command): return try recordPayment(command)
        case .allocatePayment(let command): return try allocatePayment(command)
        case .reversePayment(let command): return try reversePayment(command)
        case .closePeriod(let command): return try closePeriod(command)
        case .refundPayment(let command): return try refundPayment(command)
        case .disputeInvoice(let command): return try disputeInvoice(command)
        case .resolveDispute(let command): return try resolveDispute(command)
        case .promisePayment(let command): return try promisePayment(command)
        case .configureLedger(let command): return try configureLedger(command)
        case .defineDunningPolicy(let policy): return [.dunningPolicyDefined(policy)]
        case .assignDunningPolicy(let assignment): return try assignDunningPolicy(assignment)
        case .runDunning(let command): return try runDunning(command)
        }
    }

    func requireCustomer(_ id: CustomerID) throws(Rejection) -> Int {
        guard let index = state.customerIndex(id) else { throw .unknownCustomer(id) }
        return index
    }

    func requireInvoice(_ id: InvoiceID) throws(Rejection) -> InvoiceRecord {
        guard let invoice = state.invoice(id) else { throw .unknownInvoice(id) }
        return invoice
    }

    /// Refuses a date in the closed period.
    func checkPeriodOpen(_ date: LedgerDate) throws(Rejection) {
        if let closedThrough = state.settings.closedThrough, date <= closedThrough {
            throw .periodClosed(date: date, closedThrough: closedThrough)
        }
    }

    /// Checks that an amount dated `date` may be applied to `invoice` for `customer`.
    func checkApplicable(
        _ invoice: InvoiceRecord,
        customer: Int,
        currency: Currency,
        date: LedgerDate
    ) throws(Rejection) {
        guard invoice.void == nil else { throw .invoiceVoided(invoice.id) }
        guard Int(invoice.customer) == customer else {
            throw .customerMismatch(
                invoice: invoice.id,
                expected: state.customers[customer].id,
                actual: state.customers[Int(invoice.customer)].id
            )
        }
        guard invoice.currency == currency else {
            throw .currencyMismatch(expected: invoice.currency, actual: currency)
        }
        guard date >= invoice.issueDate else {
            throw .dateBeforeIssue(invoice: invoice.id, date: date, issueDate: invoice.issueDate)
        }
    }

    /// Refuses `amount` above the invoice's open amount at the head.
    func checkWithinOpen(_ amount: Money, of invoice: InvoiceRecord) throws(Rejection) {
        let open = Money(minorUnits: invoice.openAtHead, currency: invoice.currency)
        guard amount <= open else {
            throw .exceedsOpenAmount(invoice: invoice.id, requested: amount, open: open)
        }
    }

    private func issueInvoice(_ command: IssueInvoice) throws(Rejection) -> [LedgerEvent] {
        guard state.invoiceIndex(command.invoiceID) == nil else {
            throw .duplicateInvoice(command.invoiceID)
        }
        let customerIndex = try requireCustomer(command.customerID)
        try checkPeriodOpen(command.issueDate)
        let terms: PaymentTerms?
        let dueDate: LedgerDate
        switch command.due {
        case .date(let date):
            terms = nil
            dueDate = date
        case .terms(let given):
            terms = given
            dueDate = given.dueDate(issuedOn: command.issueDate)
        case .customerTerms:
            // Only this case needs the customer: copying its record for every invoice costs.
            terms = state.customers[customerIndex].terms
            dueDate = terms?.dueDate(issuedOn: command.issueDate) ?? command.issueDate
        }
        let lines: [InvoiceLine]
        if case .lines(let given) = command.content { lines = given } else { lines = [] }
        var instalments = command.instalments
        if instalments.isEmpty, let split = terms?.split {
            instalments = split.schedule(command.amount, firstDue: dueDate)
        }
        let event = InvoiceIssued(
            invoiceID: command.invoiceID,
            customerID: command.customerID,
            amount: command.amount,
            issueDate: command.issueDate,
            dueDate: instalments.last?.dueDate ?? dueDate,
            terms: terms,
            lines: lines,
            instalments: instalments,
            poNumber: command.poNumber,
            metadata: command.metadata
        )
        return [.invoiceIssued(event)]
    }

    private func voidInvoice(_ command: VoidInvoice) throws(Rejection) -> [LedgerEvent] {
        let invoice = try requireInvoice(command.invoiceID)
        guard invoice.void == nil else { throw .invoiceVoided(invoice.id) }
        guard !invoice.hasApplications else { throw .voidAfterApplication(invoice.id) }
        guard command.date >= invoice.issueDate else {
            throw .dateBeforeIssue(
                invoice: invoice.id,
                date: command.date,
                issueDate: invoice.issueDate
            )
        }
        try checkPeriodOpen(command.date)
        return [
            .invoiceVoided(
                InvoiceVoided(invoiceID: invoice.id, date: command.date, reason: command.reason)
            )
        ]
    }

    private func writeOff(_ command: WriteOffInvoice) throws(Rejection) -> [LedgerEvent] {
        let invoice = try requireInvoice(command.invoiceID)
        let currency = command.amount?.currency ?? invoice.currency
        try checkApplicable(
            invoice,
            customer: Int(invoice.customer),
            currency: currency,
            date: command.date
        )
        try checkPeriodOpen(command.date)
        let amount: Money
        if let requested = command.amount {
            try checkWithinOpen(requested, of: invoice)
            amount = requested
        } else {
            guard invoice.openAtHead > 0 else { throw .nothingToWriteOff(invoice.id) }
            amount = Money(minorUnits: invoice.openAtHead, currency: invoice.currency)
        }
        let event = InvoiceWrittenOff(
            invoiceID: invoice.id,
            amount: amount,
            date: command.date,
            reason: command.reason
        )
        return [.invoiceWrittenOff(event)]
    }

    private func issueCreditNote(_ command: IssueCreditNote) throws(Rejection) -> [LedgerEvent] {
        guard state.creditNoteIndex(command.creditNoteID) == nil else {
            throw .duplicateCreditNote(command.creditNoteID)
        }
        let customer = try requireCustomer(command.customerID)
        if let invoiceID = command.invoiceID {
            let invoice = try requireInvoice(invoiceID)
            try checkApplicable(
                invoice,
                customer: customer,
                currency: command.currency,
                date: command.date
            )
            try checkPeriodOpen(command.date)
            try checkWithinOpen(command.amount, of: invoice)
        } else {
            try checkPeriodOpen(command.date)
        }
        return [.creditNoteIssued(CreditNoteIssued(command))]
    }

    private func closePeriod(_ command: ClosePeriod) throws(Rejection) -> [LedgerEvent] {
        if let closedThrough = state.settings.closedThrough, command.through <= closedThrough {
            throw .periodNotAdvancing(through: command.through, closedThrough: closedThrough)
        }
        guard command.through <= context.today else {
            throw .periodInFuture(through: command.through, today: context.today)
        }
        return [.periodClosed(PeriodClosed(through: command.through))]
    }
}
