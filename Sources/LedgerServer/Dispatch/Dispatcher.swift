import Dispatch
internal import Ledger
internal import LedgerStorage
internal import LedgerWire
internal import NIOCore
internal import NIOPosix

/// Routes one request to its method: checks the caller's role, runs reads on the read pool
/// against the published projection, and hands writes to the single writer.
final class Dispatcher: Sendable {
    private let methods: [String: MethodSpec]
    private let engine: LedgerEngine
    private let writer: GroupCommitWriter
    private let stats: ServerStats
    private let limits: ServerLimits
    private let readPool: NIOThreadPool
    /// Who may do what, from peer credentials; replaced by a configuration reload.
    private let roles: LiveRoles

    /// The role policy in force now.
    var policy: RolePolicy { roles.current }

    init(
        methods: [MethodSpec],
        roles: LiveRoles,
        engine: LedgerEngine,
        writer: GroupCommitWriter,
        stats: ServerStats,
        limits: ServerLimits,
        readPool: NIOThreadPool
    ) {
        self.methods = Dictionary(
            methods.map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        self.engine = engine
        self.writer = writer
        self.stats = stats
        self.limits = limits
        self.readPool = readPool
        self.roles = roles
    }

    /// The newest committed projection.
    var headState: LedgerState { engine.current.state }

    /// The method named `name`, if there is one.
    func method(_ name: String) -> MethodSpec? { methods[name] }

    /// A read context over the newest published projection.
    func readContext() -> ReadContext {
        ReadContext(
            published: engine.current,
            engine: engine,
            stats: stats,
            writer: writer,
            limits: limits,
            methods: methods.values.sorted { $0.name < $1.name }
        )
    }

    /// How one request proceeds, decided on the event loop.
    enum Routing: Sendable {
        /// Answered at once: an unknown method, a refused role, or parameters that do not
        /// decode. The bytes are one complete reply, without the line feed.
        case answered([UInt8])
        /// A write for the writer, queued with the other writes of its line.
        case write(WriteSubmission)
        /// A write that its route takes before the writer (`dunning.run`).
        case routedWrite(WriteSubmission, MethodSpec.WriteRoute)
        /// A read, run with ``read(_:_:on:)``.
        case read(MethodSpec.ReadHandler)
        /// `events.subscribe`, which the connection hosts.
        case subscribe
    }

    /// Checks the caller's role and decodes a write's parameters; reads run later, with
    /// ``read(_:_:on:)``, once the writes sent before them have been answered.
    ///
    /// - Parameters:
    ///   - request: The call.
    ///   - role: The peer's role; nil when it may not do anything.
    ///   - uid: The peer's uid, recorded as the actor of a write.
    ///   - head: A recent ``headState``, which a write's parameters are decoded against (the
    ///     currency of a document it names); one per line spares a copy per call.
    /// - Returns: The reply at once, or what the connection does next with the call.
    func route(_ request: RPCRequest, role: Role?, uid: UInt32, head: LedgerState) -> Routing {
        let id = request.id ?? .null
        guard let spec = methods[request.method] else {
            return .answered(Self.errorReply(id, .methodNotFound(request.method)))
        }
        guard let role, role >= spec.role else {
            let error = RPCError.rejected(
                reason: "permission_denied",
                message: "\(request.method) needs the \(spec.role.rawValue) role"
            )
            return .answered(Self.errorReply(id, error))
        }
        let actor = Actor(uid: uid, role: role.rawValue)
        switch spec.kind {
        case .read(let handler):
            return .read(handler)
        case .write(let decoder), .routedWrite(let decoder, _):
            let submission: WriteSubmission
            do {
                submission = try decodeWrite(decoder, request: request, actor: actor, head: head)
            } catch {
                return .answered(Self.errorReply(id, error))
            }
            if case .routedWrite(_, let route) = spec.kind {
                return .routedWrite(submission, route)
            }
            return .write(submission)
        case .subscribe:
            return .subscribe
        }
    }

    /// Queues `batch` for the writer; false when the queue is full or closed (answer `busy`).
    func submit(_ batch: WriteBatch) -> Bool {
        writer.submit(batch)
    }

    /// Runs a read method on the read pool against the published projection.
    func read(
        _ handler: @escaping MethodSpec.ReadHandler,
        _ request: RPCRequest,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<[UInt8]> {
        readPool.runIfActive(eventLoop: eventLoop) { [self] in
            runRead(handler, request: request, id: request.id ?? .null)
        }
    }

    private func runRead(_ handler: MethodSpec.ReadHandler, request: RPCRequest, id: RPCID)
        -> [UInt8]
    {
        var writer = JSONWriter(reservingCapacity: 512)
        do {
            var params = try ParamReader(request.params)
            let context = readContext()
            try writer.response(id: id) { output in
                try handler(&params, context, &output)
            }
            try params.finish()
            return writer.bytes
        } catch let error as RPCError {
            return Self.errorReply(id, error)
        } catch {
            return Self.errorReply(id, .rejected(reason: "storage_error", message: "\(error)"))
        }
    }

    /// The submission for a write call.
    ///
    /// - Throws: the parameter error that answers the call.
    private func decodeWrite(
        _ decoder: MethodSpec.WriteDecoder,
        request: RPCRequest,
        actor: Actor,
        head: LedgerState
    ) throws(RPCError) -> WriteSubmission {
        var params = try ParamReader(request.params)
        let commandID = try params.string(
            "command_id",
            maxBytes: limits.maxCommandIDBytes,
            allowEmpty: false
        )
        let work = try decoder(&params, head)
        try params.finish()
        return WriteSubmission(
            commandID: commandID,
            work: work,
            actor: actor,
            fingerprint: Self.fingerprint(of: work)
        )
    }

    /// SHA-256 of the normalised body: the method and typed parameters of every command.
    static func fingerprint(of work: WriteSubmission.Work) -> Digest {
        switch work {
        case .single(let command):
            return Digest.sha256(command.fingerprintBytes)
        case .transaction(let commands):
            return Digest.sha256(Command.transactionFingerprint(commands))
        }
    }

    static func writeReply(_ id: RPCID, _ reply: WriteReply) -> [UInt8] {
        switch reply {
        case .rejected(let reason, let message, let index):
            let error =
                index.map {
                    RPCError(
                        code: .rejected,
                        message: "command \($0): \(message)",
                        reason: reason,
                        field: "commands[\($0)]"
                    )
                }
                ?? RPCError.rejected(reason: reason, message: message)
            return errorReply(id, error)
        case .accepted(let sequence, let result, let duplicate):
            var writer = JSONWriter(reservingCapacity: 128)
            writer.response(id: id) { output in
                output.beginObject()
                output.member("seq", Int64(sequence))
                switch result {
                case .object(let members):
                    for member in members {
                        output.key(member.key)
                        output.payload(member.value)
                    }
                default:
                    output.key("results")
                    output.payload(result)
                }
                if duplicate { output.member("duplicate", true) }
                output.endObject()
            }
            return writer.bytes
        }
    }

    static func errorReply(_ id: RPCID, _ error: RPCError) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 160)
        writer.response(id: id, error: error)
        return writer.bytes
    }
}
