import ArgumentParser
import Foundation
import LedgerStorage

/// Opening ledger directories for the offline commands.
enum LedgerDirectory {
    /// Opens `path` read-only (never creating anything), or exits 3 with the reason.
    static func openReadOnly(_ path: String) throws -> EventLog {
        var options = EventLog.Options()
        options.environment.readOnly = true
        do {
            return try EventLog(ledgerDirectory: path, options: options)
        } catch {
            printError("cannot open ledger \(path): \(error)")
            throw ExitStatus.unreachable
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A one-line progress indicator on standard error, shown only on a terminal.
enum Progress {
    private static let isTerminal = isatty(STDERR_FILENO) == 1

    static func report(_ text: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    static func clear() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
