import Foundation
import LedgerWire

/// A JSON-RPC connection made by another user: `socat` started under `setpriv` with that
/// user's uid and gid, so the daemon sees real peer credentials that are not root's.
final class ForeignUserClient {
    /// `nobody` on Debian: a uid that no configuration grants by accident.
    static let nobody: UInt32 = 65_534

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    /// Connects to `socketPath` as `uid`/`gid` with no supplementary groups.
    init(socketPath: String, uid: UInt32 = nobody, gid: UInt32 = nobody) throws {
        // A write to a socat that has exited must throw, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups",
            "/usr/bin/socat", "-", "UNIX-CONNECT:\(socketPath)",
        ]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Sends one request (`params` as JSON text) and returns the reply, or nil when the
    /// connection closed.
    func call(_ method: String, params: String = "{}", id: Int = 1) throws -> JSONValue? {
        let line =
            #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"# + "\n"
        try input.fileHandleForWriting.write(contentsOf: Data(line.utf8))
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let reply = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return try JSONParser.parse(reply)
            }
            // availableData returns whatever arrived (read(upToCount:) would wait for all of it).
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return nil }
            buffer += chunk
        }
    }

    /// Whether socat (and so the connection) is still up.
    var isConnected: Bool { process.isRunning }

    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// A temporary configuration file.
struct ConfigFile {
    let path: String

    /// Writes `text` to a new file in `directory`.
    init(_ text: String, in directory: String, name: String = "accrued.toml") throws {
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true
        )
        path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Replaces the file's text.
    func rewrite(_ text: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Runs a program to completion and returns its status and combined output.
@discardableResult
func runProgram(
    _ executable: String,
    _ arguments: [String],
    environment: [String: String] = [:],
    directory: String? = nil
) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A new empty temporary directory, world-traversable so another uid can reach a socket in it.
func makeTemporaryDirectory(_ prefix: String) throws -> String {
    let path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    chmod(path, 0o755)
    return path
}

/// The repository's root, for `deploy/`, `README.md` and the Makefile.
var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
