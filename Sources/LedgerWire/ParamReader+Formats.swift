package import Ledger

extension ParamReader {
    /// Which signs an amount parameter may have.
    package enum AmountSign: Sendable {
        /// Greater than zero, as invoice and payment amounts are.
        case positive
        /// Zero or more, such as a write-off tolerance.
        case nonNegative
        /// Any sign, such as an adjustment.
        case any
    }

    /// A required amount: a decimal STRING such as `"125.50"` (a JSON number is refused).
    ///
    /// The syntax is `-?(0|[1-9][0-9]*)(\.[0-9]+)?`; the currency's decimal places are the
    /// caller's check, since only it knows the currency. Report that with
    /// ``invalid(_:reason:message:)`` and reason `invalid_amount`.
    ///
    /// - Parameters:
    ///   - key: The member's key.
    ///   - sign: The signs accepted; positive by default.
    /// - Returns: The amount's text, exactly as sent.
    /// - Throws: `missing_field` or `invalid_amount`.
    package mutating func amount(_ key: String, sign: AmountSign = .positive) throws(RPCError)
        -> String
    {
        try checkedAmount(key, try required(key), sign: sign)
    }

    /// An optional amount; `nil` when absent or null.
    ///
    /// - Throws: `invalid_amount`.
    package mutating func optionalAmount(
        _ key: String,
        sign: AmountSign = .positive
    ) throws(RPCError) -> String? {
        guard let value = present(key) else { return nil }
        return try checkedAmount(key, value, sign: sign)
    }

    func checkedAmount(_ key: String, _ value: JSONValue, sign: AmountSign) throws(RPCError)
        -> String
    {
        let field = fieldPath(key)
        guard case .string(let text) = value else {
            throw invalid(
                key,
                reason: "invalid_amount",
                message:
                    "\(field) must be a decimal string such as \"125.50\", not \(value.typeName)"
            )
        }
        guard let (negative, zero) = Self.decimalShape(text) else {
            throw invalid(
                key,
                reason: "invalid_amount",
                message: "\(field) must be a decimal string such as \"125.50\""
            )
        }
        switch sign {
        case .positive where negative || zero:
            throw invalid(key, reason: "invalid_amount", message: "\(field) must be positive")
        case .nonNegative where negative && !zero:
            throw invalid(key, reason: "invalid_amount", message: "\(field) must not be negative")
        default:
            return text
        }
    }

    /// Checks decimal syntax; returns whether the text is negative and whether it is zero.
    static func decimalShape(_ text: String) -> (negative: Bool, zero: Bool)? {
        var text = text
        return text.withUTF8 { bytes -> (negative: Bool, zero: Bool)? in
            var index = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative { index = 1 }
            var zero = true
            let integerStart = index
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                zero = zero && bytes[index] == UInt8(ascii: "0")
                index += 1
            }
            let integerDigits = index - integerStart
            guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0")
            else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                    zero = zero && bytes[index] == UInt8(ascii: "0")
                    index += 1
                }
                guard index > fractionStart else { return nil }
            }
            return index == bytes.count ? (negative, zero) : nil
        }
    }

    /// A required date in strict `YYYY-MM-DD` form (an existing day, 0001-01-01…9999-12-31).
    ///
    /// - Throws: `missing_field` or `invalid_date` (also for a non-string).
    package mutating func date(_ key: String) throws(RPCError) -> LedgerDate {
        try checkedDate(key, try required(key))
    }

    /// An optional date; `nil` when absent or null.
    ///
    /// - Throws: `invalid_date`.
    package mutating func optionalDate(_ key: String) throws(RPCError) -> LedgerDate? {
        guard let value = present(key) else { return nil }
        return try checkedDate(key, value)
    }

    func checkedDate(_ key: String, _ value: JSONValue) throws(RPCError) -> LedgerDate {
        guard case .string(let text) = value, let date = LedgerDate(parsing: text) else {
            throw invalid(
                key,
                reason: "invalid_date",
                message: "\(fieldPath(key)) must be an existing date YYYY-MM-DD"
            )
        }
        return date
    }
}
