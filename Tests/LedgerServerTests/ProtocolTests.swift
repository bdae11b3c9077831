import Foundation
import LedgerWire
import Testing

/// The daemon's framing and JSON-RPC rules, over its real socket.
@Suite(.serialized)
struct ProtocolTests {
    @Test func aNewLedgerAnswersItsHeadAndDescribesItself() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let head = try client.call("ledger.head")
        #expect(head["result"]?["seq"]?.intValue == 1)
        let describe = try client.call("system.describe")
        let methods = describe["result"]?["methods"]?.arrayValue ?? []
        #expect(methods.contains { $0["name"]?.stringValue == "events.read" })
        #expect(describe["result"]?["limits"]?["max_line_bytes"]?.intValue == 1 << 20)
        for (method, reply) in [
            ("ledger.head", head), ("system.describe", describe),
            ("system.stats", try client.call("system.stats")),
            ("system.health", try client.call("system.health")),
        ] {
            #expect(
                try SchemaValidator.validate([reply.text], against: "protocol/response.json") == nil
            )
            let result = reply["result"]?.text ?? "null"
            #expect(
                try SchemaValidator.validate(
                    [result],
                    against: "protocol/results.json#/$defs/\(method)"
                ) == nil
            )
        }
    }

    @Test func framingErrorsGetTheirJSONRPCCodes() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let cases: [(String, Int64)] = [
            (#"{"jsonrpc":"2.0","id":1,"method":"ledger.head""#, -32700),
            ("not json at all", -32700),
            ("[]", -32600),
            (#"{"jsonrpc":"1.0","id":2,"method":"ledger.head"}"#, -32600),
            (#"{"jsonrpc":"2.0","id":3,"method":7}"#, -32600),
            (#"{"jsonrpc":"2.0","id":4,"method":"ledger.nope"}"#, -32601),
            (
                #"{"jsonrpc":"2.0","id":5,"method":"events.read","params":{"from_seq":"one"}}"#,
                -32602
            ),
            (#"{"jsonrpc":"2.0","id":6,"method":"events.read","params":{"bogus":1}}"#, -32602),
            (String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), -32700),
        ]
        var replies: [String] = []
        for (line, code) in cases {
            let reply = try #require(try client.roundTrip(line))
            replies.append(reply)
            let value = try json(reply)
            #expect(value["error"]?["code"]?.intValue == code, "\(line.prefix(60)) -> \(reply)")
        }
        #expect(try SchemaValidator.validate(replies, against: "protocol/response.json") == nil)
        // Nothing above wrote anything.
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == 1)
    }

    @Test func aBatchIsAnsweredInOrderAndNotificationsGetNoReply() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let reply = try #require(
            try client.roundTrip(
                #"[{"jsonrpc":"2.0","id":"a","method":"ledger.head"},{"jsonrpc":"2.0","method":"ledger.head"},{"jsonrpc":"2.0","id":"b","method":"nope"},5]"#
            )
        )
        let elements = try #require(try json(reply).arrayValue)
        #expect(elements.count == 3)
        #expect(elements[0]["id"]?.stringValue == "a")
        #expect(elements[0]["result"] != nil)
        #expect(elements[1]["id"]?.stringValue == "b")
        #expect(elements[1]["error"]?["code"]?.intValue == -32601)
        #expect(elements[2]["error"]?["code"]?.intValue == -32600)
        // A lone notification gets no reply: the next line's reply comes first.
        try client.sendLine(Array(#"{"jsonrpc":"2.0","method":"ledger.head"}"#.utf8))
        let next = try client.call("system.health")
        #expect(next["result"]?["status"]?.stringValue == "ok")
    }

    @Test func aClientThatStopsSendingStillGetsEveryReply() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"customer.register","params":{"command_id":"h-1","customer_id":"HALF","name":"Half"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"customer.get","params":{"customer_id":"HALF"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"ledger.head"}"#,
        ]
        try client.send(Array((lines.joined(separator: "\n") + "\n").utf8))
        client.finishSending()
        var replies: [JSONValue] = []
        while let line = try client.nextLine() { replies.append(try JSONParser.parse(line)) }
        #expect(replies.map { $0["id"]?.intValue } == [1, 2, 3])
        #expect(replies[0]["result"]?["seq"]?.intValue == 2)
        #expect(replies[1]["result"]?["customer_id"]?.stringValue == "HALF")
        #expect(replies[2]["result"]?["seq"]?.intValue == 2)
    }

    /// A long line (a batch, routed off the event loop) is answered before the short lines sent
    /// right after it, which see its writes; a half-close still gets every reply.
    @Test func aLongBatchIsAnsweredBeforeTheLinesAfterItWhichSeeItsWrites() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let calls = (1...60).map { index in
            #"{"jsonrpc":"2.0","id":\#(index),"method":"customer.register","params":{"command_id":"long-\#(index)","customer_id":"LONG-\#(index)","name":"Customer number \#(index)"}}"#
        }
        let batch = "[" + calls.joined(separator: ",") + "]"
        // Well past the length from which lines are routed on the lane (4 KiB).
        #expect(batch.utf8.count > 8_192)
        let lines = [
            batch,
            #"{"jsonrpc":"2.0","id":"get","method":"customer.get","params":{"customer_id":"LONG-60"}}"#,
            #"{"jsonrpc":"2.0","id":"head","method":"ledger.head"}"#,
            batch,
        ]
        try client.send(Array((lines.joined(separator: "\n") + "\n").utf8))
        client.finishSending()
        var replies: [JSONValue] = []
        while let line = try client.nextLine() { replies.append(try JSONParser.parse(line)) }
        try #require(replies.count == 4)
        let first = try #require(replies[0].arrayValue)
        #expect(first.map { $0["id"]?.intValue } == Array(1...60))
        #expect(first.map { $0["result"]?["seq"]?.intValue } == (2...61).map { $0 })
        #expect(replies[1]["result"]?["customer_id"]?.stringValue == "LONG-60")
        #expect(replies[2]["result"]?["seq"]?.intValue == 61)
        // The same batch again: every call a retry, answered with the original sequence.
        let again = try #require(replies[3].arrayValue)
        #expect(again.map { $0["result"]?["seq"]?.intValue } == (2...61).map { $0 })
        #expect(again.allSatisfy { $0["result"]?["duplicate"] == .bool(true) })
    }

    @Test func anOverlongLineIsRefusedAndOnlyThatConnectionCloses() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let bystander = try daemon.client()
        let offender = try daemon.client()
        try offender.send([UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) + 10))
        let reply = try #require(try offender.nextLine())
        let value = try JSONParser.parse(reply)
        #expect(value["error"]?["code"]?.intValue == -32600)
        #expect(value["id"] == .null)
        #expect(try offender.nextLine() == nil)
        #expect(try bystander.call("ledger.head")["result"]?["seq"]?.intValue == 1)
    }

    @Test func aStaleSocketIsReplacedButALiveDaemonIsNot() throws {
        let daemon = try DaemonProcess()
        let directory = daemon.directory
        // A second daemon on the same socket path (another data dir) must refuse to start.
        let second = Process()
        second.executableURL = DaemonProcess.binDirectory.appendingPathComponent("accrued")
        second.arguments = ["--data-dir", directory + "/other", "--socket", daemon.socketPath]
        second.standardError = Pipe()
        try second.run()
        second.waitUntilExit()
        #expect(second.terminationStatus != 0)
        // Killed hard, the daemon leaves its socket file behind; the next start replaces it.
        daemon.stop(signal: SIGKILL)
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        let restarted = try DaemonProcess(directory: directory)
        defer { restarted.stop(); restarted.removeFiles() }
        #expect(try restarted.client().call("ledger.head")["result"]?["seq"]?.intValue == 1)
    }

    @Test func aSecondDaemonOnTheSameLedgerIsRefusedWithAClearMessage() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let second = Process()
        second.executableURL = DaemonProcess.binDirectory.appendingPathComponent("accrued")
        second.arguments = [
            "--data-dir", daemon.dataDirectory, "--socket", daemon.directory + "/second.sock",
        ]
        let errors = Pipe()
        second.standardError = errors
        try second.run()
        second.waitUntilExit()
        let text = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(),
            as: UTF8.self
        )
        #expect(second.terminationStatus != 0)
        #expect(text.contains("locked by another accrued process"))
    }

    @Test func theSocketIsOwnerAndGroupOnly() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let attributes = try FileManager.default.attributesOfItem(atPath: daemon.socketPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
    }
}
