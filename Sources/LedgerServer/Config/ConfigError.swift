/// A configuration the daemon refuses: names the offending key (dotted, as in the file) and
/// says what is wrong with it, so `accrued --check-config` points the operator at the line.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The dotted key, such as `server.write_queue_capacity`; empty for a file-level problem.
    package let key: String
    /// What is wrong, for the operator.
    package let message: String

    /// Creates an error about `key`.
    package init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }

    /// `key: message`, or only the message when no key applies.
    package var description: String {
        key.isEmpty ? message : "\(key): \(message)"
    }
}
