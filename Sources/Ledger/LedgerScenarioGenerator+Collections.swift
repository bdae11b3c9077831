// Refund, dispute and promise makers of LedgerScenarioGenerator, and the discount a payment
// would earn.

extension LedgerScenarioGenerator {
    /// The discount a payment on `paymentDate` would earn on `invoice`, so the generator can
    /// pay the discounted amount; zero outside the window or without discount terms.
    func discountDue(_ invoice: InvoiceRecord, paymentDate: LedgerDate) -> Int64 {
        guard let discount = invoice.terms?.discount, !invoice.discountTakenAtHead,
            paymentDate <= discount.lastDay(issuedOn: invoice.issueDate),
            let amount = discount.discount(on: invoice.amount)
        else { return 0 }
        return min(amount.minorUnits, max(invoice.openAtHead - 1, 0))
    }

    mutating func refundPayment(_ state: LedgerState) -> Command? {
        guard let payment = recentPayment(state, where: { $0.unappliedAtHead > 0 }) else {
            return nil
        }
        let amount = chance(50) ? payment.unappliedAtHead : max(1, payment.unappliedAtHead / 2)
        let command = try? RefundPayment(
            paymentID: payment.id,
            amount: Money(minorUnits: amount, currency: payment.currency),
            date: earliestOpenDate(state, from: max(today, payment.time.date)),
            reason: "overpayment"
        )
        return command.map(Command.refundPayment)
    }

    mutating func disputeOrResolve(_ state: LedgerState) -> Command? {
        let recent = max(0, state.invoices.count - 300)..<state.invoices.count
        let disputed =
            chance(50) ? recent.reversed().first { state.invoices[$0].isDisputedAtHead } : nil
        let candidate: InvoiceRecord?
        if let disputed {
            candidate = state.invoices[disputed]
        } else {
            candidate = customerWithOpenInvoices(state).flatMap { pick($0.1) }
        }
        guard let invoice = candidate else { return nil }
        let date = earliestOpenDate(state, from: max(today, invoice.issueDate))
        if let dispute = invoice.disputes.last, dispute.resolved == nil {
            let command = try? ResolveDispute(
                invoiceID: invoice.id,
                date: max(date, dispute.opened.date),
                resolution: "explained"
            )
            return command.map(Command.resolveDispute)
        }
        let command = try? DisputeInvoice(invoiceID: invoice.id, date: date, reason: "quantity")
        return command.map(Command.disputeInvoice)
    }

    mutating func promisePayment(_ state: LedgerState) -> Command? {
        guard let (_, open) = customerWithOpenInvoices(state), let invoice = pick(open),
            invoice.openAtHead > 0
        else { return nil }
        let command = try? PromisePayment(
            invoiceID: invoice.id,
            date: max(today, invoice.issueDate).adding(
                days: Int.random(in: 1...20, using: &random)
            ),
            amount: Money(minorUnits: invoice.openAtHead, currency: invoice.currency)
        )
        return command.map(Command.promisePayment)
    }
}
