import Foundation

/// Colour for a terminal: on only when the stream is a terminal, `NO_COLOR` is unset (see
/// no-color.org) and `TERM` is not `dumb`.
struct TerminalStyle {
    /// Whether escape sequences are written at all.
    let colour: Bool

    /// The style for standard output.
    static let standardOutput = TerminalStyle(colour: allowsColour(descriptor: STDOUT_FILENO))

    /// Whether a stream may get colour.
    static func allowsColour(descriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    /// Bold text, for headers and totals.
    func bold(_ text: String) -> String { wrap(text, "1") }

    /// Red text, for negative amounts and faults.
    func red(_ text: String) -> String { wrap(text, "31") }

    /// Dim text, for hashes and secondary detail.
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
