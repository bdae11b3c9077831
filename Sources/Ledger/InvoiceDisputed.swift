/// `invoice.disputed`: the customer contests the invoice; from `date` on it shows as disputed
/// until a resolution.
package struct InvoiceDisputed: Hashable, Sendable {
    /// The invoice.
    package var invoiceID: InvoiceID
    /// When the dispute was raised.
    package var date: LedgerDate
    /// What the customer contests.
    package var reason: String

    /// Creates the event.
    package init(invoiceID: InvoiceID, date: LedgerDate, reason: String) {
        self.invoiceID = invoiceID
        self.date = date
        self.reason = reason
    }
}
