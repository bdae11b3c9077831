import Dispatch
internal import Ledger
internal import LedgerStorage
internal import LedgerWire
import Logging
internal import NIOCore

/// One client connection: frames lines, answers each in request order, lets writes pipeline
/// into the writer while every read waits for the writes sent before it on this connection
/// (read-your-writes), and hosts an `events.subscribe` stream.
final class ConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let dispatcher: Dispatcher
    private let broadcaster: EventBroadcaster
    private let stats: ServerStats
    private let logger: Logger
    private let limits: ServerLimits
    private var framer: LineFramer
    private var peer: PeerCredentials?
    /// The peer's role under the policy in force now, so a reload applies to open connections.
    private var role: Role? {
        peer.flatMap { dispatcher.policy.role(uid: $0.uid, gid: $0.gid) }
    }
    /// The peer's uid, recorded as the actor of its writes; `UInt32.max` until it is known.
    private var peerUID: UInt32 { peer?.uid ?? UInt32.max }
    /// Replies waiting for the calls and lines before them.
    private var replies = ReplyQueue()
    /// Holds reads back until the writes sent before them on this connection are answered.
    private var barrier = WriteBarrier()
    private var subscription: Subscription?
    private let lane: LineLane
    /// Whether a line of this connection is being routed on the lane.
    private var lineOnLane = false
    /// Lines received while one is on the lane, answered in order after it.
    private var waitingLines: [[UInt8]] = []
    private var closing = false
    private var requestLog: RequestLog
    /// The client shut down its sending side: answer what it sent, then close.
    private var inputClosed = false

    init(
        dispatcher: Dispatcher,
        lane: LineLane,
        broadcaster: EventBroadcaster,
        stats: ServerStats,
        limits: ServerLimits,
        logger: Logger
    ) {
        self.dispatcher = dispatcher
        self.lane = lane
        self.broadcaster = broadcaster
        self.stats = stats
        self.limits = limits
        self.logger = logger
        framer = LineFramer(maxLineBytes: limits.maxLineBytes)
        requestLog = RequestLog(logger: logger)
    }

    func channelActive(context: ChannelHandlerContext) {
        stats.connectionChanged(by: 1)
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        PeerCredentials.read(from: context.channel).whenComplete { result in
            let handler = loopBound.value
            handler.peer = try? result.get()
            handler.requestLog.opened(peer: handler.peer, role: handler.role)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stats.connectionChanged(by: -1)
        subscription?.cancel()
        subscription = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        let buffer = unwrapInboundIn(data)
        buffer.withUnsafeReadableBytes { framer.append($0) }
        while !closing, let outcome = framer.next() {
            switch outcome {
            case .tooLong:
                closing = true
                let line = JSONWriter.errorLine(
                    error: .lineTooLong(limitBytes: limits.maxLineBytes)
                )
                let channel = context.channel
                channel.writeAndFlush(channel.allocator.buffer(bytes: line)).whenComplete { _ in
                    channel.close(promise: nil)
                }
            case .line(let bytes):
                if lineOnLane {
                    waitingLines.append(bytes)
                } else {
                    take(bytes, context: context)
                }
            }
        }
    }

    /// A client that half-closes (`echo … | socat`) still gets every reply before the close.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inputClosed = true
            closeIfAnswered(context: context)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Closes once the client's input is closed, every line has been routed and every reply
    /// has gone out, and no subscription is streaming.
    private func closeIfAnswered(context: ChannelHandlerContext) {
        guard inputClosed, !closing, !lineOnLane, replies.isEmpty, subscription == nil else {
            return
        }
        closing = true
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete {
            _ in
            channel.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        subscription?.writabilityChanged()
        context.fireChannelWritabilityChanged()
    }

    /// Lines this long or longer (batches, in practice) are routed on the lane.
    static let laneLineBytes = 4096

    /// Answers one line, routing it on the lane when it is long; lines that arrive meanwhile
    /// wait for it.
    private func take(_ bytes: [UInt8], context: ChannelHandlerContext) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        let receivedAt = DispatchTime.now().uptimeNanoseconds
        let route: @Sendable () -> RoutedLine = {
            [dispatcher, maxDepth = limits.maxDepth, role, uid = peerUID] in
            RoutedLine(
                bytes,
                receivedAt: receivedAt,
                maxDepth: maxDepth,
                dispatcher: dispatcher,
                role: role,
                uid: uid
            )
        }
        if bytes.count >= Self.laneLineBytes {
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            // False when the lane has stopped (the daemon is shutting down).
            lineOnLane = lane.run {
                let line = route()
                loopBound.eventLoop.execute {
                    let (handler, context) = loopBound.value
                    handler.lineOnLane = false
                    handler.answer(line, context: context)
                    handler.takeWaitingLines(context: context)
                }
            }
        }
        if !lineOnLane { answer(route(), context: context) }
    }

    /// Answers the lines that arrived while one was on the lane, until another goes there.
    private func takeWaitingLines(context: ChannelHandlerContext) {
        var taken = 0
        while !lineOnLane, !closing, taken < waitingLines.count {
            taken += 1
            take(waitingLines[taken - 1], context: context)
        }
        waitingLines.removeFirst(taken)
        closeIfAnswered(context: context)
    }

    /// Answers a routed line: immediate answers and reads as they come, and the line's writes
    /// (between reads) as one batch for the writer, answered with one hop back to this loop.
    private func answer(_ line: RoutedLine, context: ChannelHandlerContext) {
        let slot = replies.open(calls: line.calls.count, isBatch: line.isBatch)
        var writes = LineWrites(slot: slot)
        for (index, call) in line.calls.enumerated() {
            switch call {
            case .invalid(let id, let error):
                replies.answer(slot: slot, index: index, Dispatcher.errorReply(id, error))
            case .request(let request, let routing):
                let done = requestLog.begin(
                    method: request.method,
                    uid: peerUID,
                    since: line.receivedAt
                )
                answer(
                    request,
                    routing,
                    done: done,
                    slot: slot,
                    index: index,
                    writes: &writes,
                    context: context
                )
            }
        }
        submit(writes, context: context)
        sendReady(context: context)
    }

    /// The writes of one line gathered for one batch, with where each reply goes.
    private struct LineWrites {
        let slot: Int
        var submissions: [WriteSubmission] = []
        var targets: [WriteTarget] = []
    }

    /// Where a write's reply goes: its call's place in the line and its id (nil for a
    /// notification, which gets none), and the request log's end of the call.
    private struct WriteTarget: Sendable {
        let index: Int
        let id: RPCID?
        let done: @Sendable () -> Void
    }

    private func answer(
        _ request: RPCRequest,
        _ routing: Dispatcher.Routing,
        done: @escaping @Sendable () -> Void,
        slot: Int,
        index: Int,
        writes: inout LineWrites,
        context: ChannelHandlerContext
    ) {
        // A notification has no id and gets no reply.
        let id = request.id
        switch routing {
        case .answered(let reply):
            done()
            replies.answer(slot: slot, index: index, id == nil ? nil : reply)
        case .write(let submission):
            writes.submissions.append(submission)
            writes.targets.append(WriteTarget(index: index, id: id, done: done))
        case .routedWrite(let submission, let route):
            let serial = barrier.begin()
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            route(submission) { reply in
                loopBound.eventLoop.execute {
                    let (handler, context) = loopBound.value
                    let target = WriteTarget(index: index, id: id, done: done)
                    handler.writesAnswered([reply], to: [target], slot: slot, serial: serial)
                    handler.sendReady(context: context)
                }
            }
        case .read(let handler):
            // Writes earlier in this line go first, so the read sees them.
            submit(writes, context: context)
            writes = LineWrites(slot: slot)
            let run = { [self] in
                runRead(handler, request, slot: slot, index: index, done: done, context: context)
            }
            if !barrier.park(run) { run() }
        case .subscribe:
            done()
            let reply = startSubscription(request, context: context)
            replies.answer(slot: slot, index: index, id == nil ? nil : reply)
        }
    }

    private func runRead(
        _ handler: @escaping MethodSpec.ReadHandler,
        _ request: RPCRequest,
        slot: Int,
        index: Int,
        done: @escaping @Sendable () -> Void,
        context: ChannelHandlerContext
    ) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        dispatcher.read(handler, request, on: context.eventLoop).whenComplete { result in
            done()
            let (handler, context) = loopBound.value
            let reply =
                (try? result.get())
                ?? Dispatcher.errorReply(
                    request.id ?? .null,
                    .rejected(reason: "busy", message: "the daemon is shutting down")
                )
            handler.replies.answer(slot: slot, index: index, request.isNotification ? nil : reply)
            handler.sendReady(context: context)
        }
    }

    /// Queues a line's writes as one batch; a refused batch answers each of them `busy`.
    private func submit(_ writes: LineWrites, context: ChannelHandlerContext) {
        guard !writes.submissions.isEmpty else { return }
        let serial = barrier.begin()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let (slot, targets) = (writes.slot, writes.targets)
        let batch = WriteBatch(writes.submissions, on: context.eventLoop) { answers in
            let (handler, context) = loopBound.value
            handler.writesAnswered(answers, to: targets, slot: slot, serial: serial)
            handler.sendReady(context: context)
        }
        guard dispatcher.submit(batch) else {
            let busy = WriteReply.rejected(
                reason: "busy",
                message: "the write queue is full; retry with the same command_id",
                index: nil
            )
            writesAnswered(
                Array(repeating: busy, count: targets.count),
                to: targets,
                slot: slot,
                serial: serial
            )
            return
        }
    }

    /// Records the writer's replies and runs the reads that were waiting for them.
    private func writesAnswered(
        _ answers: [WriteReply],
        to targets: [WriteTarget],
        slot: Int,
        serial: Int
    ) {
        for (target, answer) in zip(targets, answers) {
            target.done()
            replies.answer(
                slot: slot,
                index: target.index,
                target.id.map { Dispatcher.writeReply($0, answer) }
            )
        }
        for read in barrier.end(serial) { read() }
    }

    private func startSubscription(_ request: RPCRequest, context: ChannelHandlerContext)
        -> [UInt8]
    {
        let id = request.id ?? .null
        let fromSequence: UInt64
        do {
            var params = try ParamReader(request.params)
            fromSequence = UInt64(
                max(1, try params.optionalInt("from_seq", in: 0...Int64.max) ?? 1)
            )
            try params.finish()
        } catch {
            return Dispatcher.errorReply(id, error)
        }
        guard subscription == nil else {
            let error = RPCError.rejected(
                reason: "already_subscribed",
                message: "this connection already has a subscription"
            )
            return Dispatcher.errorReply(id, error)
        }
        let head = dispatcher.readContext().head.sequence
        var writer = JSONWriter(reservingCapacity: 96)
        writer.response(id: id) { output in
            output.beginObject()
            output.member("subscribed", true)
            output.member("from_seq", Int64(fromSequence))
            output.member("head", Int64(head))
            output.endObject()
        }
        // The stream starts once this reply has gone out, so notifications follow it.
        let subscription = Subscription(
            channel: context.channel,
            log: dispatcher.readContext().engine.log,
            broadcaster: broadcaster,
            nextSequence: fromSequence,
            lagLimit: limits.subscriberLagLimit,
            logger: logger
        )
        self.subscription = subscription
        return writer.bytes
    }

    /// Writes every line that is complete and has no incomplete line before it.
    private func sendReady(context: ChannelHandlerContext) {
        var wrote = false
        replies.takeReady { line in
            var buffer = context.channel.allocator.buffer(capacity: line.count + 1)
            buffer.writeBytes(line)
            buffer.writeInteger(UInt8(ascii: "\n"))
            context.write(wrapOutboundOut(buffer), promise: nil)
            wrote = true
        }
        if wrote { context.flush() }
        if let subscription, replies.isEmpty { subscription.startIfNeeded() }
        closeIfAnswered(context: context)
    }
}
