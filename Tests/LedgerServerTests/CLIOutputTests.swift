import Foundation
import LedgerWire
import Testing

/// What the CLI prints besides results: help with examples and exit codes, colour only on a
/// terminal and never with NO_COLOR, and `--known-at` by time.
@Suite(.serialized)
struct CLIOutputTests {
    /// Every leaf command.
    static let commands: [[String]] = [
        ["customer", "register"], ["customer", "update"], ["customer", "get"],
        ["customer", "list"],
        ["invoice", "issue"], ["invoice", "void"], ["invoice", "write-off"],
        ["invoice", "dispute"],
        ["invoice", "resolve-dispute"], ["invoice", "promise"], ["invoice", "get"],
        ["invoice", "list"],
        ["payment", "record"], ["payment", "allocate"], ["payment", "reverse"],
        ["payment", "refund"],
        ["credit-note", "issue"], ["period", "close"], ["ledger", "configure"],
        ["ledger", "transact"],
        ["system", "health"], ["system", "describe"], ["system", "stats"],
        ["report", "aging"], ["report", "balances"], ["report", "open-items"],
        ["report", "statement"],
        ["report", "kpis"], ["events", "tail"], ["events", "follow"], ["head"], ["verify"],
        ["backup"],
        ["replay"], ["explain", "invoice"], ["explain", "customer"], ["export"], ["import"],
    ]

    @Test func everyCommandsHelpHasAnExampleAndTheRootListsExitCodes() throws {
        let cli = CLIRunner()
        let root = try cli.run(["--help"])
        #expect(root.status == 0)
        for line in [
            "0   ok", "1   refused by the ledger", "3   cannot reach the daemon",
            "4   verify found a fault", "64  usage",
        ] {
            #expect(root.stdout.contains(line), "\(line)")
        }
        for command in Self.commands {
            let help = try cli.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("Example"), "\(command) has no example")
        }
        let reports = ["aging", "balances", "open-items"]
        for report in reports {
            let help = try cli.run(["report", report, "--help"])
            #expect(
                help.stdout.contains("--as-of") && help.stdout.contains("--known-at"),
                "\(report)"
            )
        }
        let completion = try cli.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("explain"))
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let command = "\(CLIRunner.executable.path) report balances --as-of 2026-12-31"
        let terminal = try CLIRunner.runTool([
            "env", "ACCRUE_SOCKET=\(daemon.socketPath)", "TERM=xterm", "NO_COLOR=", "script",
            "-qec", command, "/dev/null",
        ])
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(terminal.stdout.contains("\u{1B}[1m"), "bold header on a terminal")
        #expect(terminal.stdout.contains("1,234,567.89"))
        let noColor = try CLIRunner.runTool([
            "env", "ACCRUE_SOCKET=\(daemon.socketPath)", "TERM=xterm", "NO_COLOR=1", "script",
            "-qec", command, "/dev/null",
        ])
        #expect(noColor.status == 0)
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(noColor.stdout.contains("1,234,567.89"))
    }

    @Test func knownAtATimeEqualsKnownAtTheSequenceRecordedThen() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)
        let record = try cli.run(["events", "tail", "--from", "9", "--limit", "1", "--json"]).json()
        let time = try #require(record["recorded_at"]?.stringValue)
        for source in [[], ["--data-dir", daemon.dataDirectory]] {
            let byTime = try cli.run(
                ["report", "aging", "--as-of", "2026-03-31", "--known-at", time, "--json"] + source
            )
            #expect(byTime.status == 0, "\(byTime.stderr)")
            let answer = try byTime.json()
            // Record 9 is a payment's first event; its allocation, recorded in the same commit,
            // shares the time, so the time covers it too.
            #expect(answer["known_at"]?["time"]?.stringValue == time)
            let sequence = try #require(answer["known_at"]?["seq"]?.intValue)
            #expect((9...10).contains(sequence))
            let bySequence = try cli.run(
                ["report", "aging", "--as-of", "2026-03-31", "--known-at", "\(sequence)", "--json"]
            ).json()
            #expect(answer["rows"] == bySequence["rows"])
            #expect(answer["totals"] == bySequence["totals"])
        }
    }
}
