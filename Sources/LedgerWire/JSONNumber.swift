/// A JSON number kept as its exact source text, with an exact `Int64` view for integers.
///
/// Amounts travel as strings, but ids, sequence numbers and counts are numbers: keeping the
/// text means nothing is rounded through `Double`, and an `id` like `1e3` or
/// `12345678901234567890` is echoed exactly as the client sent it.
package struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number's text as it appeared in the source (valid RFC 8259 number syntax).
    package let text: String
    /// The value when ``text`` is an integer literal (no fraction, no exponent) that fits in
    /// `Int64`, else `nil`.
    package let int64: Int64?

    /// Creates a number from already validated RFC 8259 number text.
    ///
    /// - Parameters:
    ///   - text: The exact number text.
    ///   - int64: Its integer value when the text is an in-range integer literal.
    init(validatedText text: String, int64: Int64?) {
        self.text = text
        self.int64 = int64
    }

    /// Creates the number for an integer.
    package init(_ value: Int64) {
        self.text = String(value)
        self.int64 = value
    }

    /// Whether the text is an integer literal: no fraction and no exponent, whatever its size.
    package var isIntegerLiteral: Bool {
        !text.utf8.contains {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }
    }

    /// The source text.
    package var description: String { text }

    /// Two numbers are equal when their texts are: `1.0` and `1` are different values here.
    package static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text
    }

    /// Hashes the text, consistently with ``==(_:_:)``.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
