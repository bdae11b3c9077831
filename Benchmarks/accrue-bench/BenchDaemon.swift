import Foundation
import LedgerWire

/// The release `accrued` built next to this benchmark, running on a scratch ledger.
final class BenchDaemon {
    let socketPath: String
    private let process = Process()

    /// The daemon's process id.
    var pid: pid_t { process.processIdentifier }

    /// Starts the daemon with its socket in `directory`, on the ledger in `dataDirectory`
    /// (default `directory/data`, created empty), and waits until it answers.
    init(directory: String, dataDirectory: String? = nil) throws {
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true
        )
        socketPath = directory + "/accrued.sock"
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("accrued")
        process.executableURL = executable
        process.arguments = [
            "--data-dir", dataDirectory ?? directory + "/data", "--socket", socketPath,
            "--log-level", "warning",
        ]
        try process.run()
        for _ in 0..<2_400 {
            if let client = try? RPCClient(socketPath: socketPath),
                (try? client.call("ledger.head")) != nil
            {
                return
            }
            usleep(25_000)
        }
        throw BenchFailure(
            message:
                "accrued at \(executable.path) did not start; build it with `swift build -c release`"
        )
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
    }
}
