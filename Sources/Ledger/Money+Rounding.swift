extension Money {
    /// Multiplies by `numerator / denominator` and rounds half to even: the one rounding rule for
    /// derived amounts (line totals, tax, discounts, interest).
    ///
    /// The product is computed in 128 bits, so no intermediate overflow can change the result.
    /// - Returns: nil if the result is out of range.
    /// - Precondition: `denominator` is positive.
    package func multiplied(by numerator: Int64, dividedBy denominator: Int64) -> Money? {
        guard let minor = Money.roundHalfEven(minorUnits, times: numerator, over: denominator)
        else {
            return nil
        }
        return Money(checkedMinorUnits: minor, currency: currency)
    }

    /// Computes `value × numerator / denominator` rounded half to even, or nil on overflow.
    /// - Precondition: `denominator` is positive.
    package static func roundHalfEven(
        _ value: Int64,
        times numerator: Int64,
        over denominator: Int64
    )
        -> Int64?
    {
        precondition(denominator > 0, "non-positive denominator")
        let negative = (value < 0) != (numerator < 0)
        let product = value.magnitude.multipliedFullWidth(by: numerator.magnitude)
        let divisor = UInt64(denominator)
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        var rounded = quotient
        // Compare 2 × remainder with the divisor without overflowing.
        let half = divisor - remainder
        if remainder > half || (remainder == half && quotient & 1 == 1) {
            rounded += 1
        }
        guard rounded <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(rounded) : Int64(rounded)
    }
}
