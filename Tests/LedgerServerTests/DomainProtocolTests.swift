import Foundation
import LedgerWire
import Testing

/// The domain's methods over the real daemon's socket: DESIGN's example exchange,
/// idempotency, all-or-nothing writes, and every result against its schema.
@Suite(.serialized)
struct DomainProtocolTests {
    /// DESIGN.md's example exchange, line for line.
    static let exchange: [(request: String, reply: String?)] = [
        (
            #"{"jsonrpc":"2.0","id":1,"method":"customer.register","params":{"command_id":"c-1","customer_id":"ACME","name":"Acme GmbH","email":"ap@acme.example","currency":"EUR"}}"#,
            #"{"jsonrpc":"2.0","id":1,"result":{"seq":2,"customer_id":"ACME"}}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":2,"method":"invoice.issue","params":{"command_id":"c-2","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"1190.00","issue_date":"2026-01-05","due_date":"2026-02-04"}}"#,
            nil
        ),
        (
            #"{"jsonrpc":"2.0","id":3,"method":"payment.record","params":{"command_id":"c-3","payment_id":"PAY-1","customer_id":"ACME","currency":"EUR","amount":"500.00","date":"2026-02-10","method":"bank_transfer","allocations":[{"invoice_id":"INV-1","amount":"500.00"}]}}"#,
            nil
        ),
        (
            #"{"jsonrpc":"2.0","id":4,"method":"report.aging","params":{"as_of":"2026-03-31","known_at":{"seq":5},"buckets":[30,60,90],"group_by":"customer"}}"#,
            #"{"jsonrpc":"2.0","id":4,"result":{"as_of":"2026-03-31","known_at":{"seq":5},"columns":["current","1-30","31-60","61-90","91+"],"rows":[{"customer_id":"ACME","currency":"EUR","current":"0.00","1-30":"0.00","31-60":"690.00","61-90":"0.00","91+":"0.00","open":"690.00","unapplied":"0.00"}],"totals":[{"currency":"EUR","current":"0.00","1-30":"0.00","31-60":"690.00","61-90":"0.00","91+":"0.00","open":"690.00","unapplied":"0.00"}]}}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":5,"method":"invoice.issue","params":{"command_id":"c-4","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"-5","issue_date":"2026-01-05","due_date":"2026-02-04"}}"#,
            #"{"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"amount must be positive","data":{"reason":"invalid_amount","field":"amount"}}}"#
        ),
    ]

    @Test func designsExampleExchangeIsAnsweredAsDocumented() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        var replies: [String] = []
        for (request, expected) in Self.exchange {
            let reply = try #require(try client.roundTrip(request))
            replies.append(reply)
            if let expected { #expect(reply == expected) }
        }
        let issued = try json(replies[1])["result"]
        #expect(issued?["seq"]?.intValue == 3)
        #expect(issued?["invoice_id"]?.stringValue == "INV-1")
        #expect(issued?["open"]?.stringValue == "1190.00")
        let paid = try json(replies[2])["result"]
        #expect(paid?["seq"]?.intValue == 5)
        #expect(paid?["payment_id"]?.stringValue == "PAY-1")
        #expect(paid?["unapplied"]?.stringValue == "0.00")
        #expect(try SchemaValidator.validate(replies, against: "protocol/response.json") == nil)
        let methods = ["customer.register", "invoice.issue", "payment.record", "report.aging"]
        for (method, reply) in zip(methods, replies) {
            let result = try json(reply)["result"]?.text ?? "null"
            #expect(
                try SchemaValidator.validate(
                    [result],
                    against: "protocol/results.json#/$defs/\(method)"
                ) == nil
            )
        }
    }

    @Test func aRetriedCommandIDAnswersTheOriginalAndADifferentBodyConflicts() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let register =
            #"{"command_id":"r-1","customer_id":"ACME","name":"Acme GmbH","currency":"EUR"}"#
        let first = try client.call("customer.register", json(register))
        #expect(first["result"]?["seq"]?.intValue == 2)
        #expect(first["result"]?["duplicate"] == nil)
        let issue =
            #"{"command_id":"r-2","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"100.5","issue_date":"2026-01-05","terms":{"kind":"net","days":30}}"#
        let issued = try client.call("invoice.issue", json(issue))
        #expect(issued["result"]?["due_date"]?.stringValue == "2026-02-04")
        let head = try client.call("ledger.head")["result"]?["seq"]?.intValue
        // The same body, with keys in another order and an equivalent amount, is a retry.
        let again = try client.call("customer.register", json(register))
        #expect(again["result"]?["seq"]?.intValue == 2)
        #expect(again["result"]?["customer_id"]?.stringValue == "ACME")
        #expect(again["result"]?["duplicate"] == .bool(true))
        let reordered =
            #"{"terms":{"days":30,"kind":"net"},"amount":"100.50","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","issue_date":"2026-01-05","command_id":"r-2"}"#
        let retried = try client.call("invoice.issue", json(reordered))
        #expect(retried["result"]?["seq"] == issued["result"]?["seq"])
        #expect(retried["result"]?["duplicate"] == .bool(true))
        // The stored result answers the retry member for member.
        for member in ["invoice_id", "open", "due_date"] {
            #expect(retried["result"]?[member] != nil)
            #expect(retried["result"]?[member] == issued["result"]?[member])
        }
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == head)
        let conflicting = try client.call(
            "customer.register",
            json(#"{"command_id":"r-1","customer_id":"ACME","name":"Acme AG","currency":"EUR"}"#)
        )
        #expect(conflicting["error"]?["code"]?.intValue == -32000)
        #expect(conflicting["error"]?["data"]?["reason"]?.stringValue == "idempotency_conflict")
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == head)
        let replies = [first, issued, again, retried, conflicting].map(\.text)
        #expect(try SchemaValidator.validate(replies, against: "protocol/response.json") == nil)
    }

    @Test func aRefusedCommandWritesNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        try Self.seed(client)
        let head = try client.call("ledger.head")["result"]?["seq"]?.intValue
        let refusals: [(String, String, String)] = [
            (
                "payment.record",
                #"{"command_id":"x-1","payment_id":"P-9","customer_id":"NOBODY","currency":"EUR","amount":"5.00","date":"2026-02-01","method":"cash"}"#,
                "unknown_customer"
            ),
            (
                "customer.register", #"{"command_id":"x-2","customer_id":"ACME","name":"Again"}"#,
                "duplicate_customer"
            ),
            (
                "payment.allocate",
                #"{"command_id":"x-3","payment_id":"PAY-1","allocations":[{"invoice_id":"INV-1","amount":"9999.00"}]}"#,
                "exceeds_open_amount"
            ),
            (
                "payment.allocate",
                #"{"command_id":"x-5","payment_id":"PAY-1","allocations":[{"invoice_id":"INV-1","amount":"1.00"}]}"#,
                "over_allocation"
            ),
            (
                "invoice.void",
                #"{"command_id":"x-4","invoice_id":"INV-1","date":"2026-03-01","reason":"wrong"}"#,
                "void_after_application"
            ),
        ]
        var replies: [String] = []
        for (method, params, reason) in refusals {
            let reply = try client.call(method, json(params))
            replies.append(reply.text)
            #expect(reply["error"]?["code"]?.intValue == -32000, "\(method): \(reply.text)")
            #expect(
                reply["error"]?["data"]?["reason"]?.stringValue == reason,
                "\(method): \(reply.text)"
            )
        }
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == head)
        #expect(try SchemaValidator.validate(replies, against: "protocol/response.json") == nil)
    }

    @Test func aTransactionFailingAtIndexOneWritesNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let failing =
            #"{"command_id":"t-1","commands":[{"method":"customer.register","params":{"customer_id":"ACME","name":"Acme"}},{"method":"invoice.issue","params":{"invoice_id":"INV-1","customer_id":"NOBODY","currency":"EUR","amount":"10.00","issue_date":"2026-01-05","due_date":"2026-02-04"}}]}"#
        let refused = try client.call("ledger.transact", json(failing))
        #expect(refused["error"]?["code"]?.intValue == -32000)
        #expect(refused["error"]?["data"]?["reason"]?.stringValue == "unknown_customer")
        #expect(refused["error"]?["data"]?["field"]?.stringValue == "commands[1]")
        let malformed =
            #"{"command_id":"t-2","commands":[{"method":"customer.register","params":{"customer_id":"ACME","name":"Acme"}},{"method":"period.close","params":{"through":"2026-01-31"}},{"method":"invoice.issue","params":{"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"1.001","issue_date":"2026-01-05"}}]}"#
        let invalid = try client.call("ledger.transact", json(malformed))
        #expect(invalid["error"]?["code"]?.intValue == -32602)
        #expect(invalid["error"]?["data"]?["reason"]?.stringValue == "invalid_amount")
        #expect(invalid["error"]?["data"]?["field"]?.stringValue == "commands[2].amount")
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == 1)
        let succeeding =
            #"{"command_id":"t-3","commands":[{"method":"customer.register","params":{"customer_id":"ACME","name":"Acme"}},{"method":"invoice.issue","params":{"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"10.00","issue_date":"2026-01-05","due_date":"2026-02-04"}},{"method":"invoice.write_off","params":{"invoice_id":"INV-1","amount":"0.50","date":"2026-01-06","reason":"rounding"}}]}"#
        let applied = try client.call("ledger.transact", json(succeeding))
        #expect(applied["result"]?["seq"]?.intValue == 4)
        #expect(applied["result"]?["results"]?.arrayValue?.count == 3)
        #expect(applied["result"]?["results"]?.arrayValue?[2]["open"]?.stringValue == "9.50")
        let replies = [refused, invalid, applied].map(\.text)
        #expect(try SchemaValidator.validate(replies, against: "protocol/response.json") == nil)
        let result = applied["result"]?.text ?? "null"
        #expect(
            try SchemaValidator.validate(
                [result],
                against: "protocol/results.json#/$defs/ledger.transact"
            ) == nil
        )
    }

    @Test func pipelinedReadsSeeTheWritesBeforeThem() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"customer.register","params":{"command_id":"p-1","customer_id":"ACME","name":"Acme"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"customer.get","params":{"customer_id":"ACME"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"invoice.issue","params":{"command_id":"p-2","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"70.00","issue_date":"2026-01-05","due_date":"2026-02-04"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"invoice.get","params":{"invoice_id":"INV-1","as_of":"2026-03-01"}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"report.balances","params":{"as_of":"2026-03-01"}}"#,
        ]
        try client.send(Array((lines.joined(separator: "\n") + "\n").utf8))
        var replies: [JSONValue] = []
        for _ in lines { replies.append(try JSONParser.parse(try #require(try client.nextLine()))) }
        #expect(replies.map { $0["id"]?.intValue } == [1, 2, 3, 4, 5])
        #expect(replies[1]["result"]?["name"]?.stringValue == "Acme")
        #expect(replies[3]["result"]?["open"]?.stringValue == "70.00")
        #expect(replies[3]["result"]?["status"]?.stringValue == "open")
        #expect(replies[4]["result"]?["rows"]?.arrayValue?.first?["net"]?.stringValue == "70.00")
    }

    /// ACME with INV-1 (1190.00 EUR due 2026-02-04) and PAY-1 (500.00 applied to it).
    static func seed(_ client: RPCClient) throws {
        for (request, _) in exchange.prefix(3) {
            let reply = try #require(try client.roundTrip(request))
            #expect(try json(reply)["result"] != nil, "\(reply)")
        }
    }
}
