/// One line a client receives: a reply, a batch of replies, or a server notification.
package enum RPCServerMessage: Hashable, Sendable {
    /// The reply to one request.
    case response(RPCResponse)
    /// The replies to a batch, in request order (notifications in it get none).
    case batch([RPCResponse])
    /// A notification pushed by the server, such as `event` or `closing`.
    case notification(method: String, params: JSONValue?)

    /// Parses one received line.
    ///
    /// - Returns: The message, or `nil` when the JSON is not a JSON-RPC 2.0 server message.
    /// - Throws: ``JSONParseError`` when the line is not JSON.
    package static func parse(_ line: [UInt8]) throws(JSONParseError) -> RPCServerMessage? {
        classify(try JSONParser.parse(line))
    }

    /// Classifies a parsed line; `nil` when it is not a JSON-RPC 2.0 server message.
    package static func classify(_ value: JSONValue) -> RPCServerMessage? {
        switch value {
        case .array(let elements):
            var responses: [RPCResponse] = []
            for element in elements {
                guard let response = RPCResponse(element) else { return nil }
                responses.append(response)
            }
            return .batch(responses)
        case .object:
            if value["id"] == nil, case .string(let method) = value["method"],
                case .string("2.0") = value["jsonrpc"]
            {
                return .notification(method: method, params: value["params"])
            }
            return RPCResponse(value).map(RPCServerMessage.response)
        default:
            return nil
        }
    }
}
