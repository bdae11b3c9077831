/// An amount of a payment applied to one invoice.
package struct Allocation: Hashable, Sendable {
    /// The invoice paid.
    package let invoiceID: InvoiceID
    /// The amount applied; positive.
    package let amount: Money

    /// Creates an allocation.
    package init(invoiceID: InvoiceID, amount: Money) {
        self.invoiceID = invoiceID
        self.amount = amount
    }

    /// Checks a list of requested allocations: positive amounts in `currency`, each invoice once.
    /// - Throws: ``ParameterError`` naming the offending element.
    package static func validate(_ allocations: [Allocation], currency: Currency)
        throws(ParameterError)
    {
        var seen = Set<InvoiceID>()
        for (index, allocation) in allocations.enumerated() {
            try ParameterError.checkPositive(
                allocation.amount,
                currency: currency,
                field: "allocations[\(index)].amount"
            )
            guard seen.insert(allocation.invoiceID).inserted else {
                throw .invalidValue(
                    "allocations[\(index)].invoice_id",
                    "each invoice may appear only once in allocations"
                )
            }
        }
    }

    /// The canonical payload form `{"amount": "…", "invoice_id": "…"}`.
    package var payload: PayloadValue {
        .object([
            PayloadMember("amount", .string(amount.decimalText)),
            PayloadMember("invoice_id", .string(invoiceID.rawValue)),
        ])
    }
}
