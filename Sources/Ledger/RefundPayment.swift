/// `payment.refund`: pays unapplied cash of a payment back to the customer.
package struct RefundPayment: Hashable, Sendable {
    /// The payment refunded.
    package let paymentID: PaymentID
    /// The amount paid back; positive.
    package let amount: Money
    /// When the refund takes effect.
    package let date: LedgerDate
    /// Why, such as `overpayment`.
    package let reason: String

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a non-positive amount or a bad reason text.
    package init(paymentID: PaymentID, amount: Money, date: LedgerDate, reason: String)
        throws(ParameterError)
    {
        try ParameterError.checkPositive(amount, currency: amount.currency, field: "amount")
        try ParameterError.checkText(reason, field: "reason")
        self.paymentID = paymentID
        self.amount = amount
        self.date = date
        self.reason = reason
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("payment_id", string: paymentID.rawValue)
        object.add("amount", money: amount)
        object.add("currency", string: amount.currency.code)
        object.add("date", date: date)
        object.add("reason", string: reason)
        return object
    }
}
