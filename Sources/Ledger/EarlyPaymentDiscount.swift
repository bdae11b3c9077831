/// An early-payment discount: `percent` off the invoice's amount when it is settled within
/// `days` of its issue date ("2/10": 2 % within 10 days).
///
/// The discount amount is `amount × percent / 100`, rounded half-even by
/// ``Money/multiplied(by:dividedBy:)``, the ledger's one rounding rule.
package struct EarlyPaymentDiscount: Hashable, Sendable {
    /// The most days a discount window may last.
    package static let maximumDays = 365

    /// The discount in percent, above 0 and below 100.
    package let percent: DecimalQuantity
    /// The window in days after the issue date; its last day still qualifies.
    package let days: Int

    /// Creates a discount.
    /// - Throws: `invalid_value` for a percent not strictly between 0 and 100 or days outside
    ///   0...365.
    package init(percent: DecimalQuantity, days: Int) throws(ParameterError) {
        guard percent.significand > 0, percent.significand < 100 * percent.denominator else {
            throw .invalidValue(
                "terms.discount.percent",
                "discount percent must be above 0 and below 100"
            )
        }
        guard (0...EarlyPaymentDiscount.maximumDays).contains(days) else {
            throw .invalidValue(
                "terms.discount.days",
                "discount days must be 0 to \(EarlyPaymentDiscount.maximumDays)"
            )
        }
        self.percent = percent
        self.days = days
    }

    /// The last day a payment earns the discount on an invoice issued on `issueDate`.
    package func lastDay(issuedOn issueDate: LedgerDate) -> LedgerDate {
        issueDate.adding(days: days)
    }

    /// The discount on `amount`, rounded half-even; nil on overflow.
    package func discount(on amount: Money) -> Money? {
        amount.multiplied(by: percent.significand, dividedBy: 100 * percent.denominator)
    }

    /// The canonical payload form: `{"days": N, "percent": "2.5"}`.
    package var payload: PayloadValue {
        .object([
            PayloadMember("days", .int(Int64(days))),
            PayloadMember("percent", .string(percent.description)),
        ])
    }
}
