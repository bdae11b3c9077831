/// A calendar day as whole days since 1970-01-01, without time or zone.
///
/// Business dates (issue, due, payment, as-of) are days: the caller turns a clock reading into
/// one in the ledger's business time zone, so the domain never reads a clock.
package struct LedgerDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    package let daysSinceEpoch: Int32

    /// The earliest representable date, 0001-01-01.
    package static let earliest = LedgerDate(year: 1, month: 1, day: 1) ?? LedgerDate(days: 0)
    /// The latest representable date, 9999-12-31.
    package static let latest = LedgerDate(year: 9999, month: 12, day: 31) ?? LedgerDate(days: 0)

    /// Creates a date from days since 1970-01-01.
    package init(days: Int32) {
        daysSinceEpoch = days
    }

    /// Creates a date from a proleptic Gregorian year (1...9999), month and day; nil if impossible.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        guard day >= 1, day <= LedgerDate.daysInMonth(year: year, month: month) else { return nil }
        // Days from civil, after Howard Hinnant's algorithm.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// The year, month and day.
    package var components: (year: Int, month: Int, day: Int) {
        let shifted = Int(daysSinceEpoch) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Whether `year` is a Gregorian leap year.
    package static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `days` later (earlier if negative).
    package func adding(days: Int) -> LedgerDate {
        LedgerDate(days: daysSinceEpoch + Int32(days))
    }

    /// The last day of this date's month.
    package var endOfMonth: LedgerDate {
        let (year, month, day) = components
        return adding(days: LedgerDate.daysInMonth(year: year, month: month) - day)
    }

    /// Whole days from `other` to `self` (positive if `self` is later).
    package func days(since other: LedgerDate) -> Int {
        Int(daysSinceEpoch) - Int(other.daysSinceEpoch)
    }

    /// Orders dates chronologically.
    package static func < (lhs: LedgerDate, rhs: LedgerDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// The `YYYY-MM-DD` text.
    package var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension LedgerDate {
    /// Parses a strict `YYYY-MM-DD` date; nil for any other form or an impossible day
    /// (`2025-02-30`).
    package init?(parsing text: String) {
        var text = text
        guard let date = text.withUTF8({ LedgerDate(bytes: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = date
    }

    /// Parses the raw bytes of a strict `YYYY-MM-DD` date; nil if malformed or impossible.
    @inline(__always)
    package init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        // Subtracting '0' wraps non-digits above 9, so one comparison per byte checks them all.
        let d0 = bytes[0] &- 48, d1 = bytes[1] &- 48, d2 = bytes[2] &- 48, d3 = bytes[3] &- 48
        let m0 = bytes[5] &- 48, m1 = bytes[6] &- 48, e0 = bytes[8] &- 48, e1 = bytes[9] &- 48
        guard d0 < 10, d1 < 10, d2 < 10, d3 < 10, m0 < 10, m1 < 10, e0 < 10, e1 < 10 else {
            return nil
        }
        let year = Int(d0) * 1000 + Int(d1) * 100 + Int(d2) * 10 + Int(d3)
        self.init(year: year, month: Int(m0) * 10 + Int(m1), day: Int(e0) * 10 + Int(e1))
    }

    /// Appends the ten bytes of `YYYY-MM-DD`, each digit by a division by a constant (every
    /// event, fingerprint and report row writes dates).
    package func appendText(to bytes: inout [UInt8]) {
        let (year, month, day) = components
        @inline(__always)
        func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: value % 10) &+ 48 }
        bytes.append(digit(year / 1000))
        bytes.append(digit(year / 100))
        bytes.append(digit(year / 10))
        bytes.append(digit(year))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(digit(month / 10))
        bytes.append(digit(month))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(digit(day / 10))
        bytes.append(digit(day))
    }
}
