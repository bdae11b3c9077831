import Dispatch
import Foundation
import LedgerWire

#if canImport(Glibc)
    import Glibc
#endif

/// Drives a load's clients from one thread, as `wrk` does: each client is its own connection
/// that sends a line, waits for its reply and only then sends the next, and `poll` tells the
/// thread whose reply came.
///
/// With a thread per client, 64 clients took a sixth of the two cores, two thirds of it in the
/// kernel switching between those threads, and the daemon's event loops spent a quarter of
/// their time waking them: cores the generator took from the daemon it measures.
struct LoadDriver {
    /// One client: its connection, its next serial, its lines still to send and when its line
    /// in flight left. A client's number (in its ids and its customer) is its place in
    /// `clients`.
    private struct Client {
        let connection: RPCClient
        var serial = 0
        var linesLeft: Int
        var sentAt: UInt64 = 0
    }

    private let load: SocketBench.Load
    private let tag: String
    private var clients: [Client]

    /// Connects each of `load`'s clients to the daemon at `socketPath`.
    init(_ load: SocketBench.Load, tag: String, socketPath: String) throws {
        self.load = load
        self.tag = tag
        clients = try (0..<load.clients).map { _ in
            Client(
                connection: try RPCClient(socketPath: socketPath),
                linesLeft: load.linesPerClient
            )
        }
    }

    /// Runs every client's lines to the end; each line's latency from send to reply, in
    /// nanoseconds.
    mutating func run() throws -> [UInt64] {
        var latencies: [UInt64] = []
        latencies.reserveCapacity(clients.count * load.linesPerClient)
        var waiting = clients.map { client in
            pollfd(fd: client.connection.descriptor, events: Int16(POLLIN), revents: 0)
        }
        for slot in clients.indices { try sendNext(slot) }
        var running = clients.count
        while running > 0 {
            guard poll(&waiting, nfds_t(waiting.count), -1) >= 0 || errno == EINTR else {
                throw BenchFailure(message: "poll: \(String(cString: strerror(errno)))")
            }
            for slot in waiting.indices where waiting[slot].revents != 0 {
                waiting[slot].revents = 0
                guard let reply = try clients[slot].connection.availableLine() else { continue }
                latencies.append(DispatchTime.now().uptimeNanoseconds - clients[slot].sentAt)
                if reply.contains(Array(#""error""#.utf8)) {
                    throw BenchFailure(
                        message: "refused: \(String(decoding: reply.prefix(300), as: UTF8.self))"
                    )
                }
                clients[slot].linesLeft -= 1
                if clients[slot].linesLeft > 0 {
                    try sendNext(slot)
                } else {
                    // A negative descriptor is one `poll` skips.
                    waiting[slot].fd = -1
                    running -= 1
                }
            }
        }
        return latencies
    }

    /// Sends the next line of client number `slot`: one `invoice.issue`, or a batch of them.
    private mutating func sendNext(_ slot: Int) throws {
        var calls: [String] = []
        calls.reserveCapacity(load.callsPerLine)
        for _ in 0..<load.callsPerLine {
            let id = "\(tag)-\(slot)-\(clients[slot].serial)"
            clients[slot].serial += 1
            calls.append(
                #"{"jsonrpc":"2.0","id":\#(clients[slot].serial),"method":"invoice.issue","params":{"command_id":"\#(id)","invoice_id":"\#(id)","customer_id":"B-\#(slot)","currency":"EUR","amount":"100.00","issue_date":"2026-01-05","due_date":"2026-02-04"}}"#
            )
        }
        let line = load.callsPerLine == 1 ? calls[0] : "[" + calls.joined(separator: ",") + "]"
        clients[slot].sentAt = DispatchTime.now().uptimeNanoseconds
        try clients[slot].connection.sendLine(Array(line.utf8))
    }
}
