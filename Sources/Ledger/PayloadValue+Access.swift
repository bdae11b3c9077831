/// Typed access to the members of a decoded ``PayloadValue``, for events that are decoded through
/// the generic path (the dunning events, which are rare enough not to need a typed decoder).
///
/// Every accessor names the member that failed, so a decoding error points at the field.
package struct PayloadObjectView: Sendable {
    /// The members, in ascending key order.
    package let members: [PayloadMember]

    /// Wraps an object value.
    /// - Throws: the `field` name when `value` is not an object.
    package init(_ value: PayloadValue, field: String) throws(PayloadFieldError) {
        guard case .object(let members) = value else { throw PayloadFieldError(field: field) }
        self.members = members
    }

    /// The member named `key`, if present and not `null`.
    package func optional(_ key: String) -> PayloadValue? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value { return nil }
        return member.value
    }

    /// A required string member.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func string(_ key: String) throws(PayloadFieldError) -> String {
        guard let text = try optionalString(key) else { throw PayloadFieldError(field: key) }
        return text
    }

    /// An optional string member.
    /// - Throws: ``PayloadFieldError`` naming `key` when present but not a string.
    package func optionalString(_ key: String) throws(PayloadFieldError) -> String? {
        guard let value = optional(key) else { return nil }
        guard case .string(let text) = value else { throw PayloadFieldError(field: key) }
        return text
    }

    /// A required integer member.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func int(_ key: String) throws(PayloadFieldError) -> Int64 {
        guard case .int(let number) = optional(key) else { throw PayloadFieldError(field: key) }
        return number
    }

    /// A required array member.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func array(_ key: String) throws(PayloadFieldError) -> [PayloadValue] {
        guard case .array(let elements) = optional(key) else { throw PayloadFieldError(field: key) }
        return elements
    }

    /// A required date member (`YYYY-MM-DD`).
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func date(_ key: String) throws(PayloadFieldError) -> LedgerDate {
        guard let date = LedgerDate(parsing: try string(key)) else {
            throw PayloadFieldError(field: key)
        }
        return date
    }

    /// A required identifier member.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func identifier<ID: LedgerIdentifier>(_ key: String) throws(PayloadFieldError) -> ID {
        guard let id = ID(try string(key)) else { throw PayloadFieldError(field: key) }
        return id
    }

    /// An optional identifier member.
    /// - Throws: ``PayloadFieldError`` naming `key` when present but invalid.
    package func optionalIdentifier<ID: LedgerIdentifier>(_ key: String)
        throws(PayloadFieldError) -> ID?
    {
        guard let text = try optionalString(key) else { return nil }
        guard let id = ID(text) else { throw PayloadFieldError(field: key) }
        return id
    }

    /// A required amount in `currency`, written as a decimal string.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func money(_ key: String, currency: Currency) throws(PayloadFieldError) -> Money {
        do { return try Money(parsing: try string(key), currency: currency) } catch {
            throw PayloadFieldError(field: key)
        }
    }

    /// A required currency code member.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func currency(_ key: String) throws(PayloadFieldError) -> Currency {
        guard let currency = Currency(code: try string(key)) else {
            throw PayloadFieldError(field: key)
        }
        return currency
    }

    /// A required free-text member within the ledger's text rules.
    /// - Throws: ``PayloadFieldError`` naming `key`.
    package func text(_ key: String, maximumBytes: Int = TextRules.maximumByteCount)
        throws(PayloadFieldError) -> String
    {
        let value = try string(key)
        guard TextRules.isValid(value, maximumBytes: maximumBytes) else {
            throw PayloadFieldError(field: key)
        }
        return value
    }
}

/// A member of a generically decoded payload that is missing or malformed.
package struct PayloadFieldError: Error, Hashable, Sendable {
    /// The member's name.
    package let field: String

    /// Creates the error.
    package init(field: String) {
        self.field = field
    }
}
