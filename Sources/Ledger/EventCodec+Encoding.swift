// Each encoder writes its members in ascending byte order of their keys, as the canonical
// encoding requires; optional members that are absent are left out and not counted.

extension EventCodec {
    static func encode(_ event: CustomerRegistered, into writer: inout PayloadWriter) {
        let count =
            2 + present(event.currency, event.email, event.locale, event.segment, event.terms)
        writer.writeObjectHeader(count: count)
        if let currency = event.currency {
            writer.writeKey("currency")
            writer.writeString(utf8: currency.codeBytes)
        }
        writer.writeKey("customer_id")
        writer.writeString(event.customerID.rawValue)
        writeOptional("email", event.email, into: &writer)
        writeOptional("locale", event.locale, into: &writer)
        writer.writeKey("name")
        writer.writeString(event.name)
        writeOptional("segment", event.segment, into: &writer)
        if let terms = event.terms {
            writer.writeKey("terms")
            encode(terms, into: &writer)
        }
    }

    static func encode(_ event: CustomerUpdated, into writer: inout PayloadWriter) {
        let count =
            1
            + present(
                event.currency,
                event.email,
                event.locale,
                event.name,
                event.segment,
                event.terms
            )
        writer.writeObjectHeader(count: count)
        writeChange("currency", event.currency, into: &writer) {
            $0.writeString(utf8: $1.codeBytes)
        }
        writer.writeKey("customer_id")
        writer.writeString(event.customerID.rawValue)
        writeChange("email", event.email, into: &writer) { $0.writeString($1) }
        writeChange("locale", event.locale, into: &writer) { $0.writeString($1) }
        writeOptional("name", event.name, into: &writer)
        writeChange("segment", event.segment, into: &writer) { $0.writeString($1) }
        writeChange("terms", event.terms, into: &writer) { encode($1, into: &$0) }
    }

    static func encode(_ event: InvoiceIssued, into writer: inout PayloadWriter) {
        let count =
            6 + (event.lines.isEmpty ? 0 : 1) + (event.metadata.isEmpty ? 0 : 1)
            + (event.instalments.isEmpty ? 0 : 1) + present(event.poNumber, event.terms)
        writer.writeObjectHeader(count: count)
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("customer_id")
        writer.writeString(event.customerID.rawValue)
        writer.writeKey("due_date")
        writer.writeDate(event.dueDate)
        if !event.instalments.isEmpty {
            writer.writeKey("instalments")
            encode(event.instalments, into: &writer)
        }
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("issue_date")
        writer.writeDate(event.issueDate)
        if !event.lines.isEmpty {
            writer.writeKey("lines")
            writer.writeArrayHeader(count: event.lines.count)
            for line in event.lines { encode(line, into: &writer) }
        }
        if !event.metadata.isEmpty {
            writer.writeKey("metadata")
            encode(event.metadata, into: &writer)
        }
        writeOptional("po_number", event.poNumber, into: &writer)
        if let terms = event.terms {
            writer.writeKey("terms")
            encode(terms, into: &writer)
        }
    }

    static func encode(_ event: InvoiceVoided, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 3)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("reason")
        writer.writeString(event.reason)
    }

    static func encode(_ event: InvoiceWrittenOff, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 6)
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("automatic")
        writer.writeBool(event.automatic)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("reason")
        writer.writeString(event.reason)
    }

    static func encode(_ event: CreditNoteIssued, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 6 + present(event.invoiceID))
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("credit_note_id")
        writer.writeString(event.creditNoteID.rawValue)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("customer_id")
        writer.writeString(event.customerID.rawValue)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writeOptional("invoice_id", event.invoiceID?.rawValue, into: &writer)
        writer.writeKey("reason")
        writer.writeString(event.reason)
    }

    static func encode(_ event: PaymentReceived, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 6 + present(event.reference))
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("customer_id")
        writer.writeString(event.customerID.rawValue)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("method")
        writer.writeString(event.method)
        writer.writeKey("payment_id")
        writer.writeString(event.paymentID.rawValue)
        writeOptional("reference", event.reference, into: &writer)
    }

    static func encode(_ event: PaymentAllocated, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 5)
        writer.writeKey("allocations")
        writer.writeArrayHeader(count: event.allocations.count)
        for allocation in event.allocations {
            writer.writeObjectHeader(count: 2)
            writer.writeKey("amount")
            writer.writeMoney(allocation.amount)
            writer.writeKey("invoice_id")
            writer.writeString(allocation.invoiceID.rawValue)
        }
        writer.writeKey("automatic")
        writer.writeBool(event.automatic)
        writer.writeKey("currency")
        writer.writeString(utf8: event.allocations[0].amount.currency.codeBytes)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("payment_id")
        writer.writeString(event.paymentID.rawValue)
    }

    static func encode(_ event: PaymentReversed, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 3)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("payment_id")
        writer.writeString(event.paymentID.rawValue)
        writer.writeKey("reason")
        writer.writeString(event.reason)
    }

    static func encode(_ event: LedgerConfigured, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(
            count: present(event.timeZone) + (event.writeOffTolerances.isEmpty ? 0 : 1)
        )
        writeOptional("time_zone", event.timeZone, into: &writer)
        if !event.writeOffTolerances.isEmpty {
            writer.writeKey("write_off_tolerance")
            writer.writeObjectHeader(count: event.writeOffTolerances.count)
            for tolerance in event.writeOffTolerances {
                writer.writeKey(tolerance.currency.code)
                writer.writeMoney(tolerance)
            }
        }
    }

    /// An instalment schedule: an array of `{amount, due_date}`.
    static func encode(_ instalments: [Instalment], into writer: inout PayloadWriter) {
        writer.writeArrayHeader(count: instalments.count)
        for instalment in instalments {
            writer.writeObjectHeader(count: 2)
            writer.writeKey("amount")
            writer.writeMoney(instalment.amount)
            writer.writeKey("due_date")
            writer.writeDate(instalment.dueDate)
        }
    }

    /// String attributes: an object of strings, keys in byte order.
    static func encode(_ metadata: [String: String], into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: metadata.count)
        let sorted = metadata.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (key, value) in sorted {
            writer.writeKey(key)
            writer.writeString(value)
        }
    }

    static func encode(_ line: InvoiceLine, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 4)
        writer.writeKey("description")
        writer.writeString(line.description)
        writer.writeKey("quantity")
        writer.writeString(line.quantity.description)
        writer.writeKey("tax_rate")
        writer.writeString(line.taxRatePercent.description)
        writer.writeKey("unit_price")
        writer.writeMoney(line.unitPrice)
    }

    static func encode(_ terms: PaymentTerms, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 2 + present(terms.discount, terms.split))
        writer.writeKey("days")
        writer.writeInt(Int64(terms.days))
        if let discount = terms.discount {
            writer.writeKey("discount")
            writer.writeObjectHeader(count: 2)
            writer.writeKey("days")
            writer.writeInt(Int64(discount.days))
            writer.writeKey("percent")
            writer.writeString(discount.percent.description)
        }
        if let split = terms.split {
            writer.writeKey("instalments")
            writer.writeObjectHeader(count: 2)
            writer.writeKey("count")
            writer.writeInt(Int64(split.count))
            writer.writeKey("interval_days")
            writer.writeInt(Int64(split.intervalDays))
        }
        writer.writeKey("kind")
        writer.writeString(terms.kind)
    }

    static func present(_ values: Any?...) -> Int {
        values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    }

    static func writeOptional(
        _ key: StaticString,
        _ value: String?,
        into writer: inout PayloadWriter
    ) {
        guard let value else { return }
        writer.writeKey(key)
        writer.writeString(value)
    }

    private static func writeChange<Value>(
        _ key: StaticString,
        _ change: FieldChange<Value>?,
        into writer: inout PayloadWriter,
        value write: (inout PayloadWriter, Value) -> Void
    ) {
        guard let change else { return }
        writer.writeKey(key)
        switch change {
        case .set(let value): write(&writer, value)
        case .clear: writer.writeNull()
        }
    }
}
