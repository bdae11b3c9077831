// The snapshot layout of each entity record, writer and reader side by side.

extension SnapshotWriter {
    mutating func customer(_ record: CustomerRecord) {
        string(record.id.rawValue)
        string(record.name)
        optional(record.email) { $0.string($1) }
        optional(record.segment) { $0.string($1) }
        optional(record.currency) { $0.currency($1) }
        optional(record.terms) { $0.terms($1) }
        optional(record.locale) { $0.string($1) }
        varint(record.registeredSequence)
    }

    mutating func invoice(_ record: InvoiceRecord) {
        string(record.id.rawValue)
        count(Int(record.customer))
        currency(record.currency)
        int(record.amount.minorUnits)
        date(record.issueDate)
        date(record.dueDate)
        varint(record.sequence)
        optional(record.terms) { $0.terms($1) }
        count(record.lines.count)
        for line in record.lines {
            string(line.description)
            int(line.quantity.significand)
            bytes.append(UInt8(line.quantity.scale))
            int(line.unitPrice.minorUnits)
            int(line.taxRatePercent.significand)
            bytes.append(UInt8(line.taxRatePercent.scale))
        }
        optional(record.poNumber) { $0.string($1) }
        let metadata = record.metadata.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        count(metadata.count)
        for (key, value) in metadata {
            string(key)
            string(value)
        }
        count(record.applications.count)
        for application in record.applications {
            bytes.append(application.kind.rawValue)
            int(application.amount)
            fact(application.time)
            int(Int64(application.source))
            optional(application.revocation) { $0.fact($1) }
        }
        optional(record.void) { $0.fact($1) }
        optional(record.voidReason) { $0.string($1) }
        int(record.openAtHead)
        fact(record.lastFact)
        count(record.instalments.count)
        for instalment in record.instalments {
            date(instalment.dueDate)
            int(instalment.amount.minorUnits)
        }
        count(record.disputes.count)
        for dispute in record.disputes {
            fact(dispute.opened)
            string(dispute.reason)
            optional(dispute.resolved) { $0.fact($1) }
            optional(dispute.resolution) { $0.string($1) }
        }
        count(record.promises.count)
        for promise in record.promises {
            int(promise.amount)
            date(promise.promisedDate)
            fact(promise.time)
        }
    }

    mutating func payment(_ record: PaymentRecord) {
        string(record.id.rawValue)
        count(Int(record.customer))
        currency(record.currency)
        int(record.amount.minorUnits)
        fact(record.time)
        string(record.method)
        optional(record.reference) { $0.string($1) }
        count(record.allocations.count)
        for allocation in record.allocations {
            count(Int(allocation.invoice))
            int(allocation.amount)
            fact(allocation.time)
            bool(allocation.automatic)
        }
        int(record.allocatedAtHead)
        optional(record.reversal) { $0.fact($1) }
        optional(record.reversalReason) { $0.string($1) }
        count(record.refunds.count)
        for refund in record.refunds {
            int(refund.amount)
            fact(refund.time)
            string(refund.reason)
        }
        int(record.refundedAtHead)
    }

    mutating func creditNote(_ record: CreditNoteRecord) {
        string(record.id.rawValue)
        count(Int(record.customer))
        currency(record.amount.currency)
        int(record.amount.minorUnits)
        fact(record.time)
        optional(record.invoice) { $0.count(Int($1)) }
        string(record.reason)
    }
}

extension SnapshotReader {
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
        let id: InvoiceID = try identifier()
        let customer = try index(below: customers)
        let currency = try currency()
        let amount = try money(currency)
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
        let id: PaymentID = try identifier()
        let customer = try index(below: customers)
        let amount = try money(try currency())
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
        let id: CreditNoteID = try identifier()
        let customer = try index(below: customers)
        let amount = try money(try currency())
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
