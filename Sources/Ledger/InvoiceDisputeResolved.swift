/// `invoice.dispute_resolved`: the open dispute on the invoice is settled from `date` on;
/// any money consequence is a command of its own (credit note, write-off).
package struct InvoiceDisputeResolved: Hashable, Sendable {
    /// The invoice.
    package var invoiceID: InvoiceID
    /// When the dispute was resolved.
    package var date: LedgerDate
    /// How.
    package var resolution: String

    /// Creates the event.
    package init(invoiceID: InvoiceID, date: LedgerDate, resolution: String) {
        self.invoiceID = invoiceID
        self.date = date
        self.resolution = resolution
    }
}
