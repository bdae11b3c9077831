/// `payment.allocated`: cash of a payment was applied to invoices, effective on `date`.
package struct PaymentAllocated: Hashable, Sendable {
    /// The payment.
    package var paymentID: PaymentID
    /// When the allocations take effect.
    package var date: LedgerDate
    /// The allocations, in the payment's currency; not empty.
    package var allocations: [Allocation]
    /// Whether the ledger chose them (oldest due first) rather than the client.
    package var automatic: Bool

    /// Creates the event.
    package init(
        paymentID: PaymentID,
        date: LedgerDate,
        allocations: [Allocation],
        automatic: Bool = false
    ) {
        self.paymentID = paymentID
        self.date = date
        self.allocations = allocations
        self.automatic = automatic
    }
}
