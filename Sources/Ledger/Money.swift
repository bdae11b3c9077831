/// An amount of one currency as an integer count of minor units (cents, yen, fils).
///
/// Never floating point: every amount the ledger stores or sends is exact. Amounts stay within
/// ±(2^53 − 1) minor units so that any JSON reader, including one that parses numbers as
/// doubles, sees them exactly.
package struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The largest magnitude of an amount, in minor units: 2^53 − 1.
    package static let maximumMinorUnits: Int64 = (1 << 53) - 1

    /// The amount in minor units of ``currency``.
    package let minorUnits: Int64
    /// The amount's currency.
    package let currency: Currency

    /// Creates an amount from minor units.
    /// - Precondition: `minorUnits` is within ±``maximumMinorUnits``.
    package init(minorUnits: Int64, currency: Currency) {
        precondition(Money.isInRange(minorUnits), "amount out of range")
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Creates an amount if `minorUnits` is within range, else nil.
    package init?(checkedMinorUnits minorUnits: Int64, currency: Currency) {
        guard Money.isInRange(minorUnits) else { return nil }
        self.init(minorUnits: minorUnits, currency: currency)
    }

    /// Zero in `currency`.
    package static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// Whether `minorUnits` is a storable amount.
    package static func isInRange(_ minorUnits: Int64) -> Bool {
        minorUnits >= -maximumMinorUnits && minorUnits <= maximumMinorUnits
    }

    /// Whether the amount is greater than zero.
    package var isPositive: Bool { minorUnits > 0 }

    /// Whether the amount is zero.
    package var isZero: Bool { minorUnits == 0 }

    /// The canonical decimal text, such as `"1190.00"`.
    package var description: String { decimalText }

    /// Adds two amounts of one currency.
    /// - Precondition: same currency, and the sum stays in range.
    package static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "mixed currencies")
        let (sum, overflow) = lhs.minorUnits.addingReportingOverflow(rhs.minorUnits)
        precondition(!overflow, "amount overflow")
        return Money(minorUnits: sum, currency: lhs.currency)
    }

    /// Subtracts two amounts of one currency.
    /// - Precondition: same currency, and the difference stays in range.
    package static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "mixed currencies")
        let (difference, overflow) = lhs.minorUnits.subtractingReportingOverflow(rhs.minorUnits)
        precondition(!overflow, "amount overflow")
        return Money(minorUnits: difference, currency: lhs.currency)
    }

    /// Negates an amount.
    package static prefix func - (amount: Money) -> Money {
        Money(minorUnits: -amount.minorUnits, currency: amount.currency)
    }

    /// Adds in place.
    package static func += (lhs: inout Money, rhs: Money) {
        lhs = lhs + rhs
    }

    /// Subtracts in place.
    package static func -= (lhs: inout Money, rhs: Money) {
        lhs = lhs - rhs
    }

    /// Orders two amounts of one currency.
    /// - Precondition: same currency.
    package static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "mixed currencies")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// Whether `lhs` is at most `rhs`.
    /// - Precondition: same currency.
    package static func <= (lhs: Money, rhs: Money) -> Bool {
        !(rhs < lhs)
    }

    /// Whether `lhs` is more than `rhs`.
    /// - Precondition: same currency.
    package static func > (lhs: Money, rhs: Money) -> Bool {
        rhs < lhs
    }

    /// The smaller of two amounts of one currency.
    package static func min(_ lhs: Money, _ rhs: Money) -> Money {
        rhs < lhs ? rhs : lhs
    }
}
