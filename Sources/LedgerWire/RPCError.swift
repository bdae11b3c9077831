/// A JSON-RPC error object: `{"code":…,"message":…,"data":{"reason":…,"field":…}}`.
///
/// Clients branch on `code` and the stable snake_case `data.reason`; `message` is for humans
/// and may change. It is also the typed error ``ParamReader`` throws, so a handler can forward
/// it unchanged.
package struct RPCError: Error, Hashable, Sendable {
    /// The JSON-RPC error code.
    package var code: RPCErrorCode
    /// A short human-readable explanation.
    package var message: String
    /// The stable machine-readable reason, sent as `data.reason`.
    package var reason: String?
    /// The offending parameter's path (`allocations[2].amount`), sent as `data.field`.
    package var field: String?

    /// Creates an error; `data` is written when `reason` is set.
    package init(code: RPCErrorCode, message: String, reason: String? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.reason = reason
        self.field = field
    }

    /// -32700 for a line that is not JSON, with the parser's message and offset.
    package static func parseError(_ error: JSONParseError) -> RPCError {
        RPCError(code: .parseError, message: "parse error: \(error)", reason: "invalid_json")
    }

    /// -32600 for a message that is JSON but not a valid request.
    ///
    /// - Parameters:
    ///   - message: What is wrong, for humans.
    ///   - reason: The stable reason (`invalid_request`, `empty_batch`, `line_too_long`, …).
    ///   - field: The offending request member, if one is to blame.
    /// - Returns: The error.
    package static func invalidRequest(
        _ message: String,
        reason: String = "invalid_request",
        field: String? = nil
    ) -> RPCError {
        RPCError(code: .invalidRequest, message: message, reason: reason, field: field)
    }

    /// -32600 for a line longer than the protocol's limit; answer it with `id: null` and close.
    package static func lineTooLong(limitBytes: Int) -> RPCError {
        invalidRequest("line longer than \(limitBytes) bytes", reason: "line_too_long")
    }

    /// -32601 for an unknown method.
    package static func methodNotFound(_ method: String) -> RPCError {
        RPCError(
            code: .methodNotFound,
            message: "unknown method \(method)",
            reason: "unknown_method"
        )
    }

    /// -32602 for a parameter that is missing, of the wrong type or malformed.
    ///
    /// - Parameters:
    ///   - reason: The stable reason (`missing_field`, `wrong_type`, `invalid_amount`, …).
    ///   - field: The parameter's path, such as `allocations[2].amount`.
    ///   - message: What is wrong, for humans.
    /// - Returns: The error.
    package static func invalidParams(reason: String, field: String?, message: String) -> RPCError {
        RPCError(code: .invalidParams, message: message, reason: reason, field: field)
    }

    /// -32000 for a command the ledger's rules refuse.
    ///
    /// - Parameters:
    ///   - reason: The stable reason, such as `unknown_customer` or `period_closed`.
    ///   - message: What is wrong, for humans.
    /// - Returns: The error.
    package static func rejected(reason: String, message: String) -> RPCError {
        RPCError(code: .rejected, message: message, reason: reason)
    }
}
