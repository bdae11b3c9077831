// The rules of the commands beyond the core: refunds, disputes, promises, and the
// early-payment discount that payments earn.

extension Decider {
    /// The early-payment discount a payment dated `paymentDate` earns on `invoice` at the head,
    /// in minor units: zero without discount terms, outside the window (whose last day still
    /// qualifies), or once a discount was taken.
    func availableDiscount(_ invoice: InvoiceRecord, paymentDate: LedgerDate) -> Int64 {
        guard let discount = invoice.terms?.discount,
            paymentDate <= discount.lastDay(issuedOn: invoice.issueDate),
            !invoice.discountTakenAtHead,
            let amount = discount.discount(on: invoice.amount)
        else { return 0 }
        return min(amount.minorUnits, max(invoice.openAtHead, 0))
    }

    func refundPayment(_ command: RefundPayment) throws(Rejection) -> [LedgerEvent] {
        guard let payment = state.payment(command.paymentID) else {
            throw .unknownPayment(command.paymentID)
        }
        guard payment.reversal == nil else { throw .alreadyReversed(payment.id) }
        guard command.amount.currency == payment.currency else {
            throw .currencyMismatch(expected: payment.currency, actual: command.amount.currency)
        }
        guard command.date >= payment.time.date else {
            throw .dateBeforePayment(
                payment: payment.id,
                date: command.date,
                paymentDate: payment.time.date
            )
        }
        try checkPeriodOpen(command.date)
        let unapplied = Money(minorUnits: payment.unappliedAtHead, currency: payment.currency)
        guard command.amount <= unapplied else {
            throw .refundExceedsUnapplied(
                payment: payment.id,
                requested: command.amount,
                unapplied: unapplied
            )
        }
        let event = PaymentRefunded(
            paymentID: payment.id,
            amount: command.amount,
            date: command.date,
            reason: command.reason
        )
        return [.paymentRefunded(event)]
    }

    func disputeInvoice(_ command: DisputeInvoice) throws(Rejection) -> [LedgerEvent] {
        let invoice = try requireInvoice(command.invoiceID)
        guard invoice.void == nil else { throw .invoiceVoided(invoice.id) }
        try checkNotBeforeIssue(command.date, invoice)
        try checkPeriodOpen(command.date)
        guard !invoice.isDisputedAtHead else { throw .alreadyDisputed(invoice.id) }
        let event = InvoiceDisputed(
            invoiceID: invoice.id,
            date: command.date,
            reason: command.reason
        )
        return [.invoiceDisputed(event)]
    }

    func resolveDispute(_ command: ResolveDispute) throws(Rejection) -> [LedgerEvent] {
        let invoice = try requireInvoice(command.invoiceID)
        guard let dispute = invoice.disputes.last, dispute.resolved == nil else {
            throw .notDisputed(invoice.id)
        }
        guard command.date >= dispute.opened.date else {
            throw .dateBeforeDispute(
                invoice: invoice.id,
                date: command.date,
                disputeDate: dispute.opened.date
            )
        }
        try checkPeriodOpen(command.date)
        let event = InvoiceDisputeResolved(
            invoiceID: invoice.id,
            date: command.date,
            resolution: command.resolution
        )
        return [.invoiceDisputeResolved(event)]
    }

    /// Records a promise made today (or on the issue date, for an invoice dated later), for
    /// no more than the invoice's open amount at the head.
    func promisePayment(_ command: PromisePayment) throws(Rejection) -> [LedgerEvent] {
        let invoice = try requireInvoice(command.invoiceID)
        guard invoice.void == nil else { throw .invoiceVoided(invoice.id) }
        guard command.amount.currency == invoice.currency else {
            throw .currencyMismatch(expected: invoice.currency, actual: command.amount.currency)
        }
        try checkNotBeforeIssue(command.date, invoice)
        let madeOn = max(context.today, invoice.issueDate)
        try checkPeriodOpen(madeOn)
        try checkWithinOpen(command.amount, of: invoice)
        let event = InvoicePromised(
            invoiceID: invoice.id,
            amount: command.amount,
            date: madeOn,
            promisedDate: command.date
        )
        return [.invoicePromised(event)]
    }

    private func checkNotBeforeIssue(_ date: LedgerDate, _ invoice: InvoiceRecord)
        throws(Rejection)
    {
        guard date >= invoice.issueDate else {
            throw .dateBeforeIssue(invoice: invoice.id, date: date, issueDate: invoice.issueDate)
        }
    }
}
