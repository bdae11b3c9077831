/// `invoice.void`: cancels an invoice that nothing was ever applied to, from `date` on.
package struct VoidInvoice: Hashable, Sendable {
    /// The invoice to void.
    package let invoiceID: InvoiceID
    /// The date the void takes effect.
    package let date: LedgerDate
    /// Why it is voided.
    package let reason: String

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a bad reason text.
    package init(invoiceID: InvoiceID, date: LedgerDate, reason: String) throws(ParameterError) {
        try ParameterError.checkText(reason, field: "reason")
        self.invoiceID = invoiceID
        self.date = date
        self.reason = reason
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("invoice_id", string: invoiceID.rawValue)
        object.add("date", date: date)
        object.add("reason", string: reason)
        return object
    }
}
