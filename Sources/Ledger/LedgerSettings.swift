/// Ledger-wide settings that change results; set by `ledger.created`, `ledger.configured` and
/// `period.closed`, so replay reproduces them.
package struct LedgerSettings: Hashable, Sendable {
    /// The ledger's id from its genesis event.
    package var ledgerID: String?
    /// The business time zone (IANA name) in which the caller turns clock time into dates.
    package var timeZone = "UTC"
    /// Per currency, the largest leftover (minor units) that a payment closes with an automatic write-off.
    package var writeOffTolerances: [Currency: Int64] = [:]
    /// The last day of the closed period, if any.
    package var closedThrough: LedgerDate?

    /// Creates default settings.
    package init() {}

    /// The write-off tolerance for `currency`, zero if none.
    package func writeOffTolerance(_ currency: Currency) -> Money {
        Money(minorUnits: writeOffTolerances[currency] ?? 0, currency: currency)
    }

    /// Whether `date` falls in the closed period.
    package func isClosed(_ date: LedgerDate) -> Bool {
        guard let closedThrough else { return false }
        return date <= closedThrough
    }
}
