/// A customer in the projection, with the indexes of its invoices, payments and credit notes.
package struct CustomerRecord: Hashable, Sendable {
    /// The customer's id.
    package var id: CustomerID
    /// The name.
    package var name: String
    /// The email.
    package var email: String?
    /// The reporting segment.
    package var segment: String?
    /// The usual currency.
    package var currency: Currency?
    /// Default payment terms.
    package var terms: PaymentTerms?
    /// The locale for documents.
    package var locale: String?
    /// The sequence of `customer.registered`; the customer is unknown before it.
    package var registeredSequence: UInt64
    /// Its invoices' indexes, ascending (issue order).
    package var invoices = PositionList()
    /// Indexes of its invoices with a positive open amount at the head, ascending.
    package var openInvoices = PositionList()
    /// Its payments' indexes, ascending.
    package var payments = PositionList()
    /// Its credit notes' indexes, ascending.
    package var creditNotes = PositionList()

    /// Creates a record from a registration.
    package init(_ event: CustomerRegistered, sequence: UInt64) {
        id = event.customerID
        name = event.name
        email = event.email
        segment = event.segment
        currency = event.currency
        terms = event.terms
        locale = event.locale
        registeredSequence = sequence
    }

    /// Applies an update's changes.
    package mutating func apply(_ event: CustomerUpdated) {
        if let newName = event.name { name = newName }
        if let change = event.email { email = change.applied(to: email) }
        if let change = event.segment { segment = change.applied(to: segment) }
        if let change = event.currency { currency = change.applied(to: currency) }
        if let change = event.terms { terms = change.applied(to: terms) }
        if let change = event.locale { locale = change.applied(to: locale) }
    }

    /// Adds `invoice` to ``openInvoices`` keeping it sorted; no-op if present.
    package mutating func markOpen(_ invoice: Int32) {
        openInvoices.insert(invoice)
    }

    /// Removes `invoice` from ``openInvoices``; no-op if absent.
    package mutating func markClosed(_ invoice: Int32) {
        openInvoices.remove(invoice)
    }
}
