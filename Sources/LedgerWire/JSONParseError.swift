/// Why a byte sequence is not one strict RFC 8259 JSON text, and where.
package struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Offset of the offending byte from the start of the input.
    package let offset: Int
    /// A short lower-case explanation, such as "expected ':' after object key".
    package let message: String

    /// Creates an error.
    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message with its offset, for logs and JSON-RPC error messages.
    package var description: String { "\(message) at byte \(offset)" }
}
