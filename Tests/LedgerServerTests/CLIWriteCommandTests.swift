import Foundation
import LedgerWire
import Testing

/// The remaining write commands through the real daemon: update and clear, later allocation,
/// write-off of all that is open, period close and its refusal, ledger settings.
@Suite(.serialized)
struct CLIWriteCommandTests {
    @Test func correctionsAndBooksCommandsChangeTheLedgerAsTheySay() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        func ok(_ arguments: [String]) throws -> JSONValue {
            let run = try cli.run(arguments + ["--json"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return try run.json()
        }
        _ = try ok([
            "customer", "register", "ACME", "--name", "Acme", "--segment", "retail", "--terms",
            "net:30",
        ])
        _ = try ok([
            "customer", "update", "ACME", "--email", "ap@acme.example", "--clear", "segment",
        ])
        let customer = try ok(["customer", "get", "ACME"])
        #expect(customer["email"]?.stringValue == "ap@acme.example")
        #expect(customer["segment"] == nil)
        #expect(customer["terms"]?["days"]?.intValue == 30)

        _ = try ok([
            "ledger", "configure", "--time-zone", "Europe/Berlin", "--write-off-tolerance",
            "EUR=0.50",
        ])
        _ = try ok(
            CLIScenario.invoice("INV-1", "ACME", "EUR", "100.00", "2026-01-05", "2026-02-04")
        )
        _ = try ok(
            CLIScenario.invoice("INV-2", "ACME", "EUR", "200.00", "2026-01-06", "2026-02-05")
        )
        let payment = try ok([
            "payment", "record", "PAY-1", "--customer", "ACME", "--currency", "EUR", "--amount",
            "150.00",
            "--date", "2026-02-01", "--unapplied",
        ])
        #expect(payment["unapplied"]?.stringValue == "150.00")
        _ = try ok([
            "payment", "allocate", "PAY-1", "--allocate", "INV-1=99.70", "--allocate",
            "INV-2=50.30", "--date", "2026-02-02",
        ])
        let first = try ok(["invoice", "get", "INV-1", "--as-of", "2026-12-31"])
        #expect(
            first["open"]?.stringValue == "0.00",
            "0.30 left is within the tolerance: written off"
        )
        #expect(first["written_off"]?.stringValue == "0.30")

        _ = try ok([
            "invoice", "write-off", "INV-2", "--date", "2026-03-01", "--reason", "insolvency",
        ])
        let second = try ok(["invoice", "get", "INV-2", "--as-of", "2026-12-31"])
        #expect(second["written_off"]?.stringValue == "149.70")
        #expect(second["open"]?.stringValue == "0.00")

        _ = try ok(["period", "close", "--through", "2026-03-31"])
        let late = try cli.run(
            CLIScenario.invoice("INV-3", "ACME", "EUR", "10.00", "2026-03-15", "2026-04-14")
        )
        #expect(late.status == 1)
        #expect(late.stderr.contains("period_closed"))
        _ = try ok(CLIScenario.invoice("INV-3", "ACME", "EUR", "10.00", "2026-04-01", "2026-05-01"))
    }

    @Test func transactAppliesAllCommandsOrNone() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        let good =
            #"[{"method":"customer.register","params":{"customer_id":"C9","name":"C9"}},"#
            + #"{"method":"invoice.issue","params":{"invoice_id":"T-1","customer_id":"C9","currency":"EUR","#
            + #""amount":"5.00","issue_date":"2026-05-01","due_date":"2026-05-31"}}]"#
        let applied = try cli.run(["ledger", "transact", "-", "--json"], input: good)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try applied.json()["results"]?.arrayValue?.count == 2)
        let head = try cli.run(["head", "--json"]).json()["seq"]?.intValue
        let bad = good.replacingOccurrences(of: "C9", with: "C10")
        let refused = try cli.run(["ledger", "transact", "-"], input: bad)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("commands[1]"))
        #expect(try cli.run(["head", "--json"]).json()["seq"]?.intValue == head, "nothing applied")
        let payment =
            #"[{"method":"payment.record","params":{"payment_id":"P-1","customer_id":"C9","#
            + #""currency":"EUR","amount":"3.00","date":"2026-05-02","method":"cash"}}]"#
        let nested = try cli.run(["ledger", "transact", "-"], input: payment)
        #expect(nested.status == 0, "\(nested.stderr)")
        #expect(
            nested.stdout.contains("results[P-1].allocations:\namount  invoice_id\n  3.00  T-1"),
            "\(nested.stdout)"
        )
        let retried = try cli.run(
            ["ledger", "transact", "-", "--command-id", "tx-2", "--format", "csv"],
            input: payment.replacingOccurrences(of: "P-1", with: "P-2")
        )
        #expect(
            retried.stdout.split(separator: "\n").last == "P-2,1.00,2.00,T-1",
            "\(retried.stdout)"
        )
        let health = try cli.run(["system", "health", "--json"]).json()
        #expect(health["status"]?.stringValue == "ok")
        #expect(
            health["head"]?.intValue == (try cli.run(["head", "--json"]).json()["seq"]?.intValue)
        )
    }
}
