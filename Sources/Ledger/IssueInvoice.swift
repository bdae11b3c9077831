/// `invoice.issue`: bills a customer, by a total amount or by lines.
package struct IssueInvoice: Hashable, Sendable {
    /// How the invoice's amount is given.
    package enum Content: Hashable, Sendable {
        /// A total amount, tax included.
        case amount(Money)
        /// Lines whose rounded totals add up to the amount.
        case lines([InvoiceLine])
    }

    /// How the due date is given.
    package enum DueDateRule: Hashable, Sendable {
        /// An explicit due date.
        case date(LedgerDate)
        /// Terms applied to the issue date.
        case terms(PaymentTerms)
        /// The customer's default terms at issue; due on the issue date if it has none.
        case customerTerms
    }

    /// The most metadata entries an invoice may carry.
    package static let maximumMetadataEntries = 64

    /// The new invoice's id; must not exist yet.
    package let invoiceID: InvoiceID
    /// The customer billed.
    package let customerID: CustomerID
    /// The invoice's currency.
    package let currency: Currency
    /// The amount or the lines.
    package let content: Content
    /// The total: the given amount, or the sum of the lines' totals.
    package let amount: Money
    /// The issue date; the invoice counts from it.
    package let issueDate: LedgerDate
    /// How to find the due date.
    package let due: DueDateRule
    /// The customer's purchase order number.
    package let poNumber: String?
    /// Free string attributes from the billing system.
    package let metadata: [String: String]
    /// An explicit payment schedule; empty unless given. Its last due date is the invoice's.
    package let instalments: [Instalment]

    /// Creates the command and computes the total.
    /// - Throws: ``ParameterError`` for a non-positive or out-of-range total, foreign-currency
    ///   amounts, an empty line list, a due date before the issue date, or bad text.
    package init(
        invoiceID: InvoiceID,
        customerID: CustomerID,
        currency: Currency,
        content: Content,
        issueDate: LedgerDate,
        due: DueDateRule,
        poNumber: String? = nil,
        metadata: [String: String] = [:],
        instalments: [Instalment] = []
    ) throws(ParameterError) {
        self.amount = try IssueInvoice.total(of: content, currency: currency)
        if case .date(let dueDate) = due, dueDate < issueDate {
            throw .invalidValue("due_date", "due_date must not be before issue_date")
        }
        if !instalments.isEmpty {
            if case .date = due {
                throw .invalidValue("instalments", "give due_date or instalments, not both")
            }
            if case .terms(let terms) = due, terms.split != nil {
                throw .invalidValue(
                    "instalments",
                    "give instalments or terms.instalments, not both"
                )
            }
            try Instalment.check(instalments, total: amount, issueDate: issueDate)
        }
        self.instalments = instalments
        try ParameterError.checkText(poNumber, field: "po_number")
        guard metadata.count <= IssueInvoice.maximumMetadataEntries else {
            throw .invalidValue("metadata", "metadata has more than 64 entries")
        }
        for (key, value) in metadata {
            guard TextRules.isValid(key, maximumBytes: 128) else { throw .invalidText("metadata") }
            guard value.isEmpty || TextRules.isValid(value) else {
                throw .invalidText("metadata.\(key)")
            }
        }
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.currency = currency
        self.content = content
        self.issueDate = issueDate
        self.due = due
        self.poNumber = poNumber
        self.metadata = metadata
    }

    private static func total(of content: Content, currency: Currency) throws(ParameterError)
        -> Money
    {
        switch content {
        case .amount(let amount):
            try ParameterError.checkPositive(amount, currency: currency, field: "amount")
            return amount
        case .lines(let lines):
            guard !lines.isEmpty else { throw .invalidValue("lines", "lines must not be empty") }
            var total: Int64 = 0
            for (index, line) in lines.enumerated() {
                guard line.unitPrice.currency == currency else {
                    throw .currencyMismatch("lines[\(index)].unit_price")
                }
                guard let lineTotal = line.totalAmount,
                    Money.isInRange(total + lineTotal.minorUnits)
                else {
                    throw ParameterError(
                        reason: "invalid_amount",
                        field: "lines",
                        message: "invoice total is too large"
                    )
                }
                total += lineTotal.minorUnits
            }
            let amount = Money(minorUnits: total, currency: currency)
            guard amount.isPositive else { throw .nonPositiveAmount("lines") }
            return amount
        }
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadValue {
        var writer = PayloadWriter(capacity: 256)
        encodeParameters(into: &writer)
        do {
            return try PayloadValue.decode(writer.bytes)
        } catch {
            preconditionFailure("invoice.issue parameters do not decode: \(error)")
        }
    }

    /// Appends the canonical encoding of ``parameters``, members written in key order.
    ///
    /// The socket fingerprints every write, and `invoice.issue` is the write a billing system
    /// sends most; collecting its members in a ``PayloadObjectBuilder`` and sorting them took
    /// about a sixth of an event loop's time under batches of them.
    package func encodeParameters(into writer: inout PayloadWriter) {
        let dueMembers = if case .customerTerms = due { 0 } else { 1 }
        let count =
            5 + dueMembers + (instalments.isEmpty ? 0 : 1) + (metadata.isEmpty ? 0 : 1)
            + EventCodec.present(poNumber)
        writer.writeObjectHeader(count: count)
        if case .amount(let amount) = content {
            writer.writeKey("amount")
            writer.writeMoney(amount)
        }
        writer.writeKey("currency")
        writer.writeString(utf8: currency.codeBytes)
        writer.writeKey("customer_id")
        writer.writeString(customerID.rawValue)
        if case .date(let date) = due {
            writer.writeKey("due_date")
            writer.writeDate(date)
        }
        if !instalments.isEmpty {
            writer.writeKey("instalments")
            EventCodec.encode(instalments, into: &writer)
        }
        writer.writeKey("invoice_id")
        writer.writeString(invoiceID.rawValue)
        writer.writeKey("issue_date")
        writer.writeDate(issueDate)
        if case .lines(let lines) = content {
            writer.writeKey("lines")
            writer.writeArrayHeader(count: lines.count)
            for line in lines { EventCodec.encode(line, into: &writer) }
        }
        if !metadata.isEmpty {
            writer.writeKey("metadata")
            EventCodec.encode(metadata, into: &writer)
        }
        EventCodec.writeOptional("po_number", poNumber, into: &writer)
        if case .terms(let terms) = due {
            writer.writeKey("terms")
            EventCodec.encode(terms, into: &writer)
        }
    }
}
