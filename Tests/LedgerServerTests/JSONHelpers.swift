import LedgerWire

extension JSONValue {
    var intValue: Int64? {
        if case .number(let number) = self { return number.int64 }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// Compact JSON text.
    var text: String {
        var writer = JSONWriter()
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Parses a JSON literal written in a test.
func json(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

extension RPCClient {
    /// Sends a raw line and returns the reply line as text.
    func roundTrip(_ line: String) throws -> String? {
        try sendLine(Array(line.utf8))
        return try nextLine().map { String(decoding: $0, as: UTF8.self) }
    }
}
