/// The text form of payment terms: `net 30`, `eom 10` (end of month plus 10 days), optionally
/// led by an early-payment discount `2/10` (2 % within 10 days): `"2/10 net 30"`.
package enum PaymentTermsText {
    /// Parses the text form.
    /// - Parameters:
    ///   - text: Such as `"2/10 net 30"`.
    ///   - field: The parameter's name, for errors.
    /// - Returns: The terms.
    /// - Throws: `invalid_value` naming `field` for any other text, and the rules of
    ///   ``PaymentTerms`` and ``EarlyPaymentDiscount``.
    package static func parse(_ text: String, field: String) throws(ParameterError)
        -> PaymentTerms
    {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let malformed = ParameterError.invalidValue(
            field,
            "\(field) must read like \"net 30\", \"eom 10\" or \"2/10 net 30\""
        )
        guard words.count == 2 || words.count == 3 else { throw malformed }
        var discount: EarlyPaymentDiscount?
        if words.count == 3 {
            let parts = words[0].split(separator: "/").map(String.init)
            guard parts.count == 2, let percent = DecimalQuantity(parsing: parts[0]),
                let days = Int(parts[1]), parts[1].utf8.count <= 4
            else { throw malformed }
            discount = try EarlyPaymentDiscount(percent: percent, days: days)
        }
        let kind: String
        switch words[words.count - 2] {
        case "net": kind = "net"
        case "eom": kind = "end_of_month"
        default: throw malformed
        }
        guard let days = Int(words[words.count - 1]), words[words.count - 1].utf8.count <= 5 else {
            throw malformed
        }
        return try PaymentTerms(kind: kind, days: days, discount: discount)
    }
}
