import Dispatch
internal import Ledger
internal import LedgerWire

/// One line parsed and each of its calls routed: the part of answering a line that grows with
/// its length, and needs nothing of its connection but the peer's role, so a long line can be
/// routed off its event loop (on the ``LineLane``).
struct RoutedLine: Sendable {
    /// One call of the line.
    enum Call: Sendable {
        /// A call that is not a valid request, answered with its error.
        case invalid(RPCID, RPCError)
        /// A request and how it proceeds.
        case request(RPCRequest, Dispatcher.Routing)
    }

    /// Whether the line is a JSON array, answered with an array.
    let isBatch: Bool
    /// The calls in the order they were sent.
    let calls: [Call]
    /// When the line was taken from the connection (`DispatchTime` nanoseconds), where each
    /// call's time in the request log starts.
    let receivedAt: UInt64

    /// Parses `bytes` (one line, without its line feed) and routes its requests for a peer of
    /// `role` and `uid`; a line's writes are decoded against one head state.
    init(
        _ bytes: [UInt8],
        receivedAt: UInt64,
        maxDepth: Int,
        dispatcher: Dispatcher,
        role: Role?,
        uid: UInt32
    ) {
        let message = RPCMessage.parse(bytes, maxDepth: maxDepth)
        if case .batch = message { isBatch = true } else { isBatch = false }
        self.receivedAt = receivedAt
        let head = dispatcher.headState
        calls = message.calls.map { call in
            switch call {
            case .invalid(let id, let error):
                .invalid(id, error)
            case .request(let request):
                .request(request, dispatcher.route(request, role: role, uid: uid, head: head))
            }
        }
    }
}
