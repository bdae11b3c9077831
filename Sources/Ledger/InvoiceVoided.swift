/// `invoice.voided`: from `date` on the invoice counts for nothing.
package struct InvoiceVoided: Hashable, Sendable {
    /// The invoice.
    package var invoiceID: InvoiceID
    /// When the void takes effect.
    package var date: LedgerDate
    /// Why.
    package var reason: String

    /// Creates the event.
    package init(
        invoiceID: InvoiceID,
        date: LedgerDate,
        reason: String
    ) {
        self.invoiceID = invoiceID
        self.date = date
        self.reason = reason
    }
}
