// Payment, credit, write-off, void and update makers of LedgerScenarioGenerator.

extension LedgerScenarioGenerator {
    /// A random customer with open invoices, and those invoices (at most a few tries).
    mutating func customerWithOpenInvoices(_ state: LedgerState) -> (
        CustomerRecord, [InvoiceRecord]
    )? {
        for _ in 0..<4 {
            guard let customer = randomCustomer(state), !customer.openInvoices.isEmpty else {
                continue
            }
            return (customer, customer.openInvoices.prefix(8).map { state.invoices[Int($0)] })
        }
        return nil
    }

    mutating func recordPayment(_ state: LedgerState) -> Command? {
        guard let (customer, open) = customerWithOpenInvoices(state), let first = open.first else {
            return nil
        }
        counters.payments += 1
        let currency = first.currency
        let sameCurrency = open.filter { $0.currency == currency }
        let latestIssue = sameCurrency.map(\.issueDate).max() ?? today
        let backdated =
            chance(5)
            ? max(latestIssue, today.adding(days: -Int.random(in: 1...20, using: &random))) : today
        let date = earliestOpenDate(state, from: max(backdated, latestIssue))
        let allocations: [Allocation]?
        let total: Int64
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<5:
            let chosen = sameCurrency.prefix(Int.random(in: 1...2, using: &random))
            allocations = chosen.map { invoice in
                let full = chance(70)
                let amount =
                    full
                    ? max(1, invoice.openAtHead - discountDue(invoice, paymentDate: date))
                    : max(1, invoice.openAtHead / Int64.random(in: 2...4, using: &random))
                return Allocation(
                    invoiceID: invoice.id,
                    amount: Money(minorUnits: amount, currency: currency)
                )
            }
            total = allocations?.reduce(0) { $0 + $1.amount.minorUnits } ?? 0
        case 5..<8:
            allocations = nil
            total = max(
                1,
                sameCurrency.reduce(0) { $0 + max($1.openAtHead, 0) }
                    * Int64.random(in: 3...12, using: &random) / 10
            )
        default:
            allocations = []
            total = max(1, first.openAtHead)
        }
        let command = try? RecordPayment(
            paymentID: PaymentID(validated: "PAY-\(1_000_000 + counters.payments)"),
            customerID: customer.id,
            currency: currency,
            amount: Money(minorUnits: min(total, Money.maximumMinorUnits), currency: currency),
            date: date,
            method: chance(80) ? "bank_transfer" : "card",
            reference: chance(60) ? "REF \(counters.payments)" : nil,
            allocations: allocations
        )
        return command.map(Command.recordPayment)
    }

    mutating func recentPayment(_ state: LedgerState, where accept: (PaymentRecord) -> Bool)
        -> PaymentRecord?
    {
        guard state.payments.count > 0 else { return nil }
        for _ in 0..<6 {
            let window = min(state.payments.count, 300)
            let payment = state.payments[
                state.payments.count - 1 - Int.random(in: 0..<window, using: &random)
            ]
            if accept(payment) { return payment }
        }
        return nil
    }

    mutating func allocatePayment(_ state: LedgerState) -> Command? {
        guard let payment = recentPayment(state, where: { $0.unappliedAtHead > 0 }) else {
            return nil
        }
        let customer = state.customers[Int(payment.customer)]
        let date = earliestOpenDate(state, from: today)
        guard
            let invoice = customer.openInvoices.lazy.map({ state.invoices[Int($0)] })
                .first(where: { $0.currency == payment.currency && $0.issueDate <= date })
        else { return nil }
        let amount = min(payment.unappliedAtHead, invoice.openAtHead)
        // Without a date the allocation takes the payment's date, which may be closed or before
        // the invoice's issue, so leave it out only when the payment's date fits.
        let paymentDateFits =
            payment.time.date >= invoice.issueDate && !state.settings.isClosed(payment.time.date)
        let command = try? AllocatePayment(
            paymentID: payment.id,
            date: paymentDateFits && chance(50) ? nil : max(date, payment.time.date),
            allocations: [
                Allocation(
                    invoiceID: invoice.id,
                    amount: Money(minorUnits: amount, currency: payment.currency)
                )
            ]
        )
        return command.map(Command.allocatePayment)
    }

    mutating func issueCreditNote(_ state: LedgerState) -> Command? {
        guard let (customer, open) = customerWithOpenInvoices(state), let invoice = pick(open)
        else { return nil }
        counters.creditNotes += 1
        let onAccount = chance(40)
        let amount =
            onAccount
            ? amount(invoice.currency, major: 5...200).minorUnits : max(1, invoice.openAtHead / 3)
        let command = try? IssueCreditNote(
            creditNoteID: CreditNoteID(validated: "CN-\(1_000_000 + counters.creditNotes)"),
            customerID: customer.id,
            currency: invoice.currency,
            amount: Money(minorUnits: amount, currency: invoice.currency),
            date: earliestOpenDate(state, from: max(today, invoice.issueDate)),
            invoiceID: onAccount ? nil : invoice.id,
            reason: onAccount ? "goodwill" : "price adjustment"
        )
        return command.map(Command.issueCreditNote)
    }

    mutating func writeOff(_ state: LedgerState) -> Command? {
        guard let (_, open) = customerWithOpenInvoices(state), let invoice = pick(open) else {
            return nil
        }
        let partial = chance(30)
        let command = try? WriteOffInvoice(
            invoiceID: invoice.id,
            amount: partial
                ? Money(minorUnits: max(1, invoice.openAtHead / 2), currency: invoice.currency)
                : nil,
            date: earliestOpenDate(state, from: max(today, invoice.issueDate)),
            reason: "uncollectible"
        )
        return command.map(Command.writeOffInvoice)
    }

    mutating func reversePayment(_ state: LedgerState) -> Command? {
        guard let payment = recentPayment(state, where: { $0.reversal == nil }) else { return nil }
        let command = try? ReversePayment(
            paymentID: payment.id,
            date: earliestOpenDate(state, from: max(today, payment.time.date)),
            reason: "chargeback"
        )
        return command.map(Command.reversePayment)
    }

    mutating func voidInvoice(_ state: LedgerState) -> Command? {
        guard state.invoices.count > 0 else { return nil }
        let invoice = state.invoices[
            state.invoices.count - 1
                - Int.random(in: 0..<min(50, state.invoices.count), using: &random)
        ]
        guard !invoice.hasApplications, invoice.void == nil else { return nil }
        let command = try? VoidInvoice(
            invoiceID: invoice.id,
            date: earliestOpenDate(state, from: max(today, invoice.issueDate)),
            reason: "issued in error"
        )
        return command.map(Command.voidInvoice)
    }

    mutating func updateCustomer(_ state: LedgerState) -> Command? {
        guard let customer = randomCustomer(state) else { return nil }
        let command = try? UpdateCustomer(
            customerID: customer.id,
            email: chance(20)
                ? .clear : .set("billing@\(customer.id.rawValue.lowercased()).example"),
            segment: chance(50) ? pick(Self.segments).map(FieldChange.set) : nil
        )
        return command.map(Command.updateCustomer)
    }
}
