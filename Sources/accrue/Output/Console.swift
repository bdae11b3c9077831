import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Flushes standard output, so streamed lines reach a pipe as they are printed.
func fflushStandardOutput() {
    fflush(nil)
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

extension Progress {
    /// A progress bar such as `[#########           ] 450/1000 rows`.
    static func bar(done: Int, total: Int, label: String) {
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let bar =
            String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        report("[\(bar)] \(done)/\(total) \(label)")
    }
}
