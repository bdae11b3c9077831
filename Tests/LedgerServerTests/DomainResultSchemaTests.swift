import Foundation
import LedgerWire
import Testing

/// Every domain method's real result against `schemas/protocol/results.json`.
@Suite(.serialized)
struct DomainResultSchemaTests {
    /// One call per write method and report, in an order the ledger accepts.
    static let calls: [(method: String, params: String)] = [
        (
            "customer.register",
            #"{"command_id":"s-1","customer_id":"ACME","name":"Acme GmbH","email":"ap@acme.example","segment":"enterprise","currency":"EUR","terms":{"kind":"net","days":30},"locale":"de-DE"}"#
        ),
        ("customer.register", #"{"command_id":"s-2","customer_id":"BETA","name":"Beta"}"#),
        (
            "customer.update",
            #"{"command_id":"s-3","customer_id":"BETA","email":"ar@beta.example","segment":null}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"s-4","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"1190.00","issue_date":"2026-01-05","due_date":"2026-02-04","po_number":"PO-7","metadata":{"source":"erp"}}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"s-5","invoice_id":"INV-2","customer_id":"ACME","currency":"EUR","lines":[{"description":"Widget","quantity":"3","unit_price":"10.00","tax_rate":"19"}],"issue_date":"2026-01-10"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"s-6","invoice_id":"INV-3","customer_id":"BETA","currency":"JPY","amount":"5000","issue_date":"2026-01-10","terms":{"kind":"end_of_month","days":10}}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"s-7","invoice_id":"INV-4","customer_id":"BETA","currency":"JPY","amount":"100","issue_date":"2026-01-10","due_date":"2026-01-20"}"#
        ),
        (
            "payment.record",
            #"{"command_id":"s-8","payment_id":"PAY-1","customer_id":"ACME","currency":"EUR","amount":"500.00","date":"2026-02-10","method":"bank_transfer","allocations":[{"invoice_id":"INV-1","amount":"500.00"}]}"#
        ),
        (
            "payment.record",
            #"{"command_id":"s-9","payment_id":"PAY-2","customer_id":"ACME","currency":"EUR","amount":"50.00","date":"2026-02-11","method":"card","reference":"ref 9"}"#
        ),
        (
            "payment.record",
            #"{"command_id":"s-10","payment_id":"PAY-3","customer_id":"ACME","currency":"EUR","amount":"20.00","date":"2026-02-12","method":"cash","allocations":[]}"#
        ),
        (
            "payment.allocate",
            #"{"command_id":"s-11","payment_id":"PAY-3","currency":"EUR","date":"2026-02-13","allocations":[{"invoice_id":"INV-1","amount":"5.00"}]}"#
        ),
        (
            "payment.reverse",
            #"{"command_id":"s-12","payment_id":"PAY-2","date":"2026-02-20","reason":"chargeback"}"#
        ),
        (
            "credit_note.issue",
            #"{"command_id":"s-13","credit_note_id":"CN-1","customer_id":"ACME","currency":"EUR","amount":"10.00","date":"2026-02-15","invoice_id":"INV-1","reason":"damaged"}"#
        ),
        (
            "credit_note.issue",
            #"{"command_id":"s-14","credit_note_id":"CN-2","customer_id":"BETA","currency":"JPY","amount":"300","date":"2026-02-15","reason":"goodwill"}"#
        ),
        (
            "invoice.write_off",
            #"{"command_id":"s-15","invoice_id":"INV-3","currency":"JPY","amount":"1000","date":"2026-03-01","reason":"dispute"}"#
        ),
        (
            "invoice.void",
            #"{"command_id":"s-16","invoice_id":"INV-4","date":"2026-03-02","reason":"duplicate"}"#
        ),
        (
            "ledger.configure",
            #"{"command_id":"s-17","time_zone":"Europe/Berlin","write_off_tolerance":{"EUR":"0.05"}}"#
        ),
        ("period.close", #"{"command_id":"s-18","through":"2026-01-31"}"#),
        ("report.aging", #"{"as_of":"2026-03-31"}"#),
        (
            "report.aging",
            #"{"as_of":"2026-03-31","group_by":"segment","basis":"invoice_date","buckets":[15,45]}"#
        ),
        (
            "report.aging",
            #"{"as_of":"2026-03-31","group_by":"currency","known_at":{"time":"2999-01-01T00:00:00Z"}}"#
        ),
        ("report.balances", #"{"as_of":"2026-03-31"}"#),
        ("report.balances", #"{"as_of":"2026-03-31","customer_id":"BETA","known_at":{"seq":3}}"#),
        ("customer.get", #"{"customer_id":"ACME","as_of":"2026-03-31"}"#),
        ("invoice.get", #"{"invoice_id":"INV-1","as_of":"2026-03-31"}"#),
        ("invoice.get", #"{"invoice_id":"INV-2"}"#),
        ("customer.list", #"{"limit":1}"#),
        ("invoice.list", #"{"customer_id":"ACME","status":"open","limit":1}"#),
        ("invoice.list", #"{"currency":"JPY","as_of":"2026-03-31"}"#),
    ]

    @Test func everyDomainResultMatchesItsSchema() throws {
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
    }

    @Test func reportsAnswerAsOfAndKnownAt() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        for (method, params) in Self.calls.prefix(8) {
            #expect(try client.call(method, json(params))["result"] != nil)
        }
        // INV-1 as known before PAY-1 (seq 10 is its allocation): all 1190.00 still open.
        let before = try client.call(
            "invoice.get",
            json(#"{"invoice_id":"INV-1","as_of":"2026-03-31","known_at":{"seq":9}}"#)
        )
        #expect(before["result"]?["open"]?.stringValue == "1190.00")
        #expect(before["result"]?["known_at"]?["seq"]?.intValue == 9)
        let after = try client.call(
            "invoice.get",
            json(#"{"invoice_id":"INV-1","as_of":"2026-03-31"}"#)
        )
        #expect(after["result"]?["open"]?.stringValue == "690.00")
        #expect(after["result"]?["history"]?.arrayValue?.count == 2)
        // As of a date before the payment, the later payment does not count yet.
        let early = try client.call(
            "report.balances",
            json(#"{"as_of":"2026-02-05","customer_id":"ACME"}"#)
        )
        #expect(early["result"]?["rows"]?.arrayValue?.first?["open"]?.stringValue == "1225.70")
        let beyond = try client.call("report.aging", json(#"{"known_at":{"seq":99999}}"#))
        let head = try client.call("ledger.head")["result"]?["seq"]
        #expect(beyond["result"]?["known_at"]?["seq"] == head)
        let past = try client.call(
            "customer.get",
            json(#"{"customer_id":"ACME","known_at":{"time":"2000-01-01T00:00:00Z"}}"#)
        )
        #expect(past["error"]?["data"]?["reason"]?.stringValue == "unknown_customer")
        let page = try client.call("customer.list", json(#"{"limit":1}"#))
        let cursor = try #require(page["result"]?["next_cursor"]?.stringValue)
        let next = try client.call("customer.list", json(#"{"limit":1,"after":"\#(cursor)"}"#))
        #expect(
            next["result"]?["customers"]?.arrayValue?.first?["customer_id"]?.stringValue == "BETA"
        )
        #expect(next["result"]?["next_cursor"] == .null)
    }

    @Test func describeListsTheDomainMethodsWithTheirRoles() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let methods =
            try daemon.client().call("system.describe")["result"]?["methods"]?.arrayValue ?? []
        func role(_ name: String) -> String? {
            methods.first { $0["name"]?.stringValue == name }?["role"]?.stringValue
        }
        #expect(role("invoice.issue") == "writer")
        #expect(role("ledger.transact") == "writer")
        #expect(role("ledger.configure") == "admin")
        #expect(role("report.aging") == "reader")
        #expect(role("invoice.list") == "reader")
    }
}
