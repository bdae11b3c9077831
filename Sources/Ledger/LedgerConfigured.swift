/// `ledger.configured`: settings that change results.
package struct LedgerConfigured: Hashable, Sendable {
    /// The new business time zone, if changed.
    package var timeZone: String?
    /// Tolerances set per currency, sorted by currency; zero removes one.
    package var writeOffTolerances: [Money]

    /// Creates the event.
    package init(
        timeZone: String? = nil,
        writeOffTolerances: [Money] = []
    ) {
        self.timeZone = timeZone
        self.writeOffTolerances = writeOffTolerances
    }
}
