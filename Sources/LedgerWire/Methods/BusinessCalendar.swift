internal import Foundation
package import Ledger

/// Dates in the ledger's business time zone (`ledger.configure {time_zone}`), for the
/// decider's "today" and the default `as_of` of reports, in the daemon and the CLI alike.
package enum BusinessCalendar {
    /// The business date at `micros` (since the Unix epoch, UTC) in the IANA zone `timeZone`;
    /// an unknown zone counts as UTC (the daemon refuses to configure one).
    package static func date(atMicros micros: Int64, timeZone: String) -> LedgerDate {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)
        let instant = Date(timeIntervalSince1970: Double(micros) / 1e6)
        let offset = Int64(zone?.secondsFromGMT(for: instant) ?? 0)
        let seconds = RFC3339.floorDivide(micros, 1_000_000).0 + offset
        return LedgerDate(days: Int32(RFC3339.floorDivide(seconds, 86_400).0))
    }

    /// Today in the ledger's business time zone.
    package static func today(in settings: LedgerSettings) -> LedgerDate {
        date(atMicros: Int64(Date().timeIntervalSince1970 * 1e6), timeZone: settings.timeZone)
    }
}
