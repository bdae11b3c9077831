/// One call of a message: a valid request, or the error that answers an invalid one in place.
///
/// Keeping invalid entries in a batch lets the server answer every call in order.
package enum RPCCall: Hashable, Sendable {
    /// A valid request or notification.
    case request(RPCRequest)
    /// An invalid request, answered with `error` and `id` (null when unreadable).
    case invalid(id: RPCID, error: RPCError)

    /// Whether the call gets a reply: everything except a valid notification.
    package var expectsReply: Bool {
        switch self {
        case .request(let request): !request.isNotification
        case .invalid: true
        }
    }
}
