// The snapshot layout of each entity record, writer and reader side by side. The writer reads
// each record through its address: a record passed by value was copied, retaining and releasing
// every reference it holds.

extension SnapshotWriter {
    /// What invoices, payments and credit notes start with: the id, the customer's index, the
    /// currency and the amount.
    private mutating func head(_ id: String, customer: Int32, _ amount: Money) {
        string(id)
        count(Int(customer))
        currency(amount.currency)
        int(amount.minorUnits)
    }

    mutating func customer(_ record: UnsafePointer<CustomerRecord>) {
        string(record.pointee.id.rawValue)
        string(record.pointee.name)
        optional(record.pointee.email) { $0.string($1) }
        optional(record.pointee.segment) { $0.string($1) }
        optional(record.pointee.currency) { $0.currency($1) }
        optional(record.pointee.terms) { $0.terms($1) }
        optional(record.pointee.locale) { $0.string($1) }
        varint(record.pointee.registeredSequence)
    }

    mutating func invoice(_ record: UnsafePointer<InvoiceRecord>) {
        head(record.pointee.id.rawValue, customer: record.pointee.customer, record.pointee.amount)
        date(record.pointee.issueDate)
        date(record.pointee.dueDate)
        varint(record.pointee.sequence)
        optional(record.pointee.terms) { $0.terms($1) }
        count(record.pointee.lines.count)
        for line in record.pointee.lines {
            string(line.description)
            int(line.quantity.significand)
            bytes.append(UInt8(line.quantity.scale))
            int(line.unitPrice.minorUnits)
            int(line.taxRatePercent.significand)
            bytes.append(UInt8(line.taxRatePercent.scale))
        }
        optional(record.pointee.poNumber) { $0.string($1) }
        let metadata = record.pointee.metadata.sorted {
            $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
        }
        count(metadata.count)
        for (key, value) in metadata {
            string(key)
            string(value)
        }
        count(record.pointee.applications.count)
        for application in record.pointee.applications {
            bytes.append(application.kind.rawValue)
            int(application.amount)
            fact(application.time)
            int(Int64(application.source))
            optional(application.revocation) { $0.fact($1) }
        }
        optional(record.pointee.void) { $0.fact($1) }
        optional(record.pointee.voidReason) { $0.string($1) }
        int(record.pointee.openAtHead)
        fact(record.pointee.lastFact)
        count(record.pointee.instalments.count)
        for instalment in record.pointee.instalments {
            date(instalment.dueDate)
            int(instalment.amount.minorUnits)
        }
        count(record.pointee.disputes.count)
        for dispute in record.pointee.disputes {
            fact(dispute.opened)
            string(dispute.reason)
            optional(dispute.resolved) { $0.fact($1) }
            optional(dispute.resolution) { $0.string($1) }
        }
        count(record.pointee.promises.count)
        for promise in record.pointee.promises {
            int(promise.amount)
            date(promise.promisedDate)
            fact(promise.time)
        }
    }

    mutating func payment(_ record: UnsafePointer<PaymentRecord>) {
        head(record.pointee.id.rawValue, customer: record.pointee.customer, record.pointee.amount)
        fact(record.pointee.time)
        string(record.pointee.method)
        optional(record.pointee.reference) { $0.string($1) }
        count(record.pointee.allocations.count)
        for allocation in record.pointee.allocations {
            count(Int(allocation.invoice))
            int(allocation.amount)
            fact(allocation.time)
            bool(allocation.automatic)
        }
        int(record.pointee.allocatedAtHead)
        optional(record.pointee.reversal) { $0.fact($1) }
        optional(record.pointee.reversalReason) { $0.string($1) }
        count(record.pointee.refunds.count)
        for refund in record.pointee.refunds {
            int(refund.amount)
            fact(refund.time)
            string(refund.reason)
        }
        int(record.pointee.refundedAtHead)
    }

    mutating func creditNote(_ record: UnsafePointer<CreditNoteRecord>) {
        head(record.pointee.id.rawValue, customer: record.pointee.customer, record.pointee.amount)
        fact(record.pointee.time)
        optional(record.pointee.invoice) { $0.count(Int($1)) }
        string(record.pointee.reason)
    }
}

extension SnapshotReader {
    /// Reads what ``SnapshotWriter``'s `head` wrote: the id, a customer index below
    /// `customers`, and the amount in its currency.
    private mutating func head<ID: LedgerIdentifier>(customers: Int) throws(SnapshotError)
        -> (ID, Int32, Money)
    {
        let id: ID = try identifier()
        let customer = try index(below: customers)
        return (id, customer, try money(try currency()))
    }

    mutating func customer() throws(SnapshotError) -> CustomerRecord {
        let id: CustomerID = try identifier()
        let event = CustomerRegistered(
            customerID: id,
            name: try string(),
            email: try optional { reader throws(SnapshotError) in try reader.string() },
            segment: try optional { reader throws(SnapshotError) in try reader.string() },
            currency: try optional { reader throws(SnapshotError) in try reader.currency() },
            terms: try optional { reader throws(SnapshotError) in try reader.terms() },
            locale: try optional { reader throws(SnapshotError) in try reader.string() }
        )
        return CustomerRecord(event, sequence: try varint())
    }

    mutating func invoice(customers: Int) throws(SnapshotError) -> InvoiceRecord {
        let (id, customer, amount): (InvoiceID, Int32, Money) = try head(customers: customers)
        let currency = amount.currency
        let issueDate = try date()
        let dueDate = try date()
        let sequence = try varint()
        let terms = try optional { reader throws(SnapshotError) in try reader.terms() }
        var lines: [InvoiceLine] = []
        for _ in 0..<(try count()) {
            let description = try string()
            let quantity = try decimal()
            let unitPrice = try money(currency)
            guard
                let line = try? InvoiceLine(
                    description: description,
                    quantity: quantity,
                    unitPrice: unitPrice,
                    taxRatePercent: try decimal()
                )
            else { throw corrupt }
            lines.append(line)
        }
        let poNumber = try optional { reader throws(SnapshotError) in try reader.string() }
        var metadata: [String: String] = [:]
        for _ in 0..<(try count()) { metadata[try string()] = try string() }
        let event = InvoiceIssued(
            invoiceID: id,
            customerID: CustomerID(validated: ""),
            amount: amount,
            issueDate: issueDate,
            dueDate: dueDate,
            terms: terms,
            lines: lines,
            poNumber: poNumber,
            metadata: metadata
        )
        var record = InvoiceRecord(event, customer: customer, sequence: sequence)
        for _ in 0..<(try count()) {
            guard let kind = InvoiceApplication.Kind(rawValue: try byte()) else { throw corrupt }
            record.applications.append(
                InvoiceApplication(
                    kind: kind,
                    amount: try int(),
                    time: try fact(),
                    source: Int32(truncatingIfNeeded: try int()),
                    revocation: try optional { reader throws(SnapshotError) in try reader.fact() }
                )
            )
        }
        record.void = try optional { reader throws(SnapshotError) in try reader.fact() }
        record.voidReason = try optional { reader throws(SnapshotError) in try reader.string() }
        record.openAtHead = try int()
        record.lastFact = try fact()
        try restoreBreadth(&record, currency: currency)
        return record
    }

    private mutating func restoreBreadth(_ record: inout InvoiceRecord, currency: Currency)
        throws(SnapshotError)
    {
        for _ in 0..<(try count()) {
            let dueDate = try date()
            record.instalments.append(Instalment(dueDate: dueDate, amount: try money(currency)))
        }
        for _ in 0..<(try count()) {
            record.disputes.append(
                DisputeRecord(
                    opened: try fact(),
                    reason: try string(),
                    resolved: try optional { reader throws(SnapshotError) in try reader.fact() },
                    resolution: try optional { reader throws(SnapshotError) in
                        try reader.string()
                    }
                )
            )
        }
        for _ in 0..<(try count()) {
            record.promises.append(
                PromiseRecord(amount: try int(), promisedDate: try date(), time: try fact())
            )
        }
    }

    mutating func payment(customers: Int, invoices: Int) throws(SnapshotError) -> PaymentRecord {
        let (id, customer, amount): (PaymentID, Int32, Money) = try head(customers: customers)
        let time = try fact()
        let event = PaymentReceived(
            paymentID: id,
            customerID: CustomerID(validated: ""),
            amount: amount,
            date: time.date,
            method: try string(),
            reference: try optional { reader throws(SnapshotError) in try reader.string() }
        )
        var record = PaymentRecord(event, customer: customer, sequence: time.sequence)
        for _ in 0..<(try count()) {
            record.allocations.append(
                PaymentRecord.AllocationRecord(
                    invoice: try index(below: invoices),
                    amount: try int(),
                    time: try fact(),
                    automatic: try bool()
                )
            )
        }
        record.allocatedAtHead = try int()
        record.reversal = try optional { reader throws(SnapshotError) in try reader.fact() }
        record.reversalReason = try optional { reader throws(SnapshotError) in try reader.string() }
        for _ in 0..<(try count()) {
            record.refunds.append(
                RefundRecord(amount: try int(), time: try fact(), reason: try string())
            )
        }
        record.refundedAtHead = try int()
        return record
    }

    mutating func creditNote(customers: Int, invoices: Int) throws(SnapshotError)
        -> CreditNoteRecord
    {
        let (id, customer, amount): (CreditNoteID, Int32, Money) = try head(customers: customers)
        let time = try fact()
        let invoice = try optional { reader throws(SnapshotError) in
            try reader.index(below: invoices)
        }
        let event = CreditNoteIssued(
            creditNoteID: id,
            customerID: CustomerID(validated: ""),
            amount: amount,
            date: time.date,
            invoiceID: nil,
            reason: try string()
        )
        return CreditNoteRecord(
            event,
            customer: customer,
            invoice: invoice,
            sequence: time.sequence
        )
    }
}
