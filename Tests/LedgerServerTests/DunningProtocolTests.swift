import Foundation
import LedgerWire
import Testing

/// Dunning over the socket with a real daemon: preview, run, spool delivery, restarts.
@Suite(.serialized)
struct DunningProtocolTests {
    /// A ledger with a three-step default policy and four invoices: one disputed, one paid,
    /// two open for ACME, one open for BETA.
    static let setup: [(method: String, params: String)] = [
        (
            "dunning.define_policy",
            #"{"command_id":"d-1","policy_id":"STD","minimum_gap_days":7,"steps":[{"offset_days":-3,"channel":"spool","template":"courtesy"},{"offset_days":7,"channel":"spool","template":"reminder","fee":{"EUR":"5.00"}},{"offset_days":21,"channel":"spool","template":"final","interest_rate":"8"}]}"#
        ),
        (
            "ledger.configure",
            #"{"command_id":"d-2","default_policy":"STD","creditor":{"name":"Example GmbH","address":"billing@example.com","payment_instructions":"IBAN DE89 3704 0044 0532 0130 00"}}"#
        ),
        (
            "customer.register",
            #"{"command_id":"d-3","customer_id":"ACME","name":"Acme GmbH","email":"ap@acme.example","currency":"EUR"}"#
        ),
        (
            "customer.register",
            #"{"command_id":"d-4","customer_id":"BETA","name":"Bêta SARL","segment":"retail"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"d-5","invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"100.00","issue_date":"2026-01-01","due_date":"2026-01-31"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"d-6","invoice_id":"INV-2","customer_id":"ACME","currency":"EUR","amount":"200.00","issue_date":"2026-01-01","due_date":"2026-01-31"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"d-7","invoice_id":"INV-3","customer_id":"ACME","currency":"EUR","amount":"300.00","issue_date":"2026-01-01","due_date":"2026-01-31"}"#
        ),
        (
            "invoice.issue",
            #"{"command_id":"d-8","invoice_id":"INV-4","customer_id":"BETA","currency":"EUR","amount":"400.00","issue_date":"2026-01-01","due_date":"2026-01-31"}"#
        ),
        (
            "invoice.dispute",
            #"{"command_id":"d-9","invoice_id":"INV-2","date":"2026-01-20","reason":"damaged"}"#
        ),
        (
            "payment.record",
            #"{"command_id":"d-10","payment_id":"PAY-1","customer_id":"ACME","currency":"EUR","amount":"300.00","date":"2026-01-25","method":"bank_transfer","allocations":[{"invoice_id":"INV-3","amount":"300.00"}]}"#
        ),
        (
            "dunning.assign_policy",
            #"{"command_id":"d-11","policy_id":"STD","segment":"retail"}"#
        ),
    ]

    static func prepared() throws -> (DaemonProcess, RPCClient) {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        for (method, params) in setup {
            let reply = try client.call(method, json(params))
            #expect(reply["result"] != nil, "\(method): \(reply.text)")
        }
        return (daemon, client)
    }

    static func spoolFiles(_ daemon: DaemonProcess) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: daemon.directory + "/spool"))
            ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted()
    }

    @Test func previewExplainsAndRunDeliversOnceAcrossRunsAndRestarts() throws {
        var (daemon, client) = try Self.prepared()
        defer { daemon.stop(); daemon.removeFiles() }
        let preview = try client.call("dunning.preview", json(#"{"as_of":"2026-02-10"}"#))
        let decisions = preview["result"]?["decisions"]?.arrayValue ?? []
        func decision(_ invoice: String) -> JSONValue? {
            decisions.first { $0["invoice_id"]?.stringValue == invoice }
        }
        #expect(decision("INV-1")?["action"]?.stringValue == "send")
        #expect(decision("INV-2")?["reason"]?.stringValue == "disputed")
        #expect(decision("INV-3") == nil)
        #expect(decision("INV-4")?["policy_source"]?.stringValue == "segment")

        let run = try client.call(
            "dunning.run",
            json(#"{"command_id":"r-1","as_of":"2026-02-10"}"#)
        )
        let sent = run["result"]?["sent"]?.arrayValue ?? []
        #expect(sent.map { $0["customer_id"]?.stringValue ?? "" } == ["ACME", "BETA"])
        let messageIDs = sent.compactMap { $0["message_id"]?.stringValue }
        let files = Self.spoolFiles(daemon)
        #expect(files.count == 2)
        for (id, customer) in zip(messageIDs, ["ACME", "BETA"]) {
            let name = id.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) + ".eml"
            #expect(files.contains(name))
            let text = try String(
                contentsOfFile: daemon.directory + "/spool/" + name,
                encoding: .utf8
            )
            #expect(text.contains("Message-ID: \(id)\r\n"))
            #expect(text.contains("From: \"Example GmbH\" <billing@example.com>\r\n"))
            #expect(text.contains("X-Accrue-Customer: \(customer)\r\n"))
        }
        let headAfterRun = try client.call("ledger.head")["result"]?["seq"]?.intValue

        // Again on the same date, then after a restart: nothing new is recorded or delivered.
        let again = try client.call(
            "dunning.run",
            json(#"{"command_id":"r-2","as_of":"2026-02-10"}"#)
        )
        #expect(again["result"]?["sent"]?.arrayValue?.isEmpty == true)
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == headAfterRun)
        daemon.stop()
        daemon = try DaemonProcess(directory: daemon.directory)
        client = try daemon.client()
        let restarted = try client.call(
            "dunning.run",
            json(#"{"command_id":"r-3","as_of":"2026-02-10"}"#)
        )
        #expect(restarted["result"]?["sent"]?.arrayValue?.isEmpty == true)
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == headAfterRun)
        #expect(Self.spoolFiles(daemon) == files)
        let retried = try client.call(
            "dunning.run",
            json(#"{"command_id":"r-1","as_of":"2026-02-10"}"#)
        )
        #expect(retried["result"]?["duplicate"] == .bool(true))
        #expect(Self.spoolFiles(daemon) == files)
        // The snapshot written at shutdown holds the dunning book; verify rebuilds it from the log.
        #expect(daemon.stop() == 0)
        let verify = try CLIRunner().run(["verify", "--data-dir", daemon.dataDirectory])
        #expect(verify.status == 0, "verify: \(verify.stdout)\(verify.stderr)")
    }

    @Test func resultsAndStoredPayloadsMatchTheirSchemas() throws {
        let (daemon, client) = try Self.prepared()
        defer { daemon.stop(); daemon.removeFiles() }
        var results: [String: [String]] = [:]
        let calls: [(String, String)] = [
            ("dunning.preview", #"{"as_of":"2026-01-29"}"#),
            ("dunning.run", #"{"command_id":"r-1","as_of":"2026-01-29"}"#),
            ("dunning.preview", #"{"as_of":"2026-02-10"}"#),
            ("dunning.run", #"{"command_id":"r-2","as_of":"2026-02-10"}"#),
            ("dunning.assign_policy", #"{"command_id":"a-1","policy_id":null,"segment":"retail"}"#),
            (
                "dunning.assign_policy",
                #"{"command_id":"a-2","policy_id":"STD","customer_id":"ACME"}"#
            ),
            (
                "dunning.define_policy",
                #"{"command_id":"a-3","policy_id":"SHORT","steps":[{"offset_days":1,"channel":"spool","template":"final"}]}"#
            ),
            ("ledger.configure", #"{"command_id":"a-4","default_policy":null}"#),
            (
                "invoice.promise",
                #"{"command_id":"a-5","invoice_id":"INV-4","date":"2026-12-31","amount":"100.00"}"#
            ),
            (
                "customer.update",
                #"{"command_id":"a-6","customer_id":"BETA","dunning_policy":"SHORT","risk_tier":"high"}"#
            ),
            (
                "customer.update",
                #"{"command_id":"a-7","customer_id":"ACME","risk_tier":"low","email":"ar@acme.example"}"#
            ),
            ("report.worklist", #"{"as_of":"2026-02-20"}"#),
            ("report.worklist", #"{"as_of":"2026-02-20","known_at":{"seq":5}}"#),
            ("report.worklist", #"{"as_of":"2026-02-20","limit":1}"#),
            ("report.forecast", #"{"from":"2026-02-02","weeks":4}"#),
            ("report.risk", #"{"as_of":"2026-02-20"}"#),
            ("report.risk", #"{"customer_id":"ACME"}"#),
            ("customer.get", #"{"customer_id":"BETA","as_of":"2026-02-20"}"#),
        ]
        for (method, params) in Self.setup + calls {
            let reply = try client.call(method, json(params))
            guard let result = reply["result"] else {
                Issue.record("\(method) \(params) -> \(reply.text)")
                continue
            }
            results[method, default: []].append(result.text)
        }
        for (method, lines) in results.sorted(by: { $0.key < $1.key })
        where method.hasPrefix("dunning.") || method.hasPrefix("report.")
            || method == "ledger.configure" || method == "customer.get"
        {
            let failure = try SchemaValidator.validate(
                lines,
                against: "protocol/results.json#/$defs/\(method)"
            )
            #expect(failure == nil, "\(method): \(failure ?? "")")
        }
        let beta = try client.call("customer.get", json(#"{"customer_id":"BETA"}"#))
        let standing = beta["result"]?["dunning"]
        #expect(standing?["policy_id"]?.stringValue == "SHORT")
        #expect(standing?["policy_source"]?.stringValue == "customer_override")
        #expect(standing?["tier"]?.stringValue == "high")
        #expect(standing?["tier_override"]?.stringValue == "high")
        let limited = try client.call("report.worklist", json(#"{"as_of":"2026-02-20","limit":1}"#))
        #expect(limited["result"]?["rows"]?.arrayValue?.count == 1)
        #expect((limited["result"]?["total"]?.intValue ?? 0) > 1)
        let read = try client.call("events.read", json(#"{"from_seq":1,"limit":100}"#))
        var payloads: [String: [String]] = [:]
        for record in read["result"]?["events"]?.arrayValue ?? [] {
            guard let type = record["type"]?.stringValue, let payload = record["payload"] else {
                continue
            }
            payloads[type, default: []].append(payload.text)
        }
        #expect(
            Set(payloads.keys).isSuperset(of: [
                "dunning.configured", "dunning.policy_defined", "dunning.policy_assigned",
                "reminder.sent",
                "dunning.customer_overridden",
            ])
        )
        for (type, lines) in payloads
        where type.hasPrefix("dunning.") || type.hasPrefix("reminder.") {
            let failure = try SchemaValidator.validate(
                lines,
                against: "events/\(type).v1.schema.json"
            )
            #expect(failure == nil, "\(type): \(failure ?? "")")
        }
    }

    @Test func aFailedDeliveryIsRecordedAndTheNextRunDeliversWithTheSameMessageID() throws {
        let directory = NSTemporaryDirectory() + "accrued-spool-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A file where the spool directory should be: every write fails.
        _ = FileManager.default.createFile(atPath: directory, contents: Data())
        let config = try ConfigFile("[dunning]\nmax_attempts = 1\n", in: directory + ".config")
        defer { try? FileManager.default.removeItem(atPath: directory + ".config") }
        let daemon = try DaemonProcess(
            arguments: ["--config", config.path, "--spool-dir", directory + "/spool"]
        )
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        for (method, params) in Self.setup { _ = try client.call(method, json(params)) }
        let failed = try client.call(
            "dunning.run",
            json(#"{"command_id":"x-1","as_of":"2026-02-10"}"#)
        )
        let failures = failed["result"]?["failed"]?.arrayValue ?? []
        #expect(failures.count == 2)
        #expect(failures.first?["error"]?.stringValue?.hasPrefix("spool: ") == true)
        #expect(failed["result"]?["fee_invoices"]?.arrayValue?.isEmpty == true)
        try FileManager.default.removeItem(atPath: directory)
        let sent = try client.call(
            "dunning.run",
            json(#"{"command_id":"x-2","as_of":"2026-02-10"}"#)
        )
        let delivered = sent["result"]?["sent"]?.arrayValue ?? []
        #expect(delivered.map { $0["message_id"] } == failures.map { $0["message_id"] })
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/spool")
        #expect(files.filter { $0.hasSuffix(".eml") }.count == 2)
    }

    @Test func describeListsTheDunningMethodsWithTheirRoles() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let methods =
            try daemon.client().call("system.describe")["result"]?["methods"]?.arrayValue ?? []
        func describe(_ name: String) -> [String] {
            methods.filter { $0["name"]?.stringValue == name }.map {
                "\($0["role"]?.stringValue ?? "")/\($0["write"] == .bool(true) ? "write" : "read")"
            }
        }
        #expect(describe("dunning.run") == ["admin/write"])
        #expect(describe("dunning.preview") == ["admin/read"])
        #expect(describe("dunning.define_policy") == ["writer/write"])
        #expect(describe("dunning.assign_policy") == ["writer/write"])
        #expect(describe("report.worklist") == ["reader/read"])
        #expect(describe("report.forecast") == ["reader/read"])
        #expect(describe("report.risk") == ["reader/read"])
    }

    @Test func refusalsNameTheirReasons() throws {
        let (daemon, client) = try Self.prepared()
        defer { daemon.stop(); daemon.removeFiles() }
        let future = try client.call(
            "dunning.run",
            json(#"{"command_id":"f-1","as_of":"2999-01-01"}"#)
        )
        #expect(future["error"]?["data"]?["reason"]?.stringValue == "as_of_in_future")
        #expect(Self.spoolFiles(daemon).isEmpty)
        let unknown = try client.call(
            "dunning.assign_policy",
            json(#"{"command_id":"f-2","policy_id":"NOPE","customer_id":"ACME"}"#)
        )
        #expect(unknown["error"]?["data"]?["reason"]?.stringValue == "unknown_policy")
        let twoTargets = try client.call(
            "dunning.assign_policy",
            json(#"{"command_id":"f-3","policy_id":"STD","customer_id":"ACME","segment":"retail"}"#)
        )
        #expect(twoTargets["error"]?["code"]?.intValue == -32602)
        let badSteps = try client.call(
            "dunning.define_policy",
            json(
                #"{"command_id":"f-4","policy_id":"BAD","steps":[{"offset_days":7,"channel":"spool","template":"a"},{"offset_days":7,"channel":"spool","template":"b"}]}"#
            )
        )
        #expect(badSteps["error"]?["data"]?["field"]?.stringValue == "steps[1].offset_days")
    }
}
