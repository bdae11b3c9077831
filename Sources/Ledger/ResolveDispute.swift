/// `invoice.resolve_dispute`: closes the open dispute on an invoice.
package struct ResolveDispute: Hashable, Sendable {
    /// The invoice.
    package let invoiceID: InvoiceID
    /// When the dispute was resolved.
    package let date: LedgerDate
    /// How it was resolved.
    package let resolution: String

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a bad resolution text.
    package init(invoiceID: InvoiceID, date: LedgerDate, resolution: String)
        throws(ParameterError)
    {
        try ParameterError.checkText(resolution, field: "resolution")
        self.invoiceID = invoiceID
        self.date = date
        self.resolution = resolution
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("invoice_id", string: invoiceID.rawValue)
        object.add("date", date: date)
        object.add("resolution", string: resolution)
        return object
    }
}
