/// Terms that split an invoice into `count` instalments: the first due on the terms' due
/// date, each next one `intervalDays` later; equal shares, the indivisible minor units going
/// one each to the earliest instalments.
package struct InstalmentSplit: Hashable, Sendable {
    /// The most instalments an invoice may have.
    package static let maximumCount = 120

    /// How many instalments, 2...120.
    package let count: Int
    /// Days between consecutive due dates, 1...3650.
    package let intervalDays: Int

    /// Creates a split.
    /// - Throws: `invalid_value` for a count outside 2...120 or an interval outside 1...3650.
    package init(count: Int, intervalDays: Int) throws(ParameterError) {
        guard (2...InstalmentSplit.maximumCount).contains(count) else {
            throw .invalidValue(
                "terms.instalments.count",
                "instalments.count must be 2 to \(InstalmentSplit.maximumCount)"
            )
        }
        guard (1...PaymentTerms.maximumDays).contains(intervalDays) else {
            throw .invalidValue(
                "terms.instalments.interval_days",
                "instalments.interval_days must be 1 to \(PaymentTerms.maximumDays)"
            )
        }
        self.count = count
        self.intervalDays = intervalDays
    }

    /// The schedule for `amount` with the first instalment due on `firstDue`.
    ///
    /// An amount of fewer minor units than ``count`` is split into as many parts as it has
    /// units, since no part may be zero; one unit is no schedule at all (empty).
    package func schedule(_ amount: Money, firstDue: LedgerDate) -> [Instalment] {
        let parts = Int(min(Int64(count), max(amount.minorUnits, 0)))
        guard parts >= 2 else { return [] }
        let share = amount.minorUnits / Int64(parts)
        let extra = Int(amount.minorUnits % Int64(parts))
        return (0..<parts).map { index in
            Instalment(
                dueDate: firstDue.adding(days: index * intervalDays),
                amount: Money(
                    minorUnits: share + (index < extra ? 1 : 0),
                    currency: amount.currency
                )
            )
        }
    }

    /// The canonical payload form: `{"count": N, "interval_days": N}`.
    package var payload: PayloadValue {
        .object([
            PayloadMember("count", .int(Int64(count))),
            PayloadMember("interval_days", .int(Int64(intervalDays))),
        ])
    }
}
