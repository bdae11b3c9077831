/// `invoice.promise`: records the customer's promise to pay `amount` of an invoice by `date`.
package struct PromisePayment: Hashable, Sendable {
    /// The invoice.
    package let invoiceID: InvoiceID
    /// The date the customer promised to pay by.
    package let date: LedgerDate
    /// The amount promised; positive.
    package let amount: Money

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a non-positive amount.
    package init(invoiceID: InvoiceID, date: LedgerDate, amount: Money) throws(ParameterError) {
        try ParameterError.checkPositive(amount, currency: amount.currency, field: "amount")
        self.invoiceID = invoiceID
        self.date = date
        self.amount = amount
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("invoice_id", string: invoiceID.rawValue)
        object.add("date", date: date)
        object.add("amount", money: amount)
        object.add("currency", string: amount.currency.code)
        return object
    }
}
