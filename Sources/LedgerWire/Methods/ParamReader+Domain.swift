package import Ledger

extension ParamReader {
    /// Runs a domain initialiser and reports its ``ParameterError`` as -32602 at this reader's
    /// path, so a rule the domain owns (text rules, totals, ranges) is stated only there.
    ///
    /// - Parameter body: The initialiser call.
    /// - Returns: What `body` returns.
    /// - Throws: `invalid_params` with the domain's reason and the field's full path.
    package func checking<Value>(
        _ body: () throws(ParameterError) -> Value
    ) throws(RPCError) -> Value {
        do {
            return try body()
        } catch {
            throw RPCError.invalidParams(
                reason: error.reason,
                field: fieldPath(error.field),
                message: error.message
            )
        }
    }

    /// A required entity identifier: 1 to 128 bytes of text without control characters.
    ///
    /// - Throws: `missing_field`, `wrong_type`, `empty_string`, `too_long`, or `invalid_value`
    ///   for control characters.
    package mutating func identifier<ID: LedgerIdentifier>(
        _ key: String,
        as type: ID.Type = ID.self
    ) throws(RPCError) -> ID {
        let text = try string(key, maxBytes: ID.maximumByteCount, allowEmpty: false)
        return try checkedIdentifier(key, text)
    }

    /// An optional entity identifier; `nil` when absent or null.
    ///
    /// - Throws: `wrong_type`, `empty_string`, `too_long` or `invalid_value`.
    package mutating func optionalIdentifier<ID: LedgerIdentifier>(
        _ key: String,
        as type: ID.Type = ID.self
    ) throws(RPCError) -> ID? {
        let text = try optionalString(key, maxBytes: ID.maximumByteCount, allowEmpty: false)
        guard let text else { return nil }
        return try checkedIdentifier(key, text)
    }

    func checkedIdentifier<ID: LedgerIdentifier>(_ key: String, _ text: String) throws(RPCError)
        -> ID
    {
        guard let identifier = ID(text) else {
            throw invalid(
                key,
                reason: "invalid_value",
                message: "\(fieldPath(key)) must not contain control characters"
            )
        }
        return identifier
    }

    /// A member that may be set, cleared with an explicit `null`, or left out.
    ///
    /// - Returns: nil when absent, `.clear` for `null`, else `.set` with the raw value.
    package mutating func change(_ key: String) -> FieldChange<JSONValue>? {
        switch value(key) {
        case nil: nil
        case .null?: .clear
        case let value?: .set(value)
        }
    }

    /// Optional payment terms: `{"kind": "net" | "end_of_month", "days": N, "discount"?:
    /// {"percent", "days"}, "instalments"?: {"count", "interval_days"}}`, or the text form
    /// `"2/10 net 30"` (see ``PaymentTermsText``).
    ///
    /// - Throws: `wrong_type`, `missing_field`, `out_of_range`, `unknown_field` or
    ///   `invalid_value` naming the member, such as `terms.discount.percent`.
    package mutating func optionalTerms(_ key: String) throws(RPCError) -> PaymentTerms? {
        guard let value = present(key) else { return nil }
        return try checkedTerms(key, value)
    }

    func checkedTerms(_ key: String, _ value: JSONValue) throws(RPCError) -> PaymentTerms {
        if case .string(let text) = value {
            return try checking { () throws(ParameterError) in
                try PaymentTermsText.parse(text, field: key)
            }
        }
        var terms = try nestedReader(value, key: key, path: fieldPath(key))
        let kind = try terms.string("kind")
        let days = try terms.int("days", in: 0...Int64(PaymentTerms.maximumDays))
        var discount: EarlyPaymentDiscount?
        if var object = try terms.optionalObject("discount") {
            let percent = try object.quantity("percent")
            let discountDays = try object.int(
                "days",
                in: 0...Int64(EarlyPaymentDiscount.maximumDays)
            )
            try object.finish()
            discount = try checking { () throws(ParameterError) in
                try EarlyPaymentDiscount(percent: percent, days: Int(discountDays))
            }
        }
        var split: InstalmentSplit?
        if var object = try terms.optionalObject("instalments") {
            let count = try object.int("count", in: 2...Int64(InstalmentSplit.maximumCount))
            let interval = try object.int("interval_days", in: 1...Int64(PaymentTerms.maximumDays))
            try object.finish()
            split = try checking { () throws(ParameterError) in
                try InstalmentSplit(count: Int(count), intervalDays: Int(interval))
            }
        }
        try terms.finish()
        return try checking { () throws(ParameterError) in
            try PaymentTerms(kind: kind, days: Int(days), discount: discount, split: split)
        }
    }

    /// A nested object read with this reader's own path, so its errors name its members as if
    /// they were this object's: `ledger.transact`'s `commands[2].params.amount` is reported
    /// as `commands[2].amount`.
    ///
    /// - Throws: `missing_field` or `wrong_type`.
    package mutating func inlinedObject(_ key: String) throws(RPCError) -> ParamReader {
        try nestedReader(try required(key), key: key, path: path)
    }

    /// A decimal quantity or rate: a decimal string such as `"2.5"` or a JSON integer.
    ///
    /// - Throws: `missing_field` or `invalid_value`.
    package mutating func quantity(_ key: String) throws(RPCError) -> DecimalQuantity {
        try checkedQuantity(key, try required(key))
    }

    /// An optional decimal quantity; `nil` when absent or null.
    ///
    /// - Throws: `invalid_value`.
    package mutating func optionalQuantity(_ key: String) throws(RPCError) -> DecimalQuantity? {
        guard let value = present(key) else { return nil }
        return try checkedQuantity(key, value)
    }

    func checkedQuantity(_ key: String, _ value: JSONValue) throws(RPCError) -> DecimalQuantity {
        let text: String? =
            switch value {
            case .string(let text): text
            case .number(let number) where number.isIntegerLiteral: number.text
            default: nil
            }
        guard let text, let quantity = DecimalQuantity(parsing: text) else {
            throw invalid(
                key,
                reason: "invalid_value",
                message:
                    "\(fieldPath(key)) must be a non-negative decimal such as \"2.5\" with at most "
                    + "\(DecimalQuantity.maximumScale) decimals"
            )
        }
        return quantity
    }
}
