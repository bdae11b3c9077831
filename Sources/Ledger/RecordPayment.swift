/// `payment.record`: cash received from a customer, optionally applied to invoices.
package struct RecordPayment: Hashable, Sendable {
    /// The new payment's id; must not exist yet.
    package let paymentID: PaymentID
    /// The paying customer.
    package let customerID: CustomerID
    /// The payment's currency.
    package let currency: Currency
    /// The amount received; positive.
    package let amount: Money
    /// The value date; allocations given here take effect on it.
    package let date: LedgerDate
    /// How it was paid, such as `bank_transfer`.
    package let method: String
    /// The payer's reference, such as the remittance text.
    package let reference: String?
    /// Explicit allocations; nil allocates automatically oldest due first, `[]` leaves it all unapplied.
    package let allocations: [Allocation]?

    /// Creates the command.
    /// - Throws: ``ParameterError`` for non-positive or foreign-currency amounts, an invoice
    ///   listed twice, allocations over the amount, or bad text.
    package init(
        paymentID: PaymentID,
        customerID: CustomerID,
        currency: Currency,
        amount: Money,
        date: LedgerDate,
        method: String,
        reference: String? = nil,
        allocations: [Allocation]? = nil
    ) throws(ParameterError) {
        try ParameterError.checkPositive(amount, currency: currency, field: "amount")
        guard TextRules.isValid(method, maximumBytes: 64) else { throw .invalidText("method") }
        try ParameterError.checkText(reference, field: "reference")
        if let allocations {
            try Allocation.validate(allocations, currency: currency)
        }
        self.paymentID = paymentID
        self.customerID = customerID
        self.currency = currency
        self.amount = amount
        self.date = date
        self.method = method
        self.reference = reference
        self.allocations = allocations
    }

    /// The typed parameters in canonical form; absent and empty allocations differ.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("payment_id", string: paymentID.rawValue)
        object.add("customer_id", string: customerID.rawValue)
        object.add("currency", string: currency.code)
        object.add("amount", money: amount)
        object.add("date", date: date)
        object.add("method", string: method)
        object.add("reference", string: reference)
        object.add("allocations", allocations.map { .array($0.map(\.payload)) })
        return object
    }
}
