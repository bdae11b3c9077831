/// An invoice in the projection: its terms and every fact applied to it, each with its times.
package struct InvoiceRecord: Hashable, Sendable {
    /// The invoice's id.
    package var id: InvoiceID
    /// The customer's index.
    package var customer: Int32
    /// The amount billed, in the invoice's currency.
    package var amount: Money
    /// The issue date; it counts from then.
    package var issueDate: LedgerDate
    /// The due date.
    package var dueDate: LedgerDate
    /// The sequence of `invoice.issued`.
    package var sequence: UInt64
    /// The terms the due date came from.
    package var terms: PaymentTerms?
    /// The lines, empty when billed by amount.
    package var lines: [InvoiceLine]
    /// The purchase order number.
    package var poNumber: String?
    /// Free attributes.
    package var metadata: [String: String]
    /// Allocations, credit notes and write-offs, in log order.
    package var applications: [InvoiceApplication] = []
    /// The void, if any.
    package var void: FactTime?
    /// The void's reason.
    package var voidReason: String?
    /// The open amount at the head (minor units): what the decider checks limits against.
    package var openAtHead: Int64
    /// The latest date and sequence of any fact on the invoice: from there on the head's view holds.
    package var lastFact: FactTime

    /// Creates a record from an issue.
    package init(_ event: InvoiceIssued, customer: Int32, sequence: UInt64) {
        id = event.invoiceID
        self.customer = customer
        amount = event.amount
        issueDate = event.issueDate
        dueDate = event.dueDate
        self.sequence = sequence
        terms = event.terms
        lines = event.lines
        poNumber = event.poNumber
        metadata = event.metadata
        openAtHead = event.amount.minorUnits
        lastFact = FactTime(date: event.issueDate, sequence: sequence)
    }

    /// The invoice's currency.
    package var currency: Currency { amount.currency }

    /// Whether anything was ever applied, reversed payments included; such an invoice cannot be voided.
    package var hasApplications: Bool { !applications.isEmpty }

    /// Whether the invoice counts at `time`: issued and known by then, and not voided by then.
    @inline(__always)
    package func counts(at time: ReportTime) -> Bool {
        guard issueDate <= time.asOf, sequence <= time.knownAt else { return false }
        if let void, void.isVisible(at: time) { return false }
        return true
    }

    /// The open amount at `time` in minor units, unclamped; zero if the invoice does not count.
    package func openAmount(at time: ReportTime) -> Int64 {
        guard counts(at: time) else { return 0 }
        // Nothing happened after `lastFact`, so from there on the head's figure holds.
        if lastFact.isVisible(at: time) { return openAtHead }
        var open = amount.minorUnits
        for application in applications where application.counts(at: time) {
            open -= application.amount
        }
        return open
    }

    /// Totals applied at `time`, by kind, in minor units.
    package func appliedTotals(at time: ReportTime) -> (
        allocated: Int64, credited: Int64, writtenOff: Int64
    ) {
        var totals: (allocated: Int64, credited: Int64, writtenOff: Int64) = (0, 0, 0)
        guard counts(at: time) else { return totals }
        for application in applications where application.counts(at: time) {
            switch application.kind {
            case .allocation: totals.allocated += application.amount
            case .creditNote: totals.credited += application.amount
            case .writeOff, .automaticWriteOff: totals.writtenOff += application.amount
            }
        }
        return totals
    }
}

/// One amount applied to an invoice: an allocation, a credit note or a write-off.
package struct InvoiceApplication: Hashable, Sendable {
    /// What kind of application.
    package enum Kind: UInt8, Hashable, Sendable {
        /// Cash of a payment.
        case allocation = 0
        /// A credit note against the invoice.
        case creditNote = 1
        /// A write-off by a user.
        case writeOff = 2
        /// A write-off by the tolerance rule.
        case automaticWriteOff = 3
    }

    /// The kind.
    package var kind: Kind
    /// The amount in the invoice's minor units; positive.
    package var amount: Int64
    /// When it takes effect and was recorded.
    package var time: FactTime
    /// The payment's or credit note's index; -1 for write-offs.
    package var source: Int32
    /// For allocations: when the payment's reversal took it back.
    package var revocation: FactTime?

    /// Creates an application.
    package init(
        kind: Kind,
        amount: Int64,
        time: FactTime,
        source: Int32,
        revocation: FactTime? = nil
    ) {
        self.kind = kind
        self.amount = amount
        self.time = time
        self.source = source
        self.revocation = revocation
    }

    /// Whether it reduces the open amount at `time`: effective, known, and not yet taken back.
    @inline(__always)
    package func counts(at time: ReportTime) -> Bool {
        guard self.time.isVisible(at: time) else { return false }
        if let revocation, revocation.isVisible(at: time) { return false }
        return true
    }
}
