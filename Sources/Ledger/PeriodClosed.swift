/// `period.closed`: nothing may take effect on or before `through` any more.
package struct PeriodClosed: Hashable, Sendable {
    /// The last closed day.
    package var through: LedgerDate

    /// Creates the event.
    package init(
        through: LedgerDate
    ) {
        self.through = through
    }
}
