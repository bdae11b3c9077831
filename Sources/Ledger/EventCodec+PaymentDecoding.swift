// Version 1 decoders of the payment and ledger events; see EventCodec+Decoding.swift.

extension EventCodec {
    static func decodePaymentReceived(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> PaymentReceived
    {
        var scope = try reader.openObject()
        try reader.expect("amount", &scope)
        let rawAmount = try reader.rawString()
        try reader.expect("currency", &scope)
        let amount = try PayloadReader.money(rawAmount, try reader.currency("currency"), "amount")
        try reader.expect("customer_id", &scope)
        let customerID: CustomerID = try reader.identifier("customer_id")
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("method", &scope)
        let method = try reader.text("method")
        try reader.expect("payment_id", &scope)
        let paymentID: PaymentID = try reader.identifier("payment_id")
        let reference = try reader.has("reference", &scope) ? try reader.text("reference") : nil
        try reader.close(scope)
        return PaymentReceived(
            paymentID: paymentID,
            customerID: customerID,
            amount: amount,
            date: date,
            method: method,
            reference: reference
        )
    }

    static func decodePaymentAllocated(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> PaymentAllocated
    {
        var scope = try reader.openObject()
        try reader.expect("allocations", &scope)
        // Amounts come before the currency in key order, so keep their raw bytes until it is known.
        let count = try reader.array()
        var pending: [(InvoiceID, UnsafeRawBufferPointer)] = []
        pending.reserveCapacity(count)
        for _ in 0..<count {
            var element = try reader.openObject()
            try reader.expect("amount", &element)
            let rawAmount = try reader.rawString()
            try reader.expect("invoice_id", &element)
            let invoiceID: InvoiceID = try reader.identifier("allocations.invoice_id")
            try reader.close(element)
            pending.append((invoiceID, rawAmount))
        }
        try reader.expect("automatic", &scope)
        let automatic = try reader.boolean()
        try reader.expect("currency", &scope)
        let currency = try reader.currency("currency")
        var allocations: [Allocation] = []
        allocations.reserveCapacity(count)
        for (invoiceID, rawAmount) in pending {
            let amount = try PayloadReader.money(rawAmount, currency, "allocations.amount")
            allocations.append(Allocation(invoiceID: invoiceID, amount: amount))
        }
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("payment_id", &scope)
        let paymentID: PaymentID = try reader.identifier("payment_id")
        try reader.close(scope)
        return PaymentAllocated(
            paymentID: paymentID,
            date: date,
            allocations: allocations,
            automatic: automatic
        )
    }

    static func decodePaymentReversed(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> PaymentReversed
    {
        var scope = try reader.openObject()
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("payment_id", &scope)
        let paymentID: PaymentID = try reader.identifier("payment_id")
        try reader.expect("reason", &scope)
        let reason = try reader.text("reason")
        try reader.close(scope)
        return PaymentReversed(paymentID: paymentID, date: date, reason: reason)
    }

    static func decodePeriodClosed(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> PeriodClosed
    {
        var scope = try reader.openObject()
        try reader.expect("through", &scope)
        let through = try reader.date("through")
        try reader.close(scope)
        return PeriodClosed(through: through)
    }

    static func decodeLedgerConfigured(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> LedgerConfigured
    {
        var scope = try reader.openObject()
        let timeZone =
            try reader.has("time_zone", &scope)
            ? try reader.text("time_zone", maximumBytes: 64) : nil
        var tolerances: [Money] = []
        if try reader.has("write_off_tolerance", &scope) {
            var map = try reader.openObject()
            var previous: UnsafeRawBufferPointer?
            while map.remaining > 0 {
                let key: UnsafeRawBufferPointer
                do { key = try reader.readMapKey(after: previous) } catch {
                    throw .malformedPayload(error)
                }
                previous = key
                map.remaining -= 1
                guard let currency = Currency(codeBytes: key) else {
                    throw .invalidField("write_off_tolerance")
                }
                tolerances.append(
                    try PayloadReader.money(try reader.rawString(), currency, "write_off_tolerance")
                )
            }
        }
        try reader.close(scope)
        return LedgerConfigured(timeZone: timeZone, writeOffTolerances: tolerances)
    }
}

extension PayloadReader {
    /// Reads an optional change: absent is nil, `null` is a clear, anything else a new value.
    mutating func change<Value>(
        _ key: StaticString,
        _ scope: inout PayloadObjectScope,
        value read: (inout PayloadReader) throws(EventDecodingError) -> Value
    ) throws(EventDecodingError) -> FieldChange<Value>? {
        guard try has(key, &scope) else { return nil }
        if null() { return .clear }
        return .set(try read(&self))
    }

    /// Reads an invoice line whose unit price is in `currency`.
    mutating func invoiceLine(_ currency: Currency) throws(EventDecodingError) -> InvoiceLine {
        var scope = try openObject()
        try expect("description", &scope)
        let description = try text("lines.description")
        try expect("quantity", &scope)
        let quantity = try decimal("lines.quantity")
        try expect("tax_rate", &scope)
        let taxRate = try decimal("lines.tax_rate")
        try expect("unit_price", &scope)
        let unitPrice = try PayloadReader.money(try rawString(), currency, "lines.unit_price")
        try close(scope)
        guard
            let line = try? InvoiceLine(
                description: description,
                quantity: quantity,
                unitPrice: unitPrice,
                taxRatePercent: taxRate
            )
        else { throw .invalidField("lines") }
        return line
    }

    /// Reads a canonical decimal quantity string.
    mutating func decimal(_ field: String) throws(EventDecodingError) -> DecimalQuantity {
        guard let value = DecimalQuantity(canonical: try rawString()) else {
            throw .invalidField(field)
        }
        return value
    }

    /// Reads an object of string values with arbitrary sorted keys.
    mutating func stringMap(_ field: String) throws(EventDecodingError) -> [String: String] {
        var scope = try openObject()
        var map: [String: String] = [:]
        var previous: UnsafeRawBufferPointer?
        while scope.remaining > 0 {
            let key: UnsafeRawBufferPointer
            do { key = try readMapKey(after: previous) } catch { throw .malformedPayload(error) }
            previous = key
            scope.remaining -= 1
            let value = try rawString()
            guard UTF8Validation.isValid(value, allowingControls: false) else {
                throw .invalidField(field)
            }
            map[UTF8Validation.string(validated: key)] = UTF8Validation.string(validated: value)
        }
        return map
    }
}
