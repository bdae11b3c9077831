/// What an invoice looks like at a report time (`invoice.get`, `invoice.list`).
package struct InvoiceView: Hashable, Sendable {
    /// Status at the report time.
    package enum Status: String, Hashable, Sendable {
        /// Something is open.
        case open
        /// Nothing is open (paid, credited or written off, or over-applied at a past date).
        case paid
        /// Voided by then.
        case voided
    }

    /// One fact in the invoice's history.
    package struct HistoryEntry: Hashable, Sendable {
        /// What happened.
        package enum Kind: String, Hashable, Sendable {
            /// Issued.
            case issued
            /// A payment's cash applied.
            case allocation
            /// A credit note applied.
            case creditNote = "credit_note"
            /// Written off by a user.
            case writeOff = "write_off"
            /// Written off by the tolerance rule.
            case automaticWriteOff = "automatic_write_off"
            /// A payment reversal took an allocation back.
            case reversal
            /// Voided.
            case void
            /// An early-payment discount taken (the reference is the earning payment).
            case discount
            /// A dispute raised.
            case disputed
            /// A dispute resolved.
            case disputeResolved = "dispute_resolved"
            /// A promise to pay recorded (the reference is the promised date).
            case promise
        }

        /// What happened.
        package let kind: Kind
        /// The amount involved (positive), nil for a void.
        package let amount: Money?
        /// The effective date and the recording sequence.
        package let time: FactTime
        /// The payment or credit note involved, by id.
        package let reference: String?
    }

    /// The invoice's id.
    package let invoiceID: InvoiceID
    /// The customer's id.
    package let customerID: CustomerID
    /// The amount billed.
    package let amount: Money
    /// The issue date.
    package let issueDate: LedgerDate
    /// The due date.
    package let dueDate: LedgerDate
    /// The status at the report time.
    package let status: Status
    /// The open amount at the report time, unclamped; zero once voided.
    package let open: Money
    /// Cash applied at the report time.
    package let allocated: Money
    /// Credit notes applied at the report time.
    package let credited: Money
    /// Written off at the report time.
    package let writtenOff: Money
    /// The full record (lines, terms, PO number, metadata) at the head.
    package let record: InvoiceRecord
    /// The dispute open at the report time, if any.
    package let dispute: DisputeRecord?
    /// The latest promise to pay made by the report time, if any.
    package let promise: PromiseRecord?
    /// The instalments at the report time: due date, amount and open part (empty without a
    /// schedule).
    package let instalments: [InstalmentPosition]

    /// Facts known and effective at the report time, by date then sequence.
    package let history: [HistoryEntry]
}

extension LedgerState {
    /// The invoice at `time`, or nil if it is unknown then (not recorded by `knownAt` or
    /// issued after `asOf`).
    package func invoiceView(_ id: InvoiceID, at time: ReportTime) -> InvoiceView? {
        guard let index = invoiceIndex(id) else { return nil }
        return invoiceView(at: index, time: time, withHistory: true)
    }

    func invoiceView(at index: Int, time: ReportTime, withHistory: Bool) -> InvoiceView? {
        let invoice = invoices[index]
        guard invoice.sequence <= time.knownAt, invoice.issueDate <= time.asOf else { return nil }
        let currency = invoice.currency
        let applied = invoice.appliedTotals(at: time)
        let counts = invoice.counts(at: time)
        let open =
            counts
            ? invoice.amount.minorUnits - applied.allocated - applied.credited - applied.writtenOff
            : 0
        let status: InvoiceView.Status = counts ? (open > 0 ? .open : .paid) : .voided
        return InvoiceView(
            invoiceID: invoice.id,
            customerID: customers[Int(invoice.customer)].id,
            amount: invoice.amount,
            issueDate: invoice.issueDate,
            dueDate: invoice.dueDate,
            status: status,
            open: Money(minorUnits: open, currency: currency),
            allocated: Money(minorUnits: applied.allocated, currency: currency),
            credited: Money(minorUnits: applied.credited, currency: currency),
            writtenOff: Money(minorUnits: applied.writtenOff, currency: currency),
            record: invoice,
            dispute: invoice.dispute(at: time),
            promise: invoice.promise(at: time),
            instalments: invoice.instalments.isEmpty ? [] : invoice.schedule(openAmount: open),
            history: withHistory ? history(of: invoice, at: time) : []
        )
    }

    private func history(of invoice: InvoiceRecord, at time: ReportTime) -> [InvoiceView
        .HistoryEntry]
    {
        typealias Entry = InvoiceView.HistoryEntry
        var entries = [
            Entry(
                kind: .issued,
                amount: invoice.amount,
                time: FactTime(date: invoice.issueDate, sequence: invoice.sequence),
                reference: nil
            )
        ]
        for application in invoice.applications {
            let amount = Money(minorUnits: application.amount, currency: invoice.currency)
            let kind: Entry.Kind
            var reference: String?
            switch application.kind {
            case .allocation:
                kind = .allocation
                reference = payments[Int(application.source)].id.rawValue
            case .creditNote:
                kind = .creditNote
                reference = creditNotes[Int(application.source)].id.rawValue
            case .writeOff: kind = .writeOff
            case .automaticWriteOff: kind = .automaticWriteOff
            case .discount:
                kind = .discount
                reference = payments[Int(application.source)].id.rawValue
            }
            if application.time.isVisible(at: time) {
                entries.append(
                    Entry(kind: kind, amount: amount, time: application.time, reference: reference)
                )
            }
            if let revocation = application.revocation, revocation.isVisible(at: time),
                application.time.isVisible(at: time)
            {
                entries.append(
                    Entry(kind: .reversal, amount: amount, time: revocation, reference: reference)
                )
            }
        }
        if let void = invoice.void, void.isVisible(at: time) {
            entries.append(Entry(kind: .void, amount: nil, time: void, reference: nil))
        }
        entries += collectionHistory(of: invoice, at: time)
        return entries.sorted {
            ($0.time.date, $0.time.sequence) < ($1.time.date, $1.time.sequence)
        }
    }
}

extension LedgerState {
    /// Disputes, resolutions and promises visible at `time`, as history entries.
    fileprivate func collectionHistory(of invoice: InvoiceRecord, at time: ReportTime)
        -> [InvoiceView.HistoryEntry]
    {
        var entries: [InvoiceView.HistoryEntry] = []
        for dispute in invoice.disputes where dispute.opened.isVisible(at: time) {
            entries.append(
                .init(kind: .disputed, amount: nil, time: dispute.opened, reference: dispute.reason)
            )
            if let resolved = dispute.resolved, resolved.isVisible(at: time) {
                entries.append(
                    .init(
                        kind: .disputeResolved,
                        amount: nil,
                        time: resolved,
                        reference: dispute.resolution
                    )
                )
            }
        }
        for promise in invoice.promises where promise.time.isVisible(at: time) {
            entries.append(
                .init(
                    kind: .promise,
                    amount: Money(minorUnits: promise.amount, currency: invoice.currency),
                    time: promise.time,
                    reference: promise.promisedDate.description
                )
            )
        }
        return entries
    }
}
