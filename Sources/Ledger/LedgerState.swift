/// The projection of the log: every entity with the effective date and sequence of each fact.
///
/// Reports filter by `as_of` and `known_at` straight from this head state, without replaying.
/// Copies are cheap and share structure (see ``RecordStore``), so the daemon
/// can publish a new version after every commit batch while readers hold older ones.
package struct LedgerState: Equatable, Sendable {
    /// The sequence of the last event evolved; 0 for an empty log.
    package internal(set) var head: UInt64 = 0
    /// The recorded-at time of the last event, in microseconds since the Unix epoch (UTC).
    package internal(set) var headRecordedAtMicros: Int64 = 0
    /// Ledger-wide settings.
    package internal(set) var settings = LedgerSettings()
    /// Customers by dense index, in registration order.
    package internal(set) var customers = RecordStore<CustomerRecord>()
    /// Invoices by dense index, in issue order.
    package internal(set) var invoices = RecordStore<InvoiceRecord>()
    /// Payments by dense index, in receipt order.
    package internal(set) var payments = RecordStore<PaymentRecord>()
    /// Credit notes by dense index, in issue order.
    package internal(set) var creditNotes = RecordStore<CreditNoteRecord>()
    /// Dunning policies, assignments and the reminders sent.
    package internal(set) var dunning = DunningBook()
    /// Whether ``evolve(_:_:)`` leaves each customer's lists to
    /// ``evolveDeferringCustomerLists(_:)``, which fills them when its run ends. Not content:
    /// equality ignores it.
    var defersCustomerLists = false

    /// Creates the state of an empty log.
    package init() {}

    /// The index of a customer, or nil if unknown.
    package func customerIndex(_ id: CustomerID) -> Int? {
        customers.position(of: id)
    }

    /// The index of an invoice, or nil if unknown.
    package func invoiceIndex(_ id: InvoiceID) -> Int? {
        invoices.position(of: id)
    }

    /// The index of a payment, or nil if unknown.
    package func paymentIndex(_ id: PaymentID) -> Int? {
        payments.position(of: id)
    }

    /// The index of a credit note, or nil if unknown.
    package func creditNoteIndex(_ id: CreditNoteID) -> Int? {
        creditNotes.position(of: id)
    }

    /// A customer by id, or nil.
    package func customer(_ id: CustomerID) -> CustomerRecord? {
        customerIndex(id).map { customers[$0] }
    }

    /// An invoice by id, or nil.
    package func invoice(_ id: InvoiceID) -> InvoiceRecord? {
        invoiceIndex(id).map { invoices[$0] }
    }

    /// A payment by id, or nil.
    package func payment(_ id: PaymentID) -> PaymentRecord? {
        paymentIndex(id).map { payments[$0] }
    }

    /// A credit note by id, or nil.
    package func creditNote(_ id: CreditNoteID) -> CreditNoteRecord? {
        creditNoteIndex(id).map { creditNotes[$0] }
    }

    /// Compares contents.
    package static func == (lhs: LedgerState, rhs: LedgerState) -> Bool {
        lhs.head == rhs.head && lhs.headRecordedAtMicros == rhs.headRecordedAtMicros
            && lhs.settings == rhs.settings && lhs.customers == rhs.customers
            && lhs.invoices == rhs.invoices && lhs.payments == rhs.payments
            && lhs.creditNotes == rhs.creditNotes && lhs.dunning == rhs.dunning
    }
}
