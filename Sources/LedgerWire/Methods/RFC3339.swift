internal import Ledger

/// RFC 3339 timestamps (`2026-01-05T12:30:00.25+01:00`) to and from microseconds since the
/// Unix epoch, without Foundation.
package enum RFC3339 {
    /// The instant `text` names, in microseconds since the Unix epoch; nil if it is not a
    /// valid RFC 3339 date-time (`T` or `t` or a space between date and time; `Z`, `z` or a
    /// `±HH:MM` offset; at most 6 fraction digits are kept, more are truncated).
    package static func micros(parsing text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20,
            let date = bytes.withUnsafeBytes({ LedgerDate(bytes: .init(rebasing: $0[0..<10])) })
        else {
            return nil
        }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = number(bytes, 11, 2), hour < 24,
            let minute = number(bytes, 14, 2), minute < 60,
            let second = number(bytes, 17, 2), second < 61
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, let digit = number(bytes, index, 1) {
                if digits < 6 { fraction = fraction * 10 + digit }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
        }
        guard let offsetSeconds = offset(bytes, from: index) else { return nil }
        let seconds =
            Int64(date.daysSinceEpoch) * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
            - offsetSeconds
        return seconds * 1_000_000 + fraction
    }

    /// The zone offset in seconds east of UTC at `index`, which must end the text.
    private static func offset(_ bytes: [UInt8], from index: Int) -> Int64? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return index + 1 == bytes.count ? 0 : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count == index + 6, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = number(bytes, index + 1, 2), hours < 24,
                let minutes = number(bytes, index + 4, 2), minutes < 60
            else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return bytes[index] == UInt8(ascii: "-") ? -seconds : seconds
        default:
            return nil
        }
    }

    /// The decimal value of `count` ASCII digits at `start`; nil if any is not a digit.
    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        guard start + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[start..<start + count] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` for microseconds since the Unix epoch, UTC: how the
    /// socket and the CLI write recorded-at times.
    package static func format(micros: Int64) -> String {
        let (seconds, fraction) = floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let date = LedgerDate(days: Int32(days))
        return "\(date)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):"
            + "\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))Z"
    }

    /// Quotient rounded toward negative infinity, and the non-negative remainder.
    package static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
