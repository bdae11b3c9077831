import Dispatch
import Foundation
import LedgerWire
import Synchronization
import Testing

/// Every acknowledged write survives the daemon's death, and a commit really reaches the disk.
@Suite(.serialized)
struct DurabilityTests {
    /// Writer threads hammer the daemon, which is killed with SIGKILL at a random moment; after
    /// each restart every command the daemon acknowledged is in the log, and verify passes.
    @Test func everyAcknowledgedWriteSurvivesKillNine() throws {
        let directory = NSTemporaryDirectory() + "accrued-kill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var acknowledged = Set<String>()
        var attempted = Set<String>()
        for cycle in 0..<4 {
            let daemon = try DaemonProcess(directory: directory)
            let logged = try Self.loggedCommandIDs(daemon.client())
            #expect(
                acknowledged.subtracting(logged).isEmpty,
                "cycle \(cycle): acknowledged writes lost"
            )
            #expect(
                logged.subtracting(attempted).isEmpty,
                "cycle \(cycle): the log holds commands nobody sent"
            )
            let load = WriteLoad(socketPath: daemon.socketPath, prefix: "k\(cycle)", writers: 4)
            load.start()
            usleep(UInt32.random(in: 150_000...600_000))
            daemon.stop(signal: SIGKILL)
            load.waitUntilStopped()
            acknowledged.formUnion(load.acknowledged)
            attempted.formUnion(load.attempted)
        }
        let daemon = try DaemonProcess(directory: directory)
        let logged = try Self.loggedCommandIDs(daemon.client())
        #expect(
            acknowledged.count >= 40,
            "too few writes acknowledged to prove anything: \(acknowledged.count)"
        )
        #expect(acknowledged.subtracting(logged).isEmpty)
        #expect(logged.subtracting(attempted).isEmpty)
        #expect(daemon.stop() == 0)
        let verify = try CLIRunner().run(["verify", "--data-dir", daemon.dataDirectory])
        #expect(verify.status == 0, "verify: \(verify.stdout)\(verify.stderr)")
    }

    /// The page cache survives a process kill, so the test above alone cannot show that a commit
    /// is on the disk. Counted under strace: each acknowledged single write costs at least one
    /// fdatasync before its reply.
    @Test func everyCommitIsSyncedBeforeItsReply() throws {
        let quiet = try Self.syncCalls(afterWrites: 0)
        let busy = try Self.syncCalls(afterWrites: 25)
        #expect(busy - quiet >= 25, "25 commits made only \(busy - quiet) sync calls")
    }

    /// Runs the daemon under strace, makes `writes` sequential acknowledged writes, stops it
    /// and counts the sync system calls it made.
    static func syncCalls(afterWrites writes: Int) throws -> Int {
        let directory = NSTemporaryDirectory() + "accrued-strace-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true
        )
        let trace = directory + "/strace.txt"
        let daemon = try DaemonProcess(
            directory: directory,
            wrapper: [
                "/usr/bin/strace", "-f", "-qq", "-e", "trace=fdatasync,fsync,msync,sync_file_range",
                "-e", "signal=none", "-o", trace,
            ]
        )
        let client = try daemon.client()
        for index in 0..<writes {
            let reply = try client.call("customer.register", WriteLoad.register(id: "S-\(index)"))
            #expect(reply["result"]?["seq"] != nil, "\(reply.text)")
        }
        #expect(daemon.stop() == 0)
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        return lines.count { $0.contains("sync") && $0.hasSuffix("= 0") }
    }

    /// Every `command_id` in the log, read through `events.read` (the genesis record has none).
    static func loggedCommandIDs(_ client: RPCClient) throws -> Set<String> {
        var ids = Set<String>()
        var from: Int64 = 1
        while true {
            let reply = try client.call(
                "events.read",
                .object([JSONMember("from_seq", .int(from)), JSONMember("limit", .int(1000))])
            )
            let events = reply["result"]?["events"]?.arrayValue ?? []
            for event in events {
                if let id = event["command_id"]?.stringValue, !id.isEmpty { ids.insert(id) }
            }
            guard !events.isEmpty, let next = reply["result"]?["next_seq"]?.intValue else {
                return ids
            }
            from = next
        }
    }
}

/// Writer threads, each on its own connection, registering customers one call at a time until
/// each has made `limit` calls or the daemon goes away; they keep what was sent and what was
/// acknowledged.
final class WriteLoad: Sendable {
    private let socketPath: String
    private let prefix: String
    private let writers: Int
    private let limit: Int
    private let group = DispatchGroup()
    private let state = Mutex<(attempted: Set<String>, acknowledged: Set<String>)>(([], []))

    init(socketPath: String, prefix: String, writers: Int, limit: Int = .max) {
        self.socketPath = socketPath
        self.prefix = prefix
        self.writers = writers
        self.limit = limit
    }

    var attempted: Set<String> { state.withLock { $0.attempted } }
    var acknowledged: Set<String> { state.withLock { $0.acknowledged } }

    /// The params of a `customer.register` whose command id and customer id are `id`.
    static func register(id: String) -> JSONValue {
        .object([
            JSONMember("command_id", .string(id)), JSONMember("customer_id", .string(id)),
            JSONMember("name", .string("Customer \(id)")),
        ])
    }

    func start() {
        for writer in 0..<writers {
            group.enter()
            Thread { [self] in
                defer { group.leave() }
                run(writer: writer)
            }.start()
        }
    }

    func waitUntilStopped() { group.wait() }

    private func run(writer: Int) {
        guard let client = try? RPCClient(socketPath: socketPath) else { return }
        for index in 0..<limit {
            let id = "\(prefix)-w\(writer)-\(index)"
            state.withLock { _ = $0.attempted.insert(id) }
            guard let reply = try? client.call("customer.register", Self.register(id: id)) else {
                return
            }
            guard reply["result"]?["seq"] != nil else { return }
            state.withLock { _ = $0.acknowledged.insert(id) }
        }
    }
}
