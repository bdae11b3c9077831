/// One part of an invoice's payment schedule: an amount due on its own date.
package struct Instalment: Hashable, Sendable {
    /// When this part is due; it ages from this date.
    package let dueDate: LedgerDate
    /// The amount due; positive.
    package let amount: Money

    /// Creates an instalment.
    package init(dueDate: LedgerDate, amount: Money) {
        self.dueDate = dueDate
        self.amount = amount
    }

    /// The canonical payload form: `{"amount": "…", "due_date": "…"}`.
    package var payload: PayloadValue {
        .object([
            PayloadMember("amount", .string(amount.decimalText)),
            PayloadMember("due_date", .string(dueDate.description)),
        ])
    }

    /// Checks a schedule for an invoice of `total` issued on `issueDate`: 2...120 positive
    /// amounts in its currency adding up to the total, due dates strictly increasing and not
    /// before the issue date.
    /// - Throws: ``ParameterError`` naming `instalments`.
    package static func check(
        _ schedule: [Instalment],
        total: Money,
        issueDate: LedgerDate
    ) throws(ParameterError) {
        guard (2...InstalmentSplit.maximumCount).contains(schedule.count) else {
            throw .invalidValue(
                "instalments",
                "instalments must list 2 to \(InstalmentSplit.maximumCount) parts"
            )
        }
        var sum: Int64 = 0
        var previous: LedgerDate?
        for (index, instalment) in schedule.enumerated() {
            try ParameterError.checkPositive(
                instalment.amount,
                currency: total.currency,
                field: "instalments[\(index)].amount"
            )
            guard instalment.dueDate >= issueDate, previous.map({ $0 < instalment.dueDate }) ?? true
            else {
                throw .invalidValue(
                    "instalments[\(index)].due_date",
                    "instalment due dates must increase and not be before issue_date"
                )
            }
            previous = instalment.dueDate
            sum += instalment.amount.minorUnits
            guard Money.isInRange(sum) else { throw .nonPositiveAmount("instalments") }
        }
        guard sum == total.minorUnits else {
            throw .invalidValue(
                "instalments",
                "instalment amounts must add up to the invoice's total"
            )
        }
    }
}
