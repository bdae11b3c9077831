/// An invoice in the projection: its terms and every fact applied to it, each with its times.
package struct InvoiceRecord: Hashable, Sendable {
    // The members a lookup, an allocation and the aging report read come first, so that they
    // share the record's first two cache lines; what only `invoice.get` and snapshots read
    // follows.
    /// The invoice's id.
    package var id: InvoiceID
    /// The customer's index.
    package var customer: Int32
    /// The amount billed, in the invoice's currency.
    package var amount: Money
    /// The due date.
    package var dueDate: LedgerDate
    /// The issue date; it counts from then.
    package var issueDate: LedgerDate
    /// The open amount at the head (minor units): what the decider checks limits against.
    package var openAtHead: Int64
    /// The latest date and sequence of any fact on the invoice: from there on the head's view holds.
    package var lastFact: FactTime
    /// The void, if any.
    package var void: FactTime?
    /// Allocations, credit notes and write-offs, in log order.
    package var applications: [InvoiceApplication] = []
    /// The payment schedule; empty when the whole amount is due on ``dueDate``.
    package var instalments: [Instalment]
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
    /// The void's reason.
    package var voidReason: String?
    /// Disputes in log order; at most the last one is unresolved.
    package var disputes: [DisputeRecord] = []
    /// Promises to pay in log order; the latest visible one is the promise in force.
    package var promises: [PromiseRecord] = []

    /// Creates a record from an issue.
    ///
    /// Inlined, so that evolving builds the record in place instead of copying it (a tenth of
    /// evolving's instructions).
    @inline(__always)
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
        instalments = event.instalments
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

    /// Totals applied at `time`, by kind, in minor units; `credited` includes discounts,
    /// which `discounted` also shows on their own.
    package func appliedTotals(at time: ReportTime) -> AppliedTotals {
        var totals = AppliedTotals()
        guard counts(at: time) else { return totals }
        for application in applications where application.counts(at: time) {
            switch application.kind {
            case .allocation: totals.allocated += application.amount
            case .creditNote: totals.credited += application.amount
            case .discount:
                totals.credited += application.amount
                totals.discounted += application.amount
            case .writeOff, .automaticWriteOff: totals.writtenOff += application.amount
            }
        }
        return totals
    }

    /// Whether an early-payment discount was taken and not taken back by a reversal.
    package var discountTakenAtHead: Bool {
        applications.contains { $0.kind == .discount && $0.revocation == nil }
    }

    /// The due date of the oldest part open at the head: the invoice's due date without
    /// instalments.
    package var nextDueAtHead: LedgerDate {
        guard !instalments.isEmpty else { return dueDate }
        return schedule(openAmount: openAtHead).first { $0.open > 0 }?.dueDate ?? dueDate
    }

    /// Whether the invoice has an unresolved dispute at the head.
    package var isDisputedAtHead: Bool {
        disputes.last.map { $0.resolved == nil } ?? false
    }

    /// The dispute open at `time`, if any.
    package func dispute(at time: ReportTime) -> DisputeRecord? {
        guard let last = disputes.last(where: { $0.opened.isVisible(at: time) }) else {
            return nil
        }
        if let resolved = last.resolved, resolved.isVisible(at: time) { return nil }
        return last
    }

    /// The latest promise to pay made by `time`, if any.
    package func promise(at time: ReportTime) -> PromiseRecord? {
        promises.last { $0.time.isVisible(at: time) }
    }

    /// The schedule at `time`: each instalment's due date, amount and open part, the applied
    /// amount filling the oldest first; one line for an invoice without instalments.
    ///
    /// The open parts add up to ``openAmount(at:)``; an over-applied amount (possible at a past
    /// date, since limits are checked at the head) is taken from the last instalment, unclamped.
    package func schedule(openAmount open: Int64) -> [InstalmentPosition] {
        guard !instalments.isEmpty else {
            return [InstalmentPosition(dueDate: dueDate, amount: amount.minorUnits, open: open)]
        }
        var applied = amount.minorUnits - open
        var parts: [InstalmentPosition] = []
        parts.reserveCapacity(instalments.count)
        for instalment in instalments {
            let due = instalment.amount.minorUnits
            let filled = min(max(applied, 0), due)
            applied -= filled
            parts.append(
                InstalmentPosition(dueDate: instalment.dueDate, amount: due, open: due - filled)
            )
        }
        if applied != 0 { parts[parts.count - 1].open -= applied }
        return parts
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
        /// An early-payment discount earned by a payment (the source).
        case discount = 4
    }

    /// The kind.
    package var kind: Kind
    /// The amount in the invoice's minor units; positive.
    package var amount: Int64
    /// When it takes effect and was recorded.
    package var time: FactTime
    /// The payment's or credit note's index (the earning payment's for a discount); -1 for
    /// write-offs.
    package var source: Int32
    /// For allocations and discounts: when the payment's reversal took it back.
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

/// Totals applied to an invoice at a report time, in minor units.
package struct AppliedTotals: Hashable, Sendable {
    /// Cash allocated.
    package var allocated: Int64 = 0
    /// Credit notes and discounts.
    package var credited: Int64 = 0
    /// Discounts alone (also in ``credited``).
    package var discounted: Int64 = 0
    /// Write-offs, manual and automatic.
    package var writtenOff: Int64 = 0

    /// Creates zero totals.
    package init() {}

    /// Everything applied: allocated, credited and written off.
    package var total: Int64 { allocated + credited + writtenOff }
}

/// A dispute on an invoice: when it was raised and, once settled, when and how.
package struct DisputeRecord: Hashable, Sendable {
    /// When it was raised and recorded.
    package var opened: FactTime
    /// What the customer contests.
    package var reason: String
    /// When it was resolved, if it was.
    package var resolved: FactTime?
    /// How it was resolved.
    package var resolution: String?

    /// Creates a dispute record.
    package init(
        opened: FactTime,
        reason: String,
        resolved: FactTime? = nil,
        resolution: String? = nil
    ) {
        self.opened = opened
        self.reason = reason
        self.resolved = resolved
        self.resolution = resolution
    }
}

/// A promise to pay part or all of an invoice by a date.
package struct PromiseRecord: Hashable, Sendable {
    /// The amount promised, in the invoice's minor units.
    package var amount: Int64
    /// The date the customer promised to pay by.
    package var promisedDate: LedgerDate
    /// When it was made and recorded.
    package var time: FactTime

    /// Creates a promise record.
    package init(amount: Int64, promisedDate: LedgerDate, time: FactTime) {
        self.amount = amount
        self.promisedDate = promisedDate
        self.time = time
    }
}

/// One instalment (or the whole invoice) at a report time: due date, amount and open part,
/// in the invoice's minor units.
package struct InstalmentPosition: Hashable, Sendable {
    /// When it is due.
    package var dueDate: LedgerDate
    /// Its amount.
    package var amount: Int64
    /// What is open of it, unclamped.
    package var open: Int64

    /// Creates a position.
    package init(dueDate: LedgerDate, amount: Int64, open: Int64) {
        self.dueDate = dueDate
        self.amount = amount
        self.open = open
    }
}
