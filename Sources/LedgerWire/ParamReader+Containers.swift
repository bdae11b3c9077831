package import Ledger

extension ParamReader {
    /// A required array, elements unchecked.
    ///
    /// - Throws: `missing_field` or `wrong_type`.
    package mutating func array(_ key: String) throws(RPCError) -> [JSONValue] {
        try checkedArray(key, try required(key))
    }

    /// An optional array; `nil` when absent or null (an empty array is returned as such).
    ///
    /// - Throws: `wrong_type`.
    package mutating func optionalArray(_ key: String) throws(RPCError) -> [JSONValue]? {
        guard let value = present(key) else { return nil }
        return try checkedArray(key, value)
    }

    func checkedArray(_ key: String, _ value: JSONValue) throws(RPCError) -> [JSONValue] {
        guard case .array(let elements) = value else {
            throw wrongType(key, expected: "an array", found: value)
        }
        return elements
    }

    /// A required nested object, as a reader whose errors name `key.member`.
    ///
    /// - Throws: `missing_field` or `wrong_type`.
    package mutating func object(_ key: String) throws(RPCError) -> ParamReader {
        try nestedReader(try required(key), key: key, path: fieldPath(key))
    }

    /// An optional nested object; `nil` when absent or null.
    ///
    /// - Throws: `wrong_type`.
    package mutating func optionalObject(_ key: String) throws(RPCError) -> ParamReader? {
        guard let value = present(key) else { return nil }
        return try nestedReader(value, key: key, path: fieldPath(key))
    }

    /// A required array of objects, one reader per element with paths like `key[2]`.
    ///
    /// - Throws: `missing_field` or `wrong_type` (naming the first element that is no object).
    package mutating func objects(_ key: String) throws(RPCError) -> [ParamReader] {
        try objectReaders(key, try checkedArray(key, try required(key)))
    }

    /// An optional array of objects; `nil` when absent or null.
    ///
    /// - Throws: `wrong_type`.
    package mutating func optionalObjects(_ key: String) throws(RPCError) -> [ParamReader]? {
        guard let value = present(key) else { return nil }
        return try objectReaders(key, try checkedArray(key, value))
    }

    /// A required array of strings.
    ///
    /// - Throws: `missing_field` or `wrong_type` (naming the first element that is no string).
    package mutating func strings(_ key: String) throws(RPCError) -> [String] {
        let elements = try checkedArray(key, try required(key))
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw wrongType("\(key)[\(index)]", expected: "a string", found: element)
            }
            result.append(text)
        }
        return result
    }

    /// An optional free-form value (such as invoice metadata) as a payload value.
    ///
    /// - Throws: `invalid_value` when it holds a non-integer or out-of-range number.
    package mutating func optionalPayload(_ key: String) throws(RPCError) -> PayloadValue? {
        guard let value = present(key) else { return nil }
        do {
            return try PayloadValue(json: value)
        } catch {
            throw invalid(
                key + error.path,
                reason: "invalid_value",
                message: "\(fieldPath(key + error.path)): \(error.message)"
            )
        }
    }

    func objectReaders(_ key: String, _ elements: [JSONValue]) throws(RPCError) -> [ParamReader] {
        var readers: [ParamReader] = []
        readers.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let elementKey = "\(key)[\(index)]"
            readers.append(try nestedReader(element, key: elementKey, path: fieldPath(elementKey)))
        }
        return readers
    }

    func nestedReader(_ value: JSONValue, key: String, path: String) throws(RPCError) -> ParamReader
    {
        guard case .object(let members) = value else {
            throw wrongType(key, expected: "an object", found: value)
        }
        return ParamReader(members: members, path: path)
    }
}
