internal import Ledger
internal import LedgerWire

/// One method of the protocol: its name, the least role that may call it, and how it runs.
struct MethodSpec: Sendable {
    /// Writes a read method's result value into the reply.
    typealias ReadHandler =
        @Sendable (inout ParamReader, ReadContext, inout JSONWriter) throws -> Void
    /// Turns a write method's params (without `command_id`) into the work for the writer; the
    /// head state lets amounts without a `currency` take their document's.
    typealias WriteDecoder =
        @Sendable (inout ParamReader, LedgerState) throws(RPCError) -> WriteSubmission.Work
    /// Takes a decoded write instead of the writer, to do work before it (and off the event
    /// loop) and then pass it on; calls the completion exactly once, with the writer's reply or
    /// a refusal such as `busy`.
    typealias WriteRoute =
        @Sendable (WriteSubmission, @escaping @Sendable (WriteReply) -> Void) -> Void

    /// How the method runs.
    enum Kind: Sendable {
        /// Answered from the published projection or the log, never waiting for a commit.
        case read(ReadHandler)
        /// Queued for the single writer; answered after the durable commit.
        case write(WriteDecoder)
        /// Decoded like `.write`, then handed to the route, which queues it for the writer
        /// when it is ready: `dunning.run` delivers first.
        case routedWrite(WriteDecoder, WriteRoute)
        /// `events.subscribe`: answered once, then followed by notifications.
        case subscribe
    }

    /// The method's name on the wire.
    let name: String
    /// The least role allowed to call it.
    let role: Role
    /// How it runs.
    let kind: Kind

    /// Whether the method goes through the writer.
    var isWrite: Bool {
        switch kind {
        case .write, .routedWrite: true
        case .read, .subscribe: false
        }
    }
}
