/// A credit note in the projection.
package struct CreditNoteRecord: Hashable, Sendable {
    /// The credit note's id.
    package var id: CreditNoteID
    /// The customer's index.
    package var customer: Int32
    /// The amount credited.
    package var amount: Money
    /// When it takes effect and was recorded.
    package var time: FactTime
    /// The invoice's index, or nil when on account.
    package var invoice: Int32?
    /// Why it was issued.
    package var reason: String

    /// Creates a record from an issue.
    package init(_ event: CreditNoteIssued, customer: Int32, invoice: Int32?, sequence: UInt64) {
        id = event.creditNoteID
        self.customer = customer
        amount = event.amount
        time = FactTime(date: event.date, sequence: sequence)
        self.invoice = invoice
        reason = event.reason
    }
}
