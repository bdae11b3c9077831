/// One reply read by a client: the request's id and either its result or its error.
package struct RPCResponse: Hashable, Sendable {
    /// The id of the request answered (null when the server could not read it).
    package var id: RPCID
    /// The `result` value, or the `error` object.
    package var outcome: Result<JSONValue, RPCError>

    /// Creates a response.
    package init(id: RPCID, outcome: Result<JSONValue, RPCError>) {
        self.id = id
        self.outcome = outcome
    }

    /// Reads a reply object; `nil` when it is not a valid JSON-RPC 2.0 response.
    package init?(_ value: JSONValue) {
        guard case .string("2.0") = value["jsonrpc"], let idValue = value["id"],
            let id = RPCID(idValue)
        else { return nil }
        self.id = id
        switch (value["result"], value["error"]) {
        case (let result?, nil):
            outcome = .success(result)
        case (nil, let errorValue?):
            guard let error = Self.error(from: errorValue) else { return nil }
            outcome = .failure(error)
        default:
            return nil
        }
    }

    static func error(from value: JSONValue) -> RPCError? {
        guard case .number(let codeNumber) = value["code"], let code = codeNumber.int64,
            case .string(let message) = value["message"]
        else { return nil }
        var error = RPCError(code: RPCErrorCode(rawValue: Int(code)), message: message)
        if case .object = value["data"] {
            if case .string(let reason) = value["data"]?["reason"] { error.reason = reason }
            if case .string(let field) = value["data"]?["field"] { error.field = field }
        }
        return error
    }
}
