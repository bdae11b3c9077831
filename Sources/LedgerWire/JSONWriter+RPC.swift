extension JSONWriter {
    /// Writes an id: a string, the number's exact text, or `null`.
    package mutating func id(_ id: RPCID) {
        switch id {
        case .null: null()
        case .string(let text): string(text)
        case .number(let number): self.number(number)
        }
    }

    /// Writes an error object: `{"code":…,"message":…,"data":{"reason":…,"field":…}}`.
    package mutating func error(_ error: RPCError) {
        beginObject()
        member("code", Int64(error.code.rawValue))
        member("message", error.message)
        if let reason = error.reason {
            key("data")
            beginObject()
            member("reason", reason)
            if let field = error.field { member("field", field) }
            endObject()
        }
        endObject()
    }

    /// Writes a success reply, `{"jsonrpc":"2.0","id":…,"result":…}`, whose result `body`
    /// writes directly (exactly one value).
    ///
    /// - Throws: Whatever `body` throws; the output is then incomplete and should be reset.
    package mutating func response<Failure: Error>(
        id: RPCID,
        result body: (inout JSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        beginObject()
        appendLiteral("\"jsonrpc\":\"2.0\"")
        needsComma = true
        key("id")
        self.id(id)
        key("result")
        try body(&self)
        endObject()
    }

    /// Writes a success reply whose result is a value.
    package mutating func response(id: RPCID, result: JSONValue) {
        response(id: id) { $0.value(result) }
    }

    /// Writes an error reply, `{"jsonrpc":"2.0","id":…,"error":{…}}`.
    package mutating func response(id: RPCID, error: RPCError) {
        beginObject()
        appendLiteral("\"jsonrpc\":\"2.0\"")
        needsComma = true
        key("id")
        self.id(id)
        key("error")
        self.error(error)
        endObject()
    }

    /// Writes the reply to an invalid call (its error with its id).
    ///
    /// - Returns: `false` for a valid request, which the caller must answer itself.
    @discardableResult
    package mutating func responseIfInvalid(_ call: RPCCall) -> Bool {
        guard case .invalid(let id, let error) = call else { return false }
        response(id: id, error: error)
        return true
    }

    /// Writes a notification, `{"jsonrpc":"2.0","method":…,"params":…}`, such as an `event`
    /// for a subscriber; `body` writes the params value.
    ///
    /// - Throws: Whatever `body` throws.
    package mutating func notification<Failure: Error>(
        method: String,
        params body: (inout JSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        beginObject()
        appendLiteral("\"jsonrpc\":\"2.0\"")
        needsComma = true
        member("method", method)
        key("params")
        try body(&self)
        endObject()
    }

    /// Writes a request, or a notification when `id` is `nil`, as a client sends it.
    ///
    /// - Parameters:
    ///   - id: The request id; `nil` writes no `id` member.
    ///   - method: The method name.
    ///   - params: The params (an object or array), or `nil` for none.
    package mutating func request(id: RPCID?, method: String, params: JSONValue?) {
        beginObject()
        appendLiteral("\"jsonrpc\":\"2.0\"")
        needsComma = true
        if let id {
            key("id")
            self.id(id)
        }
        member("method", method)
        if let params {
            key("params")
            value(params)
        }
        endObject()
    }

    /// One complete error reply line, newline included, such as the answer to an over-long line.
    package static func errorLine(id: RPCID = .null, error: RPCError) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 128)
        writer.response(id: id, error: error)
        writer.newline()
        return writer.bytes
    }
}
