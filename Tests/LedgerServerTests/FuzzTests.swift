import Dispatch
import Foundation
import Ledger
import LedgerWire
import Synchronization
import Testing

/// Bad input never hurts: garbage over many connections gets error replies, the daemon keeps
/// answering, and nothing is written.
@Suite(.serialized)
struct FuzzTests {
    /// Valid params of every write method; each field is then replaced by values of every
    /// other JSON type.
    static let templates: [(method: String, params: String)] = [
        (
            "customer.register",
            #"{"customer_id":"C-1","name":"Acme","email":"ap@acme.example","currency":"EUR","segment":"retail","locale":"de-DE"}"#
        ),
        ("customer.update", #"{"customer_id":"C-1","name":"Acme AG","email":"ar@acme.example"}"#),
        (
            "invoice.issue",
            #"{"invoice_id":"I-1","customer_id":"C-1","currency":"EUR","amount":"10.00","issue_date":"2026-01-05","due_date":"2026-02-04","po_number":"PO-7"}"#
        ),
        (
            "invoice.issue",
            #"{"invoice_id":"I-2","customer_id":"C-1","currency":"EUR","issue_date":"2026-01-05","terms":{"net_days":30},"lines":[{"description":"Widget","quantity":"2","unit_price":"5.00","tax_rate":"19"}]}"#
        ),
        ("invoice.void", #"{"invoice_id":"I-1","date":"2026-01-06","reason":"typo"}"#),
        (
            "invoice.write_off",
            #"{"invoice_id":"I-1","amount":"1.00","currency":"EUR","date":"2026-01-06","reason":"small"}"#
        ),
        (
            "credit_note.issue",
            #"{"credit_note_id":"CN-1","customer_id":"C-1","currency":"EUR","amount":"1.00","date":"2026-01-06","invoice_id":"I-1","reason":"damaged"}"#
        ),
        (
            "payment.record",
            #"{"payment_id":"P-1","customer_id":"C-1","currency":"EUR","amount":"5.00","date":"2026-01-07","method":"cash","reference":"r","allocations":[{"invoice_id":"I-1","amount":"5.00"}]}"#
        ),
        (
            "payment.allocate",
            #"{"payment_id":"P-1","currency":"EUR","date":"2026-01-08","allocations":[{"invoice_id":"I-1","amount":"1.00"}]}"#
        ),
        ("payment.reverse", #"{"payment_id":"P-1","date":"2026-01-09","reason":"bounced"}"#),
        ("period.close", #"{"through":"2025-12-31"}"#),
        (
            "ledger.configure",
            #"{"time_zone":"Europe/Berlin","write_off_tolerance":{"EUR":"0.05"}}"#
        ),
    ]

    /// Values of each JSON type, to put where another type belongs.
    static let replacements: [JSONValue] = [
        .int(7), (try? json("1e400")) ?? .int(Int64.max), .bool(true),
        .string("x"), .array([]), .object([]),
    ]

    @Test func wrongTypesForEveryParameterAreRefusedAndWriteNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let head = try client.call("ledger.head")["result"]?["seq"]?.intValue
        var calls = 0
        for (method, text) in Self.templates {
            let template = try json(text)
            for (path, mutated) in Self.mutations(of: template) {
                var params = mutated
                params = Self.adding(JSONMember("command_id", .string("fuzz-\(calls)")), to: params)
                let reply = try client.call(method, params)
                calls += 1
                let code = reply["error"]?["code"]?.intValue
                #expect(code == -32602, "\(method) \(path) = \(mutated.text): \(reply.text)")
                #expect(reply["error"]?["data"]?["reason"]?.stringValue != nil, "\(reply.text)")
            }
        }
        #expect(calls > 150)
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == head)
    }

    @Test func garbageOverManyConnectionsGetsErrorsAndWritesNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let head = try daemon.client().call("ledger.head")["result"]?["seq"]?.intValue
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        let socketPath = daemon.socketPath
        for connection in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                var random = SplitMix64(seed: 0xACC2_0E00 + UInt64(connection))
                do {
                    let client = try RPCClient(socketPath: socketPath)
                    for round in 0..<60 {
                        let garbage = GarbageLine.make(&random)
                        try client.send(garbage + [UInt8(ascii: "\n")])
                        if let problem = try Self.drainUntilSentinel(
                            client,
                            "s-\(connection)-\(round)"
                        ) {
                            failures.withLock { $0.append("\(connection)/\(round): \(problem)") }
                            return
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(connection): \(error)") }
                }
            }.start()
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])
        let after = try daemon.client()
        #expect(try after.call("ledger.head")["result"]?["seq"]?.intValue == head)
        #expect(daemon.isRunning)
    }

    /// Sends a `ledger.head` call with id `sentinel` and reads replies until its answer; every
    /// reply before it must be a JSON-RPC error. Returns what was wrong, or nil.
    static func drainUntilSentinel(_ client: RPCClient, _ sentinel: String) throws -> String? {
        try client.sendLine(
            Array(#"{"jsonrpc":"2.0","id":"\#(sentinel)","method":"ledger.head"}"#.utf8)
        )
        while let line = try client.nextLine() {
            guard let reply = try? JSONParser.parse(line) else {
                return "unparseable reply \(String(decoding: line, as: UTF8.self))"
            }
            if reply["id"]?.stringValue == sentinel {
                return reply["result"]?["seq"] == nil ? "sentinel failed: \(reply.text)" : nil
            }
            if let item = reply.arrayValue {
                if let bad = item.first(where: { $0["error"] == nil }) {
                    return "batch item not an error: \(bad.text)"
                }
            } else if reply["error"]?["code"]?.intValue == nil {
                return "garbage answered without an error: \(reply.text)"
            }
        }
        return "the daemon closed the connection"
    }

    /// Every way of replacing one field (at the top level, or inside the first element of an
    /// array of objects) by a value of another JSON type, with the path replaced.
    static func mutations(of params: JSONValue) -> [(String, JSONValue)] {
        guard case .object(let members) = params else { return [] }
        var result: [(String, JSONValue)] = []
        for (index, member) in members.enumerated() {
            for replacement in replacements where replacement.typeName != member.value.typeName {
                var changed = members
                changed[index].value = replacement
                result.append((member.key, .object(changed)))
            }
            if case .array(let elements) = member.value, let first = elements.first {
                for (path, inner) in mutations(of: first) {
                    var changed = members
                    changed[index].value = .array([inner] + elements.dropFirst())
                    result.append(("\(member.key)[0].\(path)", .object(changed)))
                }
            }
            if case .object = member.value {
                for (path, inner) in mutations(of: member.value) {
                    var changed = members
                    changed[index].value = inner
                    result.append(("\(member.key).\(path)", .object(changed)))
                }
            }
        }
        return result
    }

    static func adding(_ member: JSONMember, to params: JSONValue) -> JSONValue {
        guard case .object(let members) = params else { return params }
        return .object([member] + members)
    }
}

/// Lines a careless or hostile client might send.
enum GarbageLine {
    static func make(_ random: inout SplitMix64) -> [UInt8] {
        switch random.next() % 9 {
        case 0:
            return (0..<Int(random.next() % 200)).map { _ in
                let byte = UInt8(truncatingIfNeeded: random.next())
                return byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte
            }
        case 1:
            let valid = Array(
                #"{"jsonrpc":"2.0","id":1,"method":"customer.register","params":{"command_id":"g","customer_id":"G","name":"G"}}"#
                    .utf8
            )
            return Array(valid.prefix(Int(random.next() % UInt64(valid.count - 1))))
        case 2:
            return Array(repeating: UInt8(ascii: "["), count: 10_000)
                + Array(repeating: UInt8(ascii: "]"), count: 10_000)
        case 3:
            return Array(String(repeating: #"{"a":"#, count: 10_000).utf8)
        case 4:
            return Array(
                #"{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ledger.head","params":1e999999}"#
                    .utf8
            )
        case 5:
            return Array(
                #"{"jsonrpc":"2.0","id":2,"method":"invoice.issue","params":{"command_id":"n","invoice_id":"I","customer_id":"C","currency":"EUR","amount":10.5,"issue_date":"2026-01-05","due_date":"2026-02-04"}}"#
                    .utf8
            )
        case 6:
            return Array(
                #"[{"jsonrpc":"2.0","id":3,"method":"nope"},{"jsonrpc":"1.0","id":4,"method":"ledger.head"},7]"#
                    .utf8
            )
        case 7:
            return Array(
                #"{"jsonrpc":"2.0","id":5,"method":"payment.record","params":{"command_id":"p","payment_id":"P","customer_id":"C","currency":"EUR","amount":"-1.00","date":"2026-02-30","method":"cash"}}"#
                    .utf8
            )
        default:
            return Array(
                #"{"jsonrpc":"2.0","id":6,"method":"customer.register","params":{"command_id":"\u0000","customer_id":"\ud800","name":""}}"#
                    .utf8
            )
        }
    }
}
