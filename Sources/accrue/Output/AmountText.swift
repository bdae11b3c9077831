/// Formatting the wire's decimal amounts for people: thousands separators, sign kept, digits
/// never changed (no rounding, no conversion through floating point).
enum AmountText {
    /// Whether `text` is a decimal amount as the wire writes it (`-1190.50`, `0`, `12.345`).
    static func isDecimal(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty
                && part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }

    /// `1234567.50` as `1,234,567.50`; anything that is not a decimal is returned unchanged.
    static func grouped(_ text: String) -> String {
        guard isDecimal(text) else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        var integer = ""
        for (index, character) in parts[0].reversed().enumerated() {
            if index > 0, index % 3 == 0 { integer.append(",") }
            integer.append(character)
        }
        let fraction = parts.count == 2 ? "." + parts[1] : ""
        return (negative ? "-" : "") + String(integer.reversed()) + fraction
    }

    /// Whether a column of this name holds amounts when its values are decimal strings: not an
    /// identifier or reference, which may happen to be all digits.
    static func isAmountColumn(_ name: String) -> Bool {
        !(name == "id" || name.hasSuffix("_id") || name == "reference" || name.hasSuffix("hash"))
    }
}
