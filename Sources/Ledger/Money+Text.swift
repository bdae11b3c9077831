/// Why a decimal amount string was refused.
package enum MoneyParseError: Error, Equatable, Sendable {
    /// Not a plain decimal number: empty, stray characters, leading zeros, a '+', spaces or exponents.
    case malformed
    /// More decimals than the currency's exponent allows; amounts are never rounded.
    case tooPrecise
    /// Beyond ±(2^53 − 1) minor units.
    case outOfRange
}

extension Money {
    /// Parses a decimal string such as `"125.50"` or `"-5"` in `currency`'s exponent.
    ///
    /// Fewer decimals than the exponent are padded (`"125.5"` is 125.50); more are refused, never
    /// rounded. No exponent notation, no leading '+', no spaces, no leading zeros (`"0.5"` is
    /// fine, `"00.5"` and `".5"` are not).
    /// - Throws: ``MoneyParseError``.
    package init(parsing text: String, currency: Currency) throws(MoneyParseError) {
        var text = text
        let result = text.withUTF8 { utf8 in
            Money.parse(UnsafeRawBufferPointer(utf8), currency: currency)
        }
        self = try result.get()
    }

    /// Parses the raw UTF-8 bytes of a decimal string; the same rules as ``init(parsing:currency:)``.
    package static func parse(
        _ text: UnsafeRawBufferPointer,
        currency: Currency
    ) -> Result<Money, MoneyParseError> {
        var index = 0
        let count = text.count
        var negative = false
        if index < count, text[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let integerStart = index
        var value: Int64 = 0
        while index < count, text[index] &- UInt8(ascii: "0") < 10 {
            guard index - integerStart < 16 else { return .failure(.outOfRange) }
            value = value * 10 + Int64(text[index] &- UInt8(ascii: "0"))
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return .failure(.malformed) }
        if integerDigits > 1, text[integerStart] == UInt8(ascii: "0") {
            return .failure(.malformed)
        }
        var fractionDigits = 0
        if index < count {
            guard text[index] == UInt8(ascii: "."), index + 1 < count else {
                return .failure(.malformed)
            }
            index += 1
            while index < count {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return .failure(.malformed) }
                fractionDigits += 1
                guard fractionDigits <= currency.exponent else { return .failure(.tooPrecise) }
                value = value * 10 + Int64(digit)
                index += 1
            }
        }
        for _ in fractionDigits..<currency.exponent {
            value *= 10
            guard value <= maximumMinorUnits else { return .failure(.outOfRange) }
        }
        guard value <= maximumMinorUnits else { return .failure(.outOfRange) }
        return .success(Money(minorUnits: negative ? -value : value, currency: currency))
    }

    /// The canonical decimal string: exactly the exponent's digits after the point (`"1190.00"`,
    /// `"5"` for JPY, `"-0.50"`).
    package var decimalText: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDecimalText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the canonical decimal string's bytes.
    package func appendDecimalText(to bytes: inout [UInt8]) {
        let exponent = currency.exponent
        var magnitude = minorUnits.magnitude
        if minorUnits < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits come out least significant first; 24 bytes hold 16 digits, a point and 4 decimals.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { scratch in
            var position = scratch.count
            var written = 0
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
                if written == exponent {
                    position -= 1
                    scratch[position] = UInt8(ascii: ".")
                }
            } while magnitude > 0 || written <= exponent
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[position...]))
        }
    }
}
