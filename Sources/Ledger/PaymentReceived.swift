/// `payment.received`: cash came in from a customer.
package struct PaymentReceived: Hashable, Sendable {
    /// The payment's id.
    package var paymentID: PaymentID
    /// The payer.
    package var customerID: CustomerID
    /// The amount; positive.
    package var amount: Money
    /// The value date.
    package var date: LedgerDate
    /// How it was paid.
    package var method: String
    /// The payer's reference.
    package var reference: String?

    /// Creates the event.
    package init(
        paymentID: PaymentID,
        customerID: CustomerID,
        amount: Money,
        date: LedgerDate,
        method: String,
        reference: String? = nil
    ) {
        self.paymentID = paymentID
        self.customerID = customerID
        self.amount = amount
        self.date = date
        self.method = method
        self.reference = reference
    }
}
