import ArgumentParser
import LedgerWire

/// Turning the ledger's errors into messages on standard error and documented exit codes.
enum Failure {
    /// The exit code for an error answer: 1 for a refusal by the ledger's rules, 64 for a
    /// malformed request (the CLI's usage), 1 for anything else the daemon reports.
    static func exitCode(for error: RPCError) -> ExitCode {
        switch error.code {
        case .invalidParams, .methodNotFound, .invalidRequest: ExitStatus.usage
        default: ExitStatus.refused
        }
    }

    /// Prints `error` as `refused: message (reason, field)` and returns its exit code.
    static func report(_ error: RPCError) -> ExitCode {
        let kind = error.code == .rejected ? "refused" : "error"
        var details = [error.reason, error.field.map { "field \($0)" }].compactMap { $0 }
        details.append("code \(error.code.rawValue)")
        printError("\(kind): \(error.message) (\(details.joined(separator: ", ")))")
        return exitCode(for: error)
    }

    /// Prints that the daemon is unreachable and returns exit code 3.
    static func unreachable(_ error: any Error) -> ExitCode {
        printError("cannot reach the daemon: \(error)")
        return ExitStatus.unreachable
    }

    /// Prints a usage problem found after parsing and returns exit code 64.
    static func usage(_ message: String) -> ExitCode {
        printError("usage: \(message)")
        return ExitStatus.usage
    }
}
