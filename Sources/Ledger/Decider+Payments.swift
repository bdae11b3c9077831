extension Decider {
    func recordPayment(_ command: RecordPayment) throws(Rejection) -> [LedgerEvent] {
        guard state.paymentIndex(command.paymentID) == nil else {
            throw .duplicatePayment(command.paymentID)
        }
        let customer = try requireCustomer(command.customerID)
        try checkPeriodOpen(command.date)
        let received = PaymentReceived(
            paymentID: command.paymentID,
            customerID: command.customerID,
            amount: command.amount,
            date: command.date,
            method: command.method,
            reference: command.reference
        )
        var events: [LedgerEvent] = [.paymentReceived(received)]
        let allocations: [Allocation]
        if let requested = command.allocations {
            try checkAllocations(
                requested,
                payment: command.paymentID,
                customer: customer,
                date: command.date,
                unapplied: command.amount
            )
            allocations = requested
        } else {
            allocations = automaticAllocations(
                customer: customer,
                amount: command.amount,
                date: command.date
            )
        }
        if !allocations.isEmpty {
            let event = PaymentAllocated(
                paymentID: command.paymentID,
                date: command.date,
                allocations: allocations,
                automatic: command.allocations == nil
            )
            events.append(.paymentAllocated(event))
            events += settlements(
                after: allocations,
                payment: command.paymentID,
                paymentDate: command.date,
                date: command.date
            )
        }
        return events
    }

    func allocatePayment(_ command: AllocatePayment) throws(Rejection) -> [LedgerEvent] {
        guard let payment = state.payment(command.paymentID) else {
            throw .unknownPayment(command.paymentID)
        }
        guard payment.reversal == nil else { throw .alreadyReversed(payment.id) }
        guard command.currency == payment.currency else {
            throw .currencyMismatch(expected: payment.currency, actual: command.currency)
        }
        let date = command.date ?? payment.time.date
        guard date >= payment.time.date else {
            throw .dateBeforePayment(
                payment: payment.id,
                date: date,
                paymentDate: payment.time.date
            )
        }
        try checkPeriodOpen(date)
        try checkAllocations(
            command.allocations,
            payment: payment.id,
            customer: Int(payment.customer),
            date: date,
            unapplied: Money(minorUnits: payment.unappliedAtHead, currency: payment.currency)
        )
        let event = PaymentAllocated(
            paymentID: payment.id,
            date: date,
            allocations: command.allocations
        )
        return [.paymentAllocated(event)]
            + settlements(
                after: command.allocations,
                payment: payment.id,
                paymentDate: payment.time.date,
                date: date
            )
    }

    func reversePayment(_ command: ReversePayment) throws(Rejection) -> [LedgerEvent] {
        guard let payment = state.payment(command.paymentID) else {
            throw .unknownPayment(command.paymentID)
        }
        guard payment.reversal == nil else { throw .alreadyReversed(payment.id) }
        guard command.date >= payment.time.date else {
            throw .dateBeforePayment(
                payment: payment.id,
                date: command.date,
                paymentDate: payment.time.date
            )
        }
        try checkPeriodOpen(command.date)
        return [
            .paymentReversed(
                PaymentReversed(paymentID: payment.id, date: command.date, reason: command.reason)
            )
        ]
    }

    /// Checks explicit allocations: each invoice applicable and within its open amount, the sum
    /// within the payment's unapplied amount; all against the head state.
    private func checkAllocations(
        _ allocations: [Allocation],
        payment: PaymentID,
        customer: Int,
        date: LedgerDate,
        unapplied: Money
    ) throws(Rejection) {
        var total = Money.zero(unapplied.currency)
        for allocation in allocations {
            let invoice = try requireInvoice(allocation.invoiceID)
            try checkApplicable(
                invoice,
                customer: customer,
                currency: allocation.amount.currency,
                date: date
            )
            try checkWithinOpen(allocation.amount, of: invoice)
            total += allocation.amount
        }
        guard total <= unapplied else {
            throw .overAllocation(payment: payment, requested: total, unapplied: unapplied)
        }
    }

    /// Oldest due date (of the oldest open instalment) first, then issue date, then invoice id,
    /// among the customer's invoices
    /// open at the head in the payment's currency and issued on or before its date.
    private func automaticAllocations(customer: Int, amount: Money, date: LedgerDate)
        -> [Allocation]
    {
        var candidates: [InvoiceRecord] = []
        for index in state.customers[customer].openInvoices {
            let invoice = state.invoices[Int(index)]
            if invoice.currency == amount.currency, invoice.issueDate <= date,
                invoice.openAtHead > 0,
                invoice.void == nil
            {
                candidates.append(invoice)
            }
        }
        // An instalment plan is as old as its oldest open part.
        let due = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.nextDueAtHead) })
        candidates.sort { lhs, rhs in
            let (left, right) = (due[lhs.id] ?? lhs.dueDate, due[rhs.id] ?? rhs.dueDate)
            if left != right { return left < right }
            if lhs.issueDate != rhs.issueDate { return lhs.issueDate < rhs.issueDate }
            return lhs.id < rhs.id
        }
        var remaining = amount.minorUnits
        var allocations: [Allocation] = []
        for invoice in candidates where remaining > 0 {
            // Within the discount window, the discounted amount settles the invoice.
            let needed = invoice.openAtHead - availableDiscount(invoice, paymentDate: date)
            let applied = min(remaining, needed)
            guard applied > 0 else { continue }
            allocations.append(
                Allocation(
                    invoiceID: invoice.id,
                    amount: Money(minorUnits: applied, currency: amount.currency)
                )
            )
            remaining -= applied
        }
        return allocations
    }

    /// What closes invoices that the allocations leave barely open: the early-payment discount
    /// when the payment came within the window and the leftover is no more than the discount,
    /// else an automatic write-off when the leftover is within the currency's tolerance.
    private func settlements(
        after allocations: [Allocation],
        payment: PaymentID,
        paymentDate: LedgerDate,
        date: LedgerDate
    ) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        for allocation in allocations {
            let currency = allocation.amount.currency
            guard let invoice = state.invoice(allocation.invoiceID) else { continue }
            let leftover = invoice.openAtHead - allocation.amount.minorUnits
            guard leftover > 0 else { continue }
            if leftover <= availableDiscount(invoice, paymentDate: paymentDate) {
                let event = InvoiceDiscountTaken(
                    invoiceID: invoice.id,
                    paymentID: payment,
                    amount: Money(minorUnits: leftover, currency: currency),
                    date: date
                )
                events.append(.invoiceDiscountTaken(event))
                continue
            }
            guard let tolerance = state.settings.writeOffTolerances[currency],
                leftover <= tolerance
            else { continue }
            let event = InvoiceWrittenOff(
                invoiceID: invoice.id,
                amount: Money(minorUnits: leftover, currency: currency),
                date: date,
                reason: "write-off tolerance",
                automatic: true
            )
            events.append(.invoiceWrittenOff(event))
        }
        return events
    }
}
