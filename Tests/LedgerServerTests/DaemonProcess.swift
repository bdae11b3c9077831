import Foundation
import LedgerWire

/// The real `accrued` binary running on a temporary ledger directory and socket.
final class DaemonProcess {
    let directory: String
    let dataDirectory: String
    let socketPath: String
    private let process = Process()
    private let stderrPipe = Pipe()

    /// The directory holding the built executables (next to the test bundle).
    static var binDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Starts the daemon and waits until its socket accepts connections.
    /// - Parameter logLevel: passed as `--log-level`; nil leaves the level to the configuration.
    /// - Parameter wrapper: a command to run the daemon under, such as strace.
    init(
        directory: String? = nil,
        arguments: [String] = [],
        environment: [String: String] = [:],
        logLevel: String? = "warning",
        wrapper: [String] = []
    ) throws {
        self.directory = directory ?? NSTemporaryDirectory() + "accrued-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        dataDirectory = self.directory + "/data"
        socketPath = self.directory + "/accrued.sock"
        let executable = Self.binDirectory.appendingPathComponent("accrued")
        let daemonArguments = ["--data-dir", dataDirectory, "--socket", socketPath]
            + (logLevel.map { ["--log-level", $0] } ?? []) + arguments
        if let program = wrapper.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(wrapper.dropFirst()) + [executable.path] + daemonArguments
        } else {
            process.executableURL = executable
            process.arguments = daemonArguments
        }
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardError = stderrPipe
        try process.run()
        try waitUntilServing()
    }

    private func waitUntilServing() throws {
        for _ in 0..<400 {
            if let client = try? RPCClient(socketPath: socketPath), (try? client.call("ledger.head")) != nil {
                return
            }
            guard process.isRunning else { break }
            usleep(25_000)
        }
        throw DaemonFailure(message: "accrued did not start: \(stderrText())")
    }

    /// A new client connection.
    func client() throws -> RPCClient {
        try RPCClient(socketPath: socketPath)
    }

    /// Sends `signal` and waits for the process to exit; returns its status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// What the daemon wrote to stderr (after it exited).
    func stderrText() -> String {
        if process.isRunning { return "" }
        return String(decoding: stderrPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func removeFiles() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

struct DaemonFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
