/// `payment.refunded`: unapplied cash of a payment was paid back to the customer; from `date`
/// on it no longer counts as paid.
package struct PaymentRefunded: Hashable, Sendable {
    /// The payment refunded.
    package var paymentID: PaymentID
    /// The amount paid back; positive, in the payment's currency.
    package var amount: Money
    /// When the refund takes effect.
    package var date: LedgerDate
    /// Why.
    package var reason: String

    /// Creates the event.
    package init(paymentID: PaymentID, amount: Money, date: LedgerDate, reason: String) {
        self.paymentID = paymentID
        self.amount = amount
        self.date = date
        self.reason = reason
    }
}
