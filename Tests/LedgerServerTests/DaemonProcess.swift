import Foundation
import LedgerWire

/// The real `accrued` binary running on a temporary ledger directory and socket.
final class DaemonProcess {
    let directory: String
    let dataDirectory: String
    let socketPath: String
    private let process = Process()
    private let isWrapped: Bool
    /// The daemon's stderr goes to a file, never a pipe: a pipe nobody drains fills up and
    /// blocks the daemon (or a wrapper such as strace) mid-write.
    let stderrPath: String

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
        try FileManager.default.createDirectory(
            atPath: self.directory,
            withIntermediateDirectories: true
        )
        dataDirectory = self.directory + "/data"
        socketPath = self.directory + "/accrued.sock"
        stderrPath = self.directory + "/accrued-\(UUID().uuidString).stderr"
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let executable = Self.binDirectory.appendingPathComponent("accrued")
        let daemonArguments =
            ["--data-dir", dataDirectory, "--socket", socketPath]
            + (logLevel.map { ["--log-level", $0] } ?? []) + arguments
        isWrapped = !wrapper.isEmpty
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
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        try waitUntilServing()
    }

    private func waitUntilServing() throws {
        for _ in 0..<400 {
            if let client = try? RPCClient(socketPath: socketPath),
                (try? client.call("ledger.head")) != nil
            {
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

    /// Sends `signal` to the daemon and waits for it (and any wrapper) to exit; returns the
    /// exit status of the process this object started.
    ///
    /// Under a wrapper the signal goes to the wrapped daemon itself: strace, for one, ignores
    /// SIGTERM while it runs a command.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(isWrapped ? wrappedPID ?? pid : pid, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The daemon's pid when it runs under a wrapper: the wrapper's only child.
    private var wrappedPID: Int32? {
        let children = try? String(
            contentsOfFile: "/proc/\(pid)/task/\(pid)/children",
            encoding: .utf8
        )
        return children?.split(separator: " ").first.flatMap { Int32($0) }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// What the daemon has written to stderr so far.
    func stderrText() -> String {
        (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
    }

    func removeFiles() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit {
        if process.isRunning { stop(signal: SIGKILL) }
    }
}

struct DaemonFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
