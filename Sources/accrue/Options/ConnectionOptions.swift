import ArgumentParser
import Foundation

/// Where a command reads from or writes to: the daemon's socket, or a ledger directory.
///
/// Shared by every command that talks to a ledger, so `--socket` and `--data-dir` mean the same
/// thing everywhere.
struct ConnectionOptions: ParsableArguments {
    /// The socket used when neither `--socket` nor `$ACCRUE_SOCKET` is given.
    static let defaultSocketPath = "/run/accrued/accrued.sock"

    @Option(
        name: .customLong("socket"),
        help: ArgumentHelp(
            "The daemon's socket (else $ACCRUE_SOCKET, else \(Self.defaultSocketPath)).",
            valueName: "path"
        ),
        completion: .file()
    )
    var socketPath: String?

    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "Read a ledger directory (or a backup copy) directly, read-only, instead of the socket.",
            valueName: "dir"
        ),
        completion: .directory
    )
    var dataDirectory: String?

    /// The socket to use: the flag, else the environment, else the default.
    var resolvedSocketPath: String {
        if let socketPath { return socketPath }
        if let path = ProcessInfo.processInfo.environment["ACCRUE_SOCKET"], !path.isEmpty {
            return path
        }
        return Self.defaultSocketPath
    }

    func validate() throws {
        if socketPath != nil, dataDirectory != nil {
            throw ValidationError("give --socket or --data-dir, not both")
        }
    }
}
