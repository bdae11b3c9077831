/// A command parameter that is malformed on its own, whatever the ledger's state (-32602).
///
/// Command initialisers throw it, so the edge that parses JSON can report `data.reason` and
/// `data.field` without repeating the rules.
package struct ParameterError: Error, Equatable, Sendable {
    /// A stable snake_case reason, such as `invalid_amount`.
    package let reason: String
    /// The parameter's wire name, such as `amount` or `lines[2].quantity`.
    package let field: String
    /// A sentence for humans.
    package let message: String

    /// Creates an error.
    package init(reason: String, field: String, message: String) {
        self.reason = reason
        self.field = field
        self.message = message
    }

    /// An amount that must be positive and is not.
    package static func nonPositiveAmount(_ field: String) -> ParameterError {
        ParameterError(reason: "invalid_amount", field: field, message: "\(field) must be positive")
    }

    /// An amount in another currency than the command's.
    package static func currencyMismatch(_ field: String) -> ParameterError {
        ParameterError(
            reason: "invalid_amount",
            field: field,
            message: "\(field) must be in the command's currency"
        )
    }

    /// Free text that is empty, too long or has control characters.
    package static func invalidText(_ field: String) -> ParameterError {
        ParameterError(
            reason: "invalid_text",
            field: field,
            message:
                "\(field) must be 1 to \(TextRules.maximumByteCount) bytes without control characters"
        )
    }

    /// A value outside its allowed range or set.
    package static func invalidValue(_ field: String, _ message: String) -> ParameterError {
        ParameterError(reason: "invalid_value", field: field, message: message)
    }

    /// Checks optional free text.
    package static func checkText(_ text: String?, field: String) throws(ParameterError) {
        if let text, !TextRules.isValid(text) { throw invalidText(field) }
    }

    /// Checks that `amount` is positive and in `currency`.
    package static func checkPositive(
        _ amount: Money,
        currency: Currency,
        field: String
    ) throws(ParameterError) {
        guard amount.currency == currency else { throw currencyMismatch(field) }
        guard amount.isPositive else { throw nonPositiveAmount(field) }
    }
}
