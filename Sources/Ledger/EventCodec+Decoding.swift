// Version 1 decoders. Each asks for its members in ascending key order (see `PayloadReader`),
// so any other order, a duplicate or an unknown member fails, exactly like the generic decoder.

extension EventCodec {
    static func decodeLedgerCreated(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> LedgerEvent
    {
        var scope = try reader.openObject()
        try reader.expect("ledger_id", &scope)
        let ledgerID = try reader.text("ledger_id", maximumBytes: LedgerEvent.maximumLedgerIDBytes)
        try reader.close(scope)
        return .ledgerCreated(ledgerID: ledgerID)
    }

    static func decodeCustomerRegistered(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> CustomerRegistered
    {
        var scope = try reader.openObject()
        let currency = try reader.has("currency", &scope) ? try reader.currency("currency") : nil
        try reader.expect("customer_id", &scope)
        let customerID: CustomerID = try reader.identifier("customer_id")
        let email = try reader.has("email", &scope) ? try reader.text("email") : nil
        let locale = try reader.has("locale", &scope) ? try reader.text("locale") : nil
        try reader.expect("name", &scope)
        let name = try reader.text("name")
        let segment = try reader.has("segment", &scope) ? try reader.text("segment") : nil
        let terms = try reader.has("terms", &scope) ? try reader.terms("terms") : nil
        try reader.close(scope)
        return CustomerRegistered(
            customerID: customerID,
            name: name,
            email: email,
            segment: segment,
            currency: currency,
            terms: terms,
            locale: locale
        )
    }

    static func decodeCustomerUpdated(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> CustomerUpdated
    {
        var scope = try reader.openObject()
        let currency: FieldChange<Currency>? = try reader.change("currency", &scope) {
            reader throws(EventDecodingError) in
            try reader.currency("currency")
        }
        try reader.expect("customer_id", &scope)
        let customerID: CustomerID = try reader.identifier("customer_id")
        let email = try reader.change("email", &scope) { reader throws(EventDecodingError) in
            try reader.text("email")
        }
        let locale = try reader.change("locale", &scope) { reader throws(EventDecodingError) in
            try reader.text("locale")
        }
        let name = try reader.has("name", &scope) ? try reader.text("name") : nil
        let segment = try reader.change("segment", &scope) { reader throws(EventDecodingError) in
            try reader.text("segment")
        }
        let terms = try reader.change("terms", &scope) { reader throws(EventDecodingError) in
            try reader.terms("terms")
        }
        try reader.close(scope)
        return CustomerUpdated(
            customerID: customerID,
            name: name,
            email: email,
            segment: segment,
            currency: currency,
            terms: terms,
            locale: locale
        )
    }

    static func decodeInvoiceIssued(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> InvoiceIssued
    {
        var scope = try reader.openObject()
        try reader.expect("amount", &scope)
        let rawAmount = try reader.rawString()
        try reader.expect("currency", &scope)
        let currency = try reader.currency("currency")
        let amount = try PayloadReader.money(rawAmount, currency, "amount")
        try reader.expect("customer_id", &scope)
        let customerID: CustomerID = try reader.identifier("customer_id")
        try reader.expect("due_date", &scope)
        let dueDate = try reader.date("due_date")
        let instalments =
            try reader.has("instalments", &scope) ? try reader.instalments(currency) : []
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("issue_date", &scope)
        let issueDate = try reader.date("issue_date")
        var lines: [InvoiceLine] = []
        if try reader.has("lines", &scope) {
            let count = try reader.array()
            lines.reserveCapacity(count)
            for _ in 0..<count { lines.append(try reader.invoiceLine(currency)) }
        }
        let metadata = try reader.has("metadata", &scope) ? try reader.stringMap("metadata") : [:]
        let poNumber = try reader.has("po_number", &scope) ? try reader.text("po_number") : nil
        let terms = try reader.has("terms", &scope) ? try reader.terms("terms") : nil
        try reader.close(scope)
        return InvoiceIssued(
            invoiceID: invoiceID,
            customerID: customerID,
            amount: amount,
            issueDate: issueDate,
            dueDate: dueDate,
            terms: terms,
            lines: lines,
            instalments: instalments,
            poNumber: poNumber,
            metadata: metadata
        )
    }

    static func decodeInvoiceVoided(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> InvoiceVoided
    {
        var scope = try reader.openObject()
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("reason", &scope)
        let reason = try reader.text("reason")
        try reader.close(scope)
        return InvoiceVoided(invoiceID: invoiceID, date: date, reason: reason)
    }

    static func decodeInvoiceWrittenOff(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> InvoiceWrittenOff
    {
        var scope = try reader.openObject()
        try reader.expect("amount", &scope)
        let rawAmount = try reader.rawString()
        try reader.expect("automatic", &scope)
        let automatic = try reader.boolean()
        try reader.expect("currency", &scope)
        let amount = try PayloadReader.money(rawAmount, try reader.currency("currency"), "amount")
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("reason", &scope)
        let reason = try reader.text("reason")
        try reader.close(scope)
        return InvoiceWrittenOff(
            invoiceID: invoiceID,
            amount: amount,
            date: date,
            reason: reason,
            automatic: automatic
        )
    }

    static func decodeCreditNoteIssued(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> CreditNoteIssued
    {
        var scope = try reader.openObject()
        try reader.expect("amount", &scope)
        let rawAmount = try reader.rawString()
        try reader.expect("credit_note_id", &scope)
        let creditNoteID: CreditNoteID = try reader.identifier("credit_note_id")
        try reader.expect("currency", &scope)
        let amount = try PayloadReader.money(rawAmount, try reader.currency("currency"), "amount")
        try reader.expect("customer_id", &scope)
        let customerID: CustomerID = try reader.identifier("customer_id")
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        let invoiceID: InvoiceID? =
            try reader.has("invoice_id", &scope) ? try reader.identifier("invoice_id") : nil
        try reader.expect("reason", &scope)
        let reason = try reader.text("reason")
        try reader.close(scope)
        return CreditNoteIssued(
            creditNoteID: creditNoteID,
            customerID: customerID,
            amount: amount,
            date: date,
            invoiceID: invoiceID,
            reason: reason
        )
    }
}
