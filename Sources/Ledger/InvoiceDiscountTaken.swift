/// `invoice.discount_taken`: a payment within the early-payment window settled the discounted
/// amount, so the rest of the invoice is credited as the discount.
package struct InvoiceDiscountTaken: Hashable, Sendable {
    /// The invoice discounted.
    package var invoiceID: InvoiceID
    /// The payment that earned it; a reversal of that payment takes the discount back.
    package var paymentID: PaymentID
    /// The discount; positive.
    package var amount: Money
    /// When it takes effect: the allocation's date.
    package var date: LedgerDate

    /// Creates the event.
    package init(invoiceID: InvoiceID, paymentID: PaymentID, amount: Money, date: LedgerDate) {
        self.invoiceID = invoiceID
        self.paymentID = paymentID
        self.amount = amount
        self.date = date
    }
}
