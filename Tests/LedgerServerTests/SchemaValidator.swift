import Foundation

/// Validates real daemon output against `schemas/` with the independent Python validator.
enum SchemaValidator {
    /// The repository's `schemas/` folder.
    static var schemasDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("schemas")
    }

    /// Runs `python3 schemas/<script> arguments…` with `input` on stdin; returns status and output.
    static func runPython(_ script: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", schemasDirectory.appendingPathComponent(script).path] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Validates JSON lines against `schema` (a file under `schemas/`, optionally `#/$defs/x`).
    static func validate(_ lines: [String], against schema: String) throws -> String? {
        let result = try runPython("validate.py", [schema], input: lines.joined(separator: "\n") + "\n")
        return result.status == 0 ? nil : result.output
    }
}
