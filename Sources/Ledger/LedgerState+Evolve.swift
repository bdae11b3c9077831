extension LedgerState {
    /// Applies one event recorded at `meta` to the projection, in place.
    ///
    /// Events come from the decider, which only emits consistent ones; an event naming an
    /// unknown entity or arriving out of order is a broken invariant and stops the process.
    /// - Precondition: `meta.sequence` is greater than ``head`` and the event is consistent.
    package mutating func evolve(_ event: LedgerEvent, _ meta: EventMeta) {
        precondition(meta.sequence > head, "event sequence \(meta.sequence) not after head \(head)")
        head = meta.sequence
        headRecordedAtMicros = meta.recordedAtMicros
        let sequence = meta.sequence
        switch event {
        case .ledgerCreated(let ledgerID):
            settings.ledgerID = ledgerID
        case .ledgerConfigured(let event):
            if let zone = event.timeZone { settings.timeZone = zone }
            for tolerance in event.writeOffTolerances {
                settings.writeOffTolerances[tolerance.currency] =
                    tolerance.isZero ? nil : tolerance.minorUnits
            }
        case .periodClosed(let event):
            settings.closedThrough = event.through
        case .customerRegistered(let event):
            customers.append(CustomerRecord(event, sequence: sequence))
        case .customerUpdated(let event):
            customers.update(at: requireCustomer(event.customerID)) { $0.apply(event) }
        case .invoiceIssued(let event):
            evolveInvoiceIssued(event, sequence: sequence)
        case .invoiceVoided(let event):
            evolveInvoiceVoided(event, sequence: sequence)
        case .invoiceWrittenOff(let event):
            let application = InvoiceApplication(
                kind: event.automatic ? .automaticWriteOff : .writeOff,
                amount: event.amount.minorUnits,
                time: FactTime(date: event.date, sequence: sequence),
                source: -1
            )
            apply(application, to: requireInvoice(event.invoiceID))
        case .creditNoteIssued(let event):
            evolveCreditNoteIssued(event, sequence: sequence)
        case .paymentReceived(let event):
            let customer = requireCustomer(event.customerID)
            let index = payments.append(
                PaymentRecord(event, customer: Int32(customer), sequence: sequence)
            )
            updateLists(ofCustomer: customer) { $0.payments.append(Int32(index)) }
        case .paymentAllocated(let event):
            evolvePaymentAllocated(event, sequence: sequence)
        case .paymentReversed(let event):
            evolvePaymentReversed(event, sequence: sequence)
        case .invoiceDiscountTaken, .paymentRefunded, .invoiceDisputed, .invoiceDisputeResolved,
            .invoicePromised:
            evolveCollection(event, sequence: sequence)
        case .dunningConfigured, .dunningPolicyDefined, .dunningPolicyAssigned, .reminderSent,
            .reminderFailed, .dunningCustomerOverridden:
            evolveDunning(event, sequence: sequence)
        }
    }

    private func requireCustomer(_ id: CustomerID) -> Int {
        guard let index = customerIndex(id) else {
            preconditionFailure("event names unknown customer \(id)")
        }
        return index
    }

    func requireInvoice(_ id: InvoiceID) -> Int {
        guard let index = invoiceIndex(id) else {
            preconditionFailure("event names unknown invoice \(id)")
        }
        return index
    }

    func requirePayment(_ id: PaymentID) -> Int {
        guard let index = paymentIndex(id) else {
            preconditionFailure("event names unknown payment \(id)")
        }
        return index
    }

    private mutating func evolveInvoiceIssued(_ event: InvoiceIssued, sequence: UInt64) {
        let customer = requireCustomer(event.customerID)
        let index = invoices.append(
            InvoiceRecord(event, customer: Int32(customer), sequence: sequence)
        )
        updateLists(ofCustomer: customer) { record in
            record.invoices.append(Int32(index))
            record.openInvoices.append(Int32(index))
        }
    }

    private mutating func evolveInvoiceVoided(_ event: InvoiceVoided, sequence: UInt64) {
        let index = requireInvoice(event.invoiceID)
        let time = FactTime(date: event.date, sequence: sequence)
        let customer = invoices.update(at: index) { invoice in
            invoice.void = time
            invoice.voidReason = event.reason
            invoice.openAtHead = 0
            invoice.lastFact = invoice.lastFact.union(time)
            return invoice.customer
        }
        updateLists(ofCustomer: Int(customer)) { $0.markClosed(Int32(index)) }
    }

    private mutating func evolveCreditNoteIssued(_ event: CreditNoteIssued, sequence: UInt64) {
        let customer = requireCustomer(event.customerID)
        let invoice = event.invoiceID.map { requireInvoice($0) }
        let record = CreditNoteRecord(
            event,
            customer: Int32(customer),
            invoice: invoice.map(Int32.init),
            sequence: sequence
        )
        let index = creditNotes.append(record)
        updateLists(ofCustomer: customer) { $0.creditNotes.append(Int32(index)) }
        if let invoice {
            let application = InvoiceApplication(
                kind: .creditNote,
                amount: event.amount.minorUnits,
                time: record.time,
                source: Int32(index)
            )
            apply(application, to: invoice)
        }
    }

    private mutating func evolvePaymentAllocated(_ event: PaymentAllocated, sequence: UInt64) {
        let payment = requirePayment(event.paymentID)
        let time = FactTime(date: event.date, sequence: sequence)
        for allocation in event.allocations {
            let invoice = requireInvoice(allocation.invoiceID)
            let amount = allocation.amount.minorUnits
            apply(
                InvoiceApplication(
                    kind: .allocation,
                    amount: amount,
                    time: time,
                    source: Int32(payment)
                ),
                to: invoice
            )
            payments.update(at: payment) { record in
                record.allocations.appendCreatingStorage(
                    .init(
                        invoice: Int32(invoice),
                        amount: amount,
                        time: time,
                        automatic: event.automatic
                    )
                )
                record.allocatedAtHead += amount
            }
        }
    }

    private mutating func evolvePaymentReversed(_ event: PaymentReversed, sequence: UInt64) {
        let payment = requirePayment(event.paymentID)
        let time = FactTime(date: event.date, sequence: sequence)
        let touched = payments.update(at: payment) { record in
            record.reversal = time
            record.reversalReason = event.reason
            return Set(record.allocations.map(\.invoice))
        }
        // A discount the payment earned is taken back with its allocations: the discount is
        // only ever taken on an invoice the same payment allocated to, so `touched` has it.
        for invoice in touched.sorted() {
            let (customer, isOpen) = invoices.update(at: Int(invoice)) { record in
                for position in record.applications.indices {
                    let application = record.applications[position]
                    guard application.kind == .allocation || application.kind == .discount,
                        application.source == Int32(payment),
                        application.revocation == nil
                    else { continue }
                    record.applications[position].revocation = time
                    record.openAtHead += application.amount
                }
                record.lastFact = record.lastFact.union(time)
                return (record.customer, record.openAtHead > 0)
            }
            if isOpen { updateLists(ofCustomer: Int(customer)) { $0.markOpen(invoice) } }
        }
    }

    mutating func apply(_ application: InvoiceApplication, to index: Int) {
        let (customer, closed) = invoices.update(at: index) { invoice in
            invoice.applications.appendCreatingStorage(application)
            invoice.openAtHead -= application.amount
            invoice.lastFact = invoice.lastFact.union(application.time)
            return (invoice.customer, invoice.openAtHead <= 0)
        }
        if closed { updateLists(ofCustomer: Int(customer)) { $0.markClosed(Int32(index)) } }
    }

    /// Updates a customer's lists of invoices, open invoices, payments or credit notes, unless
    /// a run that fills them at its end is under way.
    @inline(__always)
    private mutating func updateLists(
        ofCustomer customer: Int,
        _ body: (inout CustomerRecord) -> Void
    ) {
        guard !defersCustomerLists else { return }
        customers.update(at: customer, body)
    }
}

extension Array {
    /// Appends `element`. An empty array gets a new one-element buffer from an array literal,
    /// which costs about half of growing the empty buffer; most records hold one or two facts.
    @inline(__always)
    mutating func appendCreatingStorage(_ element: Element) {
        if isEmpty { self = [element] } else { append(element) }
    }
}
