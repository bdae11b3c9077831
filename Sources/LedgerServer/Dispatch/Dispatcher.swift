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

    /// Answers `request` from a peer with `role` (nil: not allowed at all). The future's bytes
    /// are one complete reply, without the line feed.
    func dispatch(
        _ request: RPCRequest,
        role: Role?,
        uid: UInt32,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<[UInt8]> {
        let id = request.id ?? .null
        guard let spec = methods[request.method] else {
            return eventLoop.makeSucceededFuture(
                Self.errorReply(id, .methodNotFound(request.method))
            )
        }
        guard let role, role >= spec.role else {
            let error = RPCError.rejected(
                reason: "permission_denied",
                message: "\(request.method) needs the \(spec.role.rawValue) role"
            )
            return eventLoop.makeSucceededFuture(Self.errorReply(id, error))
        }
        switch spec.kind {
        case .read(let handler):
            return readPool.runIfActive(eventLoop: eventLoop) { [self] in
                runRead(handler, request: request, id: id)
            }
        case .write(let decoder):
            return submitWrite(
                decoder,
                request: request,
                id: id,
                actor: Actor(uid: uid, role: role.rawValue),
                on: eventLoop
            )
        case .routedWrite(let decoder, let route):
            return submitWrite(
                decoder,
                request: request,
                id: id,
                actor: Actor(uid: uid, role: role.rawValue),
                via: route,
                on: eventLoop
            )
        case .subscribe:
            return eventLoop.makeSucceededFuture(
                Self.errorReply(
                    id,
                    .invalidRequest("subscribe is handled by the connection", reason: "internal")
                )
            )
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

    private func submitWrite(
        _ decoder: MethodSpec.WriteDecoder,
        request: RPCRequest,
        id: RPCID,
        actor: Actor,
        via route: MethodSpec.WriteRoute? = nil,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<[UInt8]> {
        let commandID: String
        let work: WriteSubmission.Work
        do {
            var params = try ParamReader(request.params)
            commandID = try params.string(
                "command_id",
                maxBytes: limits.maxCommandIDBytes,
                allowEmpty: false
            )
            work = try decoder(&params, engine.current.state)
            try params.finish()
        } catch {
            return eventLoop.makeSucceededFuture(Self.errorReply(id, error))
        }
        let promise = eventLoop.makePromise(of: WriteReply.self)
        let submission = WriteSubmission(
            commandID: commandID,
            work: work,
            actor: actor,
            fingerprint: Self.fingerprint(of: work),
            queuedAtNanos: DispatchTime.now().uptimeNanoseconds,
            complete: { promise.succeed($0) }
        )
        if !(route.map { $0(submission) } ?? writer.submit(submission)) {
            // A refused submission (full queue, or closed for shutdown) still completes its
            // promise: NIO treats a dropped promise as a leak and traps in debug builds.
            promise.succeed(
                .rejected(
                    reason: "busy",
                    message: "the write queue is full; retry with the same command_id",
                    index: nil
                )
            )
        }
        return promise.futureResult.map { Self.writeReply(id, $0) }
    }

    /// SHA-256 of the normalised body: the method and typed parameters of every command.
    static func fingerprint(of work: WriteSubmission.Work) -> Digest {
        switch work {
        case .single(let command):
            return Digest.sha256(command.fingerprint.encoded())
        case .transaction(let commands):
            let body = PayloadValue.array(
                [.string("ledger.transact")] + commands.map(\.fingerprint)
            )
            return Digest.sha256(body.encoded())
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
