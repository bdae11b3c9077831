import Foundation
import LedgerWire
import Testing

/// Limits from the configuration file, enforced by the real daemon.
@Suite(.serialized)
struct OpsLimitsTests {
    @Test func aFullWriteQueueAnswersBusyAndTheDaemonServesOn() throws {
        let directory = try makeTemporaryDirectory("accrued-busy")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try ConfigFile(
            "[server]\nwrite_queue_capacity = 1\nmax_commit_batch = 1\n",
            in: directory
        )
        let daemon = try DaemonProcess(
            directory: directory + "/daemon",
            arguments: ["--config", file.path]
        )
        defer { daemon.stop() }
        let client = try daemon.client()
        // Pipelined: every write is queued before the writer can take the first.
        let count = 2000
        var lines: [UInt8] = []
        for index in 0..<count {
            let line =
                #"{"jsonrpc":"2.0","id":\#(index),"method":"customer.register","params":{"command_id":"q-\#(index)","customer_id":"C\#(index)","name":"N","currency":"EUR"}}"#
            lines += Array(line.utf8) + [UInt8(ascii: "\n")]
        }
        try client.send(lines)
        var accepted = 0
        var busy = 0
        for _ in 0..<count {
            let reply = try JSONParser.parse(try #require(try client.nextLine()))
            if reply["result"] != nil { accepted += 1 }
            if reply["error"]?["data"]?["reason"]?.stringValue == "busy" { busy += 1 }
        }
        #expect(accepted + busy == count)
        #expect(busy > 0)
        #expect(accepted > 0)
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == Int64(1 + accepted))
        #expect(daemon.isRunning)
    }
}
