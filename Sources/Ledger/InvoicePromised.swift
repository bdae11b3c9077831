/// `invoice.promised`: the customer promised to pay `amount` of the invoice by `promisedDate`.
package struct InvoicePromised: Hashable, Sendable {
    /// The invoice.
    package var invoiceID: InvoiceID
    /// The amount promised; positive.
    package var amount: Money
    /// When the promise was made (the business date it was recorded); it shows from then on.
    package var date: LedgerDate
    /// When the customer promised to pay.
    package var promisedDate: LedgerDate

    /// Creates the event.
    package init(invoiceID: InvoiceID, amount: Money, date: LedgerDate, promisedDate: LedgerDate) {
        self.invoiceID = invoiceID
        self.amount = amount
        self.date = date
        self.promisedDate = promisedDate
    }
}
