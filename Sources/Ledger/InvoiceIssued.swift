/// `invoice.issued`: a customer was billed; the amount and due date are resolved.
package struct InvoiceIssued: Hashable, Sendable {
    /// The invoice's id.
    package var invoiceID: InvoiceID
    /// The customer billed.
    package var customerID: CustomerID
    /// The total, tax included; positive.
    package var amount: Money
    /// The date it counts from.
    package var issueDate: LedgerDate
    /// The resolved due date.
    package var dueDate: LedgerDate
    /// The terms the due date came from, if any.
    package var terms: PaymentTerms?
    /// The lines, empty when billed by amount.
    package var lines: [InvoiceLine]
    /// The payment schedule, resolved; empty when the whole amount is due on ``dueDate``.
    /// The last instalment's due date is ``dueDate``.
    package var instalments: [Instalment]
    /// The purchase order number.
    package var poNumber: String?
    /// Free attributes from the billing system.
    package var metadata: [String: String]

    /// Creates the event.
    package init(
        invoiceID: InvoiceID,
        customerID: CustomerID,
        amount: Money,
        issueDate: LedgerDate,
        dueDate: LedgerDate,
        terms: PaymentTerms? = nil,
        lines: [InvoiceLine] = [],
        instalments: [Instalment] = [],
        poNumber: String? = nil,
        metadata: [String: String] = [:]
    ) {
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.amount = amount
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.terms = terms
        self.lines = lines
        self.instalments = instalments
        self.poNumber = poNumber
        self.metadata = metadata
    }
}
