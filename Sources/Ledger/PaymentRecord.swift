/// A payment in the projection: its cash, its allocations and its reversal, each with its times.
package struct PaymentRecord: Hashable, Sendable {
    /// One allocation of the payment to an invoice.
    package struct AllocationRecord: Hashable, Sendable {
        /// The invoice's index.
        package var invoice: Int32
        /// The amount in minor units; positive.
        package var amount: Int64
        /// When it takes effect and was recorded.
        package var time: FactTime
        /// Whether the ledger chose it automatically.
        package var automatic: Bool

        /// Creates an allocation record.
        package init(invoice: Int32, amount: Int64, time: FactTime, automatic: Bool) {
            self.invoice = invoice
            self.amount = amount
            self.time = time
            self.automatic = automatic
        }
    }

    /// The payment's id.
    package var id: PaymentID
    /// The payer's index.
    package var customer: Int32
    /// The amount received.
    package var amount: Money
    /// The value date and the sequence of `payment.received`.
    package var time: FactTime
    /// How it was paid.
    package var method: String
    /// The payer's reference.
    package var reference: String?
    /// Its allocations in log order.
    package var allocations: [AllocationRecord] = []
    /// The sum of its allocations (minor units), for the unapplied limit at the head.
    package var allocatedAtHead: Int64 = 0
    /// The reversal, if any.
    package var reversal: FactTime?
    /// The reversal's reason.
    package var reversalReason: String?
    /// Refunds of unapplied cash, in log order.
    package var refunds: [RefundRecord] = []
    /// The sum of its refunds (minor units), for the unapplied limit at the head.
    package var refundedAtHead: Int64 = 0

    /// Creates a record from a receipt.
    ///
    /// Inlined, so that evolving builds the record in place instead of copying it (a tenth of
    /// evolving's instructions).
    @inline(__always)
    package init(_ event: PaymentReceived, customer: Int32, sequence: UInt64) {
        id = event.paymentID
        self.customer = customer
        amount = event.amount
        time = FactTime(date: event.date, sequence: sequence)
        method = event.method
        reference = event.reference
    }

    /// The payment's currency.
    package var currency: Currency { amount.currency }

    /// What can still be allocated at the head (minor units): zero once reversed.
    package var unappliedAtHead: Int64 {
        reversal == nil ? amount.minorUnits - allocatedAtHead - refundedAtHead : 0
    }

    /// Whether the payment counts as paid at `time`: received, known, not reversed by then.
    @inline(__always)
    package func counts(at time: ReportTime) -> Bool {
        guard self.time.isVisible(at: time) else { return false }
        if let reversal, reversal.isVisible(at: time) { return false }
        return true
    }

    /// The unapplied cash at `time` in minor units: zero if the payment does not count.
    package func unapplied(at time: ReportTime) -> Int64 {
        guard counts(at: time) else { return 0 }
        var unapplied = paid(at: time)
        for allocation in allocations where allocation.time.isVisible(at: time) {
            unapplied -= allocation.amount
        }
        return unapplied
    }

    /// The cash that counts as paid at `time` in minor units: the amount less refunds by then,
    /// zero if the payment does not count.
    package func paid(at time: ReportTime) -> Int64 {
        guard counts(at: time) else { return 0 }
        var paid = amount.minorUnits
        for refund in refunds where refund.time.isVisible(at: time) { paid -= refund.amount }
        return paid
    }
}

/// A refund of a payment's unapplied cash.
package struct RefundRecord: Hashable, Sendable {
    /// The amount paid back, in the payment's minor units; positive.
    package var amount: Int64
    /// When it takes effect and was recorded.
    package var time: FactTime
    /// Why.
    package var reason: String

    /// Creates a refund record.
    package init(amount: Int64, time: FactTime, reason: String) {
        self.amount = amount
        self.time = time
        self.reason = reason
    }
}
