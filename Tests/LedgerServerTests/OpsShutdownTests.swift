import Foundation
import LedgerWire
import Testing

/// SIGTERM while clients keep writing: the daemon stops accepting, commits and answers what
/// is in flight, closes the ledger and exits 0 in time; no acknowledged write is lost.
@Suite(.serialized)
struct OpsShutdownTests {
    /// Acknowledged writes, shared by the writer threads.
    final class Acknowledgements: @unchecked Sendable {
        private let lock = NSLock()
        private var sequences: [String: Int64] = [:]

        func record(_ commandID: String, _ sequence: Int64) {
            lock.withLock { sequences[commandID] = sequence }
        }

        var all: [String: Int64] { lock.withLock { sequences } }
    }

    @Test func sigtermUnderLoadLosesNoAcknowledgedWriteAndExitsCleanly() throws {
        let daemon = try DaemonProcess()
        defer { daemon.removeFiles() }
        let acknowledged = Acknowledgements()
        let done = DispatchGroup()
        let writers = 6
        let socketPath = daemon.socketPath
        for writer in 0..<writers {
            done.enter()
            Thread {
                defer { done.leave() }
                guard let client = try? RPCClient(socketPath: socketPath) else { return }
                for index in 0..<100_000 {
                    let commandID = "load-\(writer)-\(index)"
                    let params =
                        #"{"command_id":"\#(commandID)","customer_id":"C\#(writer)-\#(index)","name":"N","currency":"EUR"}"#
                    guard let params = try? json(params),
                        let reply = try? client.call("customer.register", params)
                    else { return }
                    guard let sequence = reply["result"]?["seq"]?.intValue else { return }
                    acknowledged.record(commandID, sequence)
                }
            }.start()
        }
        // Let the load build up, then stop the daemon in the middle of it.
        let loadDeadline = Date().addingTimeInterval(30)
        while acknowledged.all.count < 300, Date() < loadDeadline, daemon.isRunning {
            usleep(10_000)
        }
        let signalled = Date()
        let status = daemon.stop(signal: SIGTERM)
        let stopSeconds = Date().timeIntervalSince(signalled)
        done.wait()
        #expect(status == 0, "\(daemon.stderrText())")
        #expect(stopSeconds < 10)
        let acks = acknowledged.all
        #expect(acks.count >= 300)

        // Every acknowledged write is in the ledger: its retry comes back as a duplicate with
        // the sequence it was acknowledged with.
        let restarted = try DaemonProcess(directory: daemon.directory)
        defer { restarted.stop() }
        let client = try restarted.client()
        var lost: [String] = []
        for (commandID, sequence) in acks {
            let parts = commandID.split(separator: "-")
            let params =
                #"{"command_id":"\#(commandID)","customer_id":"C\#(parts[1])-\#(parts[2])","name":"N","currency":"EUR"}"#
            let reply = try client.call("customer.register", try json(params))
            if reply["result"]?["duplicate"] != .bool(true)
                || reply["result"]?["seq"]?.intValue != sequence
            {
                lost.append(commandID)
            }
        }
        #expect(lost.isEmpty, "lost \(lost.count) acknowledged writes, e.g. \(lost.prefix(3))")
        let verify = try runProgram(
            DaemonProcess.binDirectory.appendingPathComponent("accrue").path,
            ["verify", "--data-dir", daemon.dataDirectory]
        )
        #expect(verify.status == 0, "\(verify.output)")
    }

    @Test func sigtermWithAnOpenSubscriptionAndAnIdleConnectionStopsPromptly() throws {
        let daemon = try DaemonProcess()
        defer { daemon.removeFiles() }
        let subscriber = try daemon.client()
        let reply = try subscriber.call("events.subscribe", try json(#"{"from_seq":1}"#))
        #expect(reply["result"]?["subscribed"] == .bool(true))
        let idle = try daemon.client()
        let signalled = Date()
        let status = withExtendedLifetime(idle) { daemon.stop(signal: SIGTERM) }
        #expect(status == 0)
        #expect(Date().timeIntervalSince(signalled) < 10)
        // The subscriber got the catch-up record, then the connection closed.
        var lines = 0
        while try subscriber.nextLine() != nil { lines += 1 }
        #expect(lines >= 1)
    }
}
