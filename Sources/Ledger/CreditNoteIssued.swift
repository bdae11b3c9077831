/// `credit_note.issued`: a customer was credited, against an invoice or on account.
package struct CreditNoteIssued: Hashable, Sendable {
    /// The credit note's id.
    package var creditNoteID: CreditNoteID
    /// The customer credited.
    package var customerID: CustomerID
    /// The amount; positive.
    package var amount: Money
    /// When it takes effect.
    package var date: LedgerDate
    /// The invoice credited, nil on account.
    package var invoiceID: InvoiceID?
    /// Why.
    package var reason: String

    /// Creates the event.
    package init(
        creditNoteID: CreditNoteID,
        customerID: CustomerID,
        amount: Money,
        date: LedgerDate,
        invoiceID: InvoiceID? = nil,
        reason: String
    ) {
        self.creditNoteID = creditNoteID
        self.customerID = customerID
        self.amount = amount
        self.date = date
        self.invoiceID = invoiceID
        self.reason = reason
    }
}

extension CreditNoteIssued {
    /// The event a valid credit note records.
    package init(_ command: IssueCreditNote) {
        self.init(
            creditNoteID: command.creditNoteID,
            customerID: command.customerID,
            amount: command.amount,
            date: command.date,
            invoiceID: command.invoiceID,
            reason: command.reason
        )
    }
}
