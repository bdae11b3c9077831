import Foundation
import LedgerWire
import Testing

/// The auditor's commands on the real ledger: replay to a point, explain an amount, export the
/// log as stored, verify a backup.
@Suite(.serialized)
struct CLIAuditTests {
    @Test func replayThroughASequenceEqualsTheReportKnownAtIt() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        for through in [5, 9, 14, 19] {
            let replay = try cli.run([
                "replay", "--data-dir", daemon.dataDirectory, "--through", "\(through)", "--json",
            ])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stderr.contains("replayed \(through) records"))
            let report = try cli.run([
                "report", "balances", "--as-of", "9999-12-31", "--known-at", "\(through)", "--json",
            ])
            #expect(replay.stdout == report.stdout, "through \(through)")
        }
    }

    @Test func explainListsTheEventsThatMakeUpAnInvoiceAndACustomer() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)

        let invoice = try cli.run(["explain", "invoice", "INV-2", "--json"])
        #expect(invoice.status == 0, "\(invoice.stderr)")
        let explained = try invoice.json()
        let events = try #require(explained["events"]?.arrayValue)
        #expect(
            events.map { $0["type"]?.stringValue } == [
                "invoice.issued", "credit_note.issued", "payment.allocated", "payment.reversed",
            ]
        )
        #expect(
            events.map { $0["amount"]?.stringValue } == ["2500.50", "-100.00", "-300.00", "300.00"]
        )
        #expect(events.allSatisfy { $0["hash"]?.stringValue?.count == 64 })
        #expect(explained["open"]?.stringValue == "2400.50")
        #expect(explained["reported_open"]?.stringValue == "2400.50")
        #expect(explained["matches"] == .bool(true))

        let onDisk = try cli.run([
            "explain", "invoice", "INV-2", "--json", "--data-dir", daemon.dataDirectory,
        ])
        #expect(onDisk.stdout == invoice.stdout)

        let customer = try cli.run(["explain", "customer", "ACME", "--json"])
        #expect(customer.status == 0, "\(customer.stderr)")
        let totals = try #require(try customer.json()["totals"]?.arrayValue)
        #expect(totals.count == 1)
        #expect(totals.first?["open"]?.stringValue == "3000.50")
        #expect(totals.first?["unapplied"]?.stringValue == "65.00")
        #expect(try customer.json()["matches"] == .bool(true))

        let between = try cli.run([
            "explain", "invoice", "INV-2", "--as-of", "2026-03-06", "--json",
        ])
        let betweenJSON = try between.json()
        #expect(betweenJSON["events"]?.arrayValue?.count == 3, "the reversal on 03-08 is later")
        #expect(betweenJSON["open"]?.stringValue == "2100.50")
        #expect(betweenJSON["matches"] == .bool(true))
        let known = try cli.run(["explain", "invoice", "INV-2", "--known-at", "12", "--json"])
            .json()
        #expect(known["events"]?.arrayValue?.count == 1, "the credit note is record 13")
        #expect(known["open"]?.stringValue == "2500.50")
        #expect(known["reported_open"]?.stringValue == "2500.50")
        let pastCustomer = try cli.run(
            ["explain", "customer", "ACME", "--as-of", "2026-02-15", "--known-at", "14", "--json"]
        ).json()
        #expect(pastCustomer["matches"] == .bool(true))
        #expect(pastCustomer["totals"]?.arrayValue?.first?["open"]?.stringValue == "3090.50")

        let missing = try cli.run(["explain", "invoice", "INV-404"])
        #expect(missing.status == 1)
    }

    @Test func jsonlExportIsTheLogAsStoredAndValidAgainstTheSchema() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let viaSocket = try cli.run(["export", "--format", "jsonl"])
        let viaDirectory = try cli.run([
            "export", "--format", "jsonl", "--data-dir", daemon.dataDirectory,
        ])
        #expect(viaSocket.status == 0 && viaDirectory.status == 0)
        #expect(viaSocket.stdout == viaDirectory.stdout)
        let lines = viaDirectory.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 19)
        #expect(try SchemaValidator.validate(lines, against: "protocol/event-record.json") == nil)
        let read = try daemon.client().call(
            "events.read",
            .object([JSONMember("from_seq", .int(1)), JSONMember("limit", .int(100))])
        )
        let records = try #require(read["result"]?["events"]?.arrayValue)
        #expect(records.map(\.text) == lines)
        let chain = try SchemaValidator.runPython(
            "verify_vectors.py",
            ["--events", "/dev/stdin"],
            input: viaDirectory.stdout
        )
        #expect(chain.status == 0, "\(chain.output)")
    }

    @Test func verifyAndReportsWorkOnABackupCopy() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let copy = daemon.directory + "/backup"
        let backup = try cli.run(["backup", "--data-dir", daemon.dataDirectory, "--to", copy])
        #expect(backup.status == 0, "\(backup.stderr)")
        let verify = try cli.run(["verify", "--data-dir", copy])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("ok: 19 records"))
        let aging = ["report", "aging", "--as-of", "2026-02-28", "--known-at", "10", "--json"]
        #expect(try cli.run(aging + ["--data-dir", copy]).stdout == (try cli.run(aging)).stdout)
    }

    @Test func verifyNamesATamperedRecordAndExitsFour() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let copy = daemon.directory + "/tampered"
        #expect(
            try cli.run(["backup", "--data-dir", daemon.dataDirectory, "--to", copy]).status == 0
        )
        let file = copy + "/data.mdb"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let needle = Array("damaged goods".utf8)
        let found = try #require(
            bytes.indices.first {
                bytes[$0..<min($0 + needle.count, bytes.count)].elementsEqual(needle)
            }
        )
        bytes[found + 5] = UInt8(ascii: "x")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let verify = try cli.run(["verify", "--data-dir", copy])
        #expect(verify.status == 4)
        #expect(verify.stdout.contains("record 13"), "\(verify.stdout)")
    }

    @Test func csvExportListsTheOpenItemsAtADate() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let export = try cli.run([
            "export", "--format", "csv", "--as-of", "2026-12-31", "--data-dir",
            daemon.dataDirectory,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("invoice_id,customer_id,currency,amount,") == true)
        let open = lines.dropFirst().map { $0.split(separator: ",").prefix(1).joined() }
        #expect(open == ["INV-1", "INV-2", "INV-3"], "INV-4 was voided")
        #expect(
            lines.contains {
                $0.hasPrefix("INV-1,ACME,EUR,1190.00,") && $0.contains(",open,600.00,")
            }
        )
        let viaSocket = try cli.run(["export", "--format", "csv", "--as-of", "2026-12-31"])
        #expect(viaSocket.stdout == export.stdout)
    }
}
