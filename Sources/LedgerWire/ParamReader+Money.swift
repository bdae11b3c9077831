package import Ledger

extension ParamReader {
    /// A required currency: an ISO 4217 code string such as `"EUR"`.
    ///
    /// - Throws: `missing_field` or `invalid_currency` (also for a non-string).
    package mutating func currency(_ key: String) throws(RPCError) -> Currency {
        try checkedCurrency(key, try required(key))
    }

    /// An optional currency; `nil` when absent or null.
    ///
    /// - Throws: `invalid_currency`.
    package mutating func optionalCurrency(_ key: String) throws(RPCError) -> Currency? {
        guard let value = present(key) else { return nil }
        return try checkedCurrency(key, value)
    }

    func checkedCurrency(_ key: String, _ value: JSONValue) throws(RPCError) -> Currency {
        guard case .string(let code) = value, let currency = Currency(code: code) else {
            throw invalid(
                key,
                reason: "invalid_currency",
                message: "\(fieldPath(key)) must be an ISO 4217 currency code such as \"EUR\""
            )
        }
        return currency
    }

    /// A required amount in `currency`: a decimal string with at most the currency's decimals.
    ///
    /// - Parameters:
    ///   - key: The member's key.
    ///   - currency: The currency whose exponent limits the decimals.
    ///   - sign: The signs accepted; positive by default.
    /// - Returns: The amount.
    /// - Throws: `missing_field` or `invalid_amount` (wrong type, malformed, wrong sign, too
    ///   many decimals, beyond ±(2^53 − 1) minor units).
    package mutating func money(
        _ key: String,
        currency: Currency,
        sign: AmountSign = .positive
    ) throws(RPCError) -> Money {
        try checkedMoney(key, try amount(key, sign: sign), currency: currency)
    }

    /// An optional amount in `currency`; `nil` when absent or null.
    ///
    /// - Throws: `invalid_amount`.
    package mutating func optionalMoney(
        _ key: String,
        currency: Currency,
        sign: AmountSign = .positive
    ) throws(RPCError) -> Money? {
        guard let text = try optionalAmount(key, sign: sign) else { return nil }
        return try checkedMoney(key, text, currency: currency)
    }

    func checkedMoney(_ key: String, _ text: String, currency: Currency) throws(RPCError) -> Money {
        do {
            return try Money(parsing: text, currency: currency)
        } catch {
            let field = fieldPath(key)
            let message =
                switch error {
                case .tooPrecise:
                    "\(field) has more than \(currency.exponent) decimals for \(currency.code)"
                case .outOfRange: "\(field) is out of range"
                case .malformed: "\(field) must be a decimal string such as \"125.50\""
                }
            throw invalid(key, reason: "invalid_amount", message: message)
        }
    }
}
