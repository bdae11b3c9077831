/// What the caller knows that the decider needs besides the state; the decider never reads a clock.
package struct DecisionContext: Hashable, Sendable {
    /// Today's date in the ledger's business time zone.
    package var today: LedgerDate

    /// Creates a context.
    package init(today: LedgerDate) {
        self.today = today
    }
}
