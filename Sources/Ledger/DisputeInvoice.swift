/// `invoice.dispute`: records that the customer contests an invoice.
package struct DisputeInvoice: Hashable, Sendable {
    /// The invoice.
    package let invoiceID: InvoiceID
    /// When the dispute was raised.
    package let date: LedgerDate
    /// What is contested.
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
