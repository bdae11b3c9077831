/// `period.close`: nothing may take effect on or before `through` afterwards.
package struct ClosePeriod: Hashable, Sendable {
    /// The last day of the closed period.
    package let through: LedgerDate

    /// Creates the command.
    package init(through: LedgerDate) {
        self.through = through
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("through", date: through)
        return object
    }
}
