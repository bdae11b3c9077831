/// `payment.reversed`: from `date` on the payment and all its allocations count for nothing.
package struct PaymentReversed: Hashable, Sendable {
    /// The payment.
    package var paymentID: PaymentID
    /// When the reversal takes effect.
    package var date: LedgerDate
    /// Why, such as a chargeback.
    package var reason: String

    /// Creates the event.
    package init(
        paymentID: PaymentID,
        date: LedgerDate,
        reason: String
    ) {
        self.paymentID = paymentID
        self.date = date
        self.reason = reason
    }
}
