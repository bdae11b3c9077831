/// `credit_note.issue`: credits a customer, against one invoice or on account.
package struct IssueCreditNote: Hashable, Sendable {
    /// The new credit note's id; must not exist yet.
    package let creditNoteID: CreditNoteID
    /// The customer credited.
    package let customerID: CustomerID
    /// The credit's currency.
    package let currency: Currency
    /// The amount credited; positive.
    package let amount: Money
    /// The date the credit takes effect.
    package let date: LedgerDate
    /// The invoice credited, or nil for a credit on account (reported as unapplied).
    package let invoiceID: InvoiceID?
    /// Why the credit is given.
    package let reason: String

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a non-positive or foreign-currency amount, or bad text.
    package init(
        creditNoteID: CreditNoteID,
        customerID: CustomerID,
        currency: Currency,
        amount: Money,
        date: LedgerDate,
        invoiceID: InvoiceID? = nil,
        reason: String
    ) throws(ParameterError) {
        try ParameterError.checkPositive(amount, currency: currency, field: "amount")
        try ParameterError.checkText(reason, field: "reason")
        self.creditNoteID = creditNoteID
        self.customerID = customerID
        self.currency = currency
        self.amount = amount
        self.date = date
        self.invoiceID = invoiceID
        self.reason = reason
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("credit_note_id", string: creditNoteID.rawValue)
        object.add("customer_id", string: customerID.rawValue)
        object.add("currency", string: currency.code)
        object.add("amount", money: amount)
        object.add("date", date: date)
        object.add("invoice_id", string: invoiceID?.rawValue)
        object.add("reason", string: reason)
        return object
    }
}
