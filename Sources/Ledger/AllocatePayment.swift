/// `payment.allocate`: applies unapplied cash of a payment to invoices, later than the payment.
package struct AllocatePayment: Hashable, Sendable {
    /// The payment whose cash is applied.
    package let paymentID: PaymentID
    /// The date the allocations take effect; nil means the payment's date.
    package let date: LedgerDate?
    /// The allocations; not empty.
    package let allocations: [Allocation]

    /// Creates the command.
    /// - Throws: ``ParameterError`` for an empty list, non-positive amounts, mixed currencies or
    ///   an invoice listed twice.
    package init(paymentID: PaymentID, date: LedgerDate? = nil, allocations: [Allocation])
        throws(ParameterError)
    {
        guard let first = allocations.first else {
            throw .invalidValue("allocations", "allocations must not be empty")
        }
        try Allocation.validate(allocations, currency: first.amount.currency)
        self.paymentID = paymentID
        self.date = date
        self.allocations = allocations
    }

    /// The allocations' currency.
    package var currency: Currency {
        allocations[0].amount.currency
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("payment_id", string: paymentID.rawValue)
        object.add("date", date: date)
        object.add("currency", string: currency.code)
        object.add("allocations", .array(allocations.map(\.payload)))
        return object
    }
}
