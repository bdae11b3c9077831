import Foundation
import LedgerWire

/// Runs the real built `accrue` binary (next to `accrued` in the build directory) as a child
/// process and captures what it printed and how it exited.
struct CLIRunner {
    /// What one run produced.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output parsed as one JSON document.
        func json() throws -> JSONValue {
            try JSONParser.parse(Array(stdout.utf8))
        }
    }

    /// Environment added to every run.
    var environment: [String: String] = [:]

    /// A runner talking to `daemon` through `$ACCRUE_SOCKET`.
    init(daemon: DaemonProcess? = nil) {
        if let daemon { environment["ACCRUE_SOCKET"] = daemon.socketPath }
    }

    /// The `accrue` executable.
    static var executable: URL { DaemonProcess.binDirectory.appendingPathComponent("accrue") }

    /// Runs `accrue arguments…`, optionally with `input` on standard input. Output goes through
    /// temporary files, so large outputs cannot fill a pipe and stall the child.
    func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let directory = NSTemporaryDirectory() + "accrue-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/out"
        let errPath = directory + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "ACCRUE_SOCKET")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: outPath, encoding: .utf8),
            stderr: try String(contentsOfFile: errPath, encoding: .utf8)
        )
    }

    /// Runs a program found on `PATH` (hledger, ledger) and returns its status and output.
    static func runTool(_ arguments: [String]) throws -> Run {
        let directory = NSTemporaryDirectory() + "accrue-tool-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/out"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errors = directory + "/err"
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: outPath, encoding: .utf8),
            stderr: try String(contentsOfFile: errors, encoding: .utf8)
        )
    }
}

/// A small ledger written through the CLI: two customers, two currencies, invoices, an
/// allocated and an automatically allocated payment, a credit note on an invoice and one on
/// account, a write-off, a void and a reversal.
enum CLIScenario {
    /// The commands, as `accrue` arguments.
    static let commands: [[String]] = [
        ["customer", "register", "ACME", "--name", "Acme GmbH", "--currency", "EUR"],
        ["customer", "register", "GLOBEX", "--name", "Globex Corp", "--currency", "USD"],
        invoice("INV-1", "ACME", "EUR", "1190.00", "2026-01-05", "2026-02-04"),
        invoice("INV-2", "ACME", "EUR", "2500.50", "2026-01-20", "2026-02-19"),
        invoice("INV-3", "GLOBEX", "USD", "1234567.89", "2026-01-10", "2026-03-11"),
        invoice("INV-4", "GLOBEX", "USD", "99.00", "2026-01-11", "2026-02-10"),
        ["invoice", "void", "INV-4", "--date", "2026-01-12", "--reason", "issued twice"],
        [
            "payment", "record", "PAY-1", "--customer", "ACME", "--currency", "EUR", "--amount",
            "500.00",
            "--date", "2026-02-10", "--allocate", "INV-1=500.00",
        ],
        [
            "payment", "record", "PAY-2", "--customer", "GLOBEX", "--currency", "USD", "--amount",
            "1000.00", "--date", "2026-02-12",
        ],
        [
            "credit-note", "issue", "CN-1", "--customer", "ACME", "--currency", "EUR", "--amount",
            "100.00",
            "--date", "2026-02-15", "--invoice", "INV-2", "--reason", "damaged goods",
        ],
        [
            "credit-note", "issue", "CN-2", "--customer", "ACME", "--currency", "EUR", "--amount",
            "25.00",
            "--date", "2026-02-16", "--reason", "goodwill",
        ],
        [
            "invoice", "write-off", "INV-1", "--amount", "90.00", "--date", "2026-03-01",
            "--reason", "bank charges",
        ],
        [
            "payment", "record", "PAY-3", "--customer", "ACME", "--currency", "EUR", "--amount",
            "300.00",
            "--date", "2026-03-05", "--allocate", "INV-2=300.00",
        ],
        ["payment", "reverse", "PAY-3", "--date", "2026-03-08", "--reason", "returned by bank"],
        [
            "payment", "record", "PAY-4", "--customer", "ACME", "--currency", "EUR", "--amount",
            "40.00",
            "--date", "2026-03-09", "--unapplied",
        ],
    ]

    static func invoice(
        _ id: String,
        _ customer: String,
        _ currency: String,
        _ amount: String,
        _ issued: String,
        _ due: String
    ) -> [String] {
        [
            "invoice", "issue", id, "--customer", customer, "--currency", currency, "--amount",
            amount,
            "--issue-date", issued, "--due-date", due,
        ]
    }

    /// Writes the scenario through `cli`; returns the runs, failing on any non-zero exit.
    static func write(_ cli: CLIRunner) throws -> [CLIRunner.Run] {
        try commands.map { arguments in
            let run = try cli.run(arguments + ["--json"])
            guard run.status == 0 else {
                throw DaemonFailure(message: "\(arguments) exited \(run.status): \(run.stderr)")
            }
            return run
        }
    }
}
