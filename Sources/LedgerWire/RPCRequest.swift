/// One valid JSON-RPC 2.0 request or notification.
package struct RPCRequest: Hashable, Sendable {
    /// The request id; `nil` for a notification, which gets no reply.
    package var id: RPCID?
    /// The method name, such as `invoice.issue`.
    package var method: String
    /// The parameters: an object or an array when present.
    package var params: JSONValue?

    /// Creates a request.
    package init(id: RPCID?, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// Whether the request is a notification (no `id`), which must not be answered.
    package var isNotification: Bool { id == nil }

    /// Validates one request object per JSON-RPC 2.0.
    ///
    /// `jsonrpc` must be `"2.0"`, `method` a string, `params` (if present) an object or array,
    /// `id` (if present) a string, number or null; no other members are accepted, so a typo
    /// such as `param` is reported instead of silently dropping the parameters.
    ///
    /// - Returns: The call: the request, or the error to answer (with the request's id when it
    ///   could be read, else null).
    package static func validate(_ value: JSONValue) -> RPCCall {
        guard case .object(let members) = value else {
            return .invalid(id: .null, error: .invalidRequest("request must be a JSON object"))
        }
        var id: RPCID?
        if let idValue = value["id"] {
            guard let parsed = RPCID(idValue) else {
                let error = RPCError.invalidRequest(
                    "id must be a string, number or null",
                    field: "id"
                )
                return .invalid(id: .null, error: error)
            }
            id = parsed
        }
        switch request(from: members, id: id) {
        case .success(let request): return .request(request)
        case .failure(let error): return .invalid(id: id ?? .null, error: error)
        }
    }

    static func request(from members: [JSONMember], id: RPCID?) -> Result<RPCRequest, RPCError> {
        var version: JSONValue?
        var method: JSONValue?
        var params: JSONValue?
        for member in members {
            switch member.key {
            case "jsonrpc": version = member.value
            case "method": method = member.value
            case "params": params = member.value
            case "id": break
            default:
                let message = "unknown request member \"\(member.key)\""
                return .failure(
                    .invalidRequest(message, reason: "unknown_field", field: member.key)
                )
            }
        }
        guard case .string("2.0") = version else {
            return .failure(.invalidRequest("jsonrpc must be \"2.0\"", field: "jsonrpc"))
        }
        guard case .string(let name) = method else {
            return .failure(.invalidRequest("method must be a string", field: "method"))
        }
        switch params {
        case nil, .object?, .array?:
            return .success(RPCRequest(id: id, method: name, params: params))
        default:
            return .failure(
                .invalidRequest("params must be an object or an array", field: "params")
            )
        }
    }
}
