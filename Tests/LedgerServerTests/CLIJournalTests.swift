import Foundation
import LedgerWire
import Testing

/// `accrue export --format journal` read by the real hledger and ledger-cli (Debian packages
/// `hledger` and `ledger`, installed by `make deps`): their balances must equal accrue's,
/// customer by customer, to the cent.
@Suite(.serialized)
struct CLIJournalTests {
    @Test func hledgerAndLedgerBalancesEqualAccruesCustomerByCustomer() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let journal = daemon.directory + "/ar.journal"
        let export = try cli.run([
            "export", "--format", "journal", "--data-dir", daemon.dataDirectory, "--output",
            journal,
        ])
        #expect(export.status == 0, "\(export.stderr)")

        let balances = try cli.run(["report", "balances", "--as-of", "9999-12-31", "--json"]).json()
        var expected: [String: String] = [:]
        for row in balances["rows"]?.arrayValue ?? [] {
            let customer = row["customer_id"]?.stringValue ?? ""
            let currency = row["currency"]?.stringValue ?? ""
            expected["assets:receivable:\(customer)"] =
                "\(row["open"]?.stringValue ?? "") \(currency)"
            let unapplied = row["unapplied"]?.stringValue ?? ""
            let negated = unapplied.hasPrefix("-") ? String(unapplied.dropFirst()) : "-" + unapplied
            expected["liabilities:unapplied:\(customer)"] = "\(negated) \(currency)"
        }
        #expect(expected.count == 4)

        let hledger = try CLIRunner.runTool([
            "hledger", "-f", journal, "balance", "--flat", "-E", "-N", "-O", "csv",
            "assets:receivable", "liabilities:unapplied",
        ])
        #expect(hledger.status == 0, "hledger is needed (make deps): \(hledger.stderr)")
        var reported: [String: String] = [:]
        for line in hledger.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            if cells.count == 2 { reported[cells[0]] = Self.normalised(cells[1]) }
        }
        #expect(reported == expected.mapValues(Self.normalised), "\(hledger.stdout)")

        let ledger = try CLIRunner.runTool([
            "ledger", "-f", journal, "balance", "--flat", "--empty", "--no-total",
            "--balance-format", "%(account)=%(display_total)\n", "assets:receivable",
            "liabilities:unapplied",
        ])
        #expect(ledger.status == 0, "ledger is needed (make deps): \(ledger.stderr)")
        var ledgerReported: [String: String] = [:]
        for line in ledger.stdout.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                ledgerReported[parts[0].trimmingCharacters(in: .whitespaces)] = Self.normalised(
                    parts[1]
                )
            }
        }
        #expect(ledgerReported == expected.mapValues(Self.normalised), "\(ledger.stdout)")
    }

    /// `-1,234.50 EUR`, `EUR -1234.50` and `0` all as `-1234.50 EUR` style text without
    /// grouping; a zero balance is `0` whatever its commodity (the tools drop it).
    static func normalised(_ text: String) -> String {
        let parts = text.replacingOccurrences(of: ",", with: "").split(separator: " ").map(
            String.init
        )
        guard let number = parts.first(where: { $0.first?.isNumber == true || $0.first == "-" })
        else { return text }
        if number.allSatisfy({ $0 == "0" || $0 == "." || $0 == "-" }) { return "0" }
        let commodity = parts.first { $0 != number } ?? ""
        return "\(number) \(commodity)"
    }
}
