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
