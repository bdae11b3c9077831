/// `invoice.written_off`: part or all of an invoice's open amount was given up.
package struct InvoiceWrittenOff: Hashable, Sendable {
    /// The invoice.
    package var invoiceID: InvoiceID
    /// The amount written off; positive.
    package var amount: Money
    /// When it takes effect.
    package var date: LedgerDate
    /// Why.
    package var reason: String
    /// Whether the write-off tolerance closed a small leftover, rather than a user.
    package var automatic: Bool

    /// Creates the event.
    package init(
        invoiceID: InvoiceID,
        amount: Money,
        date: LedgerDate,
        reason: String,
        automatic: Bool = false
    ) {
        self.invoiceID = invoiceID
        self.amount = amount
        self.date = date
        self.reason = reason
        self.automatic = automatic
    }
}
