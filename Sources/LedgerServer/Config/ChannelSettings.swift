/// One `[channels.NAME]` table: where dunning delivers reminders. A policy step names its
/// channel; delivery is in `ChannelSettings+Delivery.swift`.
package enum ChannelSettings: Sendable, Equatable {
    /// `type = "spool"`: one file per reminder in `directory`.
    case spool(directory: String)
    /// `type = "exec"`: `command` gets the reminder as JSON on stdin.
    case exec(command: [String], timeoutSeconds: Int)
    /// `type = "sendmail"`: an RFC 5322 message piped to a sendmail-compatible `command`.
    case sendmail(command: [String], from: String, timeoutSeconds: Int)

    /// The channel types the file accepts.
    static let types = ["spool", "exec", "sendmail"]

    /// Reads one channel table; the keys allowed depend on its `type`.
    init(_ section: inout TOMLSection) throws(ConfigError) {
        guard let type = try section.string("type") else {
            throw ConfigError(
                key: section.keyPath("type"),
                "is required: one of \(Self.types.joined(separator: ", "))"
            )
        }
        switch type {
        case "spool":
            guard let directory = try section.absolutePath("directory") else {
                throw ConfigError(
                    key: section.keyPath("directory"),
                    "is required for a spool channel"
                )
            }
            self = .spool(directory: directory)
        case "exec":
            self = .exec(
                command: try Self.command(&section, default: nil),
                timeoutSeconds: try Self.timeout(&section)
            )
        case "sendmail":
            let command = try Self.command(&section, default: ["/usr/sbin/sendmail", "-t", "-oi"])
            guard let from = try section.nonEmptyString("from") else {
                throw ConfigError(
                    key: section.keyPath("from"),
                    "is required for a sendmail channel"
                )
            }
            guard from.contains("@"), !from.contains(where: \.isNewline) else {
                throw ConfigError(key: section.keyPath("from"), "must be one mail address")
            }
            self = .sendmail(
                command: command,
                from: from,
                timeoutSeconds: try Self.timeout(&section)
            )
        default:
            throw ConfigError(
                key: section.keyPath("type"),
                "must be one of \(Self.types.joined(separator: ", ")), got \"\(type)\""
            )
        }
        try section.finish()
    }

    private static func command(_ section: inout TOMLSection, default fallback: [String]?)
        throws(ConfigError) -> [String]
    {
        guard let command = try section.stringArray("command") ?? fallback else {
            throw ConfigError(
                key: section.keyPath("command"),
                "is required: the program and its arguments"
            )
        }
        guard command[0].hasPrefix("/") else {
            throw ConfigError(
                key: section.keyPath("command") + "[0]",
                "must be an absolute path, got \"\(command[0])\""
            )
        }
        return command
    }

    private static func timeout(_ section: inout TOMLSection) throws(ConfigError) -> Int {
        try section.integer("timeout_seconds", in: 1...3600) ?? 30
    }

    /// Every key with its effective value, for the reload diff.
    var entries: [(String, String)] {
        switch self {
        case .spool(let directory):
            [("type", "spool"), ("directory", directory)]
        case .exec(let command, let timeoutSeconds):
            [
                ("type", "exec"), ("command", command.joined(separator: " ")),
                ("timeout_seconds", "\(timeoutSeconds)"),
            ]
        case .sendmail(let command, let from, let timeoutSeconds):
            [
                ("type", "sendmail"), ("command", command.joined(separator: " ")), ("from", from),
                ("timeout_seconds", "\(timeoutSeconds)"),
            ]
        }
    }
}
