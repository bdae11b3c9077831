import Foundation
import Ledger
import LedgerStorage
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
        let expected = Self.expectedBalances(balances)
        #expect(expected.count == 3)
        try Self.expectToolsAgree(journal: journal, expected: expected)
    }

    /// A generated ledger with every kind of event (discounts taken, refunds, reversals,
    /// write-offs, instalments…) reconciles too.
    @Test func aGeneratedLedgerWithEveryKindOfEventReconcilesInHledger() throws {
        let directory = NSTemporaryDirectory() + "accrue-journal-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var generator = LedgerScenarioGenerator(seed: 7)
        let generated = generator.run(events: 4_000)
        try FileManager.default.createDirectory(
            atPath: directory + "/data",
            withIntermediateDirectories: true
        )
        do {
            let log = try EventLog(ledgerDirectory: directory + "/data")
            try log.append { appender in
                for (index, (event, _)) in generated.events.dropFirst().enumerated() {
                    let encoded = EventCodec.encode(event)
                    try appender.append(
                        type: encoded.type,
                        version: encoded.version,
                        commandID: "gen-\(index)",
                        actor: Actor(uid: 0, role: "admin"),
                        payload: encoded.payload
                    )
                }
            }
        }
        let cli = CLIRunner()
        let journal = directory + "/ar.journal"
        let export = try cli.run([
            "export", "--format", "journal", "--data-dir", directory + "/data", "--output", journal,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        for kind in ["discount taken", "refunded", "reversed", "written off", "credit note"] {
            #expect(text.contains(kind), "the generated ledger has no \(kind)")
        }
        let balances = try cli.run([
            "report", "balances", "--data-dir", directory + "/data", "--as-of", "9999-12-31",
            "--json",
        ]).json()
        let expected = Self.expectedBalances(balances)
        #expect(expected.count > 20)
        try Self.expectToolsAgree(journal: journal, expected: expected)
    }

    /// Each customer's receivable (its open amount) and unapplied account (the negated
    /// unapplied amount, a liability) from a `report.balances` result.
    static func expectedBalances(_ balances: JSONValue) -> [String: String] {
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
        return expected.mapValues(normalised).filter { $0.value != "0" }
    }

    /// hledger's and ledger-cli's balances of the journal equal `expected`.
    static func expectToolsAgree(journal: String, expected: [String: String]) throws {
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
        #expect(reported.filter { $0.value != "0" } == expected, "\(hledger.stdout)")

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
        #expect(ledgerReported.filter { $0.value != "0" } == expected, "\(ledger.stdout)")
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
