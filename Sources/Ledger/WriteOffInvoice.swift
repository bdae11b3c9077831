/// `invoice.write_off`: gives up all or part of an invoice's open amount.
package struct WriteOffInvoice: Hashable, Sendable {
    /// The invoice.
    package let invoiceID: InvoiceID
    /// The amount to write off; nil means all that is open at the head when recorded.
    package let amount: Money?
    /// The date the write-off takes effect.
    package let date: LedgerDate
    /// Why it is written off.
    package let reason: String

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a non-positive amount or a bad reason text.
    package init(invoiceID: InvoiceID, amount: Money?, date: LedgerDate, reason: String)
        throws(ParameterError)
    {
        if let amount, !amount.isPositive { throw .nonPositiveAmount("amount") }
        try ParameterError.checkText(reason, field: "reason")
        self.invoiceID = invoiceID
        self.amount = amount
        self.date = date
        self.reason = reason
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("invoice_id", string: invoiceID.rawValue)
        object.add("amount", money: amount)
        object.add("currency", string: amount?.currency.code)
        object.add("date", date: date)
        object.add("reason", string: reason)
        return object
    }
}
