// Field readers for the typed event decoders: each converts payload errors into
// `EventDecodingError` and validates the value the member must hold.

extension PayloadReader {
    /// Opens an object.
    mutating func openObject() throws(EventDecodingError) -> PayloadObjectScope {
        do { return try beginObject() } catch { throw .malformedPayload(error) }
    }

    /// Consumes `key` if it comes next; see ``member(_:in:)``.
    @inline(__always)
    mutating func has(_ key: StaticString, _ scope: inout PayloadObjectScope)
        throws(EventDecodingError) -> Bool
    {
        do { return try member(key, in: &scope) } catch { throw .malformedPayload(error) }
    }

    /// Consumes `key`, which must come next.
    @inline(__always)
    mutating func expect(_ key: StaticString, _ scope: inout PayloadObjectScope)
        throws(EventDecodingError)
    {
        do { try requireMember(key, in: &scope) } catch { throw .malformedPayload(error) }
    }

    /// Closes an object, failing on unread members.
    func close(_ scope: PayloadObjectScope) throws(EventDecodingError) {
        do { try endObject(scope) } catch { throw .malformedPayload(error) }
    }

    /// Reads a string's raw bytes.
    @inline(__always)
    mutating func rawString() throws(EventDecodingError) -> UnsafeRawBufferPointer {
        do { return try readStringBytes() } catch { throw .malformedPayload(error) }
    }

    /// Reads an identifier.
    mutating func identifier<ID: LedgerIdentifier>(_ field: String) throws(EventDecodingError) -> ID
    {
        guard let id = ID(bytes: try rawString()) else { throw .invalidField(field) }
        return id
    }

    /// Reads free text: valid UTF-8 without control characters.
    mutating func text(_ field: String, maximumBytes: Int = TextRules.maximumByteCount)
        throws(EventDecodingError)
        -> String
    {
        let raw = try rawString()
        guard !raw.isEmpty, raw.count <= maximumBytes,
            UTF8Validation.isValid(raw, allowingControls: false)
        else {
            throw .invalidField(field)
        }
        return UTF8Validation.string(validated: raw)
    }

    /// Reads a `YYYY-MM-DD` date.
    mutating func date(_ field: String) throws(EventDecodingError) -> LedgerDate {
        guard let date = LedgerDate(bytes: try rawString()) else { throw .invalidField(field) }
        return date
    }

    /// Reads a currency code.
    mutating func currency(_ field: String) throws(EventDecodingError) -> Currency {
        guard let currency = Currency(codeBytes: try rawString()) else {
            throw .invalidField(field)
        }
        return currency
    }

    /// Parses the raw bytes of a decimal amount in `currency`; the text must be canonical.
    static func money(
        _ raw: UnsafeRawBufferPointer,
        _ currency: Currency,
        _ field: String
    ) throws(EventDecodingError) -> Money {
        guard case .success(let money) = Money.parse(raw, currency: currency) else {
            throw .invalidField(field)
        }
        // A padded form such as "5.5" for 5.50 parses, but is not the canonical text.
        guard raw.count == money.decimalTextByteCount else { throw .invalidField(field) }
        return money
    }

    /// Reads a boolean.
    mutating func boolean() throws(EventDecodingError) -> Bool {
        do { return try readBool() } catch { throw .malformedPayload(error) }
    }

    /// Reads an integer.
    mutating func integer() throws(EventDecodingError) -> Int64 {
        do { return try readInt() } catch { throw .malformedPayload(error) }
    }

    /// Reads an array header.
    mutating func array() throws(EventDecodingError) -> Int {
        do { return try readArrayHeader() } catch { throw .malformedPayload(error) }
    }

    /// Consumes a `null` if it comes next.
    mutating func null() -> Bool {
        readNullIfPresent()
    }

    /// Reads payment terms `{"days": N, "discount"?: {"days", "percent"},
    /// "instalments"?: {"count", "interval_days"}, "kind": "…"}`.
    mutating func terms(_ field: String) throws(EventDecodingError) -> PaymentTerms {
        var scope = try openObject()
        try expect("days", &scope)
        let days = try integer()
        var discount: EarlyPaymentDiscount?
        if try has("discount", &scope) {
            var inner = try openObject()
            try expect("days", &inner)
            let discountDays = try integer()
            try expect("percent", &inner)
            let percentText = try rawString()
            try close(inner)
            guard let percent = DecimalQuantity(canonical: percentText),
                let value = try? EarlyPaymentDiscount(
                    percent: percent,
                    days: Int(clamping: discountDays)
                )
            else { throw .invalidField(field) }
            discount = value
        }
        var split: InstalmentSplit?
        if try has("instalments", &scope) {
            var inner = try openObject()
            try expect("count", &inner)
            let count = try integer()
            try expect("interval_days", &inner)
            let interval = try integer()
            try close(inner)
            guard
                let value = try? InstalmentSplit(
                    count: Int(clamping: count),
                    intervalDays: Int(clamping: interval)
                )
            else { throw .invalidField(field) }
            split = value
        }
        try expect("kind", &scope)
        let kind = try text(field)
        try close(scope)
        guard days >= 0, days <= Int64(PaymentTerms.maximumDays),
            let terms = try? PaymentTerms(
                kind: kind,
                days: Int(days),
                discount: discount,
                split: split
            )
        else { throw .invalidField(field) }
        return terms
    }

    /// Reads an instalment schedule `[{"amount": "…", "due_date": "…"}]` in `currency`.
    mutating func instalments(_ currency: Currency) throws(EventDecodingError) -> [Instalment] {
        let count = try array()
        var schedule: [Instalment] = []
        schedule.reserveCapacity(count)
        for _ in 0..<count {
            var element = try openObject()
            try expect("amount", &element)
            let amount = try PayloadReader.money(try rawString(), currency, "instalments.amount")
            try expect("due_date", &element)
            let dueDate = try date("instalments.due_date")
            try close(element)
            schedule.append(Instalment(dueDate: dueDate, amount: amount))
        }
        return schedule
    }
}

extension Money {
    /// The byte length of ``decimalText``, computed without building it.
    package var decimalTextByteCount: Int {
        var digits = 1
        var magnitude = minorUnits.magnitude / 10
        while magnitude > 0 {
            digits += 1
            magnitude /= 10
        }
        let exponent = currency.exponent
        let shown = max(digits, exponent + 1)
        return shown + (exponent > 0 ? 1 : 0) + (minorUnits < 0 ? 1 : 0)
    }
}
