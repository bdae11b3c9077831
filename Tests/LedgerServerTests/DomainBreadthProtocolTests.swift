import Foundation
import LedgerWire
import Testing

/// Instalments, discounts, refunds, disputes, promises and the collection reports over the
/// real daemon's socket, every reply and stored event payload validated against `schemas/`.
@Suite(.serialized)
struct DomainBreadthProtocolTests {
    /// One call per new method, in an order the ledger accepts, with the reports after.
    static let calls: [(method: String, params: String)] = [
        (
            "customer.register",
            #"{"command_id":"b-1","customer_id":"ACME","name":"Acme GmbH","currency":"EUR","terms":"2/10 net 30"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"b-2","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"900.00","issue_date":"2026-01-01","instalments":[{"due_date":"2026-01-31","amount":"300.00"},{"due_date":"2026-02-28","amount":"300.00"},{"due_date":"2026-03-31","amount":"300.00"}]}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"b-3","invoice_id":"INV-2","customer_id":"ACME","currency":"EUR","amount":"1000.00","issue_date":"2026-03-02"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"b-4","invoice_id":"INV-3","customer_id":"ACME","currency":"EUR","amount":"100.00","issue_date":"2026-03-02","terms":{"kind":"net","days":30,"instalments":{"count":3,"interval_days":30}}}"#
        ),
        (
            "payment.record",
            #"{"command_id":"b-5","payment_id":"PAY-1","customer_id":"ACME","currency":"EUR","amount":"980.00","date":"2026-03-12","method":"bank_transfer","allocations":[{"invoice_id":"INV-2","amount":"980.00"}]}"#
        ),
        (
            "payment.record",
            #"{"command_id":"b-6","payment_id":"PAY-2","customer_id":"ACME","currency":"EUR","amount":"500.00","date":"2026-02-10","method":"bank_transfer","allocations":[{"invoice_id":"INV-1","amount":"300.00"}]}"#
        ),
        (
            "payment.refund",
            #"{"command_id":"b-7","payment_id":"PAY-2","amount":"150.00","date":"2026-02-15","reason":"overpayment"}"#
        ),
        (
            "invoice.dispute",
            #"{"command_id":"b-8","invoice_id":"INV-1","date":"2026-03-01","reason":"second delivery missing"}"#
        ),
        (
            "invoice.promise",
            #"{"command_id":"b-9","invoice_id":"INV-1","date":"2026-04-15","amount":"300.00"}"#
        ),
        (
            "invoice.resolve_dispute",
            #"{"command_id":"b-10","invoice_id":"INV-1","date":"2026-03-10","resolution":"delivered"}"#
        ),
        (
            "invoice.dispute",
            #"{"command_id":"b-11","invoice_id":"INV-3","date":"2026-03-05","reason":"price"}"#
        ),
        ("report.open_items", #"{"as_of":"2026-03-15"}"#),
        ("report.open_items", #"{"customer_id":"ACME","currency":"EUR","known_at":{"seq":4}}"#),
        ("report.statement", #"{"customer_id":"ACME","from":"2026-02-01","to":"2026-03-31"}"#),
        ("report.kpis", #"{"from":"2026-01-01","to":"2026-03-31","currency":"EUR"}"#),
        ("report.kpis", #"{"from":"2027-01-01","to":"2027-01-31","known_at":{"seq":3}}"#),
        ("report.aging", #"{"as_of":"2026-03-15","customer_id":"ACME","currency":"EUR"}"#),
        ("invoice.get", #"{"invoice_id":"INV-1","as_of":"2026-03-05"}"#),
        ("invoice.get", #"{"invoice_id":"INV-2","as_of":"2026-03-31"}"#),
    ]

    @Test func everyNewResultAndEventMatchesItsSchema() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        var results: [String: [String]] = [:]
        var replies: [String] = []
        for (method, params) in Self.calls {
            let reply = try client.call(method, json(params))
            replies.append(reply.text)
            let result = try #require(reply["result"], "\(method) \(params) -> \(reply.text)")
            results[method, default: []].append(result.text)
        }
        #expect(try SchemaValidator.validate(replies, against: "protocol/response.json") == nil)
        for (method, lines) in results.sorted(by: { $0.key < $1.key }) {
            let failure = try SchemaValidator.validate(
                lines,
                against: "protocol/results.json#/$defs/\(method)"
            )
            #expect(failure == nil, "\(method): \(failure ?? "")")
        }
        // Every stored payload against its event schema, as events.read returns it.
        let read = try client.call("events.read", json(#"{"from_seq":1,"limit":100}"#))
        var payloads: [String: [String]] = [:]
        for record in read["result"]?["events"]?.arrayValue ?? [] {
            guard let type = record["type"]?.stringValue, let payload = record["payload"] else {
                continue
            }
            payloads[type, default: []].append(payload.text)
        }
        let types = Set(payloads.keys)
        #expect(
            types.isSuperset(of: [
                "invoice.discount_taken", "payment.refunded", "invoice.disputed",
                "invoice.dispute_resolved", "invoice.promised",
            ])
        )
        for (type, lines) in payloads where type != "ledger.created" {
            let failure = try SchemaValidator.validate(
                lines,
                against: "events/\(type).v1.schema.json"
            )
            #expect(failure == nil, "\(type): \(failure ?? "")")
        }
    }

    @Test func theDiscountInstalmentsDisputeAndStatementAreReportedOverTheSocket() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        for (method, params) in Self.calls.prefix(11) {
            #expect(try client.call(method, json(params))["result"] != nil)
        }
        let discounted = try client.call("invoice.get", json(#"{"invoice_id":"INV-2"}"#))["result"]
        #expect(discounted?["status"]?.stringValue == "paid")
        #expect(discounted?["credited"]?.stringValue == "20.00")
        #expect(discounted?["history"]?.arrayValue?.last?["kind"]?.stringValue == "discount")
        // INV-1: PAY-2's 300.00 filled January's part, so on 2026-03-15 February's 300.00 is 15
        // days late and March's is current; the dispute was resolved on 2026-03-10.
        let aging = try client.call(
            "report.aging",
            json(#"{"as_of":"2026-03-15","customer_id":"ACME","currency":"EUR"}"#)
        )["result"]
        let row = aging?["rows"]?.arrayValue?.first
        #expect(row?["1-30"]?.stringValue == "300.00")
        // Current: March's 300.00 of INV-1 and all 100.00 of INV-3.
        #expect(row?["current"]?.stringValue == "400.00")
        let items = try client.call("report.open_items", json(#"{"as_of":"2026-03-15"}"#))["result"]
        let first = items?["items"]?.arrayValue?.first
        #expect(first?["invoice_id"]?.stringValue == "INV-1")
        #expect(first?["days_past_due"]?.intValue == 15)
        #expect(first?["disputed"] == .bool(false))
        #expect(items?["items"]?.arrayValue?.last?["disputed"] == .bool(true))
        // The promise was made today (the daemon's business date), so it shows from today on.
        #expect(first?["promise"] == nil)
        let now = try client.call("report.open_items", json("{}"))["result"]
        let promised = now?["items"]?.arrayValue?.first { $0["invoice_id"]?.stringValue == "INV-1" }
        #expect(promised?["promise"]?["amount"]?.stringValue == "300.00")
        #expect(promised?["promise"]?["date"]?.stringValue == "2026-04-15")
        // The statement closes on report.balances' net.
        let statement = try client.call(
            "report.statement",
            json(#"{"customer_id":"ACME","from":"2026-02-01","to":"2026-03-31"}"#)
        )["result"]
        let section = statement?["currencies"]?.arrayValue?.first
        let balances = try client.call(
            "report.balances",
            json(#"{"as_of":"2026-03-31","customer_id":"ACME"}"#)
        )["result"]
        let net = balances?["rows"]?.arrayValue?.first?["net"]?.stringValue
        #expect(section?["closing_balance"]?.stringValue == net)
        #expect(section?["opening_balance"]?.stringValue == "900.00")
        #expect(
            section?["movements"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" }
                == ["payment", "refund", "invoice", "invoice", "payment", "discount"]
        )
    }

    @Test func refusedCommandsWriteNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        for (method, params) in Self.calls.prefix(11) {
            #expect(try client.call(method, json(params))["result"] != nil)
        }
        let head = try client.call("ledger.head")["result"]?["seq"]
        let refused: [(String, String, String)] = [
            (
                "payment.refund",
                #"{"command_id":"r-1","payment_id":"PAY-2","amount":"50.01","date":"2026-03-01","reason":"x"}"#,
                "refund_exceeds_unapplied"
            ),
            (
                "invoice.dispute",
                #"{"command_id":"r-2","invoice_id":"INV-3","date":"2026-03-06","reason":"x"}"#,
                "already_disputed"
            ),
            (
                "invoice.resolve_dispute",
                #"{"command_id":"r-3","invoice_id":"INV-1","date":"2026-03-11","resolution":"x"}"#,
                "not_disputed"
            ),
            (
                "invoice.resolve_dispute",
                #"{"command_id":"r-4","invoice_id":"INV-3","date":"2026-03-04","resolution":"x"}"#,
                "date_before_dispute"
            ),
            (
                "invoice.promise",
                #"{"command_id":"r-5","invoice_id":"INV-1","date":"2026-04-30","amount":"600.01"}"#,
                "exceeds_open_amount"
            ),
        ]
        for (method, params, reason) in refused {
            let reply = try client.call(method, json(params))
            #expect(reply["error"]?["code"]?.intValue == -32000)
            #expect(reply["error"]?["data"]?["reason"]?.stringValue == reason, "\(method)")
        }
        #expect(try client.call("ledger.head")["result"]?["seq"] == head)
        let statement = try client.call(
            "report.statement",
            json(#"{"customer_id":"NOBODY","from":"2026-01-01","to":"2026-01-31"}"#)
        )
        #expect(statement["error"]?["data"]?["reason"]?.stringValue == "unknown_customer")
        let methods = try client.call("system.describe")["result"]?["methods"]?.arrayValue ?? []
        func role(_ name: String) -> String? {
            methods.first { $0["name"]?.stringValue == name }?["role"]?.stringValue
        }
        for name in [
            "payment.refund", "invoice.dispute", "invoice.resolve_dispute", "invoice.promise",
        ] {
            #expect(role(name) == "writer", "\(name)")
        }
        for name in ["report.open_items", "report.statement", "report.kpis"] {
            #expect(role(name) == "reader", "\(name)")
        }
        let backwards = try client.call(
            "report.kpis",
            json(#"{"from":"2026-02-01","to":"2026-01-01"}"#)
        )
        #expect(backwards["error"]?["code"]?.intValue == -32602)
    }
}
