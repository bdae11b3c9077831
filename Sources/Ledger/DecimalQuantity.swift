/// A non-negative decimal number with up to six decimals, for quantities and tax rates.
///
/// It is kept as an integer significand and a scale, normalised without trailing zeros, so
/// `"2.50"` and `"2.5"` are the same value and fingerprint alike.
package struct DecimalQuantity: Hashable, Sendable, CustomStringConvertible {
    /// The most decimals accepted.
    package static let maximumScale = 6
    /// The largest significand accepted (12 digits before scaling), so products stay exact.
    package static let maximumSignificand: Int64 = 999_999_999_999_999

    /// The digits as an integer: 25 for 2.5.
    package let significand: Int64
    /// Decimals: 1 for 2.5.
    package let scale: Int

    /// Creates a value from significand and scale, normalising trailing zeros away.
    package init?(significand: Int64, scale: Int) {
        guard significand >= 0, significand <= DecimalQuantity.maximumSignificand,
            (0...DecimalQuantity.maximumScale).contains(scale)
        else { return nil }
        var significand = significand
        var scale = scale
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        self.significand = significand
        self.scale = scale
    }

    /// Parses a plain non-negative decimal such as `"3"`, `"2.5"` or `"19.00"`; nil otherwise.
    package init?(parsing text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Self.digits(of: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self.init(significand: parsed.significand, scale: parsed.scale)
    }

    /// Parses the canonical text of a value (what ``description`` prints) from UTF-8 bytes; nil
    /// for any other text, `"2.50"` or `"02"` included.
    package init?(canonical bytes: UnsafeRawBufferPointer) {
        // A trailing zero after the point would be normalised away: such text is not canonical.
        guard let parsed = Self.digits(of: bytes),
            parsed.scale == 0 || bytes.last != UInt8(ascii: "0")
        else { return nil }
        self.init(significand: parsed.significand, scale: parsed.scale)
    }

    /// The digits of a plain decimal as an integer and the count after the point; nil for an
    /// empty text, a leading or trailing point, a leading zero before a digit, anything but
    /// digits and one point, or more than 15 digits.
    private static func digits(of bytes: UnsafeRawBufferPointer) -> (
        significand: Int64, scale: Int
    )? {
        guard let first = bytes.first, first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".")
        else { return nil }
        if bytes.count > 1, first == UInt8(ascii: "0"), bytes[1] != UInt8(ascii: ".") {
            return nil
        }
        var significand: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10, digits < 15 else { return nil }
            significand = significand * 10 + Int64(digit)
            digits += 1
            if seenPoint { scale += 1 }
        }
        return (significand, scale)
    }

    /// 10 to the power of ``scale``.
    package var denominator: Int64 {
        var result: Int64 = 1
        for _ in 0..<scale { result *= 10 }
        return result
    }

    /// The shortest decimal text: `"2.5"`, `"3"`.
    package var description: String {
        guard scale > 0 else { return String(significand) }
        let whole = significand / denominator
        var fraction = String(significand % denominator)
        while fraction.utf8.count < scale { fraction = "0" + fraction }
        return "\(whole).\(fraction)"
    }
}
