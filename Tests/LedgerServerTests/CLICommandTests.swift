import Foundation
import LedgerWire
import Testing

/// The `accrue` binary against the real daemon: writes, exit codes, and reads that print the
/// same bytes through the socket and straight from the ledger directory.
@Suite(.serialized)
struct CLICommandTests {
    @Test func writePrintsTheCommandIDItUsedAndARetryWritesNothing() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        let register = ["customer", "register", "ACME", "--name", "Acme GmbH", "--currency", "EUR"]

        let random = try cli.run(register + ["--json"])
        #expect(random.status == 0, "\(random.stderr)")
        let first = try random.json()
        #expect(first["seq"]?.intValue == 2)
        #expect(first["customer_id"]?.stringValue == "ACME")
        #expect(first["command_id"]?.stringValue?.hasPrefix("cli-") == true)

        let issue = CLIScenario.invoice(
            "INV-1",
            "ACME",
            "EUR",
            "1190.00",
            "2026-01-05",
            "2026-02-04"
        )
        let given = try cli.run(issue + ["--command-id", "erp-77"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("command_id  erp-77"))
        #expect(given.stdout.contains("open        1,190.00"))

        let retry = try cli.run(issue + ["--command-id", "erp-77", "--json"])
        #expect(retry.status == 0)
        #expect(try retry.json()["duplicate"] == .bool(true))
        #expect(try retry.json()["seq"]?.intValue == 3)
        let head = try cli.run(["head", "--json"])
        #expect(try head.json()["seq"]?.intValue == 3)
    }

    @Test func exitCodesSayRefusedUnreachableAndUsage() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)

        let refused = try cli.run(
            CLIScenario.invoice("INV-1", "NOBODY", "EUR", "10.00", "2026-01-05", "2026-02-04")
        )
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused:"))
        #expect(refused.stderr.contains("unknown_customer"))

        let malformed = try cli.run(
            CLIScenario.invoice("INV-1", "NOBODY", "EUR", "10.001", "2026-01-05", "2026-02-04")
        )
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("invalid_amount"))

        let badOption = try cli.run(["report", "aging", "--as-of", "2026-02-30"])
        #expect(badOption.status == 64)

        let readOnly = try cli.run([
            "customer", "register", "X", "--name", "X", "--data-dir", daemon.dataDirectory,
        ])
        #expect(readOnly.status == 64)
        #expect(readOnly.stderr.contains("needs the daemon"))

        let nowhere = try cli.run([
            "report", "balances", "--socket", daemon.directory + "/missing.sock",
        ])
        #expect(nowhere.status == 3)
        #expect(nowhere.stderr.contains("cannot reach the daemon"))

        let noLedger = try cli.run([
            "report", "balances", "--data-dir", daemon.directory + "/missing",
        ])
        #expect(noLedger.status == 3)
    }

    @Test func dataDirectoryReadsPrintTheDaemonsBytes() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let reads: [[String]] = [
            ["report", "balances", "--as-of", "2026-12-31"],
            [
                "report", "balances", "--as-of", "2026-02-28", "--known-at", "9", "--customer",
                "ACME",
            ],
            ["report", "aging", "--as-of", "2026-03-31", "--buckets", "30,60,90,180"],
            [
                "report", "aging", "--as-of", "2026-02-20", "--known-at", "8", "--group-by",
                "currency",
            ],
            ["invoice", "get", "INV-2", "--as-of", "2026-03-31"],
            ["invoice", "list", "--customer", "ACME", "--as-of", "2026-03-31"],
            ["customer", "get", "ACME", "--as-of", "2026-03-31", "--known-at", "12"],
            ["customer", "list", "--as-of", "2026-03-31"],
            ["events", "tail", "--from", "3", "--limit", "4"],
            ["head"],
        ]
        for format in [["--json"], ["--format", "csv"], ["--format", "table"]] {
            for arguments in reads {
                let viaSocket = try cli.run(arguments + format)
                let viaDirectory = try cli.run(
                    arguments + format + ["--data-dir", daemon.dataDirectory]
                )
                #expect(viaSocket.status == 0, "\(arguments): \(viaSocket.stderr)")
                #expect(viaDirectory.status == 0, "\(arguments): \(viaDirectory.stderr)")
                #expect(viaSocket.stdout == viaDirectory.stdout, "\(arguments + format)")
                #expect(!viaSocket.stdout.isEmpty)
            }
        }
        let unknown = try cli.run(["invoice", "get", "INV-9", "--data-dir", daemon.dataDirectory])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown_invoice"))
    }

    @Test func tablesAlignCurrencyAmountsAndCSVHasAHeader() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)

        let table = try cli.run(["report", "balances", "--as-of", "2026-12-31"])
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}["), "no colour when not a terminal")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("customer_id") })
        #expect(lines[header].contains("invoiced"))
        let globex = try #require(lines.first { $0.hasPrefix("GLOBEX") })
        #expect(globex.contains("1,234,567.89"))
        #expect(globex.contains("1,000.00"), "paid is an amount, not an id")
        // Right-aligned: every row of the table is as long as its header.
        let rows = lines[header...].prefix { !$0.isEmpty }
        #expect(Set(rows.map(\.count)).count == 1, "\(rows)")

        let csv = try cli.run(["report", "balances", "--as-of", "2026-12-31", "--format", "csv"])
        let csvLines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(
            csvLines.first
                == "kind,customer_id,currency,invoiced,paid,credited,written_off,open,unapplied,net"
        )
        #expect(
            csvLines.contains(
                "row,GLOBEX,USD,1234567.89,1000.00,0.00,0.00,1233567.89,0.00,1233567.89"
            )
        )
        #expect(csvLines.contains { $0.hasPrefix("total,,EUR,") })
    }
}
