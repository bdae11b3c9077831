/// `payment.reverse`: a payment bounced or was charged back; from `date` on it counts for nothing.
package struct ReversePayment: Hashable, Sendable {
    /// The payment reversed.
    package let paymentID: PaymentID
    /// The date the reversal takes effect.
    package let date: LedgerDate
    /// Why, such as `chargeback`.
    package let reason: String

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a bad reason text.
    package init(paymentID: PaymentID, date: LedgerDate, reason: String) throws(ParameterError) {
        try ParameterError.checkText(reason, field: "reason")
        self.paymentID = paymentID
        self.date = date
        self.reason = reason
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("payment_id", string: paymentID.rawValue)
        object.add("date", date: date)
        object.add("reason", string: reason)
        return object
    }
}
