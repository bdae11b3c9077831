import Foundation
import LedgerWire
import Testing

/// Dunning through the CLI against the real daemon: a policy, two runs a week apart, the
/// reminders in the spool and in `accrue explain`, and the chasing reports.
@Suite(.serialized)
struct CLIDunningTests {
    /// A daemon with a three-step default policy, a creditor and one open invoice due
    /// 2026-01-31, all written with the CLI.
    static func prepared() throws -> (DaemonProcess, CLIRunner) {
        let daemon = try DaemonProcess()
        let cli = CLIRunner(daemon: daemon)
        let commands: [[String]] = [
            [
                "dunning", "define-policy", "STD", "--step", "offset=-3,template=courtesy",
                "--step", "offset=7,fee=EUR:5.00", "--step", "offset=21,template=final,interest=8",
                "--minimum-gap-days", "7",
            ],
            [
                "ledger", "configure", "--default-policy", "STD", "--creditor-name",
                "Example GmbH", "--creditor-address", "ar@example.com", "--payment-instructions",
                "IBAN DE89 3704 0044 0532 0130 00",
            ],
            [
                "customer", "register", "ACME", "--name", "Acme GmbH", "--email",
                "ap@acme.example", "--currency", "EUR",
            ],
            [
                "invoice", "issue", "INV-1", "--customer", "ACME", "--currency", "EUR", "--amount",
                "100.00",
                "--issue-date", "2026-01-01", "--due-date", "2026-01-31",
            ],
        ]
        for arguments in commands {
            let run = try cli.run(arguments)
            #expect(run.status == 0, "\(arguments.prefix(2)): \(run.stderr)")
        }
        return (daemon, cli)
    }

    @Test func policyRunsAndExplanationsThroughTheCLI() throws {
        let (daemon, cli) = try Self.prepared()
        defer { daemon.stop(); daemon.removeFiles() }

        let preview = try cli.run(["dunning", "preview", "--as-of", "2026-01-29", "--json"])
        #expect(preview.status == 0, "\(preview.stderr)")
        let decision = try #require(try preview.json()["decisions"]?.arrayValue?.first)
        #expect(decision["action"]?.stringValue == "send")
        #expect(decision["step"]?.intValue == 1, "two days before the due date: the courtesy")
        #expect(DunningProtocolTests.spoolFiles(daemon).isEmpty, "a preview sends nothing")
        let table = try cli.run(["dunning", "preview", "--as-of", "2026-01-29"]).stdout
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("messages[ACME].items:"), "nested tables are named by id: \(table)")
        #expect(table.contains("Dear Acme GmbH,\\n"), "a body stays on its table row")
        #expect(lines.contains("fee_invoices:") && !lines.contains("fee_invoices"))

        for date in ["2026-01-29", "2026-02-10", "2026-02-10"] {
            let run = try cli.run(["dunning", "run", "--as-of", date, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(DunningProtocolTests.spoolFiles(daemon).count == 2, "the repeated run sent nothing")

        let invoice = try cli.run(["explain", "invoice", "INV-1", "--json"])
        #expect(invoice.status == 0, "\(invoice.stderr)")
        let reminders = try #require(try invoice.json()["reminders"]?.arrayValue)
        #expect(reminders.map { $0["step"]?.intValue } == [1, 2])
        #expect(reminders.allSatisfy { $0["type"]?.stringValue == "reminder.sent" })
        #expect(
            reminders.last?["why"]?.stringValue
                == "step 2 of STD: 10 days past due 2026-01-31 with 100.00 EUR open; fee 5.00 "
                + "billed on INV-1-F2"
        )
        #expect(
            reminders.first?["why"]?.stringValue
                == "step 1 of STD: 2 days before due 2026-01-31 with 100.00 EUR open"
        )

        let customer = try cli.run(["explain", "customer", "ACME", "--json"]).json()
        #expect(customer["dunning"]?["policy_id"]?.stringValue == "STD")
        #expect(customer["dunning"]?["policy_source"]?.stringValue == "default")
        #expect(customer["dunning"]?["tier"]?.stringValue != nil)
        #expect(customer["dunning"]?["average_days_late"] != nil, "the risk formula's inputs")
        #expect(customer["reminders"]?.arrayValue?.count == 2)
        #expect(customer["matches"] == .bool(true))

        let onDisk = try cli.run([
            "explain", "invoice", "INV-1", "--json", "--data-dir", daemon.dataDirectory,
        ])
        #expect(onDisk.stdout == (try cli.run(["explain", "invoice", "INV-1", "--json"])).stdout)
    }

    @Test func chasingReportsPrintThroughTheCLI() throws {
        let (daemon, cli) = try Self.prepared()
        defer { daemon.stop(); daemon.removeFiles() }
        _ = try cli.run(["dunning", "run", "--as-of", "2026-01-29"])

        let worklist = try cli.run(["report", "worklist", "--as-of", "2026-02-20", "--json"])
        #expect(worklist.status == 0, "\(worklist.stderr)")
        let row = try #require(try worklist.json()["rows"]?.arrayValue?.first)
        #expect(row["invoice_id"]?.stringValue == "INV-1")
        #expect(row["last_reminder"]?.stringValue == "2026-01-29")

        let forecast = try cli.run(["report", "forecast", "--from", "2026-02-02", "--weeks", "4"])
        #expect(forecast.status == 0, "\(forecast.stderr)")
        #expect(forecast.stdout.contains("2026-W06"), "\(forecast.stdout)")

        let risk = try cli.run(["report", "risk", "--customer", "ACME", "--format", "csv"])
        #expect(risk.status == 0, "\(risk.stderr)")
        #expect(risk.stdout.hasPrefix("customer_id,tier,"), "\(risk.stdout)")
    }

    @Test func dunningCommandsRefuseBadUsageBeforeSending() throws {
        let cli = CLIRunner()
        let cases: [[String]] = [
            ["dunning", "define-policy", "P"],
            ["dunning", "define-policy", "P", "--step", "template=final"],
            ["dunning", "define-policy", "P", "--step", "offset=7,colour=red"],
            ["dunning", "define-policy", "P", "--step", "offset=7,fee=5.00"],
            ["dunning", "assign-policy", "P"],
            ["dunning", "assign-policy", "P", "--segment", "a", "--customer", "B"],
            ["dunning", "assign-policy", "--remove", "P", "--segment", "a"],
            ["ledger", "configure", "--creditor-name", "Only a name"],
        ]
        for arguments in cases {
            let run = try cli.run(arguments + ["--socket", "/nonexistent/accrued.sock"])
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
        }
    }
}
