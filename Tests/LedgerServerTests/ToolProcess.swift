import Foundation

/// Runs a built executable of this package (such as `accrue`) or a system tool to completion.
enum ToolProcess {
    /// What a finished run printed and how it ended.
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `program` (a path, or a name of one of this package's executables) with
    /// `arguments` and waits for it. Output goes through files, so a chatty tool never blocks.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL =
            program.hasPrefix("/")
            ? URL(fileURLWithPath: program)
            : DaemonProcess.binDirectory.appendingPathComponent(program)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let base = NSTemporaryDirectory() + "accrue-tool-" + UUID().uuidString
        let outPath = base + ".out"
        let errPath = base + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        )
    }
}
