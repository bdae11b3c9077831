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
    /// Replies finished out of order, by slot, waiting for the slots before them.
    private var finished: [Int: [UInt8]?] = [:]
    private var nextSlot = 0
    private var nextToSend = 0
    /// Completes when every write sent so far on this connection has been answered.
    private var writesDone: EventLoopFuture<Void>?
    private var subscription: Subscription?
    private var closing = false
    private var requestLog: RequestLog
    /// The client shut down its sending side: answer what it sent, then close.
    private var inputClosed = false

    init(
        dispatcher: Dispatcher,
        broadcaster: EventBroadcaster,
        stats: ServerStats,
        limits: ServerLimits,
        logger: Logger
    ) {
        self.dispatcher = dispatcher
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
                handleLine(bytes, context: context)
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

    /// Closes once the client's input is closed, every reply has gone out, and no subscription
    /// is streaming.
    private func closeIfAnswered(context: ChannelHandlerContext) {
        guard inputClosed, !closing, nextToSend == nextSlot, subscription == nil else { return }
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

    private func handleLine(_ bytes: [UInt8], context: ChannelHandlerContext) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        let message = RPCMessage.parse(bytes, maxDepth: limits.maxDepth)
        let slot = nextSlot
        nextSlot += 1
        let replies = message.calls.map { answer($0, context: context) }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        EventLoopFuture.whenAllSucceed(replies, on: context.eventLoop).whenComplete { result in
            let parts = ((try? result.get()) ?? []).compactMap { $0 }
            let line: [UInt8]?
            switch message {
            case .single: line = parts.first
            case .batch: line = parts.isEmpty ? nil : Self.joinBatch(parts)
            }
            loopBound.value.finish(slot: slot, line: line, context: boundContext.value)
        }
    }

    /// The reply to one call, or `nil` for a notification.
    private func answer(_ call: RPCCall, context: ChannelHandlerContext) -> EventLoopFuture<
        [UInt8]?
    > {
        let eventLoop = context.eventLoop
        switch call {
        case .invalid(let id, let error):
            return eventLoop.makeSucceededFuture(Dispatcher.errorReply(id, error))
        case .request(let request):
            let spec = dispatcher.method(request.method)
            let uid = peer?.uid ?? UInt32.max
            let role = role
            let reply: EventLoopFuture<[UInt8]>
            if case .subscribe? = spec?.kind, let role, role >= .reader {
                reply = startSubscription(request, context: context)
            } else if spec?.isWrite == true {
                reply = dispatcher.dispatch(request, role: role, uid: uid, on: eventLoop)
                let previous = writesDone ?? eventLoop.makeSucceededVoidFuture()
                writesDone = previous.and(reply).map { _ in }
            } else {
                let previous = writesDone ?? eventLoop.makeSucceededVoidFuture()
                reply = previous.flatMap { [dispatcher] in
                    dispatcher.dispatch(request, role: role, uid: uid, on: eventLoop)
                }
            }
            reply.whenComplete { [done = requestLog.begin(method: request.method, uid: uid)] _ in
                done()
            }
            return request.isNotification ? reply.map { _ in nil } : reply.map { $0 }
        }
    }

    private func startSubscription(_ request: RPCRequest, context: ChannelHandlerContext)
        -> EventLoopFuture<[UInt8]>
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
            return context.eventLoop.makeSucceededFuture(Dispatcher.errorReply(id, error))
        }
        guard subscription == nil else {
            let error = RPCError.rejected(
                reason: "already_subscribed",
                message: "this connection already has a subscription"
            )
            return context.eventLoop.makeSucceededFuture(Dispatcher.errorReply(id, error))
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
        return context.eventLoop.makeSucceededFuture(writer.bytes)
    }

    private func finish(slot: Int, line: [UInt8]?, context: ChannelHandlerContext) {
        finished[slot] = .some(line)
        var wrote = false
        while let ready = finished.removeValue(forKey: nextToSend) {
            nextToSend += 1
            guard let line = ready else { continue }
            var buffer = context.channel.allocator.buffer(capacity: line.count + 1)
            buffer.writeBytes(line)
            buffer.writeInteger(UInt8(ascii: "\n"))
            context.write(wrapOutboundOut(buffer), promise: nil)
            wrote = true
        }
        if wrote { context.flush() }
        if let subscription, nextToSend == nextSlot { subscription.startIfNeeded() }
        closeIfAnswered(context: context)
    }

    private static func joinBatch(_ parts: [[UInt8]]) -> [UInt8] {
        var line: [UInt8] = [UInt8(ascii: "[")]
        for (index, part) in parts.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: part)
        }
        line.append(UInt8(ascii: "]"))
        return line
    }
}
