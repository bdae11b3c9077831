/// The client-chosen identifier of a dunning policy.
package struct DunningPolicyID: LedgerIdentifier {
    /// The identifier's text.
    package let rawValue: String

    /// Wraps text already known to be valid; use `init?(_:)` for untrusted text.
    package init(validated rawValue: String) {
        self.rawValue = rawValue
    }
}
