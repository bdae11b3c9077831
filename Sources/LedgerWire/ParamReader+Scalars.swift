extension ParamReader {
    /// A required string.
    ///
    /// - Parameters:
    ///   - key: The member's key.
    ///   - maxBytes: The longest value accepted in UTF-8 bytes (`too_long` beyond it).
    ///   - allowEmpty: Whether `""` is accepted (`empty_string` otherwise).
    /// - Returns: The string.
    /// - Throws: `missing_field`, `wrong_type`, `too_long` or `empty_string`.
    package mutating func string(
        _ key: String,
        maxBytes: Int? = nil,
        allowEmpty: Bool = true
    ) throws(RPCError) -> String {
        try checkedString(key, try required(key), maxBytes: maxBytes, allowEmpty: allowEmpty)
    }

    /// An optional string; `nil` when absent or null.
    ///
    /// - Throws: `wrong_type`, `too_long` or `empty_string`.
    package mutating func optionalString(
        _ key: String,
        maxBytes: Int? = nil,
        allowEmpty: Bool = true
    ) throws(RPCError) -> String? {
        guard let value = present(key) else { return nil }
        return try checkedString(key, value, maxBytes: maxBytes, allowEmpty: allowEmpty)
    }

    func checkedString(
        _ key: String,
        _ value: JSONValue,
        maxBytes: Int?,
        allowEmpty: Bool
    ) throws(RPCError) -> String {
        guard case .string(let text) = value else {
            throw wrongType(key, expected: "a string", found: value)
        }
        if let maxBytes, text.utf8.count > maxBytes {
            throw invalid(
                key,
                reason: "too_long",
                message: "\(fieldPath(key)) must be at most \(maxBytes) bytes"
            )
        }
        if !allowEmpty, text.isEmpty {
            throw invalid(
                key,
                reason: "empty_string",
                message: "\(fieldPath(key)) must not be empty"
            )
        }
        return text
    }

    /// A required integer: a JSON integer literal (no fraction, no exponent) within `range`.
    ///
    /// - Throws: `missing_field`, `wrong_type` or `out_of_range`.
    package mutating func int(
        _ key: String,
        in range: ClosedRange<Int64> = Int64.min...Int64.max
    ) throws(RPCError) -> Int64 {
        try checkedInt(key, try required(key), in: range)
    }

    /// An optional integer; `nil` when absent or null.
    ///
    /// - Throws: `wrong_type` or `out_of_range`.
    package mutating func optionalInt(
        _ key: String,
        in range: ClosedRange<Int64> = Int64.min...Int64.max
    ) throws(RPCError) -> Int64? {
        guard let value = present(key) else { return nil }
        return try checkedInt(key, value, in: range)
    }

    func checkedInt(
        _ key: String,
        _ value: JSONValue,
        in range: ClosedRange<Int64>
    ) throws(RPCError) -> Int64 {
        guard case .number(let number) = value, number.isIntegerLiteral else {
            throw wrongType(key, expected: "an integer", found: value)
        }
        guard let integer = number.int64, range.contains(integer) else {
            throw invalid(
                key,
                reason: "out_of_range",
                message:
                    "\(fieldPath(key)) must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        return integer
    }

    /// A required boolean.
    ///
    /// - Throws: `missing_field` or `wrong_type`.
    package mutating func bool(_ key: String) throws(RPCError) -> Bool {
        let value = try required(key)
        guard case .bool(let flag) = value else {
            throw wrongType(key, expected: "a boolean", found: value)
        }
        return flag
    }

    /// An optional boolean; `nil` when absent or null.
    ///
    /// - Throws: `wrong_type`.
    package mutating func optionalBool(_ key: String) throws(RPCError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw wrongType(key, expected: "a boolean", found: value)
        }
        return flag
    }
}
